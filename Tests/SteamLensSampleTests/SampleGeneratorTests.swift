import Foundation
import XCTest
@testable import SteamLensSample

final class SampleGeneratorTests: XCTestCase {
    private let fileNames = [SampleGenerator.gamesFileName, SampleGenerator.reviewsFileName, SampleGenerator.itemsFileName]

    func testTheSameSeedAndUserCountWriteByteIdenticalFiles() throws {
        let first = SampleFixtures.temporaryDirectory("determinism-a")
        let second = SampleFixtures.temporaryDirectory("determinism-b")
        let other = SampleFixtures.temporaryDirectory("determinism-c")
        _ = try SampleGenerator(users: 400, seed: 9, games: 500).write(to: first)
        _ = try SampleGenerator(users: 400, seed: 9, games: 500).write(to: second)
        _ = try SampleGenerator(users: 400, seed: 10, games: 500).write(to: other)
        for name in fileNames {
            let a = try Data(contentsOf: first.appendingPathComponent(name + ".json.gz"))
            let b = try Data(contentsOf: second.appendingPathComponent(name + ".json.gz"))
            let c = try Data(contentsOf: other.appendingPathComponent(name + ".json.gz"))
            XCTAssertEqual(a, b, "\(name) differs between two runs with seed 9")
            XCTAssertNotEqual(a, c, "\(name) did not change with the seed")
        }
    }

    func testTheGzipHeaderIsPinnedSoFilesDoNotDependOnTheHost() throws {
        let data = try Data(contentsOf: SampleFixtures.standard.directory.appendingPathComponent("steam_games.json.gz"))
        XCTAssertEqual(Array(data.prefix(10)), [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255], "magic, deflate, no flags, mtime 0, OS unknown")
    }

    func testPlainOutputIsTheGunzippedOutput() throws {
        let gz = SampleFixtures.temporaryDirectory("plain-gz")
        let plain = SampleFixtures.temporaryDirectory("plain-json")
        _ = try SampleGenerator(users: 150, seed: 3, games: 300).write(to: gz)
        let summary = try SampleGenerator(users: 150, seed: 3, games: 300).write(to: plain, compressed: false)
        XCTAssertEqual(summary.files.map { $0.url.lastPathComponent },
                       ["steam_games.json", "australian_user_reviews.json", "australian_users_items.json"])
        for name in fileNames {
            let unzipped = try SampleFixtures.gunzip(Data(contentsOf: gz.appendingPathComponent(name + ".json.gz")))
            XCTAssertEqual(unzipped, try Data(contentsOf: plain.appendingPathComponent(name + ".json")), name)
        }
    }

    func testFilesGunzipToTheLineCountsTheSummaryReports() throws {
        let (directory, summary) = SampleFixtures.standard
        let games = try SampleFixtures.lines(of: "steam_games", in: directory)
        let reviews = try SampleFixtures.lines(of: "australian_user_reviews", in: directory)
        let items = try SampleFixtures.lines(of: "australian_users_items", in: directory)
        let files = summary.files
        XCTAssertEqual(games.count, files[0].lines)
        XCTAssertEqual(games.count, summary.nanRows + summary.games + summary.duplicateGameRows
                       + summary.gameRowsWithoutID + files[0].malformedLines)
        XCTAssertEqual(reviews.count, summary.reviewUsers + summary.duplicateReviewLines + files[1].malformedLines)
        XCTAssertEqual(items.count, summary.users + summary.duplicateItemLines + files[2].malformedLines)
        XCTAssertEqual(summary.users, 2_000)
        XCTAssertEqual(summary.malformedLines, files.reduce(0) { $0 + $1.malformedLines })
        for file in files { XCTAssertGreaterThanOrEqual(file.malformedLines, 1, "\(file.url.lastPathComponent) has no malformed line") }
    }

    func testItemsCountMatchesTheItemsOfEachWellFormedLine() throws {
        let items = try SampleFixtures.lines(of: "australian_users_items", in: SampleFixtures.standard.directory)
        var total = 0
        for line in items where line.hasPrefix("{'user_id': ") && line.hasSuffix("]}") {
            let declared = Int(line.components(separatedBy: "'items_count': ")[1].prefix { $0.isNumber })!
            let rows = line.components(separatedBy: "{'item_id': ").count - 1
            XCTAssertEqual(declared, rows)
            total += rows
        }
        let summary = SampleFixtures.standard.summary
        let duplicateLineRows = total - summary.itemRows
        XCTAssertGreaterThanOrEqual(duplicateLineRows, 0, "duplicate lines can only add rows")
    }

    func testEveryWellFormedLineIsExactlyWhatPythonWouldPrint() throws {
        guard SampleFixtures.python3 != nil else { throw XCTSkip("python3 is not installed") }
        // Each good line must parse (json / ast.literal_eval) and re-serialise to the same text.
        let script = """
        import ast, gzip, json, sys
        d = sys.argv[1]
        for name, kind in (('steam_games', 'json'), ('australian_user_reviews', 'py'), ('australian_users_items', 'py')):
            good = bad = differ = 0
            for line in gzip.open(f'{d}/{name}.json.gz', 'rt', encoding='utf-8'):
                s = line[:-1]
                try:
                    o = json.loads(s) if kind == 'json' else ast.literal_eval(s)
                    assert isinstance(o, dict)
                except Exception:
                    bad += 1
                    continue
                good += 1
                if (json.dumps(o) if kind == 'json' else repr(o)) != s:
                    differ += 1
            print(name, good, bad, differ)
        """
        let (directory, summary) = SampleFixtures.standard
        let output = try SampleFixtures.runPython(script, [directory.path])
        let rows = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.count, 3)
        for (row, file) in zip(rows, summary.files) {
            XCTAssertEqual(Int(row[1]), file.lines - file.malformedLines, "\(row[0]) good lines")
            XCTAssertEqual(Int(row[2]), file.malformedLines, "\(row[0]) malformed lines")
            XCTAssertEqual(row[3], "0", "\(row[0]) lines that Python would print differently")
        }
    }

    func testTheGameCountGrowsWithUsersUpToTheRealCatalog() {
        XCTAssertEqual(SampleGenerator.defaultGameCount(users: 88_310), 32_135)
        XCTAssertEqual(SampleGenerator.defaultGameCount(users: 2_000), 2_204)
        XCTAssertEqual(SampleGenerator(users: 883_100, seed: 1).games, 32_135)
    }
}
