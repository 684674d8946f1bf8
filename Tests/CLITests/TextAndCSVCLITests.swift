// TextAndCSVCLITests.swift: the text report and the CSV header of the commands whose other
// end-to-end tests read the JSON (fisher, mcnemar).
import Testing
import _TestSupport

/// The command's text report (exit 0) shows `text`; with --format csv the output starts with
/// `csvHeader`.
@Test(arguments: [
  (["fisher", "--table", "3,1;1,3"], "odds ratio (conditional MLE)", "p_value,method,odds_ratio"),
  (
    ["mcnemar", "--table", "10,12;3,20"], "exact p-value (binomial)",
    "statistic,p_value,exact_p_value"
  ),
])
func textReportAndCSVHeader(args: [String], text: String, csvHeader: String) throws {
  let report = try runCLI(args)
  #expect(report.status == 0 && report.stdout.contains(text), "\(args)")
  let csv = try runCLI(args + ["--format", "csv"])
  #expect(csv.stdout.hasPrefix(csvHeader), "\(args)")
}
