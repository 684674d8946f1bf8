// Tests for RandomStreams.
