"""Two tiny pyperf benchmarks; VARIANT=1 in the environment makes 'sort' slower."""
import os
import pyperf

variant = int(os.environ.get("VARIANT", "0"))
data = list(range(2000, 0, -1)) * (1 + variant)

runner = pyperf.Runner()
runner.bench_func("sort", sorted, data)
runner.bench_func("sum", sum, range(1000))
