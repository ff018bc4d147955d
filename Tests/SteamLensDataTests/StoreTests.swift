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
}
