import Foundation
import XCTest
@testable import SteamLensData
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

    /// Flips one byte of column `name` in the store at `path`.
    private func damage(_ name: String, at path: String) throws {
        let range = try XCTUnwrap(try ColumnFile(path: path).byteRange(of: name), name)
        var bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        bytes[range.lowerBound + min(range.count, 65_536) / 2] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func testADamagedStoreIsRebuiltNeverTrusted() throws {
        let (data, cache) = try folders()
        let fresh = StreamingStore.open(folder: data, cacheFolder: cache)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        try damage("titles.name.bytes", at: path)
        XCTAssertThrowsError(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data))) { error in
            XCTAssertEqual(error as? StreamingStore.Problem, .damaged("checksum of column 'titles.name.bytes' block 0 does not match"))
        }
        var messages: [String] = []
        let rebuilt = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertTrue(messages.first?.contains("damaged") ?? false, "\(messages)")
        XCTAssertEqual(try answers(rebuilt), try answers(fresh))
        XCTAssertNoThrow(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data)), "rebuilt and saved again")
    }

    /// The ratings and models stay mapped: a start does not read them, so
    /// their damage is found by the query that first reads the block (tested
    /// on the binary in `StreamingBinaryStoreTests`), or by `verifyAll`.
    func testDamageInAMappedColumnIsNotReadAtOpenButIsFoundByItsChecksum() throws {
        let (data, cache) = try folders()
        _ = StreamingStore.open(folder: data, cacheFolder: cache)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        try damage("ratings.viewerTitles", at: path)
        XCTAssertNoThrow(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data)))
        XCTAssertThrowsError(try ColumnFile(path: path).verifyAll()) { error in
            XCTAssertEqual(error as? ColumnFile.OpenError,
                           .damaged(path, reason: "checksum of column 'ratings.viewerTitles' block 0 does not match"))
        }
    }

    /// Values that pass their checksums but point past their table (a writer
    /// bug) are damage too, never a trap: checked at open for what a start reads.
    func testIndexValuesPastTheirTableAreDamageEvenWithMatchingChecksums() throws {
        try assertSealedDamage(in: "titles.groups", is: .damaged("column 'titles.groups' block 0 holds values its table cannot have"))
        try assertSealedDamage(in: "cast.ids", is: .damaged("column 'cast.ids' block 0 holds values its table cannot have"))
        try assertSealedDamage(in: "countries.offsets", is: .damaged("offsets 'countries.offsets' do not fit their rows"))
    }

    /// Sets byte 3 of `column`'s first value to 0x7F (a huge positive Int32),
    /// reseals the checksums and expects `load` to throw `problem`.
    private func assertSealedDamage(in column: String, is problem: StreamingStore.Problem, line: UInt = #line) throws {
        let (data, cache) = try folders()
        _ = StreamingStore.open(folder: data, cacheFolder: cache)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        let range = try XCTUnwrap(try ColumnFile(path: path).byteRange(of: column))
        var bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        bytes[range.lowerBound + 3] = 0x7F
        try Data(try XCTUnwrap(ColumnFile.resealed(bytes))).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data)), line: line) { error in
            XCTAssertEqual(error as? StreamingStore.Problem, problem, line: line)
        }
    }

    func testAStoreOfTheOlderPayloadFormatIsStale() throws {
        let (data, cache) = try folders()
        _ = StreamingStore.open(folder: data, cacheFolder: cache)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        try Data("SLSTREAM".utf8 + [UInt8](repeating: 2, count: 64)).write(to: URL(fileURLWithPath: path))
        var messages: [String] = []
        let engine = StreamingStore.open(folder: data, cacheFolder: cache) { messages.append($0) }
        XCTAssertEqual(messages, ["steamlens: the streaming store is out of date (format 2 or older, this build reads \(StreamingStore.formatVersion)); rebuilding it from \(data)"])
        XCTAssertEqual(engine.catalogue.ratings?.viewers.count, 4)
        XCTAssertNoThrow(try StreamingStore.load(path: path, fingerprint: StreamingStore.fingerprint(folder: data)), "rebuilt in the new format")
    }

    func testAFolderWithAnUnreadableFileIsNeverStored() throws {
        let (data, cache) = try folders()
        try FileManager.default.removeItem(atPath: data + "/hulu_titles.csv")
        let engine = StreamingStore.open(folder: data, cacheFolder: cache)
        XCTAssertTrue(engine.catalogue.report.hasProblems)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StreamingStore.path(folder: data, cacheFolder: cache)))
    }
}
