/// What the `price` field of a game turned out to be.
public enum ParsedPrice: Equatable, Sendable {
    /// A number of US dollars; 0 means free.
    case amount(Double)
    /// A string that says "free" in any case ("Free to Play", "Free Demo", "Play for Free!").
    case free(label: String)
    /// "Starting at $449.00": the amount after the dollar sign.
    case startingAt(Double, label: String)
    /// A string with no amount ("Install Now", "Third-party"): price unknown.
    case unknownText(label: String)
    /// No price at all (NaN or absent): unknown, and explicitly *not* free.
    case missing
    /// An amount outside `PriceRange.valid` (negative, infinite, NaN, absurdly
    /// large): unknown, not free. `text` is the raw number or string, for the report.
    case outOfRange(text: String, label: String?)

    /// Parses one raw `price` value.
    public init(_ raw: LiteralValue?) {
        guard let raw, !raw.isMissing else {
            self = .missing
            return
        }
        if let number = raw.numberValue {
            self = PriceRange.valid.contains(number) ? .amount(number) : .outOfRange(text: "\(number)", label: nil)
            return
        }
        guard let text = raw.stringValue else {
            self = .missing
            return
        }
        if text.lowercased().contains("free") {
            self = .free(label: text)
        } else if let dollar = text.firstIndex(of: "$"),
                  let amount = Double(text[text.index(after: dollar)...].filter { $0 != "," }.trimmingSpacesSubstring) {
            self = PriceRange.valid.contains(amount) ? .startingAt(amount, label: text) : .outOfRange(text: text, label: text)
        } else if let amount = Double(text.trimmingSpaces) {
            self = PriceRange.valid.contains(amount) ? .amount(amount) : .outOfRange(text: text, label: text)
        } else {
            self = .unknownText(label: text)
        }
    }

    /// The numeric price used for sums ("money spent"); nil when unknown.
    public var amount: Double? {
        switch self {
        case .amount(let value), .startingAt(let value, _): return value
        case .free: return 0
        case .unknownText, .missing, .outOfRange: return nil
        }
    }

    /// The definition of a free game: a "free" string, or a price of 0.
    public var isFree: Bool {
        switch self {
        case .free: return true
        case .amount(let value): return value == 0
        default: return false
        }
    }

    /// The original text when the file had a string.
    public var label: String? {
        switch self {
        case .free(let label), .startingAt(_, let label), .unknownText(let label): return label
        case .outOfRange(_, let label): return label
        default: return nil
        }
    }
}

/// The prices a game may have, in US dollars. The dearest real game costs
/// $995; a million leaves room for any real bundle and rejects garbage such
/// as `1e300`, `-5`, `inf` or `nan` (which `Double("nan")` happily reads).
public enum PriceRange {
    public static let valid: ClosedRange<Double> = 0...1_000_000
    static let maximumText = "$1,000,000"
}

extension Substring {
    var trimmingSpacesSubstring: Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
