import Foundation

/// The forgiving form of a name used for lookups: case-, accent-,
/// whitespace- and `&amp;`-insensitive ("  VALVE " = "Valve",
/// "Pokémon" = "pokemon", "Design &amp; Illustration" = "design & illustration").
public enum NameKey {
    public static func normalize(_ name: String) -> String {
        var text = name
        if text.utf8.contains(UInt8(ascii: "&")) {
            text = text.replacingOccurrences(of: "&amp;", with: "&", options: .caseInsensitive)
        }
        // Fast path for plain ASCII, the vast majority of names.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out = [UInt8]()
            out.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
