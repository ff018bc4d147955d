import Foundation
import XCTest
@testable import SteamLensData
import SteamLensTestSupport

/// The libraries file's fast path (`LibraryLineScanner`) must read every line
/// exactly as the generic `LiteralParser` path does: the same users, rows,
/// names and report, whatever the line holds.
final class LibraryFastPathTests: XCTestCase {
    private static func line(user: String = "76561197970982479", count: String = "2", items: [String]) -> String {
        "{'user_id': '\(user)', 'items_count': \(count), 'steam_id': '\(user)', 'user_url': 'http://steamcommunity.com/profiles/\(user)', 'items': [\(items.joined(separator: ", "))]}"
    }

    private static func item(_ id: String = "'10'", name: String = "'Counter-Strike'", forever: String = "6", twoWeeks: String = "0") -> String {
        "{'item_id': \(id), 'item_name': \(name), 'playtime_forever': \(forever), 'playtime_2weeks': \(twoWeeks)}"
    }

    /// Lines the generic path handles in every way it can: repairs, reports, skips.
    private static let handWritten: [String] = [
        line(items: [item(), item("'20'", name: "'Team Fortress Classic'", forever: "0", twoWeeks: "12")]),
        line(count: "0", items: []),
        line(count: "3", items: [item(), item(name: "'Counter-Strike again'", forever: "99")]),  // duplicate item, count mismatch
        line(user: "js41637", items: [item("'30'", name: #""Day of Defeat's""#), item("'40'", name: #"'Deathmatch\'s Classic'"#)]),
        line(user: "js41637", items: [item("'50'", name: #"'Caf\xe9 \u00e9 \U0001F3AE \n'"#)]),  // repeated user
        line(items: [item("'60'", name: #"'bad \x escape'"#)]),
        line(items: [item("'70'", name: "'ąę 🎮'"), item("'0'"), item("'-5'"), item("'12345678901'"), item("80")]),
        line(items: [item("'90'", forever: "-3"), item("'91'", forever: "'abc'"), item("'92'", forever: "1e12"), item("'93'", forever: "12345678901")]),
        line(items: [item("'94'", forever: "007"), item("'95'", twoWeeks: "None"), item("'096'"), item("' 97'")]),
        line(user: " 42 ", items: [item()]),
        line(user: "", items: [item()]),
        "{'user_id': 123, 'items_count': 1, 'steam_id': 123, 'user_url': None, 'items': [\(item("'100'"))]}",
        "{'user_id': 'u9', 'items_count': 1, 'steam_id': 'u9', 'user_url': 'x', 'items': [\(item("'101'"))]}   \r",
        "{'user_id': 'u10', 'items_count': 1, 'steam_id': 'u10', 'user_url': 'x', 'items': [\(item("'102'"))],}",
        "{'user_id':'u11','items_count':1,'steam_id':'u11','user_url':'x','items':[{'item_id':'103','item_name':'A','playtime_forever':1,'playtime_2weeks':0}]}",
        "{'items_count': 1, 'user_id': 'u12', 'steam_id': 'u12', 'user_url': 'x', 'items': [\(item("'104'"))]}",
        "{'user_id': 'u13', 'items_count': 1, 'steam_id': 'u13', 'user_url': 'x', 'items': [{'item_id': '105', 'item_name': 'B', 'playtime_forever': 1}]}",
        "{'user_id': 'u14', 'items_count': 1, 'steam_id': 'u14', 'user_url': 'x', 'items': [\(item("'106'")), 7]}",
        "{'user_id': 'u15', 'items_count': 1, 'steam_id': 'u15', 'user_url': 'x', 'items': 'none'}",
        "{'user_id': 'u16', 'items_count': 1, 'steam_id': 'u16', 'user_url': 'x', 'items': [\(item("'107'"))]",
        "{'user_id': 'u17', 'items_count': 1, 'steam_id': 'u\\'17', 'user_url': 'x', 'items': [\(item("'108'"))]}",
        "[1, 2]",
        "",
        "   ",
        "{'user_id': 'u18', 'items_count': 99999999999999999999, 'steam_id': 'u18', 'user_url': 'x', 'items': []}",
    ]

    private func read(_ lines: [String], fastPath: Bool) throws -> UserFileRows<LibraryColumns> {
        let path = Fixture.temporaryFolder() + "/australian_users_items.json"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return LibrariesFileReader(path: path, displayName: "australian_users_items.json", fastPath: fastPath).read()
    }

    private func assertSameReading(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try read(lines, fastPath: true)
        let generic = try read(lines, fastPath: false)
        XCTAssertEqual(fast.users, generic.users, "users", file: file, line: line)
        XCTAssertEqual(fast.rows, generic.rows, "rows", file: file, line: line)
        XCTAssertEqual(fast.itemNames, generic.itemNames, "item names", file: file, line: line)
        XCTAssertEqual(fast.firstLineOfItem, generic.firstLineOfItem, "first lines", file: file, line: line)
        XCTAssertEqual(fast.report, generic.report, "report", file: file, line: line)
    }

    func testTheScannerReadsTheCommonShapeAndDeclinesTheRest() {
        var scanner = LibraryLineScanner()
        let first = Self.handWritten[0]
        var text = first
        text.withUTF8 { bytes in
            XCTAssertTrue(scanner.scan(bytes))
            XCTAssertEqual(scanner.userId, "76561197970982479")
            XCTAssertEqual(scanner.userURL, "http://steamcommunity.com/profiles/76561197970982479")
            XCTAssertEqual(scanner.itemsCount, 2)
            XCTAssertEqual(scanner.items.map(\.id), [10, 20])
            XCTAssertEqual(scanner.items.map(\.minutes), [6, 0])
            XCTAssertEqual(scanner.items.map(\.twoWeeks), [0, 12])
            XCTAssertEqual(scanner.items.map { scanner.name(of: $0, in: bytes) }, ["Counter-Strike", "Team Fortress Classic"])
        }
        var escaped = Self.handWritten[4]
        escaped.withUTF8 { bytes in
            XCTAssertTrue(scanner.scan(bytes))
            XCTAssertEqual(scanner.name(of: scanner.items[0], in: bytes), "Café é 🎮 \n")
        }
        // Another spacing, key order, a missing key, a bad escape: the generic path's lines.
        for index in [5, 14, 15, 16, 21] {
            var declined = Self.handWritten[index]
            declined.withUTF8 { XCTAssertFalse(scanner.scan($0), Self.handWritten[index]) }
        }
    }

    func testHandWrittenLinesReadTheSameBothWays() throws {
        try assertSameReading(Self.handWritten)
        // The lines one by one too: each alone, so a report that merges hides nothing.
        for text in Self.handWritten { try assertSameReading([text]) }
    }

    /// Real-shaped lines, each cut, extended or with a byte changed at a
    /// seeded random place: every damage the fast path might read differently.
    func testDamagedLinesReadTheSameBothWays() throws {
        var random = SplitMix64(seed: 20261203)
        let alphabet = Array("{}[]',: \"\\0123456789-.exuNTa\u{e9}".utf8)
        var lines: [String] = []
        for index in 0..<600 {
            let items = (0..<Int(random.next() % 4)).map { position in
                Self.item("'\(random.next() % 40 + 1)'", name: position % 2 == 0 ? "'Game \(index)'" : #""It's \xe9""#,
                          forever: "\(random.next() % 5000)", twoWeeks: "\(random.next() % 30)")
            }
            var bytes = Array(Self.line(user: "u\(random.next() % 120)", count: "\(items.count)", items: items).utf8)
            switch random.next() % 4 {
            case 0: bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
            case 1: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: Int(random.next() % UInt64(bytes.count + 1)))
            case 2: bytes[Int(random.next() % UInt64(bytes.count))] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            default: break
            }
            lines.append(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: " "))
        }
        try assertSameReading(lines)
    }
}
