// Tests for RankTests.
