// swift-tools-version: 6.1
//
// resample: is the difference you see real? Bootstrap intervals, exact and Monte Carlo
// tests for tables and proportions, permutation tests, multiplicity, power.
//
// Layout (see Guides/Architecture.md):
//   one module per concern; libm and /proc only through _Platform;
//   C only where Swift cannot do the job: LinearAlgebra (CLinearAlgebra,
//   the BLAS/LAPACK headers) and RandomStreams' batched Philox blocks (_RandomKernels: AVX2 /
//   AVX-512 chosen at run time, which Swift cannot express per function);
//   `Resample` re-exports the public modules; `resample` is the CLI.
//
// Internal checks: define RESAMPLE_INTERNAL_CHECKS (swift build -Xswiftc -DRESAMPLE_INTERNAL_CHECKS)
// to enable invariant checks in hot kernels. This invalidates performance figures.
import PackageDescription

/// The public modules: each is a library product and has a `<Module>Tests` bundle.
let publicModules = [
  "ResampleCore", "SpecialFunctions", "Distributions", "RandomStreams", "LinearAlgebra",
  "MultipleComparisons", "Contingency", "Proportions", "Resampling", "DataInput", "RankTests",
  "BenchmarkComparison", "SurveyComparison", "SurveyPresentation", "SurveyInference", "Simulation",
  "StatisticalFiles",
]

/// What a module's test bundle needs besides the module itself and `_TestSupport`.
let extraTestDependencies: [String: [Target.Dependency]] = [
  "RandomStreams": ["Distributions"],
  "DataInput": ["ResampleCore"],
  "SurveyComparison": ["Distributions", "ResampleCore"],
  "Simulation": [
    "Contingency", "Proportions", "Resampling", "RandomStreams", "Distributions", "SurveyInference",
  ],
  "SurveyInference": ["DataInput"],
  "SurveyPresentation": ["SurveyComparison"],
  "StatisticalFiles": ["DataInput"],
]

let package = Package(
  name: "resample",
  platforms: [.macOS(.v13)],
  products: [
    // The umbrella, and one library per public module (as swift-numerics does), so a client
    // that wants only `Distributions` does not link OpenBLAS and LAPACKE.
    .library(name: "Resample", targets: ["Resample"]),
    .executable(name: "resample", targets: ["ResampleCLI"]),
  ] + publicModules.map { .library(name: $0, targets: [$0]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SQLite for `simulate --checkpoint` only (the CLI and its tests; no library module uses it).
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // MARK: - Public API
    .target(name: "ResampleCore"),
    .target(name: "SpecialFunctions", dependencies: ["_Platform"]),
    .target(
      name: "Distributions", dependencies: ["SpecialFunctions", "ResampleCore", "_Platform"]),
    .target(
      name: "RandomStreams",
      dependencies: ["ResampleCore", "SpecialFunctions", "_RandomKernels", "_Platform"]),
    .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra", "_Platform"]),
    .target(name: "MultipleComparisons", dependencies: ["ResampleCore"]),
    .target(
      name: "Contingency",
      dependencies: [
        "ResampleCore", "SpecialFunctions", "Distributions", "RandomStreams", "_Platform",
      ]),
    .target(
      name: "Proportions",
      dependencies: ["ResampleCore", "SpecialFunctions", "Distributions", "_Platform"]),
    .target(
      name: "Resampling",
      dependencies: [
        "ResampleCore", "Distributions", "RandomStreams", "LinearAlgebra", "_Platform",
      ]),
    .target(name: "DataInput", dependencies: ["ResampleCore", "_Platform"]),
    .target(name: "RankTests", dependencies: ["ResampleCore", "Distributions", "_Platform"]),
    .target(
      name: "BenchmarkComparison",
      dependencies: [
        "ResampleCore", "Resampling", "RankTests", "MultipleComparisons", "DataInput", "_Platform",
      ]),
    .target(
      name: "SurveyComparison",
      dependencies: [
        "ResampleCore", "Distributions", "Contingency", "Proportions", "MultipleComparisons",
        "Resampling", "RandomStreams", "DataInput", "LinearAlgebra", "_Platform",
      ]),
    // Design-based inference: weights, strata, clusters, FPC, replicate weights.
    .target(
      name: "SurveyInference",
      dependencies: [
        "ResampleCore", "Distributions", "LinearAlgebra", "RandomStreams", "Resampling",
        "_Platform",
      ]),
    // Simulation studies: scenarios × methods × data sets, in blocks, sharded and merged exactly.
    .target(
      name: "Simulation",
      dependencies: [
        "ResampleCore", "RandomStreams", "Proportions", "Contingency", "Resampling", "RankTests",
        "SurveyComparison", "SurveyInference", "_Platform",
      ]),
    // SPSS, Stata and SAS files read through ReadStat into DataInput's columns (not in the
    // umbrella, so that only clients that import it link libreadstat).
    .target(
      name: "StatisticalFiles", dependencies: ["ResampleCore", "DataInput", "CReadStat"]),
    // The English wording of survey verdicts and summaries (the CLI's and any client's).
    .target(name: "SurveyPresentation", dependencies: ["SurveyComparison"]),
    .target(
      name: "Resample",
      dependencies: [
        "ResampleCore", "SpecialFunctions", "Distributions", "RandomStreams", "LinearAlgebra",
        "MultipleComparisons", "Contingency", "Proportions", "Resampling", "DataInput",
        "RankTests", "BenchmarkComparison", "SurveyComparison", "SurveyInference", "Simulation",
      ]),
    .executableTarget(
      name: "ResampleCLI",
      dependencies: [
        "Resample", "SurveyPresentation", "StatisticalFiles", "_Platform",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),

    // MARK: - Implementation details
    .systemLibrary(
      name: "CLinearAlgebra",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
    .target(name: "_RandomKernels", path: "Sources/_RandomKernels"),
    // The C library (libm) for every module and the Linux-only /proc paths: Platform.swift.
    .target(name: "_Platform", path: "Sources/_Platform"),
    .target(name: "_TestSupport", dependencies: ["RandomStreams"], path: "Sources/_TestSupport"),

    // MARK: - Unit test bundles (the CLI's here, one per public module below)
    .testTarget(
      name: "CLITests",
      dependencies: [
        "_TestSupport", "ResampleCLI", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
    + publicModules.map { module in
      .testTarget(
        name: "\(module)Tests",
        dependencies: [.byName(name: module)] + (extraTestDependencies[module] ?? [])
          + ["_TestSupport"])
    }
)
