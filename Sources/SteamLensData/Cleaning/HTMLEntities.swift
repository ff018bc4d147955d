/// Decodes the HTML entities the Steam store leaves in names ("Design &amp; Illustration").
public enum HTMLEntities {
    private static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "reg": "®", "trade": "™", "copy": "©", "hellip": "…", "ndash": "–", "mdash": "—",
    ]

    /// Returns the decoded text, or nil when there was nothing to decode (the common case, no copy).
    public static func decode(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var result = ""
        var changed = false
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            if let semi = rest[afterAmp...].prefix(10).firstIndex(of: ";"),
               let decoded = decodeEntity(rest[afterAmp..<semi]) {
                result += decoded
                changed = true
                rest = rest[rest.index(after: semi)...]
            } else {
                result += "&"
                rest = rest[afterAmp...]
            }
        }
        result += rest
        return changed ? result : nil
    }

    private static func decodeEntity(_ name: Substring) -> String? {
        if let value = named[name] { return value }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let code: UInt32?
        if digits.first == "x" || digits.first == "X" {
            code = UInt32(digits.dropFirst(), radix: 16)
        } else {
            code = UInt32(digits)
        }
        guard let code, let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}
