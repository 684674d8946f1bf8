// Tests for BenchmarkComparison.
