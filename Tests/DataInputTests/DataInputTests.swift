// Tests for DataInput.
