import XCTest
@testable import SteamLensData
import SteamLensTestSupport

final class DataDirectoryTests: XCTestCase {
    func testEverySpellingOfAFolderGivesTheSamePathsAndFingerprint() throws {
        let folder = try Fixture.folder()
        let parent = (folder as NSString).deletingLastPathComponent
        let name = (folder as NSString).lastPathComponent
        let link = Fixture.temporaryFolder() + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        let real = try DataDirectory(folder: folder)
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(parent)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        for spelling in [folder + "/", name, "./" + name, name + "/", link, link + "/", folder + "/../" + name] {
            let directory = try DataDirectory(folder: spelling)
            XCTAssertEqual(directory.folder, real.folder, spelling)
            XCTAssertEqual(directory.games, real.games, spelling)
            XCTAssertEqual(SourceFingerprint(directory: directory), SourceFingerprint(directory: real), spelling)
        }
        XCTAssertTrue(real.folder.hasPrefix("/"))
    }

    func testAFIFOInPlaceOfAFileIsNamedAndNeverBlocks() throws {
        let folder = try Fixture.folder()
        try FileManager.default.removeItem(atPath: folder + "/steam_games.json")
        XCTAssertEqual(mkfifo(folder + "/steam_games.json", 0o600), 0)
        XCTAssertThrowsError(try DataDirectory(folder: folder)) { error in
            XCTAssertEqual(error as? DataDirectory.LocateError, .notARegularFile(path: folder + "/steam_games.json", kind: "a FIFO"))
            XCTAssertEqual("\(error)", "\(folder)/steam_games.json is a FIFO, not a regular file")
        }
        XCTAssertThrowsError(try LineReader(path: folder + "/steam_games.json").forEachLine { _, _ in }) { error in
            XCTAssertEqual(error as? ReadProblem, .notRegularFile(path: folder + "/steam_games.json", kind: "a FIFO"))
        }
    }

    func testADirectoryOrASymlinkLoopInPlaceOfAFileIsNamed() throws {
        let folder = try Fixture.folder()
        try FileManager.default.removeItem(atPath: folder + "/australian_user_reviews.json")
        try FileManager.default.createDirectory(atPath: folder + "/australian_user_reviews.json", withIntermediateDirectories: false)
        XCTAssertThrowsError(try DataDirectory(folder: folder)) { error in
            XCTAssertEqual("\(error)", "\(folder)/australian_user_reviews.json is a directory, not a regular file")
        }
        try FileManager.default.removeItem(atPath: folder + "/australian_user_reviews.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/australian_user_reviews.json", withDestinationPath: folder + "/australian_user_reviews.json")
        XCTAssertThrowsError(try DataDirectory(folder: folder)) { error in
            XCTAssertEqual("\(error)", "\(folder)/australian_user_reviews.json is a symlink loop, not a regular file")
        }
        XCTAssertThrowsError(try LineReader(path: folder + "/australian_user_reviews.json").forEachLine { _, _ in }) { error in
            XCTAssertEqual(error as? ReadProblem, .notRegularFile(path: folder + "/australian_user_reviews.json", kind: "a symlink loop"))
        }
        XCTAssertThrowsError(try LineReader(path: "/dev/null").forEachLine { _, _ in }) { error in
            XCTAssertEqual("\(error)", "/dev/null is a character device, not a regular file")
        }
    }

    func testADataFolderThatIsAFileIsNamed() throws {
        let folder = try Fixture.folder()
        XCTAssertThrowsError(try DataDirectory(folder: folder + "/steam_games.json")) { error in
            XCTAssertEqual(error as? DataDirectory.LocateError, .notAFolder(folder + "/steam_games.json", kind: "a regular file"))
        }
    }

    func testWhenTwoCandidatesExistTheChoiceIsSaidInTheReport() throws {
        let folder = try Fixture.folder()
        try Data(Gzip.compress(Array(Fixture.games.utf8))).write(to: URL(fileURLWithPath: folder + "/steam_games.json.gz"))
        let directory = try DataDirectory(folder: folder)
        XCTAssertEqual(directory.games, folder + "/steam_games.json.gz", "gzip is preferred")
        XCTAssertEqual(directory.alsoFound[.games], [folder + "/steam_games.json"])
        XCTAssertNil(directory.choice(of: .reviews))
        let dataset = DatasetLoader.load(directory)
        let report = try XCTUnwrap(dataset.report.file(named: "steam_games.json.gz"))
        XCTAssertEqual(report.choice, "using steam_games.json.gz (also found steam_games.json)")
        XCTAssertTrue(dataset.report.formatted().contains("  using steam_games.json.gz (also found steam_games.json)\n"))
        XCTAssertNil(dataset.report.file(named: "australian_user_reviews.json")?.choice)
    }
}
