// swift-tools-version: 6.1
//
// libFuzzer targets for resample's input parsers, kept out of the main package so that a normal
// `swift build` / `swift test` never sees them. Build and run them with `scripts/fuzz.sh`
// (see README.md here); each target is a small executable whose only code is the
// `LLVMFuzzerTestOneInput` entry point; libFuzzer supplies `main` when built with
// `--sanitize=fuzzer`.
import PackageDescription

let resample = Target.Dependency.product(name: "Resample", package: "resample")

let package = Package(
  name: "resample-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // The main package (identity: its checkout folder's name). This package sits in a folder
    // of its own, ResampleFuzz, because a root package and a dependency whose folders have the
    // same name (a checkout called "fuzz" and a folder Tests/Fuzz) are taken for one package.
    .package(name: "resample", path: "../../..")
  ],
  targets: [
    "FuzzCSV", "FuzzNumberList", "FuzzSegmentList", "FuzzSurveySpec", "FuzzBenchmarkInput",
    "FuzzTableSyntax",
  ].map { .executableTarget(name: $0, dependencies: [resample]) }
)
