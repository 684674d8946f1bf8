// SimpleRandomSample.swift: the design of a simple random sample with equal weights, for tests
// whose design-based results must reduce to the textbook ones.
import ResampleCore

@testable import SurveyInference

/// n respondents, no strata, no clusters, every weight `weight`.
func simpleRandomSample(_ n: Int, weight: Double = 1) throws -> SurveyDesign {
  try SurveyDesign(
    weights: [Double](repeating: weight, count: n),
    sample: StratifiedClusterSample(rows: n, strata: nil, clusters: nil, fpc: nil))
}
