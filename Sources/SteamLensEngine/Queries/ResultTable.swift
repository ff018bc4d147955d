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

        static func format(_ value: Double, digits: Int) -> String {
            guard value.isFinite else { return value.isNaN ? "unknown" : "∞" }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let rounded = (abs(value) * scale).rounded()
            let whole = Int(rounded / scale)
            let fraction = Int(rounded - Double(whole) * scale)
            let sign = value < 0 && rounded > 0 ? "-" : ""
            guard digits > 0 else { return sign + String(whole) }
            let fractionText = String(fraction)
            return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
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
