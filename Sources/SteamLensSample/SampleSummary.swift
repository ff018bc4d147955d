import Foundation

/// What `SampleGenerator.write` produced: counts of every record and quirk,
/// and the files with their sizes.
public struct SampleSummary: CustomStringConvertible, Sendable {
    public struct File: Sendable {
        public var url: URL
        /// Lines in the file, malformed ones included.
        public var lines: Int
        /// Of which malformed (truncated or garbage).
        public var malformedLines: Int
        /// Size on disk (compressed when gzip).
        public var bytes: Int
    }

    public var seed: UInt64
    /// Distinct games (rows with an id; the duplicated id counted once).
    public var games = 0
    /// All-NaN rows at the start of the games file.
    public var nanRows = 0
    /// Game rows with no id (`"id": NaN`).
    public var gameRowsWithoutID = 0
    /// Extra rows repeating an existing game id.
    public var duplicateGameRows = 0
    /// Library ids that the games file does not list.
    public var absentItemIDs = 0
    /// Distinct users (every user has a line in the items file).
    public var users = 0
    /// Users with a line in the reviews file.
    public var reviewUsers = 0
    /// Reviews in distinct users' lines.
    public var reviews = 0
    /// Items-file lines that repeat an earlier user's line exactly.
    public var duplicateItemLines = 0
    /// Reviews-file lines that repeat an earlier user's line exactly.
    public var duplicateReviewLines = 0
    /// Library rows (sum of items_count over distinct users).
    public var itemRows = 0
    /// Library rows repeating an item already in that library.
    public var duplicateItemRows = 0
    /// Library rows whose id is absent from the games file.
    public var absentItemRows = 0
    /// Malformed lines in the three files together.
    public var malformedLines = 0
    public var gamesFile: File?
    public var reviewsFile: File?
    public var itemsFile: File?

    public var files: [File] { [gamesFile, reviewsFile, itemsFile].compactMap { $0 } }
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    public var description: String {
        var lines = [
            "seed \(seed)",
            "games        \(games) (+\(nanRows) all-NaN rows, \(gameRowsWithoutID) rows without id, \(duplicateGameRows) duplicate id row)",
            "users        \(users) (\(duplicateItemLines) duplicate lines in the items file)",
            "item rows    \(itemRows) (\(duplicateItemRows) duplicate rows, \(absentItemRows) with ids absent from the games file, \(absentItemIDs) such ids)",
            "reviewers    \(reviewUsers) (\(duplicateReviewLines) duplicate lines)",
            "reviews      \(reviews)",
            "malformed    \(malformedLines) lines",
        ]
        for file in files {
            lines.append("\(file.url.lastPathComponent): \(file.lines) lines (\(file.malformedLines) malformed), \(file.bytes) bytes")
        }
        lines.append("total        \(totalBytes) bytes")
        return lines.joined(separator: "\n")
    }
}
