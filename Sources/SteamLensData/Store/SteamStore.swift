import Foundation
import GRDB
import GRDBSQLite

public enum StoreError: Error, CustomStringConvertible {
    case absent(String)
    case stale(String)
    case corrupt(String, reason: String)
    /// SQLite could read it, but a checksum or a decoder says the values are not what was written.
    case damaged(String, reason: String)
    case cannotCreateFolder(String, reason: String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .absent(let path): return "no store at \(path)"
        case .stale(let why): return "the store is out of date (\(why))"
        case .corrupt(let path, let reason): return "the store \(path) is unreadable (\(reason))"
        case .damaged(let path, let reason): return "the store \(path) is damaged (\(reason))"
        case .cannotCreateFolder(let path, let reason): return "cannot create the cache folder \(path): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write the store \(path): \(reason)"
        }
    }
}

/// What the store holds: the clean dataset plus what the engine derived from it.
public struct StoreContents: Sendable {
    public var dataset: Dataset
    /// One sentiment (0/1/2) per review, in `dataset.reviews` order.
    public var sentiment: [UInt8]
    /// Trained models and precomputed neighbour lists, by name.
    public var blobs: [String: [UInt8]]
    public var fingerprint: SourceFingerprint
    /// When the store was built (ISO 8601), for the header line.
    public var builtAt: String

    public init(dataset: Dataset, sentiment: [UInt8], blobs: [String: [UInt8]] = [:], fingerprint: SourceFingerprint, builtAt: String = "") {
        self.dataset = dataset
        self.sentiment = sentiment
        self.blobs = blobs
        self.fingerprint = fingerprint
        self.builtAt = builtAt
    }
}

/// The on-disk store: one SQLite file (through GRDB) holding the cleaned
/// tables, so later starts skip parsing. Lists (genres, tags, specs) are
/// stored joined by U+001F, the ASCII unit separator, which never occurs in
/// the data. Every table, blob and the quick path's review-text column
/// carry a CRC-32 in the `checksums` table, verified as they are read. See
/// docs/store.md for the schema.
public enum SteamStore {
    /// 2: the `checksums` table; games keep their order in the rowid.
    public static let schemaVersion = 2
    static let listSeparator: Character = "\u{1F}"

    // MARK: Writing

    /// Writes `contents` to `path` atomically: a temporary file in the same
    /// folder is filled, closed, then renamed over the old store. Temporary
    /// files that dead processes left behind in that folder are removed first.
    public static func save(_ contents: StoreContents, to path: String) throws {
        try save(contents.dataset, fingerprint: contents.fingerprint, builtAt: contents.builtAt, to: path) {
            (contents.sentiment, contents.blobs)
        }
    }

    /// The same, with what the engine derives (one sentiment per review, in
    /// `dataset.reviews` order, and the model blobs) asked for only once the
    /// tables that do not need it are written: a cold start writes the
    /// library while the sentiment model is still training. Each part of
    /// `dataset` is let go once its table is written, so a caller that hands
    /// over the only copy gets the library's memory back before the wait.
    public static func save(_ dataset: consuming Dataset, fingerprint: SourceFingerprint, builtAt: String, to path: String,
                            derived: () throws -> (sentiment: [UInt8], blobs: [String: [UInt8]])) throws {
        let temporary = path + temporaryMarker + String(getpid())
        removeAbandonedTemporaryFiles(in: (path as NSString).deletingLastPathComponent)
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A store is rebuilt from scratch on any failure, so durability
                // during the build is not needed; the rename gives atomicity.
                try db.execute(sql: "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
                try db.inTransaction {
                    try createSchema(db)
                    var sums: [Part: UInt32] = [:]
                    // The library first: it is most of the memory, let go
                    // before the rest is written.
                    sums[.table("library")] = try writeLibrary(dataset.library, db)
                    dataset.library = LibraryColumns()
                    sums[.table("meta")] = try writeMeta(report: dataset.report, fingerprint: fingerprint, builtAt: builtAt, db)
                    sums[.table("games")] = try writeGames(dataset.games, db)
                    sums[.table("users")] = try writeUsers(dataset.users, db)
                    sums[.table("unknown_items")] = try writeUnknownItems(dataset.unknownItemNames, db)
                    dataset.users = []
                    dataset.games = []
                    let (sentiment, blobs) = try derived()
                    (sums[.table("reviews")], sums[.reviewTexts]) = try writeReviews(dataset.reviews, sentiment: sentiment, db)
                    let insertBlob = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO blobs(name, data) VALUES (?, ?)"))
                    for (name, blob) in blobs.sorted(by: { $0.key < $1.key }) {
                        insertBlob.bind(1, name)
                        insertBlob.bind(2, blob: blob)
                        try insertBlob.insert()
                        sums[.blob(name)] = StoreChecksum.of(blob)
                    }
                    let insertSum = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO checksums(kind, name, crc32) VALUES (?, ?, ?)"))
                    // In one order, so the same input writes the same table.
                    for (part, sum) in sums.sorted(by: { ($0.key.kind, $0.key.name) < ($1.key.kind, $1.key.name) }) {
                        insertSum.bind(1, part.kind)
                        insertSum.bind(2, part.name)
                        insertSum.bind(3, Int(sum))
                        try insertSum.insert()
                    }
                    return .commit
                }
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StoreError.cannotWrite(path, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw StoreError.cannotWrite(path, reason: reason)
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE games(
                id INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, developer TEXT, publisher TEXT,
                genres TEXT NOT NULL, tags TEXT NOT NULL, specs TEXT NOT NULL,
                price REAL, price_label TEXT, is_free INTEGER NOT NULL,
                release_date TEXT, release_year INTEGER, early_access INTEGER NOT NULL);
            CREATE TABLE users(
                idx INTEGER PRIMARY KEY, user_id TEXT NOT NULL UNIQUE, steam_id TEXT, url TEXT, declared_items INTEGER);
            CREATE TABLE reviews(
                user_idx INTEGER NOT NULL, item_id INTEGER NOT NULL, posted TEXT NOT NULL,
                posted_year INTEGER, posted_month INTEGER, posted_day INTEGER,
                recommend INTEGER NOT NULL, text TEXT NOT NULL, helpful TEXT NOT NULL, funny TEXT NOT NULL,
                last_edited TEXT NOT NULL, sentiment INTEGER NOT NULL);
            CREATE TABLE library(
                user_idx INTEGER NOT NULL, item_id INTEGER NOT NULL, minutes INTEGER NOT NULL, minutes_2weeks INTEGER NOT NULL);
            CREATE TABLE unknown_items(item_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE blobs(name TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE checksums(kind TEXT NOT NULL, name TEXT NOT NULL, crc32 INTEGER NOT NULL, PRIMARY KEY(kind, name));
            """)
    }

    /// Sorted keys: the same report gives the same bytes in every process
    /// (a dictionary's order changes with each process's hash seed).
    private static let sortedKeys: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static func writeMeta(report: LoadReport, fingerprint: SourceFingerprint, builtAt: String, _ db: Database) throws -> UInt32 {
        let meta: [(String, String)] = [
            ("schema_version", String(schemaVersion)),
            ("fingerprint", fingerprint.value),
            ("built_at", builtAt),
            ("load_report", String(decoding: try sortedKeys.encode(report), as: UTF8.self)),
        ]
        for (key, value) in meta {
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
        }
        return metaChecksum(Dictionary(uniqueKeysWithValues: meta))
    }

    /// The sum of the meta table, in key order (it is read as a dictionary).
    private static func metaChecksum(_ meta: [String: String]) -> UInt32 {
        let checksum = RunningChecksum()
        for (key, value) in meta.sorted(by: { $0.key < $1.key }) {
            checksum.add(text: key)
            checksum.add(text: value)
        }
        return checksum.value
    }

    private static func writeGames(_ games: [Game], _ db: Database) throws -> UInt32 {
        let insert = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO games VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"))
        for game in games {
            insert.bind(1, game.id)
            insert.bind(2, game.title)
            insert.bind(3, game.developer)
            insert.bind(4, game.publisher)
            insert.bind(5, joined(game.genres))
            insert.bind(6, joined(game.tags))
            insert.bind(7, joined(game.specs))
            insert.bind(8, game.price)
            insert.bind(9, game.priceLabel)
            insert.bind(10, game.isFree)
            insert.bind(11, game.releaseDate)
            insert.bind(12, game.releaseYear)
            insert.bind(13, game.earlyAccess)
            try insert.insert()
        }
        return insert.checksum.value
    }

    private static func writeUsers(_ users: [User], _ db: Database) throws -> UInt32 {
        let insert = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO users VALUES (?,?,?,?,?)"))
        for (index, user) in users.enumerated() {
            insert.bind(1, index)
            insert.bind(2, user.id)
            insert.bind(3, user.steamId)
            insert.bind(4, user.url)
            insert.bind(5, user.declaredItemCount)
            try insert.insert()
        }
        return insert.checksum.value
    }

    /// Returns the sums of the table and of its text column alone (what a quick start reads).
    private static func writeReviews(_ reviews: [Review], sentiment: [UInt8], _ db: Database) throws -> (UInt32, UInt32) {
        let insert = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO reviews VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"))
        let texts = RunningChecksum()
        for (index, review) in reviews.enumerated() {
            insert.bind(1, review.user)
            insert.bind(2, review.itemId)
            insert.bind(3, review.posted)
            insert.bind(4, review.postedYear)
            insert.bind(5, review.postedMonth)
            insert.bind(6, review.postedDay)
            insert.bind(7, review.recommend)
            insert.bind(8, review.text)
            texts.add(text: review.text)
            insert.bind(9, review.helpful)
            insert.bind(10, review.funny)
            insert.bind(11, review.lastEdited)
            insert.bind(12, index < sentiment.count ? Int(sentiment[index]) : 1)
            try insert.insert()
        }
        return (insert.checksum.value, texts.value)
    }

    private static func writeLibrary(_ library: LibraryColumns, _ db: Database) throws -> UInt32 {
        try SQLiteStatement.insertRows([library.user, library.itemId, library.minutes, library.minutesTwoWeeks], into: "library", db)
    }

    private static func writeUnknownItems(_ names: [Int: String], _ db: Database) throws -> UInt32 {
        let insert = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO unknown_items(item_id, name) VALUES (?, ?)"))
        for (item, name) in names.sorted(by: { $0.key < $1.key }) {
            insert.bind(1, item)
            insert.bind(2, name)
            try insert.insert()
        }
        return insert.checksum.value
    }

    private static func joined(_ list: [String]) -> String {
        list.joined(separator: String(listSeparator))
    }

    // MARK: Reading

    /// Loads a whole store. Throws `StoreError.stale` when `expected` differs
    /// from the fingerprint the store was built from, `.damaged` when a
    /// table or blob does not match its checksum.
    public static func load(from path: String, expected: SourceFingerprint?) throws -> StoreContents {
        try readOnly(path) { db in try read(db, path: path, expected: expected) }
    }

    /// The quick path of a start: the named blobs plus the review texts, after
    /// the same schema, fingerprint and checksum checks as `load`. Names the
    /// store does not hold are absent from the result.
    public static func loadBlobs(named names: [String], withReviewTextsFrom path: String, expected: SourceFingerprint?) throws -> (blobs: [String: [UInt8]], reviewTexts: [String]) {
        try readOnly(path) { db in
            let sums = try checkMeta(db, path: path, expected: expected).checksums
            var blobs: [String: [UInt8]] = [:]
            let select = SQLiteStatement(try db.makeStatement(sql: "SELECT data FROM blobs WHERE name = ?"))
            for name in names {
                select.bind(1, name)
                if try select.next() {
                    let blob = select.blob(0)
                    try sums.verify(.blob(name), StoreChecksum.of(blob), path: path)
                    blobs[name] = blob
                    _ = try select.next()
                } else if sums.expected[.blob(name)] != nil {
                    throw StoreError.damaged(path, reason: "blob '\(name)' is missing")
                }
            }
            var texts: [String] = []
            let row = SQLiteStatement(try db.makeStatement(sql: "SELECT text FROM reviews ORDER BY rowid"))
            while try row.next() { texts.append(row.string(0)) }
            try sums.verify(.reviewTexts, row.checksum.value, path: path)
            return (blobs, texts)
        }
    }

    private static func checkMeta(_ db: Database, path: String, expected: SourceFingerprint?) throws -> (meta: [String: String], checksums: Checksums) {
        var meta: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
            // A damaged row may hold NULL or another type; GRDB's typed
            // subscript would trap on it, so convert without trusting it.
            guard let key = storedValue(String.self, row, 0), let value = storedValue(String.self, row, 1) else {
                throw StoreError.corrupt(path, reason: "the meta table holds a row that is not text")
            }
            meta[key] = value
        }
        guard meta["schema_version"] == String(schemaVersion) else {
            throw StoreError.stale("schema version \(meta["schema_version"] ?? "none"), expected \(schemaVersion)")
        }
        let checksums = try Checksums(db, path: path)
        try checksums.verify(.table("meta"), metaChecksum(meta), path: path)
        guard let fingerprint = meta["fingerprint"], meta["load_report"] != nil else {
            throw StoreError.corrupt(path, reason: "meta table is incomplete")
        }
        if let expected, expected.value != fingerprint {
            throw StoreError.stale("the data files changed since it was built")
        }
        return (meta, checksums)
    }

    /// Runs `body` in a read transaction of a read-only connection (nothing
    /// is written on open, so any number of processes may read at once); any
    /// SQLite failure means the store is corrupt (and will be rebuilt).
    private static func readOnly<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.absent(path) }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corrupt(path, reason: "\(error)")
        }
    }

    private static func read(_ db: Database, path: String, expected: SourceFingerprint?) throws -> StoreContents {
        let (meta, sums) = try checkMeta(db, path: path, expected: expected)
        let fingerprint = meta["fingerprint"]!
        let reportJSON = meta["load_report"]!
        var dataset = Dataset()
        do {
            dataset.report = try JSONDecoder().decode(LoadReport.self, from: Data(reportJSON.utf8))
        } catch {
            throw StoreError.damaged(path, reason: "its load report cannot be decoded: \(error)")
        }
        dataset.games = try readGames(db, sums, path)
        dataset.users = try readUsers(db, sums, path)
        let (reviews, sentiment) = try readReviews(db, sums, path)
        dataset.reviews = reviews
        dataset.library = try readLibrary(db, sums, path)
        dataset.unknownItemNames = try readUnknownItems(db, sums, path)
        var blobs: [String: [UInt8]] = [:]
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT name, data FROM blobs"))
        while try row.next() {
            let name = row.string(0), blob = row.blob(1)
            try sums.verify(.blob(name), StoreChecksum.of(blob), path: path)
            blobs[name] = blob
        }
        for case .blob(let name) in sums.expected.keys where blobs[name] == nil {
            throw StoreError.damaged(path, reason: "blob '\(name)' is missing")
        }
        return StoreContents(dataset: dataset, sentiment: sentiment, blobs: blobs,
                             fingerprint: SourceFingerprint(value: fingerprint), builtAt: meta["built_at"] ?? "")
    }

    private static func readGames(_ db: Database, _ sums: Checksums, _ path: String) throws -> [Game] {
        var games: [Game] = []
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT * FROM games ORDER BY rowid"))
        while try row.next() {
            games.append(Game(
                id: row.int(0), title: row.string(1), developer: row.optionalString(2), publisher: row.optionalString(3),
                genres: split(row.string(4)), tags: split(row.string(5)), specs: split(row.string(6)),
                price: row.optionalDouble(7), priceLabel: row.optionalString(8), isFree: row.bool(9),
                releaseDate: row.optionalString(10), releaseYear: row.optionalInt(11), earlyAccess: row.bool(12)
            ))
        }
        try sums.verify(.table("games"), row.checksum.value, path: path)
        return games
    }

    private static func readUsers(_ db: Database, _ sums: Checksums, _ path: String) throws -> [User] {
        var users: [User] = []
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT * FROM users ORDER BY idx"))
        while try row.next() {
            _ = row.int(0)
            users.append(User(id: row.string(1), steamId: row.optionalString(2), url: row.optionalString(3), declaredItemCount: row.optionalInt(4)))
        }
        try sums.verify(.table("users"), row.checksum.value, path: path)
        return users
    }

    private static func readReviews(_ db: Database, _ sums: Checksums, _ path: String) throws -> ([Review], [UInt8]) {
        var reviews: [Review] = []
        var sentiment: [UInt8] = []
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT * FROM reviews ORDER BY rowid"))
        while try row.next() {
            reviews.append(Review(
                user: row.int32(0), itemId: row.int(1), posted: row.string(2),
                postedYear: row.optionalInt(3), postedMonth: row.optionalInt(4), postedDay: row.optionalInt(5),
                recommend: row.bool(6), text: row.string(7), helpful: row.string(8), funny: row.string(9),
                lastEdited: row.string(10)
            ))
            sentiment.append(UInt8(clamping: row.int(11)))
        }
        try sums.verify(.table("reviews"), row.checksum.value, path: path)
        return (reviews, sentiment)
    }

    private static func readLibrary(_ db: Database, _ sums: Checksums, _ path: String) throws -> LibraryColumns {
        var library = LibraryColumns()
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT user_idx, item_id, minutes, minutes_2weeks FROM library ORDER BY rowid"))
        while try row.next() {
            library.append(user: row.int32(0), itemId: row.int32(1), minutes: row.int32(2), minutesTwoWeeks: row.int32(3))
        }
        try sums.verify(.table("library"), row.checksum.value, path: path)
        return library
    }

    private static func readUnknownItems(_ db: Database, _ sums: Checksums, _ path: String) throws -> [Int: String] {
        var names: [Int: String] = [:]
        let row = SQLiteStatement(try db.makeStatement(sql: "SELECT item_id, name FROM unknown_items ORDER BY item_id"))
        while try row.next() {
            let item = row.int(0)
            names[item] = row.string(1)
        }
        try sums.verify(.table("unknown_items"), row.checksum.value, path: path)
        return names
    }

    private static func split(_ text: String) -> [String] {
        // Splitting the UTF-8 view avoids Character segmentation, which dominated start-up.
        text.isEmpty ? [] : text.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Checksums

    /// What a checksum covers: a table, a blob, or the review-text column the quick path reads.
    enum Part: Hashable {
        case table(String)
        case blob(String)
        case reviewTexts

        init?(kind: String, name: String) {
            switch kind {
            case "table": self = .table(name)
            case "blob": self = .blob(name)
            case "column" where name == "reviews.text": self = .reviewTexts
            default: return nil
            }
        }

        var kind: String {
            switch self {
            case .table: return "table"
            case .blob: return "blob"
            case .reviewTexts: return "column"
            }
        }

        var name: String {
            switch self {
            case .table(let name), .blob(let name): return name
            case .reviewTexts: return "reviews.text"
            }
        }
    }

    /// The sums a store was written with.
    struct Checksums {
        let expected: [Part: UInt32]

        init(_ db: Database, path: String) throws {
            var expected: [Part: UInt32] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, name, crc32 FROM checksums") {
                guard let kind = storedValue(String.self, row, 0), let name = storedValue(String.self, row, 1),
                      let sum = storedValue(Int64.self, row, 2) else {
                    throw StoreError.corrupt(path, reason: "the checksums table holds a row of the wrong types")
                }
                if let part = Part(kind: kind, name: name) { expected[part] = UInt32(truncatingIfNeeded: sum) }
            }
            self.expected = expected
        }

        func verify(_ part: Part, _ actual: UInt32, path: String) throws {
            guard let sum = expected[part] else {
                throw StoreError.damaged(path, reason: "no checksum for \(part.kind) '\(part.name)'")
            }
            guard sum == actual else {
                throw StoreError.damaged(path, reason: "checksum of \(part.kind) '\(part.name)' does not match")
            }
        }
    }

    // MARK: Temporary files

    /// A store being written is `<store>.tmp-<pid>` until it is renamed.
    static let temporaryMarker = ".tmp-"

    /// Removes the `store-*.sqlite.tmp-<pid>` and `store-*.columns.tmp-<pid>` files in
    /// `folder` whose process is gone (an interrupted save); those of live
    /// processes are saves in progress.
    /// Returns the names removed.
    @discardableResult
    static func removeAbandonedTemporaryFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        // Only our own names: the cache folder may be one the user also keeps other files in.
        for name in names where name.hasPrefix("store-") {
            guard let marker = name.range(of: ".sqlite" + temporaryMarker, options: .backwards)
                    ?? name.range(of: ".columns" + temporaryMarker, options: .backwards),
                  let pid = pid_t(name[marker.upperBound...]), pid > 0, pid != getpid() else { continue }
            // kill(pid, 0) only asks whether the process exists; EPERM means it does (another user's).
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(atPath: folder + "/" + name)) != nil { removed.append(name) }
        }
        return removed
    }
}

/// Column `index` of `row` as `T`, or nil when it is NULL or of another type
/// (GRDB's typed subscripts trap on a failed conversion).
private func storedValue<T: DatabaseValueConvertible>(_ type: T.Type, _ row: Row, _ index: Int) -> T? {
    T.fromDatabaseValue(row[index] as DatabaseValue)
}
