// Tiny Google Benchmark benchmarks for both sets of bench-diff fixtures. VARIANT=1 (the "new"
// build) makes BM_Sum twice as slow and leaves BM_Copy unchanged.
// COUNTERS=1 (benchmarks/generate.sh): BM_Sum at 4096 only, with throughput counters (so its
// bytes_per_second halves in the new build), BM_Copy reported in microseconds.
// COUNTERS=0 (benchdiff/generate.sh): no counters, BM_Sum at 256 and 4096, BM_Copy in ns.
#include <benchmark/benchmark.h>
#include <numeric>
#include <vector>

#ifndef VARIANT
#define VARIANT 0
#endif
#ifndef COUNTERS
#define COUNTERS 0
#endif

static void BM_Sum(benchmark::State& state) {
  std::vector<double> v(state.range(0), 1.0);
  for (auto _ : state) {
    double s = 0;
    for (int k = 0; k <= VARIANT; ++k) s += std::accumulate(v.begin(), v.end(), 0.0);
    benchmark::DoNotOptimize(s);
  }
#if COUNTERS
  state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0) * int64_t(sizeof(double)));
  state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
#endif
}

static void BM_Copy(benchmark::State& state) {
  std::vector<char> a(1024, 'x'), b(1024);
  for (auto _ : state) {
    std::copy(a.begin(), a.end(), b.begin());
    benchmark::DoNotOptimize(b.data());
  }
#if COUNTERS
  state.SetBytesProcessed(int64_t(state.iterations()) * 1024);
#endif
}

#if COUNTERS
BENCHMARK(BM_Sum)->Arg(4096);
BENCHMARK(BM_Copy)->Unit(benchmark::kMicrosecond);
#else
BENCHMARK(BM_Sum)->Arg(256)->Arg(4096);
BENCHMARK(BM_Copy);
#endif

BENCHMARK_MAIN();
