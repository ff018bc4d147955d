import Foundation
import XCTest
import SteamLensData
@testable import StreamingCatalog
import SteamLensTestSupport

/// The built `steamlens` binary on a streaming store whose mapped block is
/// damaged: the query that first reads it stops (message, store removed,
/// exit 2) as for Steam, and the next run rebuilds and answers as before.
/// Skipped when the binary has not been built beside the test bundle.
final class StreamingBinaryStoreTests: XCTestCase {
    private static var builtBinary: String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        let candidate = URL(fileURLWithPath: String(cString: resolved)).deletingLastPathComponent().appendingPathComponent("steamlens").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    private static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = URL(fileURLWithPath: Fixture.temporaryFolder() + "/out")
        let err = out.appendingPathExtension("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    func testADamagedMappedBlockStopsTheQueryThatReadsItAndTheNextRunRebuilds() throws {
        guard let binary = Self.builtBinary else { throw XCTSkip("no built steamlens beside the test bundle") }
        let data = try StreamingFixture.folder(ratings: StreamingFixture.ratings)
        let cache = data + "-cache"
        let arguments = ["query", "--dataset", "streaming", "will_like", "u1", "ns5", "--data", data, "--cache", cache]
        let first = try Self.run(binary, arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let path = StreamingStore.path(folder: data, cacheFolder: cache)
        let range = try XCTUnwrap(try ColumnFile(path: path).byteRange(of: "ratings.viewerTitles"))
        var bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        bytes[range.lowerBound] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let damaged = try Self.run(binary, arguments)
        XCTAssertEqual(damaged.status, 2, damaged.stdout)
        XCTAssertEqual(damaged.stdout, "", "nothing is answered from damaged bytes")
        XCTAssertTrue(damaged.stderr.contains("is damaged (checksum of column 'ratings.viewerTitles' block 0 does not match); it was removed"),
                      damaged.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))

        let rebuilt = try Self.run(binary, arguments)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(rebuilt.stdout, first.stdout)
    }
}
