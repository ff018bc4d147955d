/// One value of a parsed line: the common ground of JSON (with bare `NaN`)
/// and Python literals (`True`, `None`, single quotes).
public enum LiteralValue: Equatable, Sendable {
    /// JSON `null`, Python `None`.
    case null
    /// A bare `NaN` (pandas' way of writing a missing cell).
    case nan
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([LiteralValue])
    case object(LiteralObject)

    /// True for `null`, `None` and `NaN`: the three spellings of "missing".
    public var isMissing: Bool {
        switch self {
        case .null, .nan: return true
        default: return false
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// An integer, accepting whole doubles and digit strings (ids are written both ways).
    public var integerValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        case .string(let text): return Int64(text.trimmingSpaces)
        default: return nil
        }
    }

    public var numberValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    public var arrayValue: [LiteralValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: LiteralObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .nan: return "NaN"
        case .bool: return "bool"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "list"
        case .object: return "object"
        }
    }
}

/// An object's members in file order. Rows have a dozen keys, so a linear
/// scan beats hashing and keeps the order for round trips.
public struct LiteralObject: Equatable, Sendable {
    public var keys: [String]
    public var values: [LiteralValue]

    public init(keys: [String] = [], values: [LiteralValue] = []) {
        self.keys = keys
        self.values = values
    }

    public subscript(key: String) -> LiteralValue? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    public var count: Int { keys.count }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and newlines.
    var trimmingSpaces: Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return slice
    }
}
