/// How a release date string was read.
public enum ReleaseDate: Equatable, Sendable {
    /// "2018-01-04".
    case iso(year: Int, month: Int, day: Int)
    /// ISO-shaped but no such day ("2014-02-31", "2014-13-01"): only the year is believed.
    case impossible(year: Int)
    /// A year outside `DateRules.validYears` ("0201-05-01", "9999-12-31"): unknown.
    case yearOutOfRange(Int)
    /// A non-ISO text that still names a year: "Jun 2009", "Q2 2017", "Winter 2016", "2018".
    case approximate(year: Int)
    /// A text without a year: "Soon..", "TBA", "Coming soon".
    case noYear
    /// NaN or absent.
    case missing

    public init(_ raw: String?) {
        guard let raw else {
            self = .missing
            return
        }
        let bytes = Array(raw.utf8)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let year = DateRules.digits(bytes[0..<4]), let month = DateRules.digits(bytes[5..<7]), let day = DateRules.digits(bytes[8..<10]) {
            if !DateRules.validYears.contains(year) {
                self = .yearOutOfRange(year)
            } else if DateRules.isDay(year: year, month: month, day: day) {
                self = .iso(year: year, month: month, day: day)
            } else {
                self = .impossible(year: year)
            }
            return
        }
        if let year = DateRules.plausibleYear(in: bytes) {
            self = .approximate(year: year)
        } else {
            self = .noYear
        }
    }

    public var year: Int? {
        switch self {
        case .iso(let year, _, _), .impossible(let year), .approximate(let year): return year
        case .noYear, .missing, .yearOutOfRange: return nil
        }
    }
}

/// The parts of a review's `posted` text: "Posted November 5, 2011." or, for
/// reviews of the current year, "Posted June 3." with no year at all.
public struct PostedDate: Equatable, Sendable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// A year that was written but lies outside `DateRules.validYears` ("Posted May 5, 99999."); `year` is then nil.
    public var rejectedYear: Int?

    public init(year: Int?, month: Int?, day: Int?, rejectedYear: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.rejectedYear = rejectedYear
    }

    public init(_ raw: String) {
        var words = raw.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })[...]
        if words.first?.lowercased() == "posted" { words = words.dropFirst() }
        var month: Int?
        var day: Int?
        var year: Int?
        for word in words {
            if month == nil, let value = DateRules.month(named: word) {
                month = value
            } else if let number = Int(word) {
                // The first number that can be a day is the day; any other number is the year.
                if day == nil, (1...31).contains(number) { day = number } else { year = number }
            } else if word.allSatisfy({ $0.isASCII && $0.isNumber }) {
                year = Int.max  // more digits than an Int holds: certainly not a valid year
            }
        }
        if let candidate = year, !DateRules.validYears.contains(candidate) {
            self.init(year: nil, month: month, day: day, rejectedYear: candidate)
        } else {
            self.init(year: year, month: month, day: day)
        }
    }
}

enum DateRules {
    /// The years a release or review date may have; others are typos or
    /// garbage and become unknown (Steam opened in 2003; the oldest re-released
    /// games are from the 1970s). The real files' years lie in 1970…2021.
    static let validYears = 1970...2100

    /// A run of ASCII digits as a number (no sign, no spaces).
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// True when the day exists in the Gregorian calendar.
    static func isDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func month<S: StringProtocol>(named word: S) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = word.prefix(3).lowercased()
        guard let index = months.firstIndex(of: prefix) else { return nil }
        return index + 1
    }

    /// The first run of exactly four digits within `validYears`.
    static func plausibleYear(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            if end - index == 4 {
                let value = bytes[index..<end].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if validYears.contains(value) { return value }
            }
            index = end
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
