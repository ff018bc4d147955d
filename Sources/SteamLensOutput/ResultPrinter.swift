import Foundation
import SteamLensEngine
import TerminalUI

/// How `steamlens query` and the HTTP API print an answer.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// Prints a `QueryResult` as an aligned text table, CSV or JSON.
public enum ResultPrinter {
    /// `toTerminal` says whether the text goes to a terminal: tables are
    /// always sanitized (they are only for people), CSV only then, JSON
    /// never (the encoder escapes control characters itself).
    public static func render(_ result: any QueryResult, format: OutputFormat,
                       toTerminal: Bool = HumanOutput.standardOutputIsTerminal) throws -> String {
        try render(table: result.table, json: result.jsonValue, definitions: result.definitions, format: format, toTerminal: toTerminal)
    }

    /// The same for an answer of any data set: its table, its JSON value and
    /// the definitions it was computed under (printed under the table).
    public static func render(table: ResultTable, json value: any Encodable, definitions: some CustomStringConvertible,
                              format: OutputFormat, toTerminal: Bool = HumanOutput.standardOutputIsTerminal) throws -> String {
        switch format {
        case .table: return text(table, definitionsLine: definitions.description)
        case .csv: return toTerminal ? table.csv(transform: HumanOutput.sanitizedLine) : table.csv()
        case .json: return try json(value)
        }
    }

    /// Pretty, key-sorted JSON. NaN and the infinities, which JSON has no
    /// numbers for, are written as the strings "NaN", "inf" and "-inf" (as the
    /// table shows them) instead of failing the whole answer.
    public static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Columns padded to their widest cell (in terminal columns, so wide
    /// characters line up); numbers right-aligned. Every piece of text is
    /// sanitized: a table is only ever read by a person.
    public static func text(_ table: ResultTable, definitions: Definitions) -> String {
        text(table, definitionsLine: definitions.description)
    }

    /// The same with the definitions of any data set, as one line.
    public static func text(_ table: ResultTable, definitionsLine definitions: String) -> String {
        let header = table.columns.map { HumanOutput.sanitizedLine($0.name) }
        let cells = table.rows.map { $0.map { HumanOutput.sanitizedLine($0.description) } }
        var widths = header.map(\.displayWidth)
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.displayWidth)
            }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                guard column < widths.count else { return value }
                let pad = String(repeating: " ", count: max(0, widths[column] - value.displayWidth))
                return table.columns[column].alignment == .right ? pad + value : value + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = HumanOutput.sanitizedLine(table.title) + "\n\n"
        out += line(header) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        if table.rows.isEmpty { out += "(no rows)\n" }
        out += "\n"
        for note in table.notes { out += "· " + HumanOutput.sanitizedLine(note) + "\n" }
        out += "· definitions: \(definitions)\n"
        return out
    }
}
