import SteamLensData

/// Reads a ratings CSV (`user_id,title_id,score,timestamp`, the generator's
/// `ratings.csv`) against a catalogue's title ids.
public struct RatingsFileReader {
    public static let columns = ["user_id", "title_id", "score", "timestamp"]

    public let path: String
    public let reportName: String

    public init(path: String, reportName: String = "ratings.csv") {
        self.path = path
        self.reportName = reportName
    }

    /// `titleIndex` maps a title id ("ns1") to its index in the catalogue.
    public func read(titleIndex: [String: Int32]) -> (ratings: Ratings, report: LoadReport.FileReport) {
        var report = LoadReport.FileReport(file: reportName, unit: "ratings")
        var viewers: [String] = []
        var viewerIndex: [String: Int32] = [:]
        var rows: [(viewer: Int32, title: Int32, halves: UInt8)] = []
        var seen = Set<Int64>()
        var columns: [Int]? = nil
        do {
            try CSVRecordReader(path: path).forEachRecord(
                onOversizedLine: { line in
                    report.lines = max(report.lines, line)
                    report.record(.oversizedLine, line: line)
                },
                onUnterminated: { report.record(StreamingRules.unterminatedQuote, line: $0.line, detail: "\($0.lines) lines") }
            ) { record in
                report.lines = max(report.lines, record.line)
                guard let indexes = columns else {
                    let header = record.fields.map { TextCleaning.trimmed($0).lowercased() }
                    let found = Self.columns.map { header.firstIndex(of: $0) }
                    if found.contains(nil) {
                        report.problem = "\(reportName): the header must be \(Self.columns.joined(separator: ",")), got \(header.joined(separator: ",").prefix(80))"
                        columns = []
                    } else {
                        columns = found.map { $0! }
                    }
                    return
                }
                guard !indexes.isEmpty else { return }
                guard record.fields.count > indexes.max()! else {
                    if record.fields == [""] { report.record(StreamingRules.blankRecord, line: record.line); return }
                    report.record(StreamingRules.wrongFieldCount, line: record.line, detail: "\(record.fields.count) fields")
                    return
                }
                let user = TextCleaning.trimmed(record.fields[indexes[0]])
                let titleId = TextCleaning.trimmed(record.fields[indexes[1]])
                let scoreText = TextCleaning.trimmed(record.fields[indexes[2]])
                guard !user.isEmpty else { report.record(StreamingRules.ratingWithoutUser, line: record.line); return }
                guard let title = titleIndex[titleId] else {
                    report.record(StreamingRules.ratingUnknownTitle, line: record.line, detail: "'\(titleId.prefix(20))'")
                    return
                }
                guard let score = Double(scoreText), score.isFinite, score >= 0.5, score <= 5, (score * 2).rounded() == score * 2 else {
                    report.record(StreamingRules.ratingScoreInvalid, line: record.line, detail: "'\(scoreText.prefix(20))'")
                    return
                }
                let timestamp = TextCleaning.trimmed(record.fields[indexes[3]])
                if Int64(timestamp) == nil { report.record(StreamingRules.ratingTimestampInvalid, line: record.line) }
                let viewer: Int32
                if let known = viewerIndex[user] {
                    viewer = known
                } else {
                    viewer = Int32(viewers.count)
                    viewerIndex[user] = viewer
                    viewers.append(user)
                }
                guard seen.insert(Int64(viewer) << 32 | Int64(title)).inserted else {
                    report.record(StreamingRules.ratingDuplicate, line: record.line, detail: "\(user) \(titleId)")
                    return
                }
                rows.append((viewer, title, UInt8(score * 2)))
            }
        } catch {
            report.problem = "\(error)"
            if case ReadProblem.truncatedGzip(_, let line) = error { report.record(.truncatedFile, line: line) }
        }
        if report.lines == 0, report.problem == nil { report.record(.emptyFile, line: 0, detail: "no lines") }
        report.kept = rows.count
        return (Ratings(viewers: viewers, titleCount: titleIndex.count, rows: rows), report)
    }
}
