import XCTest
@testable import steamlens
import SteamLensTestSupport

/// The bundled sample is found from the binary, not the working directory
/// (README, "Installing").
final class BundledSampleTests: XCTestCase {
    func testCandidatesGoFromTheInstallFolderUpTheParentsToTheSources() {
        let candidates = BundledSample.candidates(executable: "/opt/steam/bin/steamlens",
                                                  sourceFile: "/src/repo/Sources/steamlens/Commands/BundledSample.swift")
        XCTAssertEqual(candidates, ["/opt/steam/share/steamlens/Data", "/opt/steam/bin/Data", "/opt/steam/Data", "/opt/Data", "/Data",
                                    "/src/repo/Data"])
        XCTAssertEqual(BundledSample.candidates(executable: nil, sourceFile: "/src/repo/Sources/steamlens/Commands/BundledSample.swift"),
                       ["/src/repo/Data"])
    }

    func testAnInstalledLayoutIsFoundBeforeAnyDataFolderAbove() throws {
        let root = Fixture.temporaryFolder()
        try writeSample(in: root + "/prefix/share/steamlens/Data")
        try writeSample(in: root + "/Data")
        let candidates = BundledSample.candidates(executable: root + "/prefix/bin/steamlens", sourceFile: "/nonexistent/a/b/c/d.swift")
        XCTAssertEqual(BundledSample.locate(in: candidates), root + "/prefix/share/steamlens/Data")
    }

    func testABuildFolderFindsTheRepositorysDataAbove() throws {
        let root = Fixture.temporaryFolder()
        try writeSample(in: root + "/repo/Data")
        let candidates = BundledSample.candidates(executable: root + "/repo/.build/x86_64-unknown-linux-gnu/release/steamlens",
                                                  sourceFile: "/nonexistent/a/b/c/d.swift")
        XCTAssertEqual(BundledSample.locate(in: candidates), root + "/repo/Data")
    }

    func testADataFolderWithoutTheSampleFilesIsPassedOver() throws {
        let root = Fixture.temporaryFolder()
        // Real-data names, or only two of the three sample files, are not the bundled sample.
        try FileManager.default.createDirectory(atPath: root + "/a/Data", withIntermediateDirectories: true)
        for name in ["steam_games.json.gz", "australian_user_reviews.json.gz", "australian_users_items.json.gz"] {
            _ = FileManager.default.createFile(atPath: root + "/a/Data/" + name, contents: Data())
        }
        try writeSample(in: root + "/a/b/Data")
        try FileManager.default.removeItem(atPath: root + "/a/b/Data/australian_users_items.sample.json.gz")
        let candidates = BundledSample.candidates(executable: root + "/a/b/c/steamlens", sourceFile: "/nonexistent/a/b/c/d.swift")
        XCTAssertNil(BundledSample.locate(in: candidates))
        // Plain .sample.json files count.
        _ = FileManager.default.createFile(atPath: root + "/a/b/Data/australian_users_items.sample.json", contents: Data())
        XCTAssertEqual(BundledSample.locate(in: candidates), root + "/a/b/Data")
    }

    func testTheNotFoundMessageSaysWhereItLookedAndHowToPassData() {
        let message = BundledSample.NotFound(searched: ["/opt/share/steamlens/Data", "/src/Data"]).description
        XCTAssertTrue(message.contains("  /opt/share/steamlens/Data\n  /src/Data\n"), message)
        XCTAssertTrue(message.contains("--data DIR"), message)
        XCTAssertTrue(message.contains("STEAMLENS_DATA"), message)
    }

    private func writeSample(in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["steam_games", "australian_user_reviews", "australian_users_items"] {
            _ = FileManager.default.createFile(atPath: folder + "/" + name + ".sample.json.gz", contents: Data())
        }
    }
}
