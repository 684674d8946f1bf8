// RespondentCrosstab.swift: a contingency table tallied from respondent rows (or long data with
// a count column), keeping the category labels, in a declared, numeric or first-seen order.
import ResampleCore

/// How the categories of one variable of a crosstab are ordered.
public enum CategoryOrder: Sendable, Equatable {
  /// The order the user declared.
  case declared
  /// Numerically, because every label is a number.
  case numeric
  /// In order of first appearance in the file.
  case firstAppearance

  /// The JSON value: `declared`, `numeric` or `first-appearance`.
  public var key: String {
    switch self {
    case .declared: return "declared"
    case .numeric: return "numeric"
    case .firstAppearance: return "first-appearance"
    }
  }

  /// The words the output uses.
  public var description: String {
    switch self {
    case .declared: return "in the declared order"
    case .numeric: return "numerically (every label is a number)"
    case .firstAppearance: return "in order of first appearance"
    }
  }
}

/// A two-way table of counts tallied from the rows of a file: one respondent per row, or long
/// data whose rows carry a frequency weight (R's `table()` / `xtabs(Freq ~ a + b)`, pandas'
/// `crosstab`).
///
/// Rows whose answer to either variable is empty or a declared non-answer (`missing`) are left
/// out and counted, per label, in ``excluded``; nothing is dropped silently.
public struct RespondentCrosstab: Sendable, Equatable {
  /// The row variable's categories, in order.
  public let rowLabels: [String]
  /// The column variable's categories, in order.
  public let columnLabels: [String]
  /// counts[i][j]: respondents (or summed frequency weights) in row i, column j.
  public let counts: [[Int]]
  /// How the row and column categories were ordered.
  public let rowOrder: CategoryOrder
  public let columnOrder: CategoryOrder
  /// Rows tallied (respondents, or the sum of their frequency weights).
  public let respondents: Int
  /// Left-out rows per non-answer label ("" for an empty cell), with the column it was in, in
  /// order of first appearance.
  public let excluded: [(column: String, label: String, count: Int)]

  public static func == (x: RespondentCrosstab, y: RespondentCrosstab) -> Bool {
    x.rowLabels == y.rowLabels && x.columnLabels == y.columnLabels && x.counts == y.counts
      && x.respondents == y.respondents
      && x.excluded.map { "\($0.column)\u{0}\($0.label)\u{0}\($0.count)" }
        == y.excluded.map { "\($0.column)\u{0}\($0.label)\u{0}\($0.count)" }
  }

  /// Tallies the table.
  ///
  /// - Parameters:
  ///   - file: the columns, read with `rows` and `columns` as label columns and
  ///     `frequencyWeight` (if any) as a numeric column.
  ///   - rows: the row variable's column.
  ///   - columns: the column variable's column.
  ///   - frequencyWeight: a column of non-negative whole numbers: each row stands for that many
  ///     respondents.
  ///   - rowOrder: the declared order of the row categories (every category that occurs must be
  ///     listed; listed categories that do not occur get zero rows), or nil.
  ///   - columnOrder: the same for the columns.
  ///   - missing: labels that are non-answers (trimmed, exact match).
  /// - Throws: `InputError` naming the column (and line) for an unknown column, a frequency
  ///   weight that is not a whole number in 0...1e8 or totals above 1e8, a category missing from
  ///   a declared order (or listed twice), or nothing left to tally.
  /// - Complexity: O(rows + categories log categories).
  public static func tally(
    _ file: CSVColumns, rows: String, columns: String, frequencyWeight: String? = nil,
    rowOrder: [String]? = nil, columnOrder: [String]? = nil, missing: Set<String> = []
  ) throws -> RespondentCrosstab {
    try tally(
      file, rows: rows, columns: columns, frequencyWeight: frequencyWeight, rowOrder: rowOrder,
      columnOrder: columnOrder, missing: missing, including: nil)
  }

  /// ``tally(_:rows:columns:frequencyWeight:rowOrder:columnOrder:missing:)`` of the file rows
  /// `including` accepts (all when nil): the pooled table of ``StratifiedCrosstab``, and one
  /// segment's table in `compare --data --paired --segment`.
  /// - Complexity: O(rows + categories log categories).
  public static func tally(
    _ file: CSVColumns, rows: String, columns: String, frequencyWeight: String?,
    rowOrder: [String]?, columnOrder: [String]?, missing: Set<String>,
    including: ((Int) -> Bool)?
  ) throws -> RespondentCrosstab {
    let r = try file.labels(rows)
    let c = try file.labels(columns)
    let weights = try frequencyWeight.map { try file.numeric($0) }
    if let w = weights, let name = frequencyWeight {
      for (i, v) in w.enumerated() where !(v >= 0 && v == v.rounded() && v <= 1e8) {
        throw InputError.invalidData(
          source: "\(file.source) data row \(i + 1)",
          reason: "frequency weight \(v) in column '\(name)' is not a whole number from 0 to "
            + "100000000")
      }
    }
    let rowText = r.values.map { String(NumericText.trimmingBlanks($0[...])) }
    let colText = c.values.map { String(NumericText.trimmingBlanks($0[...])) }
    let rowMissing = missing.union(r.declaredMissing)
    let colMissing = missing.union(c.declaredMissing)
    // Categories in order of first appearance among the rows that are tallied.
    var rowSeen = FirstSeenLabels()
    var colSeen = FirstSeenLabels()
    var cells: [(Int, Int, Int)] = []
    var excludedOrder: [String] = []
    var excludedCount: [String: (column: String, label: String, count: Int)] = [:]
    var total = 0
    for i in 0..<file.rowCount {
      if let including, !including(i) { continue }
      let weight = weights.map { Int($0[i]) } ?? 1
      let a = rowText[Int(r.codes[i])]
      let b = colText[Int(c.codes[i])]
      let answeredA = !a.isEmpty && !rowMissing.contains(a)
      guard answeredA, !b.isEmpty, !colMissing.contains(b) else {
        let (column, label) = answeredA ? (columns, b) : (rows, a)
        let key = column + "\u{0}" + label
        if excludedCount[key] == nil {
          excludedOrder.append(key)
          excludedCount[key] = (column, label, 0)
        }
        excludedCount[key]?.count += weight
        continue
      }
      guard weight > 0 else { continue }
      let ri = rowSeen.index(of: a)
      let ci = colSeen.index(of: b)
      total += weight
      guard total <= 100_000_000 else {
        throw InputError.invalidData(
          source: file.source, reason: "more than 100000000 respondents in the table")
      }
      cells.append((ri, ci, weight))
    }
    guard total > 0 else {
      throw InputError.invalidData(
        source: file.source,
        reason: "no row has an answer to both '\(rows)' and '\(columns)'"
          + (missing.isEmpty ? "" : " (after leaving out --missing)"))
    }
    let (rowLabels, rowRank, rowHow) = try order(
      rowSeen.labels, declared: rowOrder, column: rows)
    let (colLabels, colRank, colHow) = try order(
      colSeen.labels, declared: columnOrder, column: columns)
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: colLabels.count), count: rowLabels.count)
    for (ri, ci, w) in cells { counts[rowRank[ri]][colRank[ci]] += w }
    return RespondentCrosstab(
      rowLabels: rowLabels, columnLabels: colLabels, counts: counts, rowOrder: rowHow,
      columnOrder: colHow, respondents: total,
      excluded: excludedOrder.compactMap { excludedCount[$0] })
  }

  /// Tallies two answers of the same respondents (paired questions, before/after) into a square
  /// table whose rows and columns share one set of categories in one order, so that cell (i, i)
  /// is agreement — what McNemar's and Bowker's tests need.
  ///
  /// The categories are those answered in complete pairs, ordered as declared, numerically when
  /// every one is a number, or by first appearance (row by row, the first question's answer
  /// before the second's).
  ///
  /// - Parameters: as ``tally(_:rows:columns:frequencyWeight:rowOrder:columnOrder:missing:)``,
  ///   with `order` the one declared order of both.
  /// - Throws: as that function.
  /// - Complexity: O(rows + categories log categories).
  public static func tallyPaired(
    _ file: CSVColumns, first: String, second: String, frequencyWeight: String? = nil,
    order declared: [String]? = nil, missing: Set<String> = []
  ) throws -> RespondentCrosstab {
    let r = try file.labels(first)
    let c = try file.labels(second)
    let rowText = r.values.map { String(NumericText.trimmingBlanks($0[...])) }
    let colText = c.values.map { String(NumericText.trimmingBlanks($0[...])) }
    let pairMissing = missing.union(r.declaredMissing).union(c.declaredMissing)
    var seen = FirstSeenLabels()
    for i in 0..<file.rowCount {
      let a = rowText[Int(r.codes[i])]
      let b = colText[Int(c.codes[i])]
      guard !a.isEmpty, !b.isEmpty, !pairMissing.contains(a), !pairMissing.contains(b) else {
        continue
      }
      _ = seen.index(of: a)
      _ = seen.index(of: b)
    }
    var inFirst = Set<String>()
    var inSecond = Set<String>()
    for i in 0..<file.rowCount {
      let a = rowText[Int(r.codes[i])]
      let b = colText[Int(c.codes[i])]
      guard !a.isEmpty, !b.isEmpty, !pairMissing.contains(a), !pairMissing.contains(b) else {
        continue
      }
      inFirst.insert(a)
      inSecond.insert(b)
    }
    guard !inFirst.isDisjoint(with: inSecond) else {
      throw InputError.invalidData(
        source: file.source,
        reason: "'\(first)' and '\(second)' have no answer in common ("
          + inFirst.sorted().prefix(5).joined(separator: ", ") + " vs "
          + inSecond.sorted().prefix(5).joined(separator: ", ")
          + "): paired questions must share their categories")
    }
    let natural = try order(seen.labels, declared: nil, column: first)
    let shared = declared ?? natural.labels
    let how: CategoryOrder = declared != nil ? .declared : natural.how
    let t = try tally(
      file, rows: first, columns: second, frequencyWeight: frequencyWeight, rowOrder: shared,
      columnOrder: shared, missing: missing)
    return RespondentCrosstab(
      rowLabels: t.rowLabels, columnLabels: t.columnLabels, counts: t.counts, rowOrder: how,
      columnOrder: how, respondents: t.respondents, excluded: t.excluded)
  }

  /// The ordered labels, each first-seen category's position in them, and the rule used.
  static func order(
    _ seen: [String], declared: [String]?, column: String
  ) throws -> (labels: [String], rank: [Int], how: CategoryOrder) {
    if let declared {
      var position: [String: Int] = [:]
      for (k, label) in declared.enumerated() {
        guard position[label] == nil else {
          throw InputError.invalidParameter(
            name: "order of '\(column)'", value: label, expected: "each category once")
        }
        position[label] = k
      }
      let absent = seen.filter { position[$0] == nil }
      guard absent.isEmpty else {
        throw InputError.invalidParameter(
          name: "order of '\(column)'", value: declared.joined(separator: ","),
          expected: "every category of column '\(column)' (missing: "
            + absent.prefix(10).joined(separator: ", ") + ")")
      }
      return (declared, seen.map { position[$0] ?? 0 }, .declared)
    }
    let numbers = seen.map { Double($0) }
    if numbers.allSatisfy({ $0?.isFinite == true }) {
      let sorted = seen.indices.sorted { (numbers[$0] ?? 0, $0) < (numbers[$1] ?? 0, $1) }
      var rank = [Int](repeating: 0, count: seen.count)
      for (k, i) in sorted.enumerated() { rank[i] = k }
      return (sorted.map { seen[$0] }, rank, .numeric)
    }
    return (seen, Array(seen.indices), .firstAppearance)
  }
}

/// Category labels numbered in order of first appearance.
struct FirstSeenLabels {
  /// The labels, in order of first appearance.
  private(set) var labels: [String] = []
  /// Each label's position in ``labels``.
  private var position: [String: Int] = [:]

  /// The position of `label` in ``labels``, appending it when it is new.
  /// - Complexity: O(1) expected.
  mutating func index(of label: String) -> Int {
    if let k = position[label] { return k }
    position[label] = labels.count
    labels.append(label)
    return labels.count - 1
  }
}
