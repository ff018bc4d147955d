/// The request target (path and query) decoded strictly: percent escapes
/// must be complete, the bytes must be UTF-8, and no segment or value may
/// hold a control character. Anything else is a 400 `bad_encoding`, so
/// nothing odd reaches the engine, a log line or an error message raw.
struct RequestTarget: Equatable {
    var segments: [String]
    /// Query parameters in request order, names and values decoded (`+` is a space).
    var query: [(name: String, value: String)]

    static func == (a: RequestTarget, b: RequestTarget) -> Bool {
        a.segments == b.segments && a.query.map { $0.name + "=" + $0.value } == b.query.map { $0.name + "=" + $0.value }
    }

    /// Decodes a raw request target such as `/v1/steam/developer/Caf%C3%A9?unit=minutes`.
    static func parse(_ target: String) throws(Problem) -> RequestTarget {
        var raw = Substring(target)
        if let hash = raw.firstIndex(of: "#") { raw = raw[..<hash] }
        let path: Substring
        let queryText: Substring?
        if let mark = raw.firstIndex(of: "?") {
            path = raw[..<mark]
            queryText = raw[raw.index(after: mark)...]
        } else {
            path = raw
            queryText = nil
        }
        guard path.first == "/" else {
            throw Problem.badEncoding("The request target must start with /.")
        }
        var segments: [String] = []
        if path != "/" {
            for part in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                segments.append(try decode(part, plusIsSpace: false, what: "path"))
            }
        }
        var query: [(name: String, value: String)] = []
        if let queryText, !queryText.isEmpty {
            for pair in queryText.split(separator: "&", omittingEmptySubsequences: true) {
                let name: Substring
                let value: Substring
                if let equals = pair.firstIndex(of: "=") {
                    name = pair[..<equals]
                    value = pair[pair.index(after: equals)...]
                } else {
                    name = pair
                    value = ""
                }
                let decodedName = try decode(name, plusIsSpace: true, what: "query parameter name")
                query.append((decodedName, try decode(value, plusIsSpace: true, what: "query parameter", parameter: decodedName)))
            }
        }
        return RequestTarget(segments: segments, query: query)
    }

    /// Percent-decodes one component; throws on a broken escape, invalid UTF-8 or a control character.
    static func decode(_ text: Substring, plusIsSpace: Bool, what: String, parameter: String? = nil) throws(Problem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw Problem.badEncoding("A % in the \(what) must be followed by two hex digits.", parameter: parameter)
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Problem.badEncoding("The \(what) is not valid UTF-8 once percent-decoded.", parameter: parameter)
        }
        for scalar in decoded.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            throw Problem.badEncoding("The \(what) holds a control character (U+\(String(scalar.value, radix: 16, uppercase: true))).",
                                      parameter: parameter)
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
