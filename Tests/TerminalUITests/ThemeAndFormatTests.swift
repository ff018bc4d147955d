import XCTest
@testable import TerminalUI

final class ThemeTests: XCTestCase {
    func testNoColorAndTheFlagSelectMonochrome() {
        XCTAssertEqual(Theme.resolve(environment: ["NO_COLOR": "1"]), .monochrome)
        XCTAssertEqual(Theme.resolve(environment: ["NO_COLOR": ""]), .color, "an empty NO_COLOR does not count")
        XCTAssertEqual(Theme.resolve(environment: [:], noColorFlag: true), .monochrome)
        XCTAssertEqual(Theme.resolve(environment: [:], terminalHasColors: false), .monochrome)
        XCTAssertEqual(Theme.resolve(environment: [:]), .color)
    }

    func testMonochromeUsesNoColourButStillShowsFocusAndSelection() {
        let theme = Theme.monochrome
        let styles = [theme.text, theme.muted, theme.border, theme.focusedBorder, theme.title, theme.focusedTitle,
                      theme.selection, theme.inactiveSelection, theme.header, theme.bar, theme.sparkline,
                      theme.key, theme.statusBar, theme.notice]
        XCTAssertTrue(styles.allSatisfy { $0.foreground == .default && $0.background == .default })
        XCTAssertTrue(theme.selection.reverse)
        XCTAssertNotEqual(theme.focusedBorder, theme.border)
        XCTAssertNotEqual(theme.focusedTitle, theme.title)
        XCTAssertNotEqual(theme.selection, theme.inactiveSelection)
        // The colour theme marks focus with attributes too, not colour alone.
        XCTAssertTrue(Theme.color.focusedBorder.bold && Theme.color.selection.reverse)
    }

    func testStylePatchingKeepsUnderlyingColours() {
        let base = Style(foreground: .green, underline: true)
        XCTAssertEqual(base.patched(with: Style(reverse: true)), Style(foreground: .green, reverse: true, underline: true))
        XCTAssertEqual(base.patched(with: Style(foreground: .red)).foreground, .red)
        XCTAssertEqual(Color.brightCyan.base, .cyan)
        XCTAssertEqual(Color.default.index, -1)
    }
}

final class GlyphsTests: XCTestCase {
    func testBarsAreFullBlocksThenOnePartialBlock() {
        XCTAssertEqual(Glyphs.unicode.bar(eighths: 0), "")
        XCTAssertEqual(Glyphs.unicode.bar(eighths: 3), "▍")
        XCTAssertEqual(Glyphs.unicode.bar(eighths: 20), "██▌")
        XCTAssertEqual(Glyphs.ascii.bar(eighths: 20), "###")
        XCTAssertEqual(Glyphs.ascii.bar(eighths: 19), "##")
        XCTAssertEqual(Glyphs.ascii.bar(eighths: 1), "#", "a positive sliver is not drawn as nothing")
    }

    func testAsciiSetIsPureAsciiAndSingleCellWide() {
        let g = Glyphs.ascii
        let all = [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.teeLeft, g.teeRight,
                   g.selectionMarker, g.sortAscending, g.sortDescending, g.ellipsis] + g.horizontalEighths + g.verticalEighths
        XCTAssertTrue(all.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        XCTAssertEqual(g.ellipsis.displayWidth, 1)
        XCTAssertEqual(Glyphs.unicode.ellipsis.displayWidth, 1)
        XCTAssertEqual(Glyphs.forLocale(isUTF8: false), .ascii)
    }
}

final class NumberFormatTests: XCTestCase {
    func testGroupsThousands() {
        XCTAssertEqual(NumberFormat.grouped(0), "0")
        XCTAssertEqual(NumberFormat.grouped(999), "999")
        XCTAssertEqual(NumberFormat.grouped(32_135), "32,135")
        XCTAssertEqual(NumberFormat.grouped(-1_234_567), "-1,234,567")
    }

    func testCompactEdges() {
        XCTAssertEqual(NumberFormat.compact(10), "10")
        XCTAssertEqual(NumberFormat.compact(0.25), "0.25")
        XCTAssertEqual(NumberFormat.compact(1.499999), "1.5")
        XCTAssertEqual(NumberFormat.compact(-2.5), "-2.5")
        XCTAssertEqual(NumberFormat.compact(9.999999999), "10")
    }
}

final class BarTests: XCTestCase {
    func testABarIsItsShareOfTheLargestInEighthsAndNeverVanishes() {
        XCTAssertEqual(Glyphs.unicode.bar(5, of: 20, cells: 10), "██▌")
        XCTAssertEqual(Glyphs.unicode.bar(20, of: 20, cells: 4), "████")
        XCTAssertEqual(Glyphs.unicode.bar(17, of: 9_582, cells: 4), "▏", "a small value is a sliver, not a full bar")
        XCTAssertEqual(Glyphs.unicode.bar(0, of: 20, cells: 4), "")
        XCTAssertEqual(Glyphs.unicode.bar(30, of: 20, cells: 2), "██", "never past its cells")
        XCTAssertEqual(Glyphs.unicode.bar(.nan, of: 20, cells: 2), "")
        XCTAssertEqual(Glyphs.ascii.bar(5, of: 20, cells: 10), "###")
    }
}
