import SteamLensEngine
import TerminalUI

/// The right side's answer for a filtered pane: every number column summed
/// up over the rows the filter kept ("312 of 10,992 games: owners total …"),
/// so a filter answers "how much is there" without an export. One pass over
/// the rows (no median: that would sort on every cursor move).
enum FilteredSetSummary {
    /// The section for `pane` as it is listed, or nil when no filter is in force.
    static func section(_ pane: PaneState, paneTitle: String) -> DetailSection? {
        guard let filter = pane.filter else { return nil }
        let title = "\(paneTitle) kept by |\(filter.text) · \(NumberFormat.grouped(pane.rows.count)) of \(NumberFormat.grouped(pane.allRows.count))"
        guard !pane.rows.isEmpty else { return DetailSection(title, .message("the filter keeps no row")) }
        let rows = pane.columns.indices.map { column in
            summaryRow(pane.columns[column], values: pane.rows.lazy.compactMap { $0.values[column] })
        }
        let table = ResultTable(title: title,
                                columns: [.init("column"), .init("known", .right), .init("total", .right), .init("mean", .right),
                                          .init("min", .right), .init("max", .right)],
                                rows: rows)
        return DetailSection(title, .table(table))
    }

    /// Known count, total (not for years: a sum of years means nothing), mean, min and max of one column.
    private static func summaryRow<Values: Sequence<Double>>(_ column: PaneColumnSpec, values: Values) -> [ResultTable.Cell] {
        var known = 0, total = 0.0, low = Double.infinity, high = -Double.infinity
        for value in values {
            known += 1
            total += value
            low = min(low, value)
            high = max(high, value)
        }
        guard known > 0 else { return [.text(column.name), .integer(0), .missing, .missing, .missing, .missing] }
        // Years as their column writes them ("2015", not "2,015"), the rest as numbers.
        let number = { (value: Double, digits: Int) -> ResultTable.Cell in
            column.grouped ? .number(value, digits: digits) : .text(Formatting.decimal(value, digits: digits))
        }
        return [.text(column.name), .integer(known), column.grouped ? number(total, column.digits) : .text(""),
                number(total / Double(known), max(1, column.digits)), number(low, column.digits), number(high, column.digits)]
    }
}
