import Foundation
import SteamLensEngine
import TerminalUI

/// The file formats `e` writes.
public enum ExportFormat: String, CaseIterable, Equatable, Sendable {
    case csv, tsv, json

    /// The table in this format: RFC 4180 CSV, TSV with tabs and line
    /// breaks in fields turned into spaces, or a JSON array of objects
    /// keyed by column name (numbers as numbers, unknown as null).
    public func encode(_ table: ResultTable) -> String {
        switch self {
        case .csv:
            return table.csv()
        case .tsv:
            func field(_ text: String) -> String {
                String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
            }
            return ([table.columns.map { field($0.name) }] + table.rows.map { $0.map { field($0.csvValue) } })
                .map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        case .json:
            let objects = table.rows.map { row in
                "  {" + zip(table.columns, row).map { column, cell in
                    Self.jsonString(column.name) + ": " + Self.jsonValue(cell)
                }.joined(separator: ", ") + "}"
            }
            return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        }
    }

    static func jsonValue(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .integer(let value): return String(value)
        case .number(let value, _): return value.isFinite ? cell.description : "null"
        case .missing: return "null"
        case .text(let text): return jsonString(text)
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// One thing `e` can write: what it is, in words and as a file name.
public struct ExportTarget: Equatable, Sendable {
    /// "Games |price<10 (3 of 12), sorted by owners ▼"
    public var label: String
    /// "games-price-10-by-owners-desc": what the file holds.
    public var fileStem: String
    public var table: ResultTable
}

enum ExportTargets {
    /// Everything the current view can export, the most specific first: an
    /// open frequency table or histogram, the reviews, the focused list as
    /// filtered and sorted, then every table on the right.
    static func list(_ state: AppState) -> [ExportTarget] {
        var targets: [ExportTarget] = []
        if let frequency = state.frequency {
            let table = frequency.table.resultTable
            targets.append(ExportTarget(label: "frequency: \(table.title)", fileStem: "frequency-" + slug(table.title), table: table))
        }
        if state.histogram != nil, let distribution = state.chart {
            targets.append(ExportTarget(label: "histogram bins: \(distribution.title)",
                                        fileStem: "histogram-" + slug(distribution.title), table: binsTable(distribution)))
        }
        let pane = state.pane
        let list = listTable(pane, title: PaneColumn.title(state.focus, in: state))
        let order = "by-" + slug(pane.sortColumnName) + (pane.sort.descending ? "-desc" : "-asc")
        let scope = state.focus == state.layout.drillPane
            ? state.drillScope.map { slug(state.focus.title) + "-of-" + slug(PaneColumn.scopeName($0, in: state)) } : nil
        let stem = [scope ?? slug(state.focus.title), pane.filter.map { slug($0.text) }, order].compactMap { $0 }.joined(separator: "-")
        targets.append(ExportTarget(label: "list: \(list.title) · \(Formatting.counted(pane.rows.count, "row"))", fileStem: stem, table: list))
        let about = state.pane.selected?.name ?? ""
        for table in detailTables(state.detail) {
            let stem = table.title.localizedCaseInsensitiveContains(about) ? slug(table.title) : slug(about + " " + table.title)
            targets.append(ExportTarget(label: table.title, fileStem: stem, table: table))
        }
        return targets
    }

    /// The focused pane's rows, filtered and sorted, every column.
    static func listTable(_ pane: PaneState, title: String) -> ResultTable {
        ResultTable(title: title,
                    columns: [.init("name")] + pane.columns.map { .init($0.name, .right) },
                    rows: pane.rows.map { row in
                        [.text(row.name)] + zip(pane.columns, row.values).map { column, value in
                            value.map { column.digits == 0 ? .integer(Int($0)) : .number($0, digits: column.digits) } ?? .missing
                        }
                    })
    }

    /// A histogram's bins alone (no total or left-out rows mixed in).
    static func binsTable(_ distribution: Histogram) -> ResultTable {
        ResultTable(title: distribution.title,
                    columns: [.init("bin"), .init("lower", .right), .init("upper", .right), .init(distribution.rowUnit, .right)],
                    rows: distribution.bins.map { [.text($0.label), .number($0.lower, digits: 2), .number($0.upper, digits: 2), .integer($0.count)] })
    }

    /// Every table of the right side, recommendations and reviews included.
    static func detailTables(_ detail: Detail) -> [ResultTable] {
        detail.sections.compactMap { section in
            switch section.body {
            case .table(let table): return table
            case .recommendations(let rows?):
                return ResultTable(title: section.title,
                                   columns: [.init("rank", .right), .init("item_id", .right), .init("title"), .init("score", .right)],
                                   rows: rows.map { [.integer($0.rank), .integer($0.itemId), .text($0.title), .number($0.score, digits: 3)] })
            case .reviews(let snippets, _):
                return ResultTable(title: section.title.components(separatedBy: " · ")[0],
                                   columns: [.init("review"), .init("text")],
                                   rows: snippets.map { [.text($0.heading), .text($0.text)] })
            default: return nil
            }
        }
    }
}

/// Picks a file name in `folder` that does not exist yet: `stem.ext`, then
/// `stem-2.ext`, `stem-3.ext` …, and creates it exclusively so two exports
/// never overwrite each other. Returns the absolute path written.
func writeNewFile(folder: String, stem: String, ext: String, contents: String) throws -> String {
    let base = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        .standardizedFileURL.path
    let data = Array(contents.utf8)
    for attempt in 1...10_000 {
        let path = base + "/" + stem + (attempt == 1 ? "" : "-\(attempt)") + "." + ext
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { continue }
            throw ExportError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var written = 0
        while written < data.count {
            let n = data[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if n <= 0 { throw ExportError(description: "\(path): \(String(cString: strerror(errno)))") }
            written += n
        }
        return path
    }
    throw ExportError(description: "\(base)/\(stem).\(ext): 10,000 files of that name already exist")
}

struct ExportError: Error, CustomStringConvertible {
    var description: String
}

/// A file-name-safe form of a title: "Valve · items" → "valve-items".
func slug(_ title: String) -> String {
    var out = ""
    for scalar in NameKey.normalize(title).unicodeScalars {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
            out.unicodeScalars.append(scalar)
        } else if !out.hasSuffix("-") && !out.isEmpty {
            out += "-"
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    var short = String(out.prefix(60))
    while short.hasSuffix("-") { short.removeLast() }
    return short.isEmpty ? "table" : short
}
