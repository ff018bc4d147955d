import GRDB
import XCTest
@testable import SteamLensData
import SteamLensTestSupport

final class StoreTests: XCTestCase {
    func testAStoreRoundTripsTheDatasetExactly() throws {
        let directory = try DataDirectory(folder: try Fixture.folder())
        let dataset = DatasetLoader.load(directory)
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        let fingerprint = SourceFingerprint(directory: directory)
        let contents = StoreContents(dataset: dataset, sentiment: [2, 2, 0, 0, 1], blobs: ["model": [1, 2, 3]], fingerprint: fingerprint)
        try SteamStore.save(contents, to: path)
        let loaded = try SteamStore.load(from: path, expected: fingerprint)
        XCTAssertEqual(loaded.dataset, dataset)
        XCTAssertEqual(loaded.sentiment, [2, 2, 0, 0, 1])
        XCTAssertEqual(loaded.blobs, ["model": [1, 2, 3]])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"), "the temporary file is renamed away")
    }

    /// The load report is a JSON object of dictionaries; written with its
    /// keys in whatever order a process's hash seed gave, two builds of the
    /// same input wrote different bytes.
    func testTheLoadReportIsWrittenWithSortedKeys() throws {
        let directory = try DataDirectory(folder: try Fixture.folder())
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        try SteamStore.save(StoreContents(dataset: DatasetLoader.load(directory), sentiment: [], fingerprint: SourceFingerprint(value: "f")), to: path)
        let stored = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'load_report'")
        }
        let json = try XCTUnwrap(stored)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sorted = String(decoding: try encoder.encode(try JSONDecoder().decode(LoadReport.self, from: Data(json.utf8))), as: UTF8.self)
        XCTAssertTrue(json.contains("\"rules\""), "the report has its rules")
        XCTAssertEqual(json, sorted)
    }

    /// The library goes in 128 rows to a statement and the rest one by one;
    /// either way every row comes back in order and its checksum holds
    /// (a row changed in either part is caught).
    func testALibraryOfManyRowsRoundTripsAndIsSummedAsItIsRead() throws {
        var dataset = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
        var rng = SplitMix64(seed: 3)
        dataset.library = LibraryColumns()
        for _ in 0..<(128 * 3 + 57) {
            dataset.library.append(user: Int32.random(in: 0..<Int32(dataset.users.count), using: &rng),
                                   itemId: Int32.random(in: 1...2_000_000, using: &rng),
                                   minutes: Int32.random(in: -5...Int32.max, using: &rng),
                                   minutesTwoWeeks: Int32.random(in: 0...900, using: &rng))
        }
        for changed in [nil, 5, 128 * 3 + 50] {
            let path = Fixture.temporaryFolder() + "/store.sqlite"
            try SteamStore.save(StoreContents(dataset: dataset, sentiment: [], fingerprint: SourceFingerprint(value: "f")), to: path)
            guard let changed else {
                XCTAssertEqual(try SteamStore.load(from: path, expected: nil).dataset.library, dataset.library)
                continue
            }
            try StoreTampering.execute("UPDATE library SET minutes_2weeks = 901 WHERE rowid = \(changed)", on: path)
            assertDamaged(try SteamStore.load(from: path, expected: nil), "checksum of table 'library' does not match")
        }
    }

    func testGamesComeBackInTheOrderTheyWereSavedNotInIdOrder() throws {
        var dataset = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
        dataset.games.reverse()
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        try SteamStore.save(StoreContents(dataset: dataset, sentiment: [], fingerprint: SourceFingerprint(value: "f")), to: path)
        XCTAssertEqual(try SteamStore.load(from: path, expected: nil).dataset.games.map(\.id), dataset.games.map(\.id))
    }

    func testAStoreOfOtherInputsIsStale() throws {
        let directory = try DataDirectory(folder: try Fixture.folder())
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        try SteamStore.save(StoreContents(dataset: Dataset(), sentiment: [], fingerprint: SourceFingerprint(value: "old")), to: path)
        XCTAssertThrowsError(try SteamStore.load(from: path, expected: SourceFingerprint(directory: directory))) { error in
            guard case StoreError.stale = error else { return XCTFail("expected stale, got \(error)") }
        }
    }

    func testAGarbageStoreIsCorruptNotACrash() throws {
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        try Data(repeating: 0x42, count: 10_000).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SteamStore.load(from: path, expected: nil)) { error in
            guard case StoreError.corrupt = error else { return XCTFail("expected corrupt, got \(error)") }
        }
    }

    func testTheFingerprintChangesWhenAFileChanges() throws {
        let folder = try Fixture.folder()
        let before = SourceFingerprint(directory: try DataDirectory(folder: folder))
        try (Fixture.games + "\n").write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8)
        XCTAssertNotEqual(SourceFingerprint(directory: try DataDirectory(folder: folder)), before)
    }

    func testAFileThatBecomesReadableChangesTheFingerprintThoughItsSizeAndTimeStayTheSame() throws {
        let folder = try Fixture.folder()
        let directory = try DataDirectory(folder: folder)
        let readable = SourceFingerprint(directory: directory)
        let unreadable = try UnreadableFile.whileUnreadable(directory.reviews) { SourceFingerprint(directory: directory) }
        XCTAssertTrue(unreadable.value.contains(directory.reviews + "|"), unreadable.value)
        XCTAssertTrue(unreadable.value.contains("|unreadable"), unreadable.value)
        XCTAssertFalse(readable.value.contains("unreadable"), readable.value)
        XCTAssertEqual(unreadable.value.replacingOccurrences(of: "|unreadable", with: ""), readable.value,
                       "only readability differs: chmod keeps size and time")
        XCTAssertEqual(SourceFingerprint(directory: directory), readable, "readable again")
    }

    // MARK: Checksums

    /// A saved fixture store with two blobs, and its fingerprint.
    private func savedStore() throws -> (path: String, fingerprint: SourceFingerprint) {
        let directory = try DataDirectory(folder: try Fixture.folder())
        let dataset = DatasetLoader.load(directory)
        XCTAssertFalse(dataset.unknownItemNames.isEmpty, "the fixture exercises every table")
        let path = Fixture.temporaryFolder() + "/store.sqlite"
        let fingerprint = SourceFingerprint(directory: directory)
        // Varied bytes, so any stretch of the blob is unique in the file.
        var random = SplitMix64(seed: 7)
        let blobs: [String: [UInt8]] = ["catalog": (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &random) }, "model": [1, 2, 3, 4]]
        try SteamStore.save(StoreContents(dataset: dataset, sentiment: [2, 2, 0, 0, 1], blobs: blobs, fingerprint: fingerprint), to: path)
        return (path, fingerprint)
    }

    private func assertDamaged(_ expression: @autoclosure () throws -> some Any, _ reason: String, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), line: line) { error in
            guard case StoreError.damaged(_, let actual) = error else { return XCTFail("expected damaged, got \(error)", line: line) }
            XCTAssertEqual(actual, reason, line: line)
        }
    }

    func testAFlippedByteInAnyBlobMakesTheStoreDamagedOnBothReadPaths() throws {
        for name in ["catalog", "model"] {
            let (path, fingerprint) = try savedStore()
            try StoreTampering.flipBytes(ofBlob: name, count: 1, in: path)
            assertDamaged(try SteamStore.load(from: path, expected: fingerprint), "checksum of blob '\(name)' does not match")
            assertDamaged(try SteamStore.loadBlobs(named: [name], withReviewTextsFrom: path, expected: fingerprint),
                          "checksum of blob '\(name)' does not match")
        }
    }

    func testARawByteFlipInsideABlobIsCaughtThoughSQLiteReadsTheFileHappily() throws {
        let (path, fingerprint) = try savedStore()
        XCTAssertTrue(try StoreTampering.flipRawByte(insideBlob: "catalog", in: path), "the blob's bytes are in the file")
        assertDamaged(try SteamStore.loadBlobs(named: ["catalog"], withReviewTextsFrom: path, expected: fingerprint),
                      "checksum of blob 'catalog' does not match")
    }

    func testADeletedBlobIsMissingNotSilentlyAbsent() throws {
        let (path, fingerprint) = try savedStore()
        try StoreTampering.execute("DELETE FROM blobs WHERE name = 'model'", on: path)
        assertDamaged(try SteamStore.loadBlobs(named: ["model"], withReviewTextsFrom: path, expected: fingerprint), "blob 'model' is missing")
        assertDamaged(try SteamStore.load(from: path, expected: fingerprint), "blob 'model' is missing")
    }

    func testAChangedValueInAnyTableMakesTheStoreDamaged() throws {
        let edits = [
            ("games", "UPDATE games SET price = 99.5 WHERE rowid = 1"),
            ("users", "UPDATE users SET declared_items = 4000 WHERE idx = 0"),
            ("reviews", "UPDATE reviews SET recommend = 1 - recommend WHERE rowid = 2"),
            ("library", "UPDATE library SET minutes = 16824240 WHERE rowid = 1"),
            ("unknown_items", "UPDATE unknown_items SET name = 'Found Game'"),
            ("meta", "UPDATE meta SET value = 'yesterday' WHERE key = 'built_at'"),
        ]
        for (table, sql) in edits {
            let (path, fingerprint) = try savedStore()
            try StoreTampering.execute(sql, on: path)
            assertDamaged(try SteamStore.load(from: path, expected: fingerprint), "checksum of table '\(table)' does not match")
        }
    }

    func testAChangedReviewTextIsCaughtOnTheQuickPath() throws {
        let (path, fingerprint) = try savedStore()
        try StoreTampering.execute("UPDATE reviews SET text = 'great game, I hate it' WHERE rowid = 1", on: path)
        assertDamaged(try SteamStore.loadBlobs(named: [], withReviewTextsFrom: path, expected: fingerprint),
                      "checksum of column 'reviews.text' does not match")
    }

    func testAFlippedChecksumIsDamagedToo() throws {
        let (path, fingerprint) = try savedStore()
        try StoreTampering.execute("UPDATE checksums SET crc32 = crc32 + 1 WHERE kind = 'table' AND name = 'games'", on: path)
        assertDamaged(try SteamStore.load(from: path, expected: fingerprint), "checksum of table 'games' does not match")
    }

    func testATruncatedStoreIsNeverServed() throws {
        for fraction in [0.9, 0.5, 0.1] {
            let (path, fingerprint) = try savedStore()
            try StoreTampering.truncate(path, to: fraction)
            XCTAssertThrowsError(try SteamStore.load(from: path, expected: fingerprint)) { error in
                switch error {
                case StoreError.corrupt, StoreError.damaged: break
                default: XCTFail("expected corrupt or damaged at \(fraction), got \(error)")
                }
            }
        }
    }

    func testAStoreOfAnOlderSchemaIsStale() throws {
        let (path, fingerprint) = try savedStore()
        try StoreTampering.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'", on: path)
        XCTAssertThrowsError(try SteamStore.loadBlobs(named: [], withReviewTextsFrom: path, expected: fingerprint)) { error in
            guard case StoreError.stale(let why) = error else { return XCTFail("expected stale, got \(error)") }
            XCTAssertEqual(why, "schema version 1, expected \(SteamStore.schemaVersion)")
        }
    }

    // MARK: Saving

    func testSavingWhereNoFolderCanBeFailsWithTheReason() throws {
        // Tests run as root, where a read-only folder still takes writes: a path under a regular file cannot.
        let file = Fixture.temporaryFolder() + "/plain-file"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let (source, _) = try savedStore()
        let contents = try SteamStore.load(from: source, expected: nil)
        XCTAssertThrowsError(try SteamStore.save(contents, to: file + "/store.sqlite")) { error in
            guard case StoreError.cannotWrite(let path, _) = error else { return XCTFail("expected cannotWrite, got \(error)") }
            XCTAssertEqual(path, file + "/store.sqlite")
        }
    }

    func testSavingRemovesTheTemporaryFilesOfDeadProcessesOnly() throws {
        let folder = Fixture.temporaryFolder()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = "store-0123.sqlite.tmp-\(finished.processIdentifier)"
        let alive = "store-0123.sqlite.tmp-\(getppid())"
        let foreign = "notes.txt.tmp-\(finished.processIdentifier)"
        for name in [dead, alive, foreign] {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("half a store".utf8)))
        }
        let (source, _) = try savedStore()
        try SteamStore.save(try SteamStore.load(from: source, expected: nil), to: folder + "/store-0123.sqlite")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        XCTAssertEqual(left, [alive, foreign, "store-0123.sqlite"])
    }
}
