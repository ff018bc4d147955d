import Foundation
import XCTest
@testable import StreamingCatalog
import SteamLensTestSupport

final class CSVRecordReaderTests: XCTestCase {
    private func records(_ text: String, limit: Int? = nil) throws -> (records: [CSVRecordReader.Record], unterminated: [CSVRecordReader.UnterminatedQuote]) {
        let path = Fixture.temporaryFolder() + "/records.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = CSVRecordReader(path: path)
        if let limit { reader.maximumRecordLength = limit }
        var records: [CSVRecordReader.Record] = []
        var unterminated: [CSVRecordReader.UnterminatedQuote] = []
        try reader.forEachRecord(onUnterminated: { unterminated.append($0) }) { records.append($0) }
        return (records, unterminated)
    }

    func testQuotedFieldsKeepCommasDoubledQuotesAndEmptyFields() throws {
        let read = try records("a,\"b, c\",,\"say \"\"hi\"\"\",\"\"\n")
        XCTAssertEqual(read.records.map(\.fields), [["a", "b, c", "", "say \"hi\"", ""]])
        XCTAssertFalse(read.records[0].strayQuote)
    }

    func testAQuotedLineBreakJoinsTheNextLineAndTheRecordKeepsItsFirstLineNumber() throws {
        let read = try records("x,y\n1,\"two\nlines\",3\r\n4,5,6\n")
        XCTAssertEqual(read.records.map(\.fields), [["x", "y"], ["1", "two\nlines", "3"], ["4", "5", "6"]])
        XCTAssertEqual(read.records.map(\.line), [1, 2, 4])
    }

    func testStrayQuotesAreKeptAsTextAndFlagged() throws {
        let read = try records("5\" screen,\"ok\"x,plain\n")
        XCTAssertEqual(read.records.map(\.fields), [["5\" screen", "okx", "plain"]])
        XCTAssertTrue(read.records[0].strayQuote)
    }

    func testAQuoteThatNeverClosesIsReportedWithItsFirstLine() throws {
        let read = try records("a,b\n1,\"open\n2,3\n")
        XCTAssertEqual(read.records.map(\.fields), [["a", "b"]])
        XCTAssertEqual(read.unterminated, [CSVRecordReader.UnterminatedQuote(line: 2, lines: 2)])
    }

    func testARecordPastTheLimitIsGivenUpAndReadingResumesAfterIt() throws {
        let read = try records("1,\"aaaa\naaaa\naaaa\n2,3\n4,5\n", limit: 12)
        XCTAssertEqual(read.unterminated.first?.line, 1)
        XCTAssertEqual(read.records.last?.fields, ["4", "5"])
    }
}
