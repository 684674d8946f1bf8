"""Tiny pytest-benchmark benchmarks; VARIANT=1 in the environment makes test_sort twice as slow."""
import os

VARIANT = int(os.environ.get("VARIANT", "0"))
DATA = list(range(2000, 0, -1))


def test_sort(benchmark):
    benchmark(lambda: [sorted(DATA) for _ in range(1 + VARIANT)])


def test_sum(benchmark):
    benchmark(sum, range(1000))
