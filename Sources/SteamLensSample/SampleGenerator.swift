import Foundation
import SteamLensData

/// Writes a deterministic synthetic copy of the three raw Steam files, in
/// their exact formats and with their quirks (see docs/sample.md).
///
/// ```swift
/// let summary = try SampleGenerator(users: 2_000, seed: 42)
///     .write(to: URL(fileURLWithPath: "Data"))
/// print(summary)   // counts of games, users, reviews, item rows, quirks
/// ```
///
/// The same `users`, `seed` (and `games`) give byte-identical files on any
/// machine: all randomness comes from `SplitMix64` streams, and no output
/// depends on `Set`/`Dictionary` order. Files are streamed; memory holds the
/// catalog's ids and names, one user at a time, and the set of user ids.

public struct SampleGenerator {
    public static let gamesFileName = "steam_games"
    public static let reviewsFileName = "australian_user_reviews"
    public static let itemsFileName = "australian_users_items"
    /// Games in the real file (the cap of `defaultGameCount`).
    public static let realGameCount = 32_135

    /// Share of item-file lines repeated later (684 duplicated user ids in 88,310 real ones).
    static let duplicateItemLineRate = 0.0077
    /// Share of review-file lines repeated later (309 of 25,799 real users appear twice).
    static let duplicateReviewLineRate = 0.012

    public let users: Int
    public let seed: UInt64
    public let games: Int

    /// A generator for `users` users; the game count follows from it (`defaultGameCount`).
    public init(users: Int, seed: UInt64) {
        self.init(users: users, seed: seed, games: Self.defaultGameCount(users: users))
    }

    /// A generator with an explicit game count (small catalogs make fast tests).
    public init(users: Int, seed: UInt64, games: Int) {
        precondition(users >= 1, "SampleGenerator needs at least one user")
        precondition(games >= 1, "SampleGenerator needs at least one game")
        self.users = users
        self.seed = seed
        self.games = games
    }

    /// 1,500 games plus one per ~2.8 users, capped at the real 32,135
    /// (reached at the real 88,310 users).
    public static func defaultGameCount(users: Int) -> Int {
        min(realGameCount, 1_500 + users * 31 / 88)
    }

    /// Writes `steam_games`, `australian_user_reviews` and `australian_users_items`
    /// (`.json.gz`, or `.json` when `compressed` is false) into `directory`,
    /// creating it if needed, and returns what was written. `progress` hears
    /// the share of users written (0…1), about a hundred times.
    public func write(to directory: URL, compressed: Bool = true, progress: (Double) -> Void = { _ in }) throws -> SampleSummary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let suffix = compressed ? ".json.gz" : ".json"
        let catalog = GameCatalog(games: games, seed: seed)
        var summary = SampleSummary(seed: seed)
        summary.absentItemIDs = catalog.itemCount - catalog.gameCount

        let gamesFile = try RecordFile(directory.appendingPathComponent(Self.gamesFileName + suffix),
                                       compressed: compressed, malformed: MalformedLines(seed: seed, file: 0, expectedRecords: games))
        try writeGames(catalog: catalog, to: gamesFile, summary: &summary)
        summary.gamesFile = try gamesFile.finish()

        let reviewsFile = try RecordFile(directory.appendingPathComponent(Self.reviewsFileName + suffix), compressed: compressed,
                                         malformed: MalformedLines(seed: seed, file: 1, expectedRecords: Int(Double(users) * UserDraws.reviewerShare)))
        let itemsFile = try RecordFile(directory.appendingPathComponent(Self.itemsFileName + suffix), compressed: compressed,
                                       malformed: MalformedLines(seed: seed, file: 2, expectedRecords: users))
        try writeUsers(catalog: catalog, items: itemsFile, reviews: reviewsFile, summary: &summary, progress: progress)
        summary.reviewsFile = try reviewsFile.finish()
        summary.itemsFile = try itemsFile.finish()
        summary.malformedLines = gamesFile.malformedCount + reviewsFile.malformedCount + itemsFile.malformedCount
        return summary
    }

    private func writeGames(catalog: GameCatalog, to file: RecordFile, summary: inout SampleSummary) throws {
        // pandas left one all-NaN row per user of the merged frame ahead of the games.
        for _ in 0..<users { try file.plain(GameRecord.nanLine) }
        summary.nanRows = users

        var rng = SplitMix64.stream(seed: seed, .catalog, index: 1)
        let duplicated = rng.below(games)
        let duplicateAfter = duplicated + rng.below(games - duplicated)
        let withoutIDAfter = [rng.below(games), rng.below(games)].sorted()
        var line = LineBuffer()
        for index in 0..<games {
            line.removeAll()
            catalog.record(at: index).encode(into: &line)
            try file.record(line.bytes)
            if index == duplicateAfter {
                // The real duplicate (612880) differs only by a shorter url.
                var copy = catalog.record(at: duplicated)
                copy.url = "http://store.steampowered.com/app/\(catalog.itemIDs[duplicated])/"
                line.removeAll()
                copy.encode(into: &line)
                try file.record(line.bytes)
                summary.duplicateGameRows += 1
            }
            for after in withoutIDAfter where after == index {
                line.removeAll()
                GameRecord.withoutID(price: rng.pick([19.99, 4.99, 9.99])).encode(into: &line)
                try file.record(line.bytes)
                summary.gameRowsWithoutID += 1
            }
        }
        summary.games = games
    }

    private func writeUsers(catalog: GameCatalog, items: RecordFile, reviews: RecordFile,
                            summary: inout SampleSummary, progress: (Double) -> Void) throws {
        let step = max(1, users / 100)
        var identities = SplitMix64.stream(seed: seed, .users)
        var taken = Set<String>()
        var stamp = [Int32](repeating: 0, count: catalog.itemCount)
        var counted = stamp
        var laterItems = DelayedRepeats(), laterReviews = DelayedRepeats()
        var line = LineBuffer()

        for user in 0..<users {
            if user % step == 0 { progress(Double(user) / Double(users)) }
            let who = UserDraws.identity(using: &identities, taken: &taken)
            var rng = SplitMix64.stream(seed: seed, .libraries, index: user)
            let library = UserDraws.library(catalog: catalog, using: &rng, stamp: &stamp, mark: Int32(user + 1))
            line.removeAll()
            UserLines.items(userID: who.userID, steamID: who.steamID, url: who.url, library: library, catalog: catalog, into: &line)
            try items.record(line.bytes)
            summary.users += 1
            summary.itemRows += library.count
            for entry in library {
                if counted[entry.item] == Int32(user + 1) { summary.duplicateItemRows += 1 }
                counted[entry.item] = Int32(user + 1)
                if entry.item >= catalog.gameCount { summary.absentItemRows += 1 }
            }
            if rng.chance(Self.duplicateItemLineRate) { laterItems.add(line.bytes, at: user + 1 + rng.below(40)) }
            summary.duplicateItemLines += try laterItems.emit(upTo: user, into: items)

            var reviewRng = SplitMix64.stream(seed: seed, .reviews, index: user)
            if reviewRng.chance(UserDraws.reviewerShare) {
                let entries = UserDraws.reviews(library: library, catalog: catalog, using: &reviewRng)
                line.removeAll()
                UserLines.reviews(userID: who.userID, url: who.url, reviews: entries, catalog: catalog, into: &line)
                try reviews.record(line.bytes)
                summary.reviewUsers += 1
                summary.reviews += entries.count
                if reviewRng.chance(Self.duplicateReviewLineRate) { laterReviews.add(line.bytes, at: user + 1 + reviewRng.below(40)) }
            }
            summary.duplicateReviewLines += try laterReviews.emit(upTo: user, into: reviews)
        }
        summary.duplicateItemLines += try laterItems.emit(upTo: .max, into: items)
        summary.duplicateReviewLines += try laterReviews.emit(upTo: .max, into: reviews)
    }
}

/// Lines to write again a few users later (duplicates that are not adjacent).
private struct DelayedRepeats {
    private var queue: [(at: Int, bytes: [UInt8])] = []

    mutating func add(_ bytes: [UInt8], at position: Int) {
        queue.append((position, bytes))
    }

    /// Writes, in the order they were added, the repeats due by `position`.
    mutating func emit(upTo position: Int, into file: RecordFile) throws -> Int {
        var written = 0
        var kept: [(at: Int, bytes: [UInt8])] = []
        for entry in queue {
            if entry.at <= position { try file.record(entry.bytes); written += 1 } else { kept.append(entry) }
        }
        queue = kept
        return written
    }
}

/// One output file: counts lines and slips in malformed lines after records.
final class RecordFile {
    private let url: URL
    private let writer: GzipFileWriter
    private var malformed: MalformedLines
    private var lines = 0
    private var lastRecord: [UInt8] = []
    private static let newline: [UInt8] = [0x0A]

    init(_ url: URL, compressed: Bool, malformed: MalformedLines) throws {
        self.url = url
        writer = try GzipFileWriter(url: url, compressed: compressed)
        self.malformed = malformed
    }

    var malformedCount: Int { malformed.count }

    /// A line that is never followed by a malformed one (the all-NaN block).
    func plain(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
        try writer.write(Self.newline)
        lines += 1
    }

    /// A record line, possibly followed by a malformed line.
    func record(_ bytes: [UInt8]) throws {
        try plain(bytes)
        lastRecord = bytes
        if let bad = malformed.after(bytes) { try plain(bad) }
    }

    func finish() throws -> SampleSummary.File {
        if let bad = malformed.finish(lastLine: lastRecord) { try plain(bad) }
        let bytes = try writer.finish()
        return SampleSummary.File(url: url, lines: lines, malformedLines: malformed.count, bytes: bytes)
    }
}
