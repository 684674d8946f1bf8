// Tests for SpecialFunctions.
