/// Byte-exact encoders for the two line formats of the real files:
/// Python's `json.dumps` (games) and Python's `repr` of a dict (users,
/// reviews, items). Lines are built as bytes, which is both faster than
/// string concatenation and the only way to be sure of every byte.
///
/// ```swift
/// var line = LineBuffer()
/// line.raw("{'user_id': ")
/// line.python("it's")          // "it's" — Python switches to double quotes
/// line.raw("}")
/// ```
struct LineBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends ASCII text verbatim (keys, punctuation, numbers).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// Decimal digits without going through `String`.
    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 { bytes.append(0x30 + UInt8(magnitude)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    // MARK: Python repr

    /// A `str` exactly as Python 3's `repr` prints it: single quotes unless the
    /// text holds a `'` and no `"`; `\\`, `\t`, `\n`, `\r`, `\xNN` for other
    /// controls, `\uNNNN` for non-printable characters; printable Unicode as is.
    mutating func python(_ text: String) {
        var hasSingle = false, hasDouble = false
        for byte in text.utf8 {
            if byte == 0x27 { hasSingle = true } else if byte == 0x22 { hasDouble = true }
        }
        let quote: UInt8 = hasSingle && !hasDouble ? 0x22 : 0x27
        bytes.append(quote)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: raw("\\\\")
            case UInt32(quote): bytes.append(0x5C); bytes.append(quote)
            case 0x09: raw("\\t")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x20..<0x7F: bytes.append(UInt8(v))
            case 0..<0x20, 0x7F: hexEscape(v, marker: "x", digits: 2)
            default:
                if Self.isPythonPrintable(scalar) {
                    bytes.append(contentsOf: String(scalar).utf8)
                } else if v <= 0xFF {
                    hexEscape(v, marker: "x", digits: 2)
                } else if v <= 0xFFFF {
                    hexEscape(v, marker: "u", digits: 4)
                } else {
                    hexEscape(v, marker: "U", digits: 8)
                }
            }
        }
        bytes.append(quote)
    }

    mutating func python(_ flag: Bool) {
        raw(flag ? "True" : "False")
    }

    /// Python's `str.isprintable` for one non-ASCII character: everything but
    /// the Other (Cc Cf Cs Co Cn) and Separator (Zl Zp Zs) categories.
    static func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    // MARK: JSON (Python json.dumps, ensure_ascii=True)

    /// A string as `json.dumps` writes it: only printable ASCII kept, every
    /// other character as `\uXXXX` (lowercase hex, surrogate pairs above U+FFFF).
    mutating func json(_ text: String) {
        bytes.append(0x22)
        for unit in text.utf16 {
            switch unit {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x20..<0x7F: bytes.append(UInt8(unit))
            default: hexEscape(UInt32(unit), marker: "u", digits: 4)
            }
        }
        bytes.append(0x22)
    }

    /// `["a", "b"]`, or bare `NaN` for a missing list (pandas wrote NaN there).
    mutating func json(_ list: [String]?) {
        guard let list else { return raw("NaN") }
        bytes.append(0x5B)
        for (i, item) in list.enumerated() {
            if i > 0 { raw(", ") }
            json(item)
        }
        bytes.append(0x5D)
    }

    /// A JSON string, or bare `NaN` when missing.
    mutating func jsonOrNaN(_ text: String?) {
        if let text { json(text) } else { raw("NaN") }
    }

    /// Python's float repr: shortest round-trip digits, always with a `.`
    /// (Swift's `description` uses the same shortest-digits rule).
    mutating func jsonFloat(_ value: Double) {
        raw(value.description)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func hexEscape(_ value: UInt32, marker: Character, digits: Int) {
        bytes.append(0x5C)
        bytes.append(marker.asciiValue!)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
