import SteamLensData

/// Reads one platform's catalogue CSV into titles, counting every cleaning
/// rule it applies in the file's report.
///
/// Columns are found by their header names, in any order; a file without
/// one of `TitleFileReader.columns` is a problem of the whole file.
public struct TitleFileReader {
    /// The columns every catalogue file has (the real four files' header).
    public static let columns = ["show_id", "type", "title", "director", "cast", "country", "date_added",
                                 "release_year", "rating", "duration", "listed_in", "description"]

    public let platform: Platform
    public let path: String
    /// The name the report shows (the file name, so reports read the same on any machine).
    public let reportName: String

    public init(platform: Platform, path: String, reportName: String? = nil) {
        self.platform = platform
        self.path = path
        self.reportName = reportName ?? platform.fileName
    }

    public func read() -> (titles: [Title], report: LoadReport.FileReport) {
        var report = LoadReport.FileReport(file: reportName, unit: "titles")
        var titles: [Title] = []
        var columnIndex: [Int]? = nil
        var header: [String] = []
        var seen = Set<String>()
        do {
            try CSVRecordReader(path: path).forEachRecord(
                onOversizedLine: { line in
                    report.lines = max(report.lines, line)
                    report.record(.oversizedLine, line: line, detail: "longer than the \(LineReader.describe(bytes: LineReader.defaultMaximumLineLength)) line limit")
                },
                onUnterminated: { quote in
                    report.lines = max(report.lines, quote.line + quote.lines - 1)
                    report.record(StreamingRules.unterminatedQuote, line: quote.line, detail: "\(quote.lines) lines")
                }
            ) { record in
                report.lines = max(report.lines, record.line)
                guard let indexes = columnIndex else {
                    header = record.fields
                    if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
                    header = header.map { TextCleaning.trimmed($0).lowercased() }
                    let found = Self.columns.map { header.firstIndex(of: $0) }
                    let missing = zip(Self.columns, found).filter { $0.1 == nil }.map(\.0)
                    guard missing.isEmpty else {
                        report.problem = "\(reportName): the header lacks \(missing.joined(separator: ", ")); expected \(Self.columns.joined(separator: ","))"
                        columnIndex = []
                        return
                    }
                    columnIndex = found.map { $0! }
                    return
                }
                guard !indexes.isEmpty else { return }  // a bad header: nothing can be read
                if record.fields.count == 1, record.fields[0].isEmpty {
                    report.record(StreamingRules.blankRecord, line: record.line)
                    return
                }
                guard record.fields.count == header.count else {
                    report.record(StreamingRules.wrongFieldCount, line: record.line,
                                  detail: "\(record.fields.count) fields, header has \(header.count)")
                    return
                }
                if record.strayQuote { report.record(StreamingRules.strayQuote, line: record.line) }
                if let title = clean(indexes.map { record.fields[$0] }, line: record.line, seen: &seen, report: &report) {
                    titles.append(title)
                }
            }
        } catch {
            report.problem = "\(error)"
            if case ReadProblem.truncatedGzip(_, let line) = error { report.record(.truncatedFile, line: line) }
        }
        if report.lines == 0, report.problem == nil { report.record(.emptyFile, line: 0, detail: "no lines") }
        report.kept = titles.count
        return (titles, report)
    }

    /// One row's fields, in `columns` order, as a title, or nil when a rule skips it.
    func clean(_ raw: [String], line: Int, seen: inout Set<String>, report: inout LoadReport.FileReport) -> Title? {
        var invisible = false
        let fields = raw.map { field -> String in
            let (text, removed) = TextCleaning.removingInvisibles(field)
            invisible = invisible || removed
            return TextCleaning.trimmed(text)
        }
        let showId = fields[0], typeText = fields[1], name = fields[2]
        guard !showId.isEmpty else {
            report.record(StreamingRules.titleWithoutId, line: line)
            return nil
        }
        guard seen.insert(showId).inserted else {
            report.record(StreamingRules.duplicateShowId, line: line, detail: showId)
            return nil
        }
        guard !name.isEmpty else {
            report.record(StreamingRules.titleWithoutName, line: line, detail: showId)
            return nil
        }
        guard let type = TitleType(exactly: typeText) else {
            report.record(StreamingRules.typeUnknown, line: line, detail: "'\(typeText.prefix(40))'")
            return nil
        }
        if invisible { report.record(StreamingRules.invisibleCharacters, line: line, detail: showId) }

        var title = Title(id: "\(platform.letter)\(showId)", platform: platform, type: type, name: name)
        title.directors = TextCleaning.list(fields[3])
        title.cast = TextCleaning.list(fields[4])
        title.countries = TextCleaning.list(fields[5])
        title.genres = TextCleaning.list(fields[10])
        title.description = fields[11]
        if title.directors.isEmpty { report.count(StreamingRules.directorMissing) }
        if title.cast.isEmpty { report.count(StreamingRules.castMissing) }
        if title.countries.isEmpty { report.count(StreamingRules.countryMissing) }
        if title.genres.isEmpty { report.record(StreamingRules.genresMissing, line: line, detail: title.id) }
        if title.description.isEmpty { report.record(StreamingRules.descriptionMissing, line: line, detail: title.id) }

        // date_added: the raw field, so leading spaces can be told apart.
        let rawDate = raw[6]
        if fields[6].isEmpty {
            report.count(StreamingRules.dateAddedMissing)
        } else {
            if TextCleaning.trimmed(rawDate) != rawDate {
                report.record(StreamingRules.dateAddedSpaces, line: line, detail: "'\(rawDate.prefix(30))'")
            }
            if let day = TextCleaning.day(fields[6]) {
                title.dateAdded = day
            } else {
                report.record(StreamingRules.dateAddedUnreadable, line: line, detail: "'\(fields[6].prefix(30))'")
            }
        }

        if fields[7].isEmpty {
            report.record(StreamingRules.releaseYearMissing, line: line, detail: title.id)
        } else if fields[7].count == 4, fields[7].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(fields[7]),
                  StreamingRules.validYears.contains(year) {
            title.releaseYear = year
        } else {
            report.record(StreamingRules.releaseYearUnreadable, line: line, detail: "'\(fields[7].prefix(20))'")
        }

        var durationText = fields[9]
        if let misplaced = Duration(parsing: fields[8]) {
            report.record(StreamingRules.durationInRating, line: line, detail: "\(title.id): '\(fields[8])'")
            if durationText.isEmpty { durationText = misplaced.description }
        } else if fields[8].isEmpty {
            report.count(StreamingRules.ratingMissing)
        } else {
            title.rating = fields[8]
        }
        if durationText.isEmpty {
            report.record(StreamingRules.durationMissing, line: line, detail: title.id)
        } else if let duration = Duration(parsing: durationText) {
            title.duration = duration
            if (duration.unit == .minutes) != (type == .movie) {
                report.record(StreamingRules.durationUnitMismatch, line: line, detail: "\(type.displayName) '\(durationText)'")
            }
        } else {
            report.record(StreamingRules.durationUnreadable, line: line, detail: "'\(durationText.prefix(30))'")
        }
        return title
    }
}

extension TitleType {
    /// The `type` column's two values, exactly ("Movie", "TV Show").
    init?(exactly text: String) {
        switch text {
        case "Movie": self = .movie
        case "TV Show": self = .show
        default: return nil
        }
    }
}
