// W7.swift: a complex survey — 100,000 respondents, 40 yes/no questions, 6 segments, 50 strata ×
// 8 PSUs with sampling weights, and 200 bootstrap replicate weights (peers/make_w7.py writes the
// data). The timed part builds the design from the loaded columns and compares every question
// across the segments: segment proportions, the 15 pairwise differences with design-based t
// tests, and the Rao–Scott tests (`DomainProportions.compare`), as `resample compare --data` does.
import Foundation
import Resample

/// The W7 columns, loaded once (not timed) into the arrays a library user would hold.
struct W7Data {
  var strata: [String] = []
  var psu: [String] = []
  var weight: [Double] = []
  var segment: [String] = []
  var answers: [[Bool?]] = []
  var questionNames: [String] = []
  /// The replicate weights, column-major (respondent i of replicate r at i + r · rows).
  var replicates: [Double] = []
  var replicateCount = 0
  var rows: Int { weight.count }

  /// Where make_w7.py writes the data: $RESAMPLE_W7_DATA, else Benchmarks/.build/peers-data.
  static var path: String {
    if let p = ProcessInfo.processInfo.environment["RESAMPLE_W7_DATA"] { return p }
    let here = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/resample-runner/W7.swift
    return here.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/peers-data/w7.csv").path
  }

  /// Reads the CSV line by line (the file is ~150 MB; holding it, or every field as a String,
  /// would dwarf the computation's memory in the peak figure).
  static func load(replicates wantReplicates: Bool) throws -> W7Data {
    let path = Self.path
    guard let file = fopen(path, "r") else {
      throw InputError.invalidData(
        source: path, reason: "cannot open (run Benchmarks/peers/make_w7.py)")
    }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    // Count the data rows first, so the column-major replicate array is allocated once.
    var rows = -1
    while getline(&line, &capacity, file) > 0 { rows += 1 }
    rewind(file)
    guard rows > 0, getline(&line, &capacity, file) > 0, let headerLine = line else {
      throw InputError.invalidData(source: path, reason: "no data rows")
    }
    let header = String(cString: headerLine).trimmingCharacters(in: .whitespacesAndNewlines)
      .split(separator: ",").map(String.init)
    func index(_ name: String) throws -> Int {
      guard let k = header.firstIndex(of: name) else {
        throw InputError.invalidData(source: path, reason: "no column '\(name)'")
      }
      return k
    }
    let (kStrata, kPSU, kW, kSeg) = (
      try index("stratum"), try index("psu"), try index("w"), try index("segment")
    )
    let questionColumns = header.indices.filter { header[$0].hasPrefix("q") }
    let replicateColumns =
      wantReplicates ? header.indices.filter { header[$0].hasPrefix("bw") } : []
    var questionSlot = [Int](repeating: -1, count: header.count)
    for (j, k) in questionColumns.enumerated() { questionSlot[k] = j }
    var replicateSlot = [Int](repeating: -1, count: header.count)
    for (j, k) in replicateColumns.enumerated() { replicateSlot[k] = j }

    var d = W7Data()
    d.questionNames = questionColumns.map { header[$0] }
    d.replicateCount = replicateColumns.count
    d.answers = Array(repeating: [], count: questionColumns.count)
    for j in d.answers.indices { d.answers[j].reserveCapacity(rows) }
    d.replicates = [Double](repeating: 0, count: rows * replicateColumns.count)
    var row = 0
    while getline(&line, &capacity, file) > 0, let text = line {
      guard row < rows else { break }
      var field = 0
      var start = text
      var p = text
      while true {
        let c = p.pointee
        if c == 44 || c == 10 || c == 13 || c == 0 {  // , \n \r NUL
          let length = p - start
          guard field < header.count else {
            throw InputError.invalidData(
              source: "\(path) line \(row + 2)", reason: "more than \(header.count) fields")
          }
          if field == kStrata || field == kPSU || field == kSeg {
            let s = String(
              decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
            if field == kStrata {
              d.strata.append(s)
            } else if field == kPSU {
              d.psu.append(s)
            } else {
              d.segment.append(s)
            }
          } else if field == kW || questionSlot[field] >= 0 || replicateSlot[field] >= 0 {
            var end: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(start, &end)
            guard end == p else {
              throw InputError.invalidData(
                source: "\(path) line \(row + 2)", reason: "field \(field + 1) is not a number")
            }
            if field == kW {
              d.weight.append(v)
            } else if questionSlot[field] >= 0 {
              d.answers[questionSlot[field]].append(v == 1)
            } else {
              d.replicates[row + replicateSlot[field] * rows] = v
            }
          }
          field += 1
          if c != 44 { break }
          start = p + 1
        }
        p += 1
      }
      guard field == header.count else {
        throw InputError.invalidData(
          source: "\(path) line \(row + 2)", reason: "\(field) fields, expected \(header.count)")
      }
      row += 1
    }
    return d
  }
}

func w7(replicate: Bool) -> Workload {
  let log = PhaseLog()
  var dataMiB = 0.0
  return Workload(
    name: replicate ? "W7-replicate" : "W7-linearization",
    variant: (replicate
      ? "SurveyDesign(weights:replicates: ReplicateWeights(values: 200 bootstrap columns))"
      : "SurveyDesign(weights:sample: StratifiedClusterSample(strata:clusters:))")
      + "; DomainProportions.compare(40 questions): segment proportions, 15 pairs and the "
      + "Rao–Scott tests per question",
    prepare: {
      let d = try W7Data.load(replicates: replicate)
      // The loaded columns counted as 8-byte values (labels as if coded): the memory goal's base.
      let columns = 4 + d.answers.count + d.replicateCount
      dataMiB = Double(d.rows * columns * 8) / 1_048_576
      let names = Array(Set(d.segment)).sorted()
      let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
      let segmentOfRow = d.segment.map { index[$0] ?? -1 }
      return {
        log.start()
        let design: SurveyDesign
        if replicate {
          let rw = try ReplicateWeights(
            values: d.replicates, rows: d.rows, type: .bootstrap,
            names: (1...d.replicateCount).map { "bw\($0)" })
          design = try SurveyDesign(weights: d.weight, replicates: rw, weightName: "w")
        } else {
          let sample = try StratifiedClusterSample(
            rows: d.rows, strata: d.strata, clusters: d.psu, fpc: nil,
            names: ("stratum", "psu", "fpc"))
          design = try SurveyDesign(weights: d.weight, sample: sample, weightName: "w")
        }
        log.mark("design")
        let results = try DomainProportions.compare(
          questions: Array(zip(d.questionNames, d.answers)), segmentOfRow: segmentOfRow,
          segmentNames: names, design: design)
        log.mark("questions")
        var proportionSum = 0.0
        var seSum = 0.0
        var diffSum = 0.0
        var diffSESum = 0.0
        var pSum = 0.0
        var fSum = 0.0
        for r in results {
          for s in r.segments {
            proportionSum += s.proportion
            seSum += s.standardError
          }
          for p in r.pairs {
            diffSum += abs(p.difference)
            diffSESum += p.standardError
            pSum += p.pValue
          }
          fSum += r.omnibus?.f.statistic ?? .nan
        }
        return [
          ("proportion_sum", .number(proportionSum)), ("se_sum", .number(seSum)),
          ("difference_abs_sum", .number(diffSum)), ("difference_se_sum", .number(diffSESum)),
          ("pair_p_sum", .number(pSum)), ("rao_scott_f_sum", .number(fSum)),
          ("rao_scott_p_q01", .number(results.first?.omnibus?.f.pValue ?? .nan)),
          ("rao_scott_p_q40", .number(results.last?.omnibus?.f.pValue ?? .nan)),
          ("df", .integer(design.degreesOfFreedom)),
        ]
      }
    },
    details: { [("phases", log.value), ("data_mib", .number(dataMiB))] })
}
