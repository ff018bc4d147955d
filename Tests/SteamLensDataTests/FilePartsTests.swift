import Foundation
import XCTest
@testable import SteamLensData
import SteamLensTestSupport

final class FilePartsTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = Fixture.temporaryFolder() + "/lines.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func lines(_ path: String, _ part: FileParts.Part) throws -> [String] {
        var reader = LineReader(path: path)
        reader.byteRange = part.bytes
        reader.firstLineNumber = part.firstLine
        var out: [String] = []
        try reader.forEachLine { bytes, line in out.append("\(line):" + String(decoding: bytes, as: UTF8.self)) }
        return out
    }

    /// The header alone, then parts cut at line ends: read part by part, the
    /// lines and their numbers are those of one pass, a last line without `\n` too.
    func testPartsAreTheHeaderAndThenWholeLinesNumberedAsInTheFile() throws {
        let text = "id,name\n" + (1...50).map { "\($0),\(String(repeating: "x", count: $0 % 7))" }.joined(separator: "\r\n") + "\nlast"
        let path = try file(text)
        var whole: [String] = []
        try LineReader(path: path).forEachLine { bytes, line in whole.append("\(line):" + String(decoding: bytes, as: UTF8.self)) }
        for count in [1, 2, 3, 5] {
            let parts = try XCTUnwrap(FileParts.split(path: path, count: count), "\(count) parts")
            XCTAssertEqual(parts.count, count + 1)
            XCTAssertEqual(try lines(path, parts[0]), ["1:id,name"], "the header alone")
            XCTAssertEqual(parts.first?.bytes.lowerBound, 0)
            XCTAssertEqual(parts.last?.bytes.upperBound, text.utf8.count)
            for (a, b) in zip(parts, parts.dropFirst()) { XCTAssertEqual(a.bytes.upperBound, b.bytes.lowerBound) }
            XCTAssertEqual(try parts.flatMap { try lines(path, $0) }, whole, "\(count) parts")
        }
    }

    func testAGzipOrATooShortFileIsNotCut() throws {
        XCTAssertNil(FileParts.split(path: try file("only a header\n"), count: 2))
        XCTAssertNil(FileParts.split(path: try file("a\nb\n"), count: 4), "fewer lines than parts")
        let gzip = Fixture.temporaryFolder() + "/lines.txt.gz"
        try Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + [UInt8](repeating: 0, count: 100)).write(to: URL(fileURLWithPath: gzip))
        XCTAssertNil(FileParts.split(path: gzip, count: 2))
        XCTAssertNil(FileParts.split(path: Fixture.temporaryFolder() + "/none.txt", count: 2))
    }
}
