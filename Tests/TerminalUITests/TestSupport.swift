import XCTest
@testable import TerminalUI

/// Renders `widget` into a fresh buffer and returns its rows, exactly
/// `width` columns each, for comparison with literal lines.
func renderLines(_ widget: some Widget, width: Int, height: Int) -> [String] {
    var buffer = Buffer(size: Size(width: width, height: height))
    buffer.render(widget)
    return buffer.plainLines()
}

func renderBuffer(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    buffer.render(widget)
    return buffer
}

/// Compares line by line so a failure names the first differing row.
func assertLines(_ actual: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "row count", file: file, line: line)
    for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
        XCTFail("row \(i):\n  actual:   \"\(a)\"\n  expected: \"\(e)\"", file: file, line: line)
    }
}
