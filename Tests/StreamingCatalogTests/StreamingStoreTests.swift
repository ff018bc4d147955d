import Foundation
import XCTest
@testable import StreamingCatalog

final class StreamingStoreTests: XCTestCase {
    private func folders() throws -> (data: String, cache: String) {
        let data = try StreamingFixture.folder(ratings: StreamingFixture.ratings)
        return (data, data + "-cache")
    }

    private func answers(_ engine: StreamingEngine) throws -> [StreamingResult] {
        try [("word_count", ["netflix", "love"]), ("second_score", ["netflix"]), ("actor", ["netflix", "2020"]),
             ("similar_titles", ["ns1"]), ("will_like", ["u1", "ns5"]), ("recommend_viewer", ["u3"]), ("clusters", []),
             ("cluster_sweep", [])].map { try XCTUnwrap(StreamingQueries.named($0.0))(engine, $0.1) }
    }

    func testALaterStartReadsTheStoreAndAnswersTheSame() throws {
        let (data, cache) = try folders()
        var messages: [String] = []
        let first = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].contains("building the streaming store"))
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let second = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertEqual(messages.count, 1, "nothing to say when the store is current")
        XCTAssertEqual(try answers(second), try answers(first))
        XCTAssertEqual(second.catalogue.titles, first.catalogue.titles)
        XCTAssertEqual(second.catalogue.report, first.catalogue.report)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), [(path as NSString).lastPathComponent], "no partial file left")
    }

    func testAChangedSourceFileMakesTheStoreStale() throws {
        let (data, cache) = try folders()
        _ = StreamingStore.open(folder: data, cacheFolder: cache)
        try (StreamingFixture.ratings + "u9,ns1,1,100\n").write(toFile: data + "/ratings.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StreamingStore.load(path: StreamingStore.path(folder: data, cacheFolder: cache),
                                                     fingerprint: StreamingStore.fingerprint(folder: data))) { error in
            XCTAssertEqual(error as? StreamingStore.Problem, .stale("the source files changed"))
        }
        var messages: [String] = []
        let engine = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertTrue(messages.first?.contains("out of date") ?? false, "\(messages)")
        XCTAssertEqual(engine.catalogue.ratings?.viewers.count, 5, "the new viewer is read")
    }

    func testADamagedStoreIsRebuiltNeverTrusted() throws {
        let (data, cache) = try folders()
        let fresh = StreamingStore.open(folder: data, cacheFolder: cache)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        var bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data))) { error in
            XCTAssertEqual(error as? StreamingStore.Problem, .damaged("checksum does not match"))
        }
        var messages: [String] = []
        let rebuilt = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertTrue(messages.first?.contains("damaged") ?? false, "\(messages)")
        XCTAssertEqual(try answers(rebuilt), try answers(fresh))
        XCTAssertNoThrow(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data)), "rebuilt and saved again")
    }

    func testAFolderWithAnUnreadableFileIsNeverStored() throws {
        let (data, cache) = try folders()
        try FileManager.default.removeItem(atPath: data + "/hulu_titles.csv")
        let engine = StreamingStore.open(folder: data, cacheFolder: cache)
        XCTAssertTrue(engine.catalogue.report.hasProblems)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StreamingStore.path(folder: data, cacheFolder: cache)))
    }
}
