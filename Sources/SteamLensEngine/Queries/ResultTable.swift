import Foundation

/// A query result as a plain table, for the terminal, CSV and the TUI.
public struct ResultTable: Equatable, Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Equatable, Sendable {
        public var name: String
        public var alignment: Alignment

        public init(_ name: String, _ alignment: Alignment = .left) {
            self.name = name
            self.alignment = alignment
        }
    }

    /// One cell; numbers keep their value so sorting and CSV stay exact.
    public enum Cell: Equatable, Sendable, CustomStringConvertible {
        case text(String)
        case integer(Int)
        /// A number shown with `digits` decimals.
        case number(Double, digits: Int)
        /// An unknown value (a year without a date, a user without reviews).
        case missing

        public var description: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return String(value)
            case .number(let value, let digits): return Self.format(value, digits: digits)
            case .missing: return "unknown"
            }
        }

        /// The value as CSV wants it: empty when missing.
        public var csvValue: String {
            if case .missing = self { return "" }
            return description
        }

        /// Sorts numbers by value, text by its forgiving key, missing last.
        public static func ordered(_ a: Cell, _ b: Cell) -> Bool {
            switch (a.sortNumber, b.sortNumber) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if case .missing = a { return false }
                if case .missing = b { return true }
                return NameKey.normalize(a.description) < NameKey.normalize(b.description)
            }
        }

        var sortNumber: Double? {
            switch self {
            case .integer(let value): return Double(value)
            case .number(let value, _): return value
            default: return nil
            }
        }

        /// `value` with `digits` decimals, for any Double: values too large
        /// for fixed notation (|value| × 10^digits at or past 2^53, where a
        /// Double stops holding every integer, and long before Int would
        /// overflow) are written in shortest round-trip scientific form
        /// ("9.3e18"); NaN is "NaN" and the infinities "inf" and "-inf".
        public static func format(_ value: Double, digits: Int) -> String {
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            let digits = min(max(0, digits), 15)
            var scale = 1
            for _ in 0..<digits { scale *= 10 }
            let scaled = (abs(value) * Double(scale)).rounded()
            guard scaled < 9_007_199_254_740_992 else { return scientific(value) }
            let units = Int(scaled)
            let sign = value < 0 && units > 0 ? "-" : ""
            guard digits > 0 else { return sign + String(units) }
            let fraction = String(units % scale)
            return sign + String(units / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }

        /// "9.3e18": Swift's shortest round-trip digits, without the exponent's "+".
        static func scientific(_ value: Double) -> String {
            let text = "\(value)"
            return text.contains("e") ? text.replacingOccurrences(of: "e+", with: "e") : text
        }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Lines shown under the table: the definitions used, what was left out.
    public var notes: [String]

    public init(title: String, columns: [Column], rows: [[Cell]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// A query answer: typed for JSON, tabular for the terminal and CSV.
public protocol QueryResult: Encodable, Sendable {
    /// The definitions the answer was computed under.
    var definitions: Definitions { get }
    var table: ResultTable { get }
    /// What `--format json` prints (the issue fixes these shapes).
    var jsonValue: any Encodable { get }
}
