import Foundation
@testable import SteamLensServer
import XCTest

/// The OpenAPI pattern of each path argument and the server's own check
/// agree, so a client generating from the schema (schemathesis) never gets a
/// 400 for a schema-valid argument nor an answer for a schema-invalid one.
final class ArgumentFormatTests: XCTestCase {
    /// Strings on every edge of the rules: blanks of each kind of space,
    /// signs, leading zeros, ids around Int32.max, titles made of digits and
    /// signs, dates and years at their bounds.
    let samples: [String] = [
        "", " ", "  ", "\u{00A0}", "\u{3000}", "\u{2028}", " \u{0301}", "\u{FEFF}", "Valve", " Valve ", "a b",
        "0", "00", "1", "+1", "-1", "+", "-", "+-5", "--5", "5-5", "1 2", " 570 ", "\u{00A0}570", "+0570",
        "0000000000000000000000570", "2147483647", "2147483648", "02147483647", "9999999999", String(repeating: "9", count: 130),
        "-abc", "10abc", "1e5", "½", "٣", "１２",
        "1899", "1900", "2100", "2101", "unknown", "Unknown", "2015-01", "2015-1", "2015-13", "2015-02-31", "2015-12-31",
        String(repeating: "a", count: 512), String(repeating: "a", count: 513), String(repeating: "é", count: 300),
        String(repeating: "e\u{0301}", count: 300),
    ]

    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }

    /// Year, date and name: the pattern says exactly what the server accepts.
    func testPatternsAreTheServersRule() throws {
        for format in [ArgumentFormat.year, .date, .name] {
            for text in samples {
                // The schema's maxLength (512 code points) sits beside the pattern.
                let schemaValid = try matches(format.pattern, text) && text.unicodeScalars.count <= RouteLimits.maxArgumentLength
                XCTAssertEqual(schemaValid, format.accepts(text), "\(format) \(text.debugDescription)")
            }
        }
    }

    /// A game: every schema-valid argument is accepted; the schema is stricter
    /// only for titles of digits and signs ("+-5"), which are unknown titles (404), never ids.
    func testGamePatternNeverRejectsWhatTheServerAnswers() throws {
        let format = ArgumentFormat.game
        var strictOnly: [String] = []
        for text in samples {
            let schemaValid = try matches(format.pattern, text) && text.unicodeScalars.count <= RouteLimits.maxArgumentLength
            if schemaValid {
                XCTAssertTrue(format.accepts(text), "schema-valid but refused: \(text.debugDescription)")
            } else if format.accepts(text) {
                strictOnly.append(text)
            }
        }
        // Those are digits, signs and spaces that do not form an id: the
        // engine looks them up as titles and none exists (404), never a 400.
        XCTAssertTrue(strictOnly.contains("+-5") && strictOnly.contains("2015-01"))
        for text in strictOnly {
            XCTAssertTrue(text.unicodeScalars.allSatisfy { "0123456789+-".unicodeScalars.contains($0) || $0.properties.isWhitespace },
                          text.debugDescription)
            // What the engine would take as an id: one sign, then digits only.
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let digits = trimmed.hasPrefix("+") || trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
            XCTAssertFalse(!digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber), text.debugDescription)
        }
        for id in ["1", "+1", " 570 ", "\u{00A0}570", "+0570", "0000000000000000000000570", "2147483647", "02147483647"] {
            XCTAssertTrue(try matches(format.pattern, id), id)
        }
        for bad in ["0", "-1", "2147483648", String(repeating: "9", count: 130), " ", "\u{3000}"] {
            XCTAssertFalse(try matches(format.pattern, bad), bad)
            XCTAssertFalse(format.accepts(bad), bad)
        }
    }

    /// The spaces of the patterns are exactly what Foundation trims, less the
    /// control characters (which are bad encoding before any pattern).
    func testTheSpacesClassIsWhatTheEngineTrims() throws {
        let regex = try NSRegularExpression(pattern: "^[\(ArgumentFormat.spaces)]$")
        for value in 0x20...0x3100 {
            guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value) else { continue }
            let text = String(Character(scalar))
            let inClass = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            XCTAssertEqual(inClass, CharacterSet.whitespacesAndNewlines.contains(scalar), String(format: "U+%04X", value))
        }
        XCTAssertFalse(ArgumentFormat.name.accepts("\u{200B}"))
    }

    /// Every route's path parameters take their rule from what they hold.
    func testRoutesTakeTheFormatOfTheirArguments() throws {
        let table = RouteTable(dataSets: [.steam], metrics: false)
        func formats(_ template: String) -> [ArgumentFormat]? { table.routes.first { $0.template == template }?.pathFormats }
        XCTAssertEqual(formats("/v1/steam/reviews/{game}"), [.game])
        XCTAssertEqual(formats("/recomendacion_juego/{id}"), [.game])
        XCTAssertEqual(formats("/userdata/{User_id}"), [.name])
        XCTAssertEqual(formats("/v1/steam/count_reviews/{from}/{to}"), [.date, .date])
        XCTAssertEqual(formats("/UsersRecommend/{año}"), [.year])
    }

    func testScopesNeedANonBlankName() throws {
        let names = ["developer", "genre", "user"]
        for text in ["developer:Valve", "developer: ", "developer:", "genre:\u{3000}", "user:7", "year:2015", "year:1800", "tag:x", "Developer:x"] {
            let schemaValid = try matches(ArgumentFormat.scopePattern(names: names), text)
            XCTAssertEqual(schemaValid, ArgumentFormat.acceptsScope(text, names: names), text.debugDescription)
        }
        XCTAssertFalse(ArgumentFormat.acceptsScope("developer: ", names: names))
        XCTAssertTrue(ArgumentFormat.acceptsScope("platform:netflix", names: ["platform"]))
    }
}
