import Foundation
import SteamLensEngine

/// Prints a `QueryResult` as an aligned text table, CSV or JSON.
enum ResultPrinter {
    static func render(_ result: any QueryResult, format: OutputFormat) throws -> String {
        switch format {
        case .table: return text(result.table, definitions: result.definitions)
        case .csv: return result.table.csv()
        case .json: return try json(result.jsonValue)
        }
    }

    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Columns padded to their widest cell; numbers right-aligned.
    static func text(_ table: ResultTable, definitions: Definitions) -> String {
        let header = table.columns.map(\.name)
        let cells = table.rows.map { $0.map(\.description) }
        var widths = header.map(\.count)
        for row in cells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                let pad = String(repeating: " ", count: widths[column] - value.count)
                return table.columns[column].alignment == .right ? pad + value : value + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = table.title + "\n\n"
        out += line(header) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        if table.rows.isEmpty { out += "(no rows)\n" }
        out += "\n"
        for note in table.notes { out += "· " + note + "\n" }
        out += "· definitions: \(definitions)\n"
        return out
    }
}
