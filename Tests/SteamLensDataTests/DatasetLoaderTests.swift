import XCTest
@testable import SteamLensData
import SteamLensTestSupport

final class DatasetLoaderTests: XCTestCase {
    private func loadFixture() throws -> Dataset {
        DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
    }

    /// The parse phase's bar moves with the bytes read across the three
    /// files, from the reader threads one call at a time, and never says
    /// 100 % itself (the loader does, when the phase ends).
    func testALoadReportsTheShareOfItsBytesReadAsItGoes() throws {
        let lock = NSLock()
        var fractions: [Double] = []
        _ = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder())) { fraction in
            lock.withLock { fractions.append(fraction) }
        }
        XCTAssertFalse(fractions.isEmpty)
        XCTAssertEqual(fractions, fractions.sorted(), "never backwards")
        XCTAssertEqual(Set(fractions).count, fractions.count, "each percent once")
        XCTAssertTrue(fractions.allSatisfy { $0 > 0 && $0 < 1 }, "\(fractions)")
        XCTAssertGreaterThanOrEqual(fractions.last!, 0.9, "all three files were counted: \(fractions)")
    }

    func testTheLineReaderCountsEveryByteItTakesFromTheFile() throws {
        let path = Fixture.temporaryFolder() + "/lines.txt"
        try Data(String(repeating: "0123456789\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        var fractions: [Double] = []
        var reader = LineReader(path: path)
        reader.chunkSize = 64
        reader.progress = ReadProgress(totalBytes: 1_100) { fractions.append($0) }
        var lines = 0
        try reader.forEachLine { _, _ in lines += 1 }
        XCTAssertEqual(lines, 100)
        // 17 chunks of 64 bytes and one of 12: each passes a percent, the last is held at 99 %.
        XCTAssertEqual(fractions, [5, 11, 17, 23, 29, 34, 40, 46, 52, 58, 64, 69, 75, 81, 87, 93, 98, 99].map { Double($0) / 100 })
    }

    func testGamesKeepEveryGoodRowAndCountEachSkip() throws {
        let dataset = try loadFixture()
        XCTAssertEqual(dataset.games.map(\.id), [10, 20, 30, 40, 50])
        let report = try XCTUnwrap(dataset.report.file(named: "steam_games.json"))
        XCTAssertEqual(report.lines, 9)
        XCTAssertEqual(report.kept, 5)
        XCTAssertEqual(report.total(.emptyRow), 1)
        XCTAssertEqual(report.total(.duplicateGameId), 1)
        XCTAssertEqual(report.total(.gameWithoutId), 1)
        XCTAssertEqual(report.total(.malformedLine), 1)
        XCTAssertEqual(report.skipped, 4)
        XCTAssertEqual(report.total(.freePriceText), 1)
        XCTAssertEqual(report.total(.priceMissing), 1)
        XCTAssertEqual(report.total(.releaseDateApproximate), 1)
        XCTAssertEqual(report.total(.releaseDateWithoutYear), 1)
        XCTAssertEqual(report.total(.htmlEntity), 1)
        XCTAssertEqual(report.total(.titleFromAppName), 1)
        let malformed = try XCTUnwrap(report.rules.first { $0.rule == .malformedLine })
        XCTAssertEqual(malformed.samples, ["steam_games.json:9: column 23: string is not closed"])
    }

    func testGameFieldsAreCleaned() throws {
        let games = try loadFixture().games
        XCTAssertEqual(games[0].title, "Counter-Strike", "the first of a duplicated id wins")
        XCTAssertEqual(games[1].isFree, true)
        XCTAssertEqual(games[1].price, 0)
        XCTAssertEqual(games[1].priceLabel, "Free to Play")
        XCTAssertEqual(games[2].title, "Half-Life 2", "no title: app_name is used")
        XCTAssertEqual(games[2].releaseYear, 2004)
        XCTAssertEqual(games[3].genres, ["Indie", "Design & Illustration"])
        XCTAssertNil(games[3].price)
        XCTAssertFalse(games[3].isFree)
        XCTAssertNil(games[3].releaseYear)
        XCTAssertEqual(games[3].developer, "Café Studio")
        XCTAssertTrue(games[4].isFree, "a price of 0 is free")
    }

    func testReviewsAreDeduplicatedAndDatesRead() throws {
        let dataset = try loadFixture()
        XCTAssertEqual(dataset.reviews.count, 5)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(report.total(.duplicateReview), 1)
        XCTAssertEqual(report.total(.repeatedUserLine), 1)
        XCTAssertEqual(report.total(.postedWithoutYear), 1)
        XCTAssertEqual(report.total(.emptyReviewText), 1)
        XCTAssertEqual(report.total(.unknownItem), 1)
        let second = dataset.reviews[1]
        XCTAssertEqual(second.text, "It's the best épisode")
        XCTAssertNil(second.postedYear)
        XCTAssertEqual(second.postedMonth, 6)
    }

    func testLibrariesMergeDuplicateItemsKeepingTheLargerPlaytime() throws {
        let dataset = try loadFixture()
        XCTAssertEqual(dataset.library.count, 8)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_users_items.json"))
        XCTAssertEqual(report.total(.duplicateLibraryItem), 1)
        XCTAssertEqual(report.total(.unknownItem), 1)
        let alice = dataset.users.firstIndex { $0.id == "alice" }!
        let aliceCounterStrike = (0..<dataset.library.count).first {
            dataset.library.user[$0] == Int32(alice) && dataset.library.itemId[$0] == 10
        }!
        XCTAssertEqual(dataset.library.minutes[aliceCounterStrike], 900)
        XCTAssertEqual(dataset.unknownItemNames[99], "Lost Game")
    }

    func testUsersAreUnitedAcrossFilesWithStringIds() throws {
        let dataset = try loadFixture()
        XCTAssertEqual(dataset.users.map(\.id), ["alice", "bob", "carol"])
        XCTAssertEqual(dataset.users[0].steamId, "76561197900000001")
    }

    func testMissingFolderAndFileAreNamed() throws {
        XCTAssertThrowsError(try DataDirectory(folder: "/nonexistent/folder")) { error in
            XCTAssertEqual(error as? DataDirectory.LocateError, .folderMissing("/nonexistent/folder"))
        }
        let folder = try Fixture.folder()
        try FileManager.default.removeItem(atPath: folder + "/australian_users_items.json")
        XCTAssertThrowsError(try DataDirectory(folder: folder)) { error in
            XCTAssertEqual(error as? DataDirectory.LocateError, .fileMissing(folder: folder, kind: .libraries))
        }
    }

    func testSampleNamedFilesAreFoundLikeTheRealNames() throws {
        let folder = try Fixture.folder()
        for kind in DataDirectory.Kind.allCases {
            try FileManager.default.moveItem(atPath: folder + "/" + kind.rawValue + ".json", toPath: folder + "/" + kind.rawValue + ".sample.json")
        }
        let directory = try DataDirectory(folder: folder)
        XCTAssertEqual(directory.games, folder + "/steam_games.sample.json")
        XCTAssertEqual(DatasetLoader.load(directory).games.count, 5)
    }

    func testATruncatedGzipFileKeepsItsGoodRowsAndIsReported() throws {
        let folder = try Fixture.folder()
        let lines = (0..<3000).map { #"{'user_id': 'u\#($0)', 'items_count': 1, 'items': [{'item_id': '10', 'playtime_forever': \#($0), 'playtime_2weeks': 0}]}"# }
        let compressed = Gzip.compress(Array((lines.joined(separator: "\n") + "\n").utf8))
        try FileManager.default.removeItem(atPath: folder + "/australian_users_items.json")
        try Data(compressed[0..<(compressed.count / 2)]).write(to: URL(fileURLWithPath: folder + "/australian_users_items.json.gz"))
        let dataset = DatasetLoader.load(try DataDirectory(folder: folder))
        let report = try XCTUnwrap(dataset.report.file(named: "australian_users_items.json.gz"))
        XCTAssertNotNil(report.problem)
        XCTAssertTrue(dataset.report.hasProblems)
        XCTAssertEqual(report.total(.truncatedFile), 1)
        XCTAssertGreaterThan(dataset.library.count, 100)
        XCTAssertEqual(dataset.library.count, report.kept)
        XCTAssertEqual(dataset.games.count, 5, "the other files are untouched")
    }
}
