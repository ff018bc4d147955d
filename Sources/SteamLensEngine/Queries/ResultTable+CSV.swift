import Foundation

extension ResultTable {
    /// RFC 4180 CSV: a header line, then one line per row; fields with a
    /// comma, quote or line break are quoted, quotes doubled.
    public func csv() -> String {
        var out = columns.map { Self.csvField($0.name) }.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { Self.csvField($0.csvValue) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
