import XCTest
@testable import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

final class EngineLoaderTests: XCTestCase {
    /// Answers to every kind of query on the fixture, to compare engines by.
    private func answers(_ engine: Engine) -> [String] {
        let queries: [(String, [String])] = [
            ("developer", ["Valve"]), ("userdata", ["alice"]), ("user_for_genre", ["Action"]),
            ("best_developer_year", ["2011"]), ("developer_reviews_analysis", ["Valve"]), ("play_time_genre", ["Action"]),
            ("users_recommend", ["2011"]), ("sentiment_by_year", ["2015"]), ("count_reviews", ["2011-01-01", "2015-12-31"]),
            ("genre_rank", ["Indie"]), ("recommend_game", ["10"]), ("recommend_user", ["carol"]),
        ]
        return queries.map { name, arguments in
            do {
                return "\(try QueryRegistry.named(name)!(engine, arguments, .standard).table)"
            } catch {
                return "\(name): \(error)"
            }
        }
    }

    private func builtStore() throws -> (loader: EngineLoader, answers: [String]) {
        let loader = try EngineLoader(dataFolder: try Fixture.folder(), cacheFolder: Fixture.temporaryFolder())
        let first = try loader.open()
        XCTAssertEqual(first.origin, .built(reason: "first load of this data folder"))
        return (loader, answers(first.engine))
    }

    /// Opens a damaged store: it must be rebuilt with a message containing
    /// `reason`, answer as before, and be trusted on the next start.
    private func assertRebuilt(_ loader: EngineLoader, answers expected: [String], because reason: String, _ context: String = "",
                               line: UInt = #line) throws {
        let opened = try loader.open()
        guard case .built(let actual) = opened.origin else { return XCTFail("a damaged store must be rebuilt, never served: \(context)", line: line) }
        XCTAssertTrue(actual.contains(reason), "\(context): \(actual)", line: line)
        XCTAssertEqual(opened.warnings, ["Rebuilding the store: \(actual)."], context, line: line)
        XCTAssertEqual(answers(opened.engine), expected, line: line)
        let reopened = try loader.open()
        XCTAssertEqual(reopened.origin, .store, "the rebuilt store is trusted again", line: line)
        XCTAssertEqual(answers(reopened.engine), expected, line: line)
    }

    func testAStoreIsBuiltOnceThenReadWithTheSameAnswers() throws {
        let (loader, expected) = try builtStore()
        let second = try loader.open()
        XCTAssertEqual(second.origin, .store)
        XCTAssertTrue(second.warnings.isEmpty, "\(second.warnings)")
        XCTAssertNil(second.saveFailure)
        XCTAssertEqual(answers(second.engine), expected)
        XCTAssertFalse(expected.contains { $0.contains("Error") || $0.contains("error") }, "\(expected)")
    }

    func testAnyChangeToTheSQLiteFileRebuildsBothFiles() throws {
        let (loader, expected) = try builtStore()
        let tamperings: [(String, () throws -> Void)] = [
            ("garbage", { try Data(repeating: 0x2A, count: 4_096).write(to: URL(fileURLWithPath: loader.storePath)) }),
            ("changed review text", { try StoreTampering.execute("UPDATE reviews SET text = 'bad and boring' WHERE rowid = 1", on: loader.storePath) }),
            ("older schema", { try StoreTampering.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'", on: loader.storePath) }),
            ("truncated", { try StoreTampering.truncate(loader.storePath, to: 0.6) }),
            ("removed", { try FileManager.default.removeItem(atPath: loader.storePath) }),
        ]
        for (name, tamper) in tamperings {
            try tamper()
            try assertRebuilt(loader, answers: expected, because: "its tables \(loader.storePath) were changed, replaced or removed", name)
        }
    }

    func testAGarbageColumnFileIsRebuiltWithAMessage() throws {
        let (loader, expected) = try builtStore()
        try Data(repeating: 0x2A, count: 4_096).write(to: URL(fileURLWithPath: loader.columnsPath))
        try assertRebuilt(loader, answers: expected, because: "is damaged (not a SteamLens column file)")
    }

    func testATruncatedColumnFileIsRebuilt() throws {
        let (loader, expected) = try builtStore()
        for fraction in [0.0, 0.001, 0.5, 0.999] {
            try StoreTampering.truncate(loader.columnsPath, to: fraction)
            try assertRebuilt(loader, answers: expected, because: "truncated", "\(fraction)")
        }
    }

    func testAColumnFileOfAnOlderFormatIsRebuilt() throws {
        let (loader, expected) = try builtStore()
        try ColumnTampering.edit(loader.columnsPath) { bytes in bytes[8] = UInt8(ColumnFile.formatVersion - 1) }
        try assertRebuilt(loader, answers: expected, because: "is out of date (format version \(ColumnFile.formatVersion - 1), expected \(ColumnFile.formatVersion))")
    }

    func testAFlippedBitInTheHeaderIsRejected() throws {
        let (loader, expected) = try builtStore()
        try ColumnTampering.edit(loader.columnsPath) { bytes in bytes[ColumnFile.fixedHeader + 20] ^= 0x04 }
        try assertRebuilt(loader, answers: expected, because: "checksum of the header does not match")
    }

    func testAFlippedBitInAColumnReadAtStartIsRejectedAndRebuilt() throws {
        let (loader, expected) = try builtStore()
        for column in ["catalog.fingerprint", "catalog.report", "engine.genres.item_id.totalMinutes", "engine.reviewsByYear.posted.reviews"] {
            try ColumnTampering.flipBit(inColumn: column, of: loader.columnsPath)
            try assertRebuilt(loader, answers: expected, because: "checksum of column '\(column)' block 0 does not match", column)
        }
    }

    /// A column the start does not read is checked when a query first
    /// touches it; here the check is asked for directly (the CLI tests show
    /// the first-touch path: message, file removed, exit 2, rebuilt next time).
    func testAFlippedBitInAMappedColumnFailsItsBlockCheck() throws {
        let (loader, _) = try builtStore()
        let names = try ColumnFile(path: loader.columnsPath).columnNames
        XCTAssertNoThrow(try ColumnFile(path: loader.columnsPath).verifyAll())
        for column in ["catalog.titles.bytes", "catalog.libraryOfUser.values", "rec.ease.weights"] {
            XCTAssertTrue(names.contains(column), column)
            try ColumnTampering.flipBit(inColumn: column, of: loader.columnsPath)
            let file = try ColumnFile(path: loader.columnsPath)
            XCTAssertThrowsError(try file.verify(column)) { error in
                XCTAssertEqual("\(error)", "the column file \(loader.columnsPath) is damaged (checksum of column '\(column)' block 0 does not match)")
            }
            try ColumnTampering.flipBit(inColumn: column, of: loader.columnsPath)
            XCTAssertNoThrow(try ColumnFile(path: loader.columnsPath).verify(column))
        }
    }

    func testARebuildReportsEveryPhaseAsItStartsAndEnds() throws {
        let loader = try EngineLoader(dataFolder: try Fixture.folder(), cacheFolder: Fixture.temporaryFolder())
        var seen: [LoadProgress] = []
        _ = try loader.open { seen.append($0) }
        // The parse moves its bar with the bytes read; the other phases go from 0 to 1.
        let parse = seen.prefix { $0.step == 1 }.map(\.fraction)
        XCTAssertEqual(parse.first, 0)
        XCTAssertEqual(parse.last, 1)
        XCTAssertEqual(parse, parse.sorted())
        XCTAssertGreaterThan(parse.count, 2, "\(parse)")
        let rest = seen.dropFirst(parse.count)
        XCTAssertEqual(rest.map(\.step), (2...7).flatMap { [$0, $0] })
        XCTAssertEqual(rest.map(\.fraction), (2...7).flatMap { _ in [0.0, 1.0] })
        XCTAssertEqual(seen.first?.line, "1/7 parse raw files ▕                    ▏   0 %")
        XCTAssertEqual(seen.last?.line, "7/7 save store (after training) ▕████████████████████▏ 100 %")
        XCTAssertEqual(LoadProgress.bar(0.28), "▕█████▌              ▏  28 %")
        var again: [LoadProgress] = []
        _ = try loader.open { again.append($0) }
        XCTAssertEqual(again, [], "a start from the store has no phases to report")
    }

    func testTwoBuildsOfTheSameInputWriteTheSameColumns() throws {
        let folder = try Fixture.folder()
        let first = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        let second = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        _ = try first.open()
        _ = try second.open()
        let a = try ColumnFile(path: first.columnsPath), b = try ColumnFile(path: second.columnsPath)
        XCTAssertEqual(a.columnNames, b.columnNames)
        let bytesA = [UInt8](try Data(contentsOf: URL(fileURLWithPath: first.columnsPath)))
        let bytesB = [UInt8](try Data(contentsOf: URL(fileURLWithPath: second.columnsPath)))
        // Only when it was built and which SQLite file it belongs to may differ.
        for name in a.columnNames where name != "catalog.builtAt" && name != "store.sqlite" {
            let range = try XCTUnwrap(a.byteRange(of: name))
            XCTAssertEqual(Array(bytesA[range]), b.byteRange(of: name).map { Array(bytesB[$0]) }, name)
        }
    }

    func testMappedAnswersEqualTheAnswersOfTheFreshBuild() throws {
        let (loader, expected) = try builtStore()
        let mapped = try loader.open()
        XCTAssertEqual(mapped.origin, .store)
        XCTAssertEqual(answers(mapped.engine), expected)
        let fresh = try loader.open(forceRebuild: true).engine.catalog, stored = mapped.engine.catalog
        XCTAssertEqual(stored.titles, fresh.titles)
        XCTAssertEqual(stored.itemIndexById, fresh.itemIndexById)
        XCTAssertEqual(stored.libraryOfUser.values, fresh.libraryOfUser.values)
        XCTAssertEqual(stored.reviewText, fresh.reviewText)
        XCTAssertEqual(stored.reviewSentiment, fresh.reviewSentiment)
        XCTAssertEqual(stored.crawlYear, fresh.crawlYear)
    }

    func testChangedInputsMakeTheStoreStale() throws {
        let folder = try Fixture.folder()
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        _ = try loader.open()
        try (Fixture.reviews + "\n").write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
        let reopened = try loader.open()
        guard case .built(let reason) = reopened.origin else { return XCTFail("changed inputs must rebuild") }
        XCTAssertTrue(reason.contains("out of date"), reason)
    }

    func testTwoReadersAtOnceAgreeAndLeaveTheStoreUntouched() throws {
        let (loader, expected) = try builtStore()
        let before = try Data(contentsOf: URL(fileURLWithPath: loader.storePath))
        let modified = try FileManager.default.attributesOfItem(atPath: loader.storePath)[.modificationDate] as? Date
        // Each reader writes its own results under a lock: two threads must not mutate one array at once.
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var answers: [[String]?] = [nil, nil]
            var origins: [EngineLoader.Origin?] = [nil, nil]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { reader in
            let opened = try? loader.open()
            let answer = opened.map { answers($0.engine) }
            results.lock.lock()
            results.origins[reader] = opened?.origin
            results.answers[reader] = answer
            results.lock.unlock()
        }
        XCTAssertEqual(results.origins, [.store, .store])
        XCTAssertEqual(results.answers, [expected, expected])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: loader.storePath)), before, "opening writes nothing")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: loader.storePath)[.modificationDate] as? Date, modified)
        let folder = (loader.storePath as NSString).deletingLastPathComponent
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
                       [loader.columnsPath, loader.storePath].map { ($0 as NSString).lastPathComponent }.sorted(),
                       "no journal or lock files are left beside the store")
    }

    // MARK: Incomplete input

    func testAStoreBuiltFromACutReviewsFileIsKeptButFlaggedOnEveryStart() throws {
        let folder = try Fixture.folder()
        let full = Gzip.compress(Array(Fixture.reviews.utf8))
        try FileManager.default.removeItem(atPath: folder + "/australian_user_reviews.json")
        let gz = folder + "/australian_user_reviews.json.gz"
        try Data(full.prefix(full.count / 2)).write(to: URL(fileURLWithPath: gz))
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())

        let built = try loader.open()
        let flag = built.warnings.first { $0.hasPrefix("built from incomplete input: australian_user_reviews.json.gz: ") }
        XCTAssertNotNil(flag, "\(built.warnings)")
        XCTAssertTrue(flag?.hasSuffix("run `steamlens etl` once the file is fixed") ?? false, flag ?? "")
        XCTAssertLessThan(built.engine.catalog.reviewCount, 5)

        let reopened = try loader.open()
        XCTAssertEqual(reopened.origin, .store)
        XCTAssertEqual(reopened.warnings, [flag!], "every answer from the store says it is incomplete")

        try Data(full).write(to: URL(fileURLWithPath: gz))
        let fixed = try loader.open()
        guard case .built = fixed.origin else { return XCTFail("a repaired file rebuilds the store") }
        XCTAssertEqual(fixed.engine.catalog.reviewCount, 5)
        XCTAssertEqual(try loader.open().warnings, [])
    }

    func testAnInputUnreadableAtBuildTimeIsFlaggedAndRebuiltOnceReadable() throws {
        let folder = try Fixture.folder()
        let cache = Fixture.temporaryFolder()
        UnreadableFile.openFolder(cache)
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: cache)
        let reviews = loader.directory.reviews
        let (built, reopened) = try UnreadableFile.whileUnreadable(reviews) { (try loader.open(), try loader.open()) }
        XCTAssertEqual(built.engine.catalog.reviewCount, 0)
        XCTAssertTrue(built.warnings.contains { $0.hasPrefix("built from incomplete input: australian_user_reviews.json: ") }, "\(built.warnings)")
        XCTAssertEqual(reopened.origin, .store, "while the file stays unreadable the flagged store is used")
        XCTAssertEqual(reopened.warnings.count, 1, "\(reopened.warnings)")

        // Readable again, with the same size and modification time.
        let fixed = try loader.open()
        guard case .built(let reason) = fixed.origin else { return XCTFail("a file that became readable rebuilds the store") }
        XCTAssertTrue(reason.contains("out of date"), reason)
        XCTAssertEqual(fixed.engine.catalog.reviewCount, 5)
        XCTAssertEqual(fixed.warnings.filter { $0.contains("incomplete") }, [])
    }

    func testAFileThatTurnsUnreadableWhileBeingReadIsReadAgainOnTheNextStart() throws {
        let cache = Fixture.temporaryFolder()
        UnreadableFile.openFolder(cache)
        let loader = try EngineLoader(dataFolder: try Fixture.folder(), cacheFolder: cache)
        let reviews = loader.directory.reviews
        var began = false
        defer { if began { UnreadableFile.end(reviews) } }
        // The fingerprint is taken while the file is readable; it turns unreadable just before the parse.
        let built = try loader.open { progress in
            if progress.step == 1, progress.fraction == 0, !began { began = (try? UnreadableFile.begin(reviews)) != nil }
        }
        UnreadableFile.end(reviews)
        began = false
        XCTAssertEqual(built.engine.catalog.reviewCount, 0)

        // Readable again, size and time as they were when the fingerprint was taken.
        let next = try loader.open()
        guard case .built = next.origin else { return XCTFail("what was read matches no fingerprint of the file, so it is read again") }
        XCTAssertEqual(next.engine.catalog.reviewCount, 5)
    }

    func testAFolderWithoutGamesIsAnErrorAndNothingIsSaved() throws {
        let folder = try Fixture.folder()
        try "".write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8)
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        XCTAssertThrowsError(try loader.open()) { error in
            guard let empty = error as? EngineLoader.EmptyDataError else { return XCTFail("expected EmptyDataError, got \(error)") }
            XCTAssertEqual(empty.missing, "games")
            XCTAssertTrue(empty.description.hasPrefix("the data folder \(folder) yields no games"), empty.description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: loader.storePath))
    }

    func testAFolderWithoutUsersIsAnError() throws {
        let folder = try Fixture.folder()
        try "".write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
        try "".write(toFile: folder + "/australian_users_items.json", atomically: true, encoding: .utf8)
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        XCTAssertThrowsError(try loader.open()) { error in
            XCTAssertEqual((error as? EngineLoader.EmptyDataError)?.missing, "users", "\(error)")
        }
    }

    // MARK: Saving

    func testAStoreThatCannotBeSavedStillAnswersButSaysWhy() throws {
        // Tests run as root, where chmod does not stop writes: a cache folder under a regular file cannot exist.
        let file = Fixture.temporaryFolder() + "/plain-file"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let loader = try EngineLoader(dataFolder: try Fixture.folder(), cacheFolder: file + "/cache")
        let opened = try loader.open()
        let failure = try XCTUnwrap(opened.saveFailure)
        XCTAssertEqual(failure, "cannot create the cache folder \(file)/cache: \(file)/cache: Not a directory")
        XCTAssertTrue(opened.warnings.contains { $0.hasPrefix("The store could not be saved") }, "\(opened.warnings)")
        XCTAssertEqual(opened.engine.catalog.gameCount, 5)
    }
}

/// Damages a column file the way a disk or an old release would.
enum ColumnTampering {
    static func edit(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Flips one bit in the middle of the first block of a column.
    static func flipBit(inColumn name: String, of path: String) throws {
        let entry = try XCTUnwrap(try ColumnFile(path: path).entries[name], "no column \(name)")
        try edit(path) { bytes in bytes[entry.offset + min(entry.byteCount, 1 << 16) / 2] ^= 0x10 }
    }
}
