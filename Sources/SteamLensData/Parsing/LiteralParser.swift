#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and why a line could not be parsed.
public struct LiteralSyntaxError: Error, Equatable, CustomStringConvertible {
    /// Byte offset in the line, from 0.
    public var offset: Int
    public var reason: String

    public var description: String { "column \(offset + 1): \(reason)" }
}

/// A small recursive-descent parser for one line of JSON or Python literal.
///
/// The two raw dialects of the Steam files differ only in spelling: JSON
/// writes `true`/`null`/`"…"` and pandas adds bare `NaN`; Python's `repr`
/// writes `True`/`None`/`'…'` (switching to `"…"` when the text holds a
/// single quote) and backslash escapes such as `\xe9`. One grammar with a
/// `Dialect` covers both without a regex in sight.
///
/// ```swift
/// let value = try LiteralParser.parse(line, dialect: .python)
/// ```
public struct LiteralParser {
    public enum Dialect: Sendable {
        case json
        case python
    }

    /// Nesting deeper than this is rejected: it protects the stack from hostile input.
    public static let maximumDepth = 64

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) throws -> LiteralValue {
        var parser = LiteralParser(bytes: bytes, dialect: dialect)
        parser.skipSpace()
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        if parser.position != bytes.count {
            throw parser.error("unexpected text after the value")
        }
        return value
    }

    public static func parse(_ text: String, dialect: Dialect) throws -> LiteralValue {
        var copy = text
        return try copy.withUTF8 { try parse($0, dialect: dialect) }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let dialect: Dialect
    private var position = 0
    private var scratch: [UInt8] = []
    /// Members and items of the objects and lists still open, innermost last.
    private var keyStack: [String] = []
    private var valueStack: [LiteralValue] = []
    /// The keys of the last object closed, shared with the next one when equal.
    private var lastKeys: [String] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    private func error(_ reason: String) -> LiteralSyntaxError {
        LiteralSyntaxError(offset: min(position, bytes.count), reason: reason)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws -> LiteralValue {
        guard position < bytes.count else { throw error("line ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1, close: UInt8(ascii: "]"))
        case UInt8(ascii: "(") where dialect == .python: return try parseArray(depth: depth + 1, close: UInt8(ascii: ")"))
        case UInt8(ascii: "\""): return .string(try parseString(quote: UInt8(ascii: "\"")))
        case UInt8(ascii: "'") where dialect == .python: return .string(try parseString(quote: UInt8(ascii: "'")))
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
            return try parseNumber()
        default:
            return try parseKeyword()
        }
    }

    private mutating func parseObject(depth: Int) throws -> LiteralValue {
        if depth > Self.maximumDepth { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        position += 1
        let base = valueStack.count
        let keyBase = keyStack.count
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(LiteralObject())
        }
        while true {
            skipSpace()
            guard position < bytes.count else { throw error("line ends inside an object") }
            let quote = bytes[position]
            guard quote == UInt8(ascii: "\"") || (dialect == .python && quote == UInt8(ascii: "'")) else {
                throw error("expected a quoted key")
            }
            let index = keyStack.count - keyBase
            let key = try parseString(quote: quote, expected: index < lastKeys.count ? lastKeys[index] : nil)
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after key '\(key)'") }
            position += 1
            skipSpace()
            let value = try parseValue(depth: depth)
            keyStack.append(key)
            valueStack.append(value)
            skipSpace()
            guard position < bytes.count else { throw error("line ends inside an object") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipSpace()
                // Python allows a trailing comma.
                if dialect == .python, position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(popObject(keyBase: keyBase, base: base))
                }
            case UInt8(ascii: "}"):
                position += 1
                return .object(popObject(keyBase: keyBase, base: base))
            default:
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// Moves the members parsed since `keyBase`/`base` into an object of
    /// exactly their size. Rows of one list share their key set, so the keys
    /// array of the previous object is reused when it matches: a list of
    /// 200,000 items then holds one keys array, not 200,000.
    private mutating func popObject(keyBase: Int, base: Int) -> LiteralObject {
        let keys: [String]
        if keyStack.count - keyBase == lastKeys.count, lastKeys.indices.allSatisfy({ lastKeys[$0] == keyStack[keyBase + $0] }) {
            keys = lastKeys
        } else {
            keys = Array(keyStack[keyBase...])
            lastKeys = keys
        }
        let values = Array(valueStack[base...])
        keyStack.removeSubrange(keyBase...)
        valueStack.removeSubrange(base...)
        return LiteralObject(keys: keys, values: values)
    }

    private mutating func parseArray(depth: Int, close: UInt8) throws -> LiteralValue {
        if depth > Self.maximumDepth { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        position += 1
        let base = valueStack.count
        skipSpace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            return .array([])
        }
        while true {
            skipSpace()
            let item = try parseValue(depth: depth)
            valueStack.append(item)
            skipSpace()
            guard position < bytes.count else { throw error("line ends inside a list") }
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                position += 1
                skipSpace()
                if dialect == .python, position < bytes.count, bytes[position] == close {
                    position += 1
                    return .array(popArray(base: base))
                }
            } else if byte == close {
                position += 1
                return .array(popArray(base: base))
            } else {
                throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in a list")
            }
        }
    }

    /// The items parsed since `base`, in an array of exactly their size
    /// (appending to a growing array would leave up to half of it unused).
    private mutating func popArray(base: Int) -> [LiteralValue] {
        let items = Array(valueStack[base...])
        valueStack.removeSubrange(base...)
        return items
    }

    /// Parses a quoted string. When the bytes spell `expected` exactly (an
    /// object key equal to the previous object's key at that place), that
    /// string is returned instead of a new copy.
    private mutating func parseString(quote: UInt8, expected: String? = nil) throws -> String {
        let start = position
        position += 1
        let contentStart = position
        // Fast path: no escapes, the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
                position += 1
                if let expected, Self.spells(content, expected) { return expected }
                return String(decoding: content, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            position += 1
        }
        guard position < bytes.count else {
            position = start
            throw error("string is not closed")
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape()
            } else {
                scratch.append(byte)
                position += 1
            }
        }
        position = start
        throw error("string is not closed")
    }

    private static func spells(_ content: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == content.count && (utf8.count == 0 || memcmp(utf8.baseAddress!, content.baseAddress!, utf8.count) == 0)
        }
    }

    private mutating func parseEscape() throws {
        position += 1
        guard position < bytes.count else { throw error("line ends inside an escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "u"):
            var scalar = try parseHex(digits: 4)
            // JSON writes astral characters as a surrogate pair.
            if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                let low = try parseHex(digits: 4)
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = save
                }
            }
            appendScalar(scalar)
        case UInt8(ascii: "U") where dialect == .python: appendScalar(try parseHex(digits: 8))
        case UInt8(ascii: "x") where dialect == .python: appendScalar(try parseHex(digits: 2))
        case UInt8(ascii: "a") where dialect == .python: scratch.append(0x07)
        case UInt8(ascii: "v") where dialect == .python: scratch.append(0x0B)
        case UInt8(ascii: "0")...UInt8(ascii: "7") where dialect == .python:
            var value = UInt32(byte - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                value = value * 8 + UInt32(bytes[position] - UInt8(ascii: "0"))
                position += 1
                digits += 1
            }
            appendScalar(value)
        case 0x0A where dialect == .python:
            break  // a backslash-newline continues the string
        default:
            if dialect == .python {
                // Python keeps unknown escapes verbatim ("\d" stays "\d").
                scratch.append(UInt8(ascii: "\\"))
                scratch.append(byte)
            } else {
                position -= 1
                throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
            }
        }
    }

    private mutating func parseHex(digits: Int) throws -> UInt32 {
        guard position + digits <= bytes.count else { throw error("line ends inside an escape") }
        var value: UInt32 = 0
        for _ in 0..<digits {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("bad hexadecimal digit in an escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func appendScalar(_ value: UInt32) {
        // Lone surrogates and out-of-range values become U+FFFD rather than failing the row.
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        var utf8 = Array(String(Character(scalar)).utf8)
        if value == 0 { utf8 = [0] }
        scratch.append(contentsOf: utf8)
    }

    private mutating func parseNumber() throws -> LiteralValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") { position += 1 }
        // -Infinity / -NaN
        if position < bytes.count, bytes[position] == UInt8(ascii: "I") || bytes[position] == UInt8(ascii: "N") {
            let keyword = try parseKeyword()
            if bytes[start] == UInt8(ascii: "-"), case .double(let value) = keyword { return .double(-value) }
            return keyword
        }
        var isInteger = true
        var integer: Int64 = 0
        var overflow = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let (times, o1) = integer.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                integer = plus
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                        || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && !isInteger) {
                isInteger = false
            } else if byte == UInt8(ascii: "_") && dialect == .python {
                // 1_000 is a Python int; fall through to the slow path below.
                isInteger = false
            } else {
                break
            }
            position += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger && !overflow {
            guard position > start + (bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") ? 1 : 0) else {
                throw error("a sign without digits")
            }
            return .int(bytes[start] == UInt8(ascii: "-") ? -integer : integer)
        }
        guard let value = Double(text.replacingUnderscores) else {
            position = start
            throw error("'\(text)' is not a number")
        }
        return .double(value)
    }

    private mutating func parseKeyword() throws -> LiteralValue {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) else { break }
            position += 1
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        switch (word, dialect) {
        case ("NaN", _), ("nan", .python): return .nan
        case ("Infinity", _), ("inf", .python): return .double(.infinity)
        case ("true", .json), ("True", .python): return .bool(true)
        case ("false", .json), ("False", .python): return .bool(false)
        case ("null", .json), ("None", .python): return .null
        default:
            position = start
            if word.isEmpty {
                let byte = start < bytes.count ? bytes[start] : 0
                throw error(byte < 0x20 || byte >= 0x7F ? "unexpected byte 0x\(String(byte, radix: 16))" : "unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
            throw error("unknown word '\(word.prefix(20))'")
        }
    }
}

private extension String {
    var replacingUnderscores: String { contains("_") ? filter { $0 != "_" } : self }
}
