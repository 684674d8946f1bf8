// Tests for LinearAlgebra.
