import SteamLensEngine
import TerminalUI

/// Numbers as the explorer shows them: one format everywhere, thousands
/// grouped and a fixed number of decimals per column.
enum Formatting {
    /// As the engine's tables print: `decimal(12.345, digits: 1)` is "12.3".
    static func decimal(_ value: Double, digits: Int) -> String {
        ResultTable.Cell.number(value, digits: digits).description
    }

    /// Thousands grouped with exactly `digits` decimals: "1,208,093.2".
    static func grouped(_ value: Double, digits: Int) -> String {
        NumberFormat.grouped(value, digits: digits)
    }

    /// "1 review", "2 reviews": `count` grouped and the noun in the right number.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        NumberFormat.grouped(count) + " " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
