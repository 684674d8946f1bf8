"""Tiny asv benchmarks; VARIANT=1 in the environment makes time_sort twice as slow."""
import os

VARIANT = int(os.environ.get("VARIANT", "0"))
DATA = list(range(20000, 0, -1))


def time_sort():
    for _ in range(1 + VARIANT):
        sorted(DATA)


def time_sum():
    sum(range(1000))


class Params:
    params = [10, 100]
    param_names = ["n"]

    def time_range(self, n):
        sum(range(n))
