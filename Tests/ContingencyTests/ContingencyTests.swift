// Tests for Contingency.
