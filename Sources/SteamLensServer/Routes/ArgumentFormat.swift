import Foundation
import SteamLensEngine

/// What a path argument may look like, from the kind the query registry
/// gives it (`QueryArgument.Kind`). The server checks it before the engine
/// sees it, and the OpenAPI document states the same rule as a pattern, so a
/// schema-valid argument is never a 400 and a schema-invalid one is never
/// answered (it is a 400, or a 404 for a name nothing has).
public enum ArgumentFormat: Sendable, Equatable {
    /// A year from 1900 to 2100, or "unknown".
    case year
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    case date
    /// A name or user id: text without control characters that is not blank.
    case name
    /// An app id (1…2147483647, digits with an optional "+") or a title.
    case game
    /// One of a few words, in any letter case (a platform, a duration unit).
    case oneOf([String])
    /// A number from 0 to 5 with at most six decimals (a score).
    case score

    init(_ kind: QueryArgument.Kind) {
        switch kind {
        case .year: self = .year
        case .date: self = .date
        case .name, .user: self = .name
        case .game: self = .game
        }
    }

    /// Whether `text` matches `pattern`. Control characters are caught
    /// earlier, as bad encoding; lengths count code points, as JSON Schema does.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .name:
            return Self.isWithinLength(text) && !Self.isBlank(text)
        case .game:
            guard Self.isWithinLength(text), !Self.isBlank(text) else { return false }
            return (try? QueryArguments.game(text)) != nil
        case .oneOf(let words):
            return words.contains(text.lowercased()) && text.unicodeScalars.allSatisfy(\.isASCII)
        case .score:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts[0].utf8.count == 1, let whole = parts[0].first?.wholeNumberValue,
                  parts[0].utf8.allSatisfy({ (48...57).contains($0) }), whole <= 5 else { return false }
            guard parts.count == 2 else { return true }
            let decimals = parts[1].utf8
            return (1...6).contains(decimals.count) && decimals.allSatisfy { (48...57).contains($0) } && (whole < 5 || decimals.allSatisfy { $0 == 48 })
        case .year:
            return text == "unknown" || Self.isYear(Substring(text))
        case .date:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), Self.isYear(parts[0]) else { return false }
            if parts.count > 1 { guard Self.isNumber(parts[1], in: 1...12) else { return false } }
            if parts.count > 2 { guard Self.isNumber(parts[2], in: 1...31) else { return false } }
            return true
        }
    }

    /// The ECMA-262 pattern the OpenAPI document gives.
    var pattern: String {
        switch self {
        case .year: return "^(\(Self.yearPattern)|unknown)$"
        case .date: return "^\(Self.yearPattern)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        case .name: return Self.nonBlankPattern
        case .oneOf(let words):
            // ECMA-262 patterns take no flags, so each letter lists both cases.
            let spelled = words.map { word in
                word.map { character in
                    character.isLetter ? "[\(character.lowercased())\(character.uppercased())]" : Self.escaped(character)
                }.joined()
            }
            return "^(\(spelled.joined(separator: "|")))$"
        case .score: return "^([0-4](\\.[0-9]{1,6})?|5(\\.0{1,6})?)$"
        case .game:
            // A title holds something other than digits, signs and spaces;
            // otherwise it is an id, which the engine range-checks.
            let title = "[^\(Self.controls)]*[^\(Self.controls)\(Self.spaces)0-9+\\-][^\(Self.controls)]*"
            let id = "[\(Self.spaces)]*\\+?0*(\(Self.positiveInt32))[\(Self.spaces)]*"
            return "^(\(title)|\(id))$"
        }
    }

    // The character classes behind the patterns, spelled for both ECMA-262
    // and Python's `re` (schemathesis): control characters, and the
    // whitespace Foundation trims (`whitespacesAndNewlines` less the
    // controls; on Linux it holds the zero-width space U+200B too, and
    // ArgumentFormatTests checks this list against it).
    static let controls = "\\u0000-\\u001F\\u007F-\\u009F"
    static let spaces = "\\u0020\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000"
    /// Text without control characters holding something other than whitespace.
    static let nonBlankPattern = "^[^\(controls)]*[^\(controls)\(spaces)][^\(controls)]*$"
    static let yearPattern = "(19[0-9]{2}|20[0-9]{2}|2100)"
    /// 1…2147483647 without leading zeros.
    static let positiveInt32 = [
        "[1-9][0-9]{0,8}", "1[0-9]{9}", "20[0-9]{8}", "21[0-3][0-9]{7}", "214[0-6][0-9]{6}", "2147[0-3][0-9]{5}",
        "21474[0-7][0-9]{4}", "214748[0-2][0-9]{3}", "2147483[0-5][0-9]{2}", "21474836[0-3][0-9]", "214748364[0-7]",
    ].joined(separator: "|")

    private static func escaped(_ character: Character) -> String {
        "\\^$.|?*+()[]{}/-".contains(character) ? "\\" + String(character) : String(character)
    }

    static func isWithinLength(_ text: String) -> Bool {
        text.unicodeScalars.count <= RouteLimits.maxArgumentLength
    }

    /// Blank as the engine sees it: nothing left once Foundation trims it.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        String(text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    static func isYear(_ text: Substring) -> Bool {
        text.utf8.count == 4 && text.utf8.allSatisfy { (48...57).contains($0) } && (1900...2100).contains(Int(text) ?? 0)
    }

    private static func isNumber(_ text: Substring, in range: ClosedRange<Int>) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (48...57).contains($0) } && range.contains(Int(text) ?? 0)
    }

    /// A list scope: `KIND:NAME` for one of `names`, or year:YYYY.
    static func scopePattern(names: [String]) -> String {
        let kinds = names.joined(separator: "|")
        return "^((\(kinds)):[^\(controls)]*[^\(controls)\(spaces)][^\(controls)]*|year:(\(yearPattern)|unknown))$"
    }

    static func acceptsScope(_ text: String, names: [String]) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let kind = String(text[..<colon])
        let rest = text[text.index(after: colon)...]
        if kind == "year" { return rest == "unknown" || isYear(rest) }
        return names.contains(kind) && !isBlank(rest)
    }
}
