/// Reads a line of the libraries file in the one shape every real line has,
/// straight from its bytes:
///
///     {'user_id': '…', 'items_count': N, 'steam_id': '…', 'user_url': '…',
///      'items': [{'item_id': '…', 'item_name': '…', 'playtime_forever': N, 'playtime_2weeks': N}, …]}
///
/// The generic `LiteralParser` builds a value per field and an object per
/// item: five million of each at full scale, most of the parse. This scanner
/// builds none, and leaves each item's name as a byte range (a name is needed
/// only the first time its item is seen).
///
/// It accepts a line only when the generic reading of it is certain to mean
/// the same: these keys in this order with this spacing, plain ids, digits
/// where numbers are, ids and playtimes that fit 32 bits, names that decode.
/// On anything else `scan` returns false and the reader parses the line with
/// `LiteralParser`, whose reports and repairs then apply as before.
struct LibraryLineScanner {
    struct Item {
        var id: Int32
        var minutes: Int32
        var twoWeeks: Int32
        /// The name's literal, quotes included.
        var name: Range<Int>
        var nameHasEscapes: Bool
    }

    private(set) var userId = ""
    private(set) var steamId = ""
    private(set) var userURL = ""
    private(set) var itemsCount: Int64 = 0
    /// Reused from line to line.
    private(set) var items: [Item] = []

    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var position = 0

    private static let lineStart = Array("{'user_id': ".utf8)
    private static let itemsCountKey = Array(", 'items_count': ".utf8)
    private static let steamIdKey = Array(", 'steam_id': ".utf8)
    private static let userURLKey = Array(", 'user_url': ".utf8)
    private static let itemsKey = Array(", 'items': [".utf8)
    private static let itemStart = Array("{'item_id': ".utf8)
    private static let itemNameKey = Array(", 'item_name': ".utf8)
    private static let foreverKey = Array(", 'playtime_forever': ".utf8)
    private static let twoWeeksKey = Array(", 'playtime_2weeks': ".utf8)
    private static let itemSeparator = Array(", ".utf8)

    private static let quote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// Reads `line`; false when it is not in the common shape.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes = line
        position = 0
        items.removeAll(keepingCapacity: true)
        guard expect(Self.lineStart), let user = plainString(idLike: true),
              expect(Self.itemsCountKey), let count = digits(atMost: 18),
              expect(Self.steamIdKey), let steam = plainString(idLike: false),
              expect(Self.userURLKey), let url = plainString(idLike: false),
              expect(Self.itemsKey) else { return false }
        if !expect(UInt8(ascii: "]")) {
            repeat {
                guard let item = item() else { return false }
                items.append(item)
            } while expect(Self.itemSeparator)
            guard expect(UInt8(ascii: "]")) else { return false }
        }
        guard expect(UInt8(ascii: "}")) else { return false }
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return false
            }
        }
        userId = user
        steamId = steam
        userURL = url
        itemsCount = count
        return true
    }

    /// The name of an item of the line last scanned, which `line` still holds.
    func name(of item: Item, in line: UnsafeBufferPointer<UInt8>) -> String {
        if !item.nameHasEscapes {
            return String(decoding: UnsafeBufferPointer(rebasing: line[(item.name.lowerBound + 1)..<(item.name.upperBound - 1)]), as: UTF8.self)
        }
        // Checked to decode while scanning.
        return (try? LiteralParser.parse(UnsafeBufferPointer(rebasing: line[item.name]), dialect: .python).stringValue) ?? ""
    }

    private mutating func item() -> Item? {
        guard expect(Self.itemStart), expect(Self.quote), let id = digits(atMost: 9), id > 0, expect(Self.quote),
              expect(Self.itemNameKey), let (name, escaped) = quotedLiteral(),
              expect(Self.foreverKey), let minutes = digits(atMost: 9),
              expect(Self.twoWeeksKey), let twoWeeks = digits(atMost: 9),
              expect(UInt8(ascii: "}")) else { return nil }
        return Item(id: Int32(id), minutes: Int32(minutes), twoWeeks: Int32(twoWeeks), name: name, nameHasEscapes: escaped)
    }

    private mutating func expect(_ literal: [UInt8]) -> Bool {
        guard bytes.count - position >= literal.count else { return false }
        for (offset, byte) in literal.enumerated() where bytes[position + offset] != byte { return false }
        position += literal.count
        return true
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// One to `limit` decimal digits (so the value fits what it is stored in).
    private mutating func digits(atMost limit: Int) -> Int64? {
        let start = position
        var value: Int64 = 0
        while position < bytes.count, position - start < limit, bytes[position] &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int64(bytes[position] &- UInt8(ascii: "0"))
            position += 1
        }
        guard position > start else { return nil }
        // A longer number goes to the generic path, which reports it.
        if position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { return nil }
        return value
    }

    /// A single-quoted string without escapes. `idLike` also asks for
    /// printable ASCII only, never empty: the user id, which the generic path
    /// trims and checks (this path has nothing to trim).
    private mutating func plainString(idLike: Bool) -> String? {
        guard expect(Self.quote) else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != Self.quote {
            let byte = bytes[position]
            if byte == Self.backslash || (idLike && (byte <= 0x20 || byte >= 0x7F)) { return nil }
            position += 1
        }
        guard position < bytes.count, !idLike || position > start else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
    }

    /// A string literal in either quote. One with escapes is decoded here once
    /// to prove it decodes (a name that does not sends the line to the
    /// generic path, which reports it).
    private mutating func quotedLiteral() -> (Range<Int>, Bool)? {
        guard position < bytes.count, bytes[position] == Self.quote || bytes[position] == Self.doubleQuote else { return nil }
        let start = position
        let quote = bytes[position]
        position += 1
        var escaped = false
        while position < bytes.count, bytes[position] != quote {
            if bytes[position] == Self.backslash {
                escaped = true
                position += 1
            }
            position += 1
        }
        guard position < bytes.count else { return nil }
        position += 1
        let range = start..<position
        if escaped {
            guard (try? LiteralParser.parse(UnsafeBufferPointer(rebasing: bytes[range]), dialect: .python))?.stringValue != nil else { return nil }
        }
        return (range, escaped)
    }
}
