// Two tiny Google Benchmark benchmarks; VARIANT=1 makes BM_Sum slower (the "new" build).
#include <benchmark/benchmark.h>
#include <numeric>
#include <vector>

#ifndef VARIANT
#define VARIANT 0
#endif

static void BM_Sum(benchmark::State& state) {
  std::vector<double> v(state.range(0), 1.0);
  for (auto _ : state) {
    double s = 0;
    for (int k = 0; k <= VARIANT; ++k) s += std::accumulate(v.begin(), v.end(), 0.0);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Sum)->Arg(256)->Arg(4096);

static void BM_Copy(benchmark::State& state) {
  std::vector<char> a(1024, 'x'), b(1024);
  for (auto _ : state) {
    std::copy(a.begin(), a.end(), b.begin());
    benchmark::DoNotOptimize(b.data());
  }
}
BENCHMARK(BM_Copy);

BENCHMARK_MAIN();
