// Tests for MultipleComparisons.
