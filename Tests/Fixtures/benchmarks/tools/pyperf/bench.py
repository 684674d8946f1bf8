"""Two tiny pyperf benchmarks; VARIANT=1 in the environment makes 'sort' twice as slow."""
import os
import pyperf

variant = int(os.environ.get("VARIANT", "0"))
data = list(range(2000, 0, -1))

runner = pyperf.Runner()
runner.bench_func("sort", lambda: [sorted(data) for _ in range(1 + variant)])
runner.bench_func("sum", sum, range(1000))
