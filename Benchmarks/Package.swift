// swift-tools-version: 6.1
//
// Benchmarks for resample, kept out of the root package so that `swift build`/`swift test` there
// do not compile package-benchmark and its dependencies.
//
//   cd Benchmarks && swift package benchmark            # every suite (wall clock + allocations)
//   cd Benchmarks && swift package benchmark --target Samplers
//   scripts/bench-peers.sh                              # W1-W7 side by side with SciPy/numpy and R
//
// Suites live in Benchmarks/<Suite>/<Suite>.swift (package-benchmark finds targets whose
// directory's parent is named `Benchmarks`). `resample-runner` (Sources/resample-runner) runs the
// peer workloads W1-W7 through the library and prints the same JSON as peers/peers.py.
import PackageDescription

// A path dependency's identity is its directory's name ("main" here, anything in a fresh clone),
// so the product reference is built from the actual name of the parent directory.
let rootIdentity =
  Context.packageDirectory.split(separator: "/").dropLast().last
  .map { String($0).lowercased() } ?? "resample"

let resample = Target.Dependency.product(name: "Resample", package: rootIdentity)
let benchmark = Target.Dependency.product(name: "Benchmark", package: "benchmark")
let suites = ["Samplers", "Bootstrap", "Tables", "Permutation", "Survey"]

let package = Package(
  name: "ResampleBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: suites.map { suite in
    .executableTarget(
      name: suite,
      dependencies: [resample, benchmark, "BenchmarkSupport"],
      path: "Benchmarks/\(suite)",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  } + [
    .executableTarget(
      name: "resample-runner",
      dependencies: [resample, "BenchmarkSupport"],
      path: "Sources/resample-runner"),
    // What the suites and the runner share: valid(_:) and the peer data's location.
    .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
  ]
)
