// Tests for Distributions.
