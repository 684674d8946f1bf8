// Resample: the umbrella module. It only re-exports the public modules.
@_exported import BenchmarkComparison
@_exported import Contingency
@_exported import DataInput
@_exported import Distributions
@_exported import LinearAlgebra
@_exported import MultipleComparisons
@_exported import Proportions
@_exported import RandomStreams
@_exported import RankTests
@_exported import ResampleCore
@_exported import Resampling
@_exported import Simulation
@_exported import SpecialFunctions
@_exported import SurveyComparison
@_exported import SurveyInference
