import Foundation
import SteamLensData

/// Reads a ratings CSV (`user_id,title_id,score,timestamp`, the generator's
/// `ratings.csv`) against a catalogue's title ids.
///
/// Built for 11 M lines: fields are cut from the line's bytes, and ids of
/// the usual shapes (`u17`, `ns123`) are resolved by number, never turned
/// into strings; anything else (quotes, other ids, "4.50") takes the
/// general path with the same result.
public struct RatingsFileReader: Sendable {
    public static let columns = ["user_id", "title_id", "score", "timestamp"]

    public let path: String
    public let reportName: String
    /// A plain file of at least this many bytes is parsed in two parts on
    /// two cores (`FileParts`), with the same result as one pass.
    public var partBytes = 32 << 20

    public init(path: String, reportName: String = "ratings.csv") {
        self.path = path
        self.reportName = reportName
    }

    /// `titleIndex` maps a title id ("ns1") to its index in the catalogue.
    public func read(titleIndex: [String: Int32]) -> (ratings: Ratings, report: LoadReport.FileReport) {
        var whole = Part(reportName: reportName, titleIndex: titleIndex)
        if let cuts = FileParts.split(path: path, count: 2, minimumBytes: partBytes) {
            // The header first: the parts after it need its columns.
            whole.read(path, cuts[0])
            // A header too long to read leaves none: the next line is taken as one, as in one pass.
            guard whole.columns != nil else {
                for part in cuts.dropFirst() { whole.read(path, part) }
                return finished(whole, titleIndex: titleIndex)
            }
            let later = UnsafeMutableBufferPointer<Part>.allocate(capacity: cuts.count - 1)
            _ = later.initialize(from: cuts.dropFirst().map { _ in whole.continued() })
            defer { later.deinitialize().deallocate() }
            // Each task reads its own part into its own slot.
            nonisolated(unsafe) let slots = later
            DispatchQueue.concurrentPerform(iterations: later.count) { slots[$0].read(path, cuts[$0 + 1]) }
            for part in later { whole.append(part) }
        } else {
            whole.read(path, nil)
        }
        return finished(whole, titleIndex: titleIndex)
    }

    /// The ratings of what `whole` read, its repeats dropped and reported.
    private func finished(_ whole: Part, titleIndex: [String: Int32]) -> (ratings: Ratings, report: LoadReport.FileReport) {
        var report = whole.report
        if report.lines == 0, report.problem == nil { report.record(.emptyFile, line: 0, detail: "no lines") }
        let viewerNames = whole.resolver.viewerNames
        let built = Ratings.firstOfEachPair(viewers: viewerNames, titleCount: titleIndex.count, viewerOf: whole.viewerOf, titleOf: whole.titleOf,
                                            halves: whole.halves)
        if !built.repeats.isEmpty {
            var ids = [String](repeating: "?", count: titleIndex.count)
            for (id, index) in titleIndex where Int(index) < ids.count { ids[Int(index)] = id }
            for row in built.repeats {
                report.record(StreamingRules.ratingDuplicate, line: Int(whole.lineOf[row]),
                              detail: "\(viewerNames[Int(whole.viewerOf[row])]) \(ids[Int(whole.titleOf[row])])")
            }
        }
        report.kept = built.ratings.count
        return (built.ratings, report)
    }

    /// What reading (a part of) the file found: its rows in file order,
    /// its viewers numbered by first appearance, its report.
    struct Part {
        var report: LoadReport.FileReport
        var resolver: IdResolver
        var viewerOf: [Int32] = [], titleOf: [Int32] = [], halves: [UInt8] = [], lineOf: [Int32] = []
        /// The header's positions of `RatingsFileReader.columns`; nil before the header, empty when it lacks one.
        var columns: [Int]?
        var width = 0
        private let titleIndex: [String: Int32]
        private var ranges: [Range<Int>] = []

        init(reportName: String, titleIndex: [String: Int32]) {
            report = LoadReport.FileReport(file: reportName, unit: "ratings")
            resolver = IdResolver(titleIndex: titleIndex)
            self.titleIndex = titleIndex
        }

        /// A part for later lines of the same file: the header's columns, nothing read.
        func continued() -> Part {
            var part = Part(reportName: report.file, titleIndex: titleIndex)
            part.columns = columns
            part.width = width
            return part
        }

        /// Reads `part` of the file at `path`, or all of it.
        mutating func read(_ path: String, _ part: FileParts.Part?) {
            var reader = LineReader(path: path)
            reader.byteRange = part?.bytes
            reader.firstLineNumber = part?.firstLine ?? 1
            do {
                try reader.forEachLine(onOversizedLine: { line in
                    report.lines = max(report.lines, line)
                    report.record(.oversizedLine, line: line)
                }) { bytes, line in consume(bytes, line: line) }
            } catch {
                report.problem = "\(error)"
                if case ReadProblem.truncatedGzip(_, let line) = error { report.record(.truncatedFile, line: line) }
            }
        }

        /// Adds a later part's rows, its new viewers numbered after these in
        /// its order of first appearance: the numbers one pass would give.
        mutating func append(_ later: Part) {
            let number = later.resolver.viewerNames.map { resolver.viewer(named: $0) }
            let rows = viewerOf.count + later.viewerOf.count
            viewerOf.reserveCapacity(rows)
            titleOf.reserveCapacity(rows)
            halves.reserveCapacity(rows)
            lineOf.reserveCapacity(rows)
            viewerOf += later.viewerOf.map { number[Int($0)] }
            titleOf += later.titleOf
            halves += later.halves
            lineOf += later.lineOf
            report.append(later.report)
        }

        private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            report.lines = line
            let fields: [Range<Int>]
            var quoted: [String]? = nil
            if bytes.contains(UInt8(ascii: "\"")) {
                var parser = CSVFieldParser()
                parser.feed(bytes)
                guard !parser.inQuotes else { report.record(StreamingRules.unterminatedQuote, line: line, detail: "1 lines"); return }
                quoted = parser.finish()
                fields = []
            } else {
                RatingsFileReader.split(bytes, into: &ranges)
                fields = ranges
            }
            let count = quoted?.count ?? fields.count
            func text(_ i: Int) -> String {
                if let quoted { return TextCleaning.trimmed(quoted[i]) }
                return TextCleaning.trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[i]]), as: UTF8.self))
            }
            guard let indexes = columns else {
                let header = (0..<count).map { text($0).lowercased() }
                let found = RatingsFileReader.columns.map { header.firstIndex(of: $0) }
                if found.contains(nil) {
                    report.problem = "\(report.file): the header must be \(RatingsFileReader.columns.joined(separator: ",")), got \(header.joined(separator: ",").prefix(80))"
                    columns = []
                } else {
                    columns = found.map { $0! }
                    width = header.count
                }
                return
            }
            guard !indexes.isEmpty else { return }
            if bytes.isEmpty { report.record(StreamingRules.blankRecord, line: line); return }
            guard count == width else {
                report.record(StreamingRules.wrongFieldCount, line: line, detail: "\(count) fields, header has \(width)")
                return
            }
            func raw(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
                quoted == nil ? RatingsFileReader.trimmed(UnsafeBufferPointer(rebasing: bytes[fields[indexes[i]]])) : nil
            }
            let userBytes = raw(0)
            if let userBytes, userBytes.isEmpty { report.record(StreamingRules.ratingWithoutUser, line: line); return }
            if userBytes == nil, text(indexes[0]).isEmpty { report.record(StreamingRules.ratingWithoutUser, line: line); return }
            let title = raw(1).flatMap(resolver.title(bytes:)) ?? titleIndex[text(indexes[1])]
            guard let title else {
                report.record(StreamingRules.ratingUnknownTitle, line: line, detail: "'\(text(indexes[1]).prefix(20))'")
                return
            }
            guard let score = raw(2).flatMap(RatingsFileReader.halves) ?? RatingsFileReader.halves(text(indexes[2])) else {
                report.record(StreamingRules.ratingScoreInvalid, line: line, detail: "'\(text(indexes[2]).prefix(20))'")
                return
            }
            let stampOK = raw(3).map(RatingsFileReader.isWholeNumber) ?? (Int64(text(indexes[3])) != nil)
            if !stampOK { report.record(StreamingRules.ratingTimestampInvalid, line: line) }
            var viewer: Int32? = nil
            if let userBytes { viewer = resolver.viewer(bytes: userBytes) }
            let resolved = viewer ?? resolver.viewer(named: text(indexes[0]))
            viewerOf.append(resolved)
            titleOf.append(title)
            halves.append(score)
            lineOf.append(Int32(truncatingIfNeeded: line))
        }
    }

    /// The comma-separated ranges of a line without quotes.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        var start = 0
        for i in 0..<bytes.count where bytes[i] == UInt8(ascii: ",") {
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<bytes.count)
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var low = 0, high = bytes.count
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
        // Non-ASCII white space is the general path's business.
        guard !bytes[low..<high].contains(where: { $0 >= 0x80 }) else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[low..<high])
    }

    /// "4", "4.5", "4.0" as half-stars 1…10; nil for anything else (the general path decides).
    static func halves(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let digit = { (b: UInt8) -> Int? in b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil }
        guard let whole = bytes.first.flatMap(digit) else { return nil }
        var value: Int
        switch bytes.count {
        case 1: value = whole * 2
        case 3 where bytes[1] == UInt8(ascii: "."):
            guard let tenth = digit(bytes[2]), tenth == 0 || tenth == 5 else { return nil }
            value = whole * 2 + (tenth == 5 ? 1 : 0)
        default: return nil
        }
        return (1...10).contains(value) ? UInt8(value) : nil
    }

    /// Any score text: 0.5–5 in half steps.
    static func halves(_ text: String) -> UInt8? {
        guard let score = Double(text), score.isFinite, score >= 0.5, score <= 5, (score * 2).rounded() == score * 2 else { return nil }
        return UInt8(score * 2)
    }

    static func isWholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? UnsafeBufferPointer(rebasing: bytes[1...]) : bytes
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// Viewer and title ids to indexes, by number for the usual shapes.
struct IdResolver {
    private(set) var viewerNames: [String] = []
    private var byName: [String: Int32] = [:]
    /// Viewer "uN" → index, by N (−1: not seen).
    private var byNumber: [Int32] = []
    /// Per platform letter, show number → title index (−1: none).
    private var titles: [UInt8: [Int32]] = [:]

    init(titleIndex: [String: Int32]) {
        for (id, index) in titleIndex {
            let bytes = Array(id.utf8)
            guard bytes.count >= 3, bytes[1] == UInt8(ascii: "s"), let n = Self.number(bytes[2...]), n < 1 << 22 else { continue }
            var table = titles[bytes[0]] ?? []
            if table.count <= n { table += [Int32](repeating: -1, count: n + 1 - table.count) }
            table[n] = index
            titles[bytes[0]] = table
        }
    }

    /// Digits without a leading zero (so "u01" never aliases "u1"), as a number.
    static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1, digits.count <= 9 else { return nil }
        var n = 0
        for b in digits {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    func title(bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count >= 3, bytes[1] == UInt8(ascii: "s"), let table = titles[bytes[0]], let n = Self.number(bytes[2...]), n < table.count,
              table[n] >= 0 else { return nil }
        return table[n]
    }

    mutating func viewer(bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "u"), let n = Self.number(bytes[1...]), n < 1 << 24 else { return nil }
        if byNumber.count <= n { byNumber += [Int32](repeating: -1, count: max(n + 1 - byNumber.count, byNumber.count)) }
        if byNumber[n] >= 0 { return byNumber[n] }
        let index = viewer(named: String(decoding: bytes, as: UTF8.self))
        byNumber[n] = index
        return index
    }

    mutating func viewer(named name: String) -> Int32 {
        if let known = byName[name] { return known }
        let index = Int32(viewerNames.count)
        byName[name] = index
        viewerNames.append(name)
        return index
    }
}
