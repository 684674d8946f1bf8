// Tiny Google Benchmark benchmarks with throughput counters; VARIANT=1 (the "new" build) makes
// BM_Sum twice as slow (so its bytes_per_second halves) and leaves BM_Copy unchanged.
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
  state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0) * int64_t(sizeof(double)));
  state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Sum)->Arg(4096);

static void BM_Copy(benchmark::State& state) {
  std::vector<char> a(1024, 'x'), b(1024);
  for (auto _ : state) {
    std::copy(a.begin(), a.end(), b.begin());
    benchmark::DoNotOptimize(b.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * 1024);
}
BENCHMARK(BM_Copy)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
