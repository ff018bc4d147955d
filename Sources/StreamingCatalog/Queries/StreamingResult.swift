import SteamLensEngine

/// A JSON value with its keys in a fixed order, for answers whose shape is
/// small and varied (`--format json`, the HTTP API).
public enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .integer(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .number(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .bool(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let values): try values.encode(to: encoder)
        case .object(let pairs):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in pairs { try c.encode(value, forKey: Key(key)) }
        }
    }

    /// An optional number, null when absent.
    public static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    public static func integer(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The table's rows as objects keyed by column name (missing → null).
    public static func rows(of table: ResultTable) -> JSONValue {
        .array(table.rows.map { row in
            .object(zip(table.columns, row).map { column, cell in
                let value: JSONValue
                switch cell {
                case .text(let text): value = .string(text)
                case .integer(let number): value = .integer(number)
                case .number(let number, _): value = .number(number)
                case .missing: value = .null
                }
                return (column.name, value)
            })
        })
    }
}

/// One answer of a streaming question: a table for people and CSV, a JSON
/// value for programs, and the definitions it was computed under.
public struct StreamingResult: Encodable, Sendable, Equatable {
    public var table: ResultTable
    public var json: JSONValue
    public var definitions: StreamingDefinitions
    /// For a page of a list: the rows in all pages (the API's X-Total-Count).
    public var total: Int?

    public init(table: ResultTable, json: JSONValue? = nil, definitions: StreamingDefinitions, total: Int? = nil) {
        self.table = table
        self.json = json ?? JSONValue.rows(of: table)
        self.definitions = definitions
        self.total = total
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
