// Tests for Resampling.
