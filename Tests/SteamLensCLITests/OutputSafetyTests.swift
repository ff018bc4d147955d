import XCTest
@testable import steamlens
@testable import SteamLensOutput
@testable import SteamLensEngine

/// Text from the data reaches a person's terminal only sanitized, with the
/// explorer's rule (TextSanitizer) plus bidi controls; JSON and CSV written
/// to a pipe or file keep the data's bytes (docs/cli.md).
final class OutputSafetyTests: XCTestCase {
    private var engine: Engine!

    override func setUpWithError() throws {
        engine = try HostileFixture.engine()
    }

    func testTheTablePrinterSanitizesNamesTitlesAndHeaders() throws {
        let developers = try engine.list(.developers, sort: .name)
        XCTAssertTrue(developers.entries.contains { $0.name == HostileFixture.developer }, "the fixture must reach the engine raw")
        for result in [developers as any QueryResult, try engine.list(.games, sort: .name)] {
            let text = try ResultPrinter.render(result, format: .table, toTerminal: false)
            XCTAssertTrue(HostileFixture.isTerminalSafe(text), text.debugDescription)
        }
        let table = try ResultPrinter.render(developers, format: .table, toTerminal: false)
        // In a table cell the carriage return becomes a space, so the row stays one line.
        XCTAssertTrue(table.contains("Evil Corp Studio"), table)
        let games = try ResultPrinter.render(try engine.list(.games, sort: .name), format: .table, toTerminal: false)
        XCTAssertTrue(games.contains(HostileFixture.safeTitle), games)
    }

    func testTableColumnsLineUpByDisplayWidthAfterSanitizing() {
        let table = ResultTable(title: "t", columns: [.init("name"), .init("n", .right)],
                                rows: [[.text("東京"), .integer(1)], [.text("a\u{1B}[31mb"), .integer(22)]])
        let lines = ResultPrinter.text(table, definitions: .standard).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines[1...4]), ["name   n", "────  ──", "東京   1", "ab    22"])
    }

    func testCSVIsSanitizedForATerminalAndFaithfulForAPipe() throws {
        let developers = try engine.list(.developers, sort: .name)
        let terminal = try ResultPrinter.render(developers, format: .csv, toTerminal: true)
        XCTAssertTrue(HostileFixture.isTerminalSafe(terminal), terminal.debugDescription)
        XCTAssertTrue(terminal.contains("\nEvil Corp Studio,"), terminal)
        let pipe = try ResultPrinter.render(developers, format: .csv, toTerminal: false)
        // Faithful: the raw name, quoted because it holds a carriage return (RFC 4180).
        XCTAssertTrue(pipe.contains("\n\"\(HostileFixture.developer)\","), pipe.debugDescription)
    }

    func testJSONKeepsTheDataAndEscapesControlCharacters() throws {
        let json = try ResultPrinter.render(try engine.list(.developers, sort: .name), format: .json, toTerminal: true)
        XCTAssertFalse(json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "JSON escapes C0 controls itself")
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        XCTAssertTrue(rows.contains { $0["name"] as? String == HostileFixture.developer })
    }

    func testJSONWritesNaNAndInfinitiesInsteadOfFailing() throws {
        let user = UserData(userId: "whale", moneySpent: .infinity, recommendPercent: .nan, itemsCount: 1, reviews: 0,
                            unpricedItems: 0, definitions: .standard)
        let json = try ResultPrinter.render(user, format: .json, toTerminal: false)
        XCTAssertTrue(json.contains(#""money_spent" : "inf""#), json)
        XCTAssertTrue(json.contains(#""recommend_percent" : "NaN""#), json)
        let table = try ResultPrinter.render(UserData(userId: "whale", moneySpent: 9.3e18, recommendPercent: 50, itemsCount: 1,
                                                      reviews: 2, unpricedItems: 0, definitions: .standard), format: .table)
        XCTAssertTrue(table.contains(" 9.3e18  "), table)
    }

    func testDidYouMeanMessagesAreSanitizedOnTheWayToStderr() throws {
        XCTAssertThrowsError(try engine.developer("Evil")) { error in
            guard case QueryError.unknownName(_, _, let suggestions) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions, [HostileFixture.developer], "the suggestion is the raw name")
            let message = HumanOutput.sanitized(CLIFailure(error).message)
            XCTAssertTrue(HostileFixture.isTerminalSafe(message), message.debugDescription)
            XCTAssertEqual(message, "No developer named \"Evil\". Did you mean: \"\(HostileFixture.safeDeveloper)\"?")
        }
        // The question name is echoed too; suggestions are made from what the person sees.
        let unknown = HumanOutput.sanitized(QueryCommand.unknownQuestionMessage("develpoer\u{1B}]0;x\u{7}"))
        XCTAssertEqual(unknown, "Unknown question 'develpoer'. Did you mean: developer, developers? Run `steamlens query --help` for the list.")
    }

    func testMultiLineReportsKeepTheirLinesButLoseEscapes() {
        let report = "steam_games.json: 9 lines\n  e.g. \u{1B}]0;pwned\u{7}Broken\r\n\u{2067}x\u{2069}\tdone"
        XCTAssertEqual(HumanOutput.sanitized(report), "steam_games.json: 9 lines\n  e.g. Broken\nx    done")
    }
}
