// StatisticalFile.swift: SPSS (.sav, .zsav), Stata (.dta) and SAS (.sas7bdat) files as the columns
// and tables the CSV readers give, value labels as category labels, user-missing values declared.
import DataInput
import ResampleCore

/// Reads the data files of SPSS, Stata and SAS through ReadStat into ``CSVColumns`` and
/// ``CSVTable``, so every command that reads CSV reads them too.
///
/// - Value labels become the category labels (`party` = 1 reads as `Democrat`); values without a
///   label read as the number (`1`, `2.5`).
/// - System-missing values (SPSS sysmis, Stata `.` and `.a`–`.z`, SAS `.`) read as empty cells,
///   which tallies leave out as "no answer"; in a numeric column they are errors naming the row.
/// - User-missing values (SPSS missing values and ranges) keep their label and are listed in
///   ``CSVColumns/Labels/declaredMissing``, so tallies leave them out and count them as they
///   count `--missing`; in a whole table (``table(path:)``) they read as empty cells.
/// - Only the variables asked for are kept: ReadStat skips the others, so memory is
///   proportional to the columns used.
///
/// ```swift
/// let file = try StatisticalFile.columns(path: "anes.sav", numeric: [], labels: ["party", "vote"])
/// ```
public enum StatisticalFile {
  /// The file formats, found from the extension.
  public enum Kind: String, Sendable, CaseIterable {
    /// SPSS `.sav` and compressed `.zsav`.
    case spss
    /// Stata `.dta`.
    case stata
    /// SAS `.sas7bdat`.
    case sas

    /// The format of `path` from its extension (case-insensitive), or nil for other files.
    public init?(path: String) {
      let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
      guard path.contains(".") else { return nil }
      switch ext {
      case "sav", "zsav": self = .spss
      case "dta": self = .stata
      case "sas7bdat": self = .sas
      default: return nil
      }
    }

    /// The name in messages.
    var format: String {
      switch self {
      case .spss: return "an SPSS file"
      case .stata: return "a Stata file"
      case .sas: return "a SAS file"
      }
    }
  }

  /// The columns `numeric` (raw numbers) and `labels` (category texts) of the file at `path`.
  ///
  /// - Parameters:
  ///   - path: a `.sav`, `.zsav`, `.dta` or `.sas7bdat` file.
  ///   - numeric: the variables to read as numbers.
  ///   - labels: the variables to read as categories.
  /// - Returns: the columns; a column's own errors (no such variable, a missing number) are
  ///   thrown when it is asked for, as for CSV.
  /// - Throws: `InputError.invalidData(source: path, …)` when the file is not of a known format,
  ///   cannot be opened, or is not a valid file of its format.
  /// - Complexity: O(file size) time; memory O(rows × columns asked for + labels).
  public static func columns(path: String, numeric: [String], labels: [String] = []) throws
    -> CSVColumns
  {
    let reader = try read(path: path, wanted: Set(numeric + labels))
    let byName = Dictionary(
      reader.variables.values.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var numbers: [String: Result<[Double], any Error>] = [:]
    for name in numeric {
      numbers[name] = Result {
        try numericValues(try variable(name, byName, reader, path), path: path)
      }
    }
    var texts: [String: Result<CSVColumns.Labels, any Error>] = [:]
    for name in labels {
      texts[name] = Result {
        let raw = try variable(name, byName, reader, path)
        return categories(raw, labels: reader.labelSets[raw.labelSet ?? ""] ?? [:])
      }
    }
    return CSVColumns(source: path, rowCount: reader.rows, numeric: numbers, labels: texts)
  }

  /// Every variable of the file at `path`, as text: value labels where defined, numbers
  /// otherwise, missing values (system and user) as empty cells.
  ///
  /// - Throws: as ``columns(path:numeric:labels:)``.
  /// - Complexity: O(file size) time and memory.
  public static func table(path: String) throws -> CSVTable {
    try table(from: try read(path: path, wanted: nil), path: path)
  }

  /// The variables of the file at `path` that `keep` picks from the names (indices into them,
  /// in any order), as text like ``table(path:)``; the other variables' values are not kept.
  ///
  /// - Throws: as ``table(path:)``, and what `keep` throws.
  /// - Complexity: O(file size) time; memory O(rows × kept variables).
  public static func table(path: String, keep: ([String]) throws -> [Int]) throws -> CSVTable {
    try withoutActuallyEscaping(keep) { keep in
      let reader = try read(path: path, wanted: nil) { names in
        Set(try keep(names).compactMap { names.indices.contains($0) ? names[$0] : nil })
      }
      return try table(from: reader, path: path)
    }
  }

  private static func table(from reader: ReadStatReader, path: String) throws -> CSVTable {
    let ordered = reader.variables.keys.sorted().compactMap { reader.variables[$0] }
    let columns = ordered.map { raw -> [String] in
      let c = categories(raw, labels: reader.labelSets[raw.labelSet ?? ""] ?? [:])
      return c.codes.enumerated().map { row, code in
        raw.userMissingRows.contains(row) ? "" : c.values[Int(code)]
      }
    }
    let rows = (0..<reader.rows).map { r in columns.map { r < $0.count ? $0[r] : "" } }
    return try CSVTable(header: ordered.map(\.name), rows: rows, source: path)
  }

  private static func read(
    path: String, wanted: Set<String>?, select: (([String]) throws -> Set<String>)? = nil
  ) throws -> ReadStatReader {
    guard let kind = Kind(path: path) else {
      throw InputError.invalidData(
        source: path, reason: "not a .sav, .zsav, .dta or .sas7bdat file")
    }
    let reader = ReadStatReader(wanted: wanted, select: select)
    try reader.read(path: path, format: kind.format, kind: kind)
    return reader
  }

  private static func variable(
    _ name: String, _ byName: [String: RawVariable], _ reader: ReadStatReader, _ path: String
  ) throws -> RawVariable {
    if let raw = byName[name] { return raw }
    throw InputError.invalidParameter(
      name: "column", value: name,
      expected: "one of the variables of \(path): "
        + reader.names.map { "'\($0)'" }.joined(separator: ", "))
  }

  private static func numericValues(_ raw: RawVariable, path: String) throws -> [Double] {
    guard !raw.isText else {
      throw InputError.invalidData(
        source: path, reason: "variable '\(raw.name)' holds text, expected numbers")
    }
    for (row, x) in raw.numbers.enumerated() where x.isNaN || raw.userMissingRows.contains(row) {
      throw InputError.invalidData(
        source: "\(path) row \(row + 1)",
        reason: "column '\(raw.name)': missing value, expected a number")
    }
    return raw.numbers
  }

  /// The category text of each row: its value label, else the value; system-missing → "".
  static func categories(_ raw: RawVariable, labels: [LabelKey: String]) -> CSVColumns.Labels {
    var result = CSVColumns.Labels(codes: [], values: [])
    var missing = Set<String>()
    if raw.isText {
      result.values = raw.texts.map { labels[.text($0)] ?? $0 }
      result.codes = raw.codes
      for row in raw.userMissingRows { missing.insert(result.values[Int(raw.codes[row])]) }
    } else {
      var codeOf: [Double: UInt32] = [:]
      var nanCode: UInt32? = nil
      result.codes.reserveCapacity(raw.numbers.count)
      for x in raw.numbers {
        let known = x.isNaN ? nanCode : codeOf[x]
        if let code = known {
          result.codes.append(code)
          continue
        }
        let code = UInt32(result.values.count)
        if x.isNaN { nanCode = code } else { codeOf[x] = code }
        result.values.append(x.isNaN ? "" : labels[.number(x)] ?? numberText(x))
        result.codes.append(code)
      }
      for row in raw.userMissingRows { missing.insert(result.values[Int(result.codes[row])]) }
    }
    result.declaredMissing = missing
    return result
  }

  /// `1` for whole numbers, else the shortest text that reads back as `x`.
  static func numberText(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }
}
