// Tests for Proportions.
