import SteamLensEngine
import TerminalUI

/// Numbers as the tables show them, e.g. `decimal(12.345, digits: 1)` is
/// "12.3" (the engine's own formatter is internal to it).
enum Formatting {
    static func decimal(_ value: Double, digits: Int) -> String {
        ResultTable.Cell.number(value, digits: digits).description
    }

    /// Thousands grouped, one decimal only when the value has a fraction: "1,234", "12.5".
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        // Past Int's range there are no tenths to show: print as the tables do ("9.3e18").
        guard abs(value) < 9e18 else { return decimal(value, digits: 0) }
        let whole = NumberFormat.grouped(Int(value.rounded(.towardZero)))
        let tenth = Int((abs(value) * 10).rounded()) % 10
        return value == value.rounded() || tenth == 0 ? NumberFormat.grouped(Int(value.rounded())) : whole + ".\(tenth)"
    }
}
