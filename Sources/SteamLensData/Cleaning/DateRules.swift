/// How a release date string was read.
public enum ReleaseDate: Equatable, Sendable {
    /// "2018-01-04".
    case iso(year: Int, month: Int, day: Int)
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
           let year = Int(raw.prefix(4)), let month = Int(raw.dropFirst(5).prefix(2)), let day = Int(raw.suffix(2)),
           (1...12).contains(month), (1...31).contains(day) {
            self = .iso(year: year, month: month, day: day)
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
        case .iso(let year, _, _), .approximate(let year): return year
        case .noYear, .missing: return nil
        }
    }
}

/// The parts of a review's `posted` text: "Posted November 5, 2011." or, for
/// reviews of the current year, "Posted June 3." with no year at all.
public struct PostedDate: Equatable, Sendable {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
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
                if number >= 1000 { year = number } else if day == nil, (1...31).contains(number) { day = number }
            }
        }
        self.init(year: year, month: month, day: day)
    }
}

enum DateRules {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func month<S: StringProtocol>(named word: S) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = word.prefix(3).lowercased()
        guard let index = months.firstIndex(of: prefix) else { return nil }
        return index + 1
    }

    /// The first run of exactly four digits between 1970 and 2099.
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
                if (1970...2099).contains(value) { return value }
            }
            index = end
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
