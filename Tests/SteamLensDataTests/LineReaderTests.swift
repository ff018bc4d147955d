import XCTest
import SteamLensData
import SteamLensTestSupport

final class LineReaderTests: XCTestCase {
    private func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = Fixture.temporaryFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func lines(of path: String, chunkSize: Int = 1 << 18, maximum: Int = 64 << 20, oversized: inout [Int]) throws -> [String] {
        var reader = LineReader(path: path)
        reader.chunkSize = chunkSize
        reader.maximumLineLength = maximum
        var result: [String] = []
        try reader.forEachLine(onOversizedLine: { oversized.append($0) }) { bytes, number in
            result.append("\(number):" + String(decoding: bytes, as: UTF8.self))
        }
        return result
    }

    /// The library reader sizes its columns from this: a plain file's size,
    /// a gzip file's inflated size from its trailer, never more than 64
    /// times the compressed bytes (a damaged trailer cannot ask for more).
    func testTextSizeEstimateReadsThePlainSizeOrTheGzipTrailer() throws {
        let text = Array((1...2000).map { "row \($0) of some text" }.joined(separator: "\n").utf8)
        XCTAssertEqual(LineReader.textSizeEstimate(path: try write(text, name: "plain.json")), text.count)
        var gzip = Gzip.compress(text)
        XCTAssertEqual(LineReader.textSizeEstimate(path: try write(gzip, name: "text.json.gz")), text.count)
        gzip.replaceSubrange((gzip.count - 4)..., with: [0xFF, 0xFF, 0xFF, 0x7F])
        XCTAssertEqual(LineReader.textSizeEstimate(path: try write(gzip, name: "damaged.json.gz")), gzip.count * 64)
        XCTAssertNil(LineReader.textSizeEstimate(path: Fixture.temporaryFolder() + "/absent.json"))
        XCTAssertNil(LineReader.textSizeEstimate(path: Fixture.temporaryFolder()), "a folder is not a text")
    }

    func testPlainFileWithCRLFAndNoTrailingNewline() throws {
        var oversized: [Int] = []
        let path = try write(Array("one\r\ntwo\n\nthree".utf8), name: "plain.json")
        XCTAssertEqual(try lines(of: path, chunkSize: 3, oversized: &oversized), ["1:one", "2:two", "3:", "4:three"])
    }

    func testGzipIsDetectedByMagicAndLinesSpanChunks() throws {
        var oversized: [Int] = []
        let text = (1...500).map { "line \($0) " + String(repeating: "x", count: $0) }.joined(separator: "\n") + "\n"
        let path = try write(Gzip.compress(Array(text.utf8)), name: "data.json")
        let read = try lines(of: path, chunkSize: 97, oversized: &oversized)
        XCTAssertEqual(read.count, 500)
        XCTAssertEqual(read[499], "500:line 500 " + String(repeating: "x", count: 500))
    }

    func testConcatenatedGzipMembersAreReadInFull() throws {
        var oversized: [Int] = []
        let path = try write(Gzip.compress(Array("a\nb\n".utf8)) + Gzip.compress(Array("c\n".utf8)), name: "two.gz")
        XCTAssertEqual(try lines(of: path, oversized: &oversized), ["1:a", "2:b", "3:c"])
    }

    func testTruncatedGzipKeepsTheLinesBeforeAndSaysWhere() throws {
        let text = (1...2000).map { "{\"id\": \"\($0)\", \"pad\": \"\(String(repeating: "z", count: 40 + $0 % 17))\"}" }.joined(separator: "\n") + "\n"
        let compressed = Gzip.compress(Array(text.utf8))
        let path = try write(Array(compressed[0..<(compressed.count * 2 / 3)]), name: "cut.json.gz")
        var seen = 0
        XCTAssertThrowsError(try LineReader(path: path).forEachLine { _, number in seen = number }) { error in
            guard case ReadProblem.truncatedGzip(let file, let afterLine) = error else {
                return XCTFail("expected a truncated gzip, got \(error)")
            }
            XCTAssertEqual(file, path)
            XCTAssertEqual(afterLine, seen)
            XCTAssertTrue("\(error)".contains("truncated"))
        }
        XCTAssertGreaterThan(seen, 500)
        XCTAssertLessThan(seen, 2000)
    }

    /// Inflating on a thread of its own (`inflateAheadMinimumBytes` 0) hands
    /// over the same lines, numbers and errors as inflating in line, whole,
    /// concatenated, cut short or corrupt, with chunks small enough that the
    /// pipe fills and drains many times.
    func testInflatingAheadReadsWhatInflatingInLineReads() throws {
        let text = (1...3000).map { "{\"id\": \"\($0)\", \"pad\": \"\(String(repeating: "q", count: $0 % 53))\"}" }.joined(separator: "\n") + "\n"
        let whole = Gzip.compress(Array(text.utf8))
        var corrupt = whole
        for offset in stride(from: whole.count / 2, to: whole.count / 2 + 40, by: 1) { corrupt[offset] ^= 0x5A }
        let inputs = ["whole": whole, "two": whole + Gzip.compress(Array("last\n".utf8)),
                      "cut": Array(whole[0..<(whole.count / 2)]), "corrupt": corrupt]
        for (name, bytes) in inputs.sorted(by: { $0.key < $1.key }) {
            let path = try write(bytes, name: name + ".gz")
            func read(ahead: Bool) -> (lines: [String], error: String?) {
                var reader = LineReader(path: path)
                reader.chunkSize = 101
                reader.inflateAheadMinimumBytes = ahead ? 0 : .max
                var lines: [String] = []
                do {
                    try reader.forEachLine { bytes, number in lines.append("\(number):" + String(decoding: bytes, as: UTF8.self)) }
                    return (lines, nil)
                } catch {
                    return (lines, "\(error)")
                }
            }
            let inLine = read(ahead: false), ahead = read(ahead: true)
            XCTAssertEqual(ahead.lines, inLine.lines, name)
            XCTAssertEqual(ahead.error, inLine.error, name)
            XCTAssertGreaterThan(inLine.lines.count, 100, name)
            XCTAssertEqual(inLine.error == nil, name == "whole" || name == "two", name)
        }
    }

    /// A caller that stops reading (its body throws) stops the inflating thread too, and hears its own error.
    func testAReaderThatThrowsStopsTheInflatingThread() throws {
        struct Enough: Error {}
        let text = (1...20_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let path = try write(Gzip.compress(Array(text.utf8)), name: "stop.gz")
        var reader = LineReader(path: path)
        reader.chunkSize = 64
        reader.inflateAheadMinimumBytes = 0
        var seen = 0
        XCTAssertThrowsError(try reader.forEachLine { _, number in
            seen = number
            if number == 1000 { throw Enough() }
        }) { error in XCTAssertTrue(error is Enough, "\(error)") }
        XCTAssertEqual(seen, 1000)
    }

    func testOversizedLinesAreSkippedAndReported() throws {
        var oversized: [Int] = []
        let path = try write(Array(("short\n" + String(repeating: "y", count: 1000) + "\nafter\n").utf8), name: "big.json")
        XCTAssertEqual(try lines(of: path, chunkSize: 64, maximum: 100, oversized: &oversized), ["1:short", "3:after"])
        XCTAssertEqual(oversized, [2])
    }

    func testAnOversizedLineIsNumberedWhereItIsWhateverTheChunksAre() throws {
        // Found by the `lines` fuzzer: a long line that started mid-chunk and
        // passed the limit in a later chunk was reported one line late.
        let text = "a\n" + String(repeating: "x", count: 260) + "\nb\n"
        let path = try write(Array(text.utf8), name: "long-second-line.json")
        for chunkSize in [1, 2, 7, 64, 300, 1 << 18] {
            var oversized: [Int] = []
            XCTAssertEqual(try lines(of: path, chunkSize: chunkSize, maximum: 256, oversized: &oversized), ["1:a", "3:b"], "chunk \(chunkSize)")
            XCTAssertEqual(oversized, [2], "chunk \(chunkSize)")
        }
    }

    func testMissingFileIsAClearError() {
        XCTAssertThrowsError(try LineReader(path: "/nonexistent/steam_games.json.gz").forEachLine { _, _ in }) { error in
            XCTAssertEqual(error as? ReadProblem, .missing(path: "/nonexistent/steam_games.json.gz"))
        }
    }
}
