import Foundation

/// The rules every query argument is checked against before the query runs
/// (docs/cli.md, "Arguments"), so a mistake is reported with the argument's
/// name instead of turning into an odd answer ("" looked up as a name) or a
/// trap.
public enum QueryArguments {
    /// Years a year argument may name. Steam opened in 2003 and the dumps
    /// end in 2018; the margin keeps typos out without guessing the data.
    public static let years = 1900...2100

    /// `text` trimmed of surrounding whitespace, or a bad-argument error
    /// naming `argument` when nothing is left; `expected` says what to give.
    public static func nonEmpty(_ text: String, argument: String,
                                expected: String = "a name (matched ignoring case, accents and spaces)") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw QueryError.badArgument("<\(argument)> is empty: give \(expected).")
        }
        return trimmed
    }

    /// A year in `years`, or nil for "unknown" (the games or reviews without one).
    public static func year(_ text: String, argument: String = "year") throws -> Int? {
        let trimmed = try nonEmpty(text, argument: argument, expected: "a year such as 2015, or \"unknown\"")
        if trimmed.lowercased() == "unknown" { return nil }
        guard trimmed.utf8.allSatisfy(isDigit), let year = Int(trimmed) else {
            throw QueryError.badArgument("<\(argument)> \"\(text)\" is not a year (expected e.g. 2015, or \"unknown\").")
        }
        guard years.contains(year) else {
            throw QueryError.badArgument("<\(argument)> \(year) is out of range (\(years.lowerBound)–\(years.upperBound)).")
        }
        return year
    }

    /// A calendar date "YYYY-MM-DD", "YYYY-MM" or "YYYY" as the number
    /// YYYYMMDD. A missing month or day is the first day of the period, or
    /// its last when `roundUp` (so "2014" as an end means 2014-12-31).
    /// Impossible dates ("2014-02-31") are errors, never rolled over.
    public static func day(_ text: String, argument: String, roundUp: Bool) throws -> Int {
        let trimmed = try nonEmpty(text, argument: argument, expected: "a date: YYYY-MM-DD, YYYY-MM or YYYY")
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4...4, 1...2, 1...2]
        guard parts.count <= 3,
              parts.enumerated().allSatisfy({ widths[$0.offset].contains($0.element.count) && $0.element.utf8.allSatisfy(isDigit) }) else {
            throw QueryError.badArgument("<\(argument)> \"\(text)\" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY).")
        }
        let numbers = parts.map { Int($0)! }
        let year = numbers[0]
        guard years.contains(year) else {
            throw QueryError.badArgument("<\(argument)> \"\(text)\": the year is out of range (\(years.lowerBound)–\(years.upperBound)).")
        }
        let month = numbers.count > 1 ? numbers[1] : (roundUp ? 12 : 1)
        guard (1...12).contains(month) else {
            throw QueryError.badArgument("<\(argument)> \"\(text)\" is not a date: there is no month \(month).")
        }
        let length = daysIn(month: month, year: year)
        let day = numbers.count > 2 ? numbers[2] : (roundUp ? length : 1)
        guard (1...length).contains(day) else {
            throw QueryError.badArgument("<\(argument)> \"\(text)\" is not a date: \(monthNames[month - 1]) \(year) has \(length) days.")
        }
        return year * 10_000 + month * 100 + day
    }

    /// Both ends of a date range, as YYYYMMDD; an error when `from` comes
    /// after `to` (the range would be empty, which is always a mistake, so
    /// the ends are not silently swapped).
    public static func dayRange(from: String, to: String) throws -> ClosedRange<Int> {
        let start = try day(from, argument: "from", roundUp: false)
        let end = try day(to, argument: "to", roundUp: true)
        guard start <= end else {
            throw QueryError.badArgument("the range is empty: <from> \(from) comes after <to> \(to); give the earlier date first.")
        }
        return start...end
    }

    /// A game argument: an app id (1…2147483647, as Steam's ids are) or a title.
    /// Digits that cannot be an id are an error rather than a title lookup.
    public static func game(_ text: String, argument: String = "item_id or title") throws -> String {
        let trimmed = try nonEmpty(text, argument: argument, expected: "an app id such as 570, or a title")
        let digits = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        if !digits.isEmpty, digits.utf8.allSatisfy(isDigit) {
            guard !trimmed.hasPrefix("-"), let id = Int32(digits), id > 0 else {
                throw QueryError.badArgument("<\(argument)> \(trimmed) is not an app id (ids run from 1 to \(Int32.max)).")
            }
        }
        return trimmed
    }

    static let userExpected = "a user id (`steamlens query users` lists them)"

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// What kind of value a query argument is, so it can be checked before the query runs.
public struct QueryArgument: Sendable, Equatable {
    public enum Kind: Sendable, Hashable {
        /// A developer or genre name: any text that is not blank.
        case name
        /// A user id: any text that is not blank.
        case user
        /// A year (`QueryArguments.year`).
        case year
        /// A date (`QueryArguments.day`).
        case date
        /// An app id or a title (`QueryArguments.game`).
        case game
    }

    public var name: String
    public var kind: Kind

    public static func name(_ name: String) -> QueryArgument { QueryArgument(name: name, kind: .name) }
    public static func user(_ name: String) -> QueryArgument { QueryArgument(name: name, kind: .user) }
    public static func year(_ name: String) -> QueryArgument { QueryArgument(name: name, kind: .year) }
    public static func date(_ name: String) -> QueryArgument { QueryArgument(name: name, kind: .date) }
    public static func game(_ name: String) -> QueryArgument { QueryArgument(name: name, kind: .game) }

    /// Throws a bad-argument error naming the argument when `text` is not of this kind.
    public func check(_ text: String) throws {
        switch kind {
        case .name: _ = try QueryArguments.nonEmpty(text, argument: name)
        case .user: _ = try QueryArguments.nonEmpty(text, argument: name, expected: QueryArguments.userExpected)
        case .year: _ = try QueryArguments.year(text, argument: name)
        case .date: _ = try QueryArguments.day(text, argument: name, roundUp: false)
        case .game: _ = try QueryArguments.game(text, argument: name)
        }
    }
}

extension Engine {
    // The engine's resolvers, refusing a blank argument first: "" would
    // otherwise be looked up as a name and reported as an unknown one.

    func developerArgument(_ name: String) throws -> Int32 {
        try resolveDeveloper(QueryArguments.nonEmpty(name, argument: "developer"))
    }

    func genreArgument(_ name: String) throws -> Int32 {
        try resolveGenre(QueryArguments.nonEmpty(name, argument: "genre"))
    }

    func userArgument(_ name: String) throws -> Int32 {
        try resolveUser(QueryArguments.nonEmpty(name, argument: "user_id", expected: QueryArguments.userExpected))
    }

    func gameArgument(_ idOrTitle: String) throws -> Int32 {
        try resolveGame(QueryArguments.game(idOrTitle))
    }
}
