import Foundation

extension ResultTable {
    /// RFC 4180 CSV: a header line, then one line per row; fields with a
    /// comma, quote or line break are quoted, quotes doubled, and every other
    /// byte left as the data has it. `transform` is applied to each field
    /// before quoting; the CLI passes a sanitizer when the CSV goes to a
    /// terminal rather than a pipe or file (docs/cli.md).
    public func csv(transform: (String) -> String = { $0 }) -> String {
        var out = columns.map { Self.csvField(transform($0.name)) }.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { Self.csvField(transform($0.csvValue)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
