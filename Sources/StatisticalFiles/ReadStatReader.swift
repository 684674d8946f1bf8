// ReadStatReader.swift: one pass of ReadStat over an SPSS, Stata or SAS file, keeping only the
// values of the variables asked for (the others are skipped by ReadStat itself).
internal import CReadStat
import DataInput
import ResampleCore

/// A variable's raw values as ReadStat delivers them, and what its file says about them.
struct RawVariable {
  /// The variable's name.
  var name: String
  /// Whether its values are text.
  var isText = false
  /// The value-label set it uses (nil when none).
  var labelSet: String? = nil
  /// Numeric values, one per row (NaN where system-missing).
  var numbers: [Double] = []
  /// Text values as codes into ``texts`` (text variables).
  var codes: [UInt32] = []
  /// The distinct texts, in order of first appearance.
  var texts: [String] = []
  var codeOf: [String: UInt32] = [:]
  /// The rows whose value is user-missing (declared a non-answer by the file).
  var userMissingRows: Set<Int> = []
}

/// A value a value label is attached to.
enum LabelKey: Hashable {
  case number(Double)
  case text(String)
}

/// The state of one parse: which variables are wanted, their values, the label sets.
final class ReadStatReader {
  let wanted: Set<String>?
  /// Every variable name of the file, in file order.
  var names: [String] = []
  /// The wanted variables by their index in the file.
  var variables: [Int: RawVariable] = [:]
  /// Value labels by set name.
  var labelSets: [String: [LabelKey: String]] = [:]
  var rows = 0
  /// Picks the variables to keep once every name is known (at the first value), for a caller
  /// that chooses by the header; nil when `wanted` decides.
  let select: (([String]) throws -> Set<String>)?
  /// Whether `select` has run.
  var selected = false
  /// What `select` threw (the parse is aborted and this is rethrown).
  var selectError: (any Error)?

  /// - Parameters:
  ///   - wanted: the variable names to keep (nil: every variable).
  ///   - select: chooses the variables to keep from every name, before the first value is kept.
  init(wanted: Set<String>?, select: (([String]) throws -> Set<String>)? = nil) {
    self.wanted = wanted
    self.select = select
  }

  /// Parses the file at `path` with `parse` (ReadStat's parser for its format).
  ///
  /// - Throws: `InputError.invalidData(source: path, …)` with ReadStat's message when the file
  ///   cannot be opened or is not a valid file of that format.
  func read(path: String, format: String, kind: StatisticalFile.Kind) throws {
    guard let parser = readstat_parser_init() else {
      throw InputError.invalidData(source: path, reason: "cannot start the \(format) reader")
    }
    defer { readstat_parser_free(parser) }
    readstat_set_variable_handler(parser, onVariable)
    readstat_set_value_handler(parser, onValue)
    readstat_set_value_label_handler(parser, onValueLabel)
    let context = Unmanaged.passUnretained(self).toOpaque()
    let status: readstat_error_t
    switch kind {
    case .spss: status = readstat_parse_sav(parser, path, context)
    case .stata: status = readstat_parse_dta(parser, path, context)
    case .sas: status = readstat_parse_sas7bdat(parser, path, context)
    }
    if let selectError { throw selectError }
    guard status == READSTAT_OK else {
      let message = readstat_error_message(status).map { String(cString: $0) } ?? "error"
      throw InputError.invalidData(
        source: path, reason: "cannot read as \(format): \(message.lowercased())")
    }
  }
}

private func reader(_ context: UnsafeMutableRawPointer?) -> ReadStatReader? {
  context.map { Unmanaged<ReadStatReader>.fromOpaque($0).takeUnretainedValue() }
}

private let onVariable: readstat_variable_handler = { index, variable, labelSet, context in
  guard let r = reader(context), let variable else { return Int32(READSTAT_HANDLER_ABORT) }
  let name = readstat_variable_get_name(variable).map { String(cString: $0) } ?? ""
  r.names.append(name)
  guard r.wanted?.contains(name) ?? true else {
    return Int32(READSTAT_HANDLER_SKIP_VARIABLE)
  }
  var raw = RawVariable(name: name)
  raw.isText = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
  raw.labelSet = labelSet.map { String(cString: $0) }
  r.variables[Int(index)] = raw
  return Int32(READSTAT_HANDLER_OK)
}

private let onValue: readstat_value_handler = { row, variable, value, context in
  guard let r = reader(context), let variable else { return Int32(READSTAT_HANDLER_ABORT) }
  if !r.selected, let select = r.select {
    r.selected = true
    do {
      let keep = try select(r.names)
      r.variables = r.variables.filter { keep.contains($0.value.name) }
    } catch {
      r.selectError = error
      return Int32(READSTAT_HANDLER_ABORT)
    }
  }
  let index = Int(readstat_variable_get_index(variable))
  guard var raw = r.variables[index] else { return Int32(READSTAT_HANDLER_OK) }
  r.variables[index] = nil  // unique ownership: appending does not copy the arrays
  let row = Int(row)
  r.rows = max(r.rows, row + 1)
  if readstat_value_is_defined_missing(value, variable) != 0 { raw.userMissingRows.insert(row) }
  if raw.isText {
    let text =
      readstat_value_is_system_missing(value) != 0
      ? "" : readstat_string_value(value).map { String(cString: $0) } ?? ""
    if let code = raw.codeOf[text] {
      raw.codes.append(code)
    } else {
      let code = UInt32(raw.texts.count)
      raw.codeOf[text] = code
      raw.texts.append(text)
      raw.codes.append(code)
    }
  } else {
    let missing =
      readstat_value_is_system_missing(value) != 0 || readstat_value_is_tagged_missing(value) != 0
    raw.numbers.append(missing ? .nan : readstat_double_value(value))
  }
  r.variables[index] = raw
  return Int32(READSTAT_HANDLER_OK)
}

private let onValueLabel: readstat_value_label_handler = { set, value, label, context in
  guard let r = reader(context), let set, let label else { return Int32(READSTAT_HANDLER_OK) }
  let key: LabelKey
  if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
    key = .text(readstat_string_value(value).map { String(cString: $0) } ?? "")
  } else {
    guard readstat_value_is_system_missing(value) == 0 else { return Int32(READSTAT_HANDLER_OK) }
    key = .number(readstat_double_value(value))
  }
  r.labelSets[String(cString: set), default: [:]][key] = String(cString: label)
  return Int32(READSTAT_HANDLER_OK)
}
