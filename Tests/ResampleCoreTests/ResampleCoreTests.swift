// Tests for ResampleCore.
