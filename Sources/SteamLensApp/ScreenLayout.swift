import TerminalUI

/// Where everything goes on a screen of a given size; shared by `render`
/// (to draw) and `reduce` (to know how many rows a page is).
struct ScreenLayout {
    var header: Rect
    var footer: Rect
    /// The left column frame, borders included.
    var left: Rect
    var right: Rect

    /// `leftWidth` is what the focused pane would like (its content and
    /// the zoom); the window decides how much of it it gets.
    init(size: Size, leftWidth wanted: Int? = nil) {
        let rows = Rect(size: size).split(.vertical, [.fixed(1), .fill, .fixed(1)])
        header = rows[0]
        footer = rows[2]
        let standard = size.width >= 110 ? 40 : max(26, size.width * 3 / 8)
        // The right side keeps at least 34 columns (a table and its numbers).
        let leftWidth = min(max(20, wanted ?? standard), max(20, size.width - 34))
        (left, right) = rows[1].split(.horizontal, [.fixed(leftWidth), .fill]).pair
    }

    /// The width the focused pane asks for: its names and columns, at
    /// least the standard width, at most half the window before zooming;
    /// each `+` adds 8 columns, each `-` takes 8.
    static func wantedLeftWidth(_ state: AppState) -> Int {
        let size = state.size
        let standard = size.width >= 110 ? 40 : max(26, size.width * 3 / 8)
        let pane = state.pane
        let columns = pane.columns.indices.reduce(0) { $0 + PaneTable.width(of: pane.columns[$1], max: pane.columnMax[$1]) + 1 }
        let content = 2 + 2 + pane.nameWidth + columns + PaneTable.barWidth + 1
        let natural = min(max(standard, content), max(standard, size.width / 2))
        return natural + 8 * state.leftZoom
    }

    /// Data rows of the focused pane's list when `paneCount` panes share the
    /// column: one title row each, the unfocused panes' peeks, its column
    /// header and the bottom border.
    func listRows(paneCount: Int) -> Int {
        max(1, left.height - paneCount - 2 - max(0, paneCount - 1) * peekRows(paneCount: paneCount))
    }

    /// Rows each unfocused pane shows under its title (its cursor row and
    /// neighbours): none until the focused list would still keep 30 rows,
    /// then up to 3, so a tall window is not a column of bare titles.
    func peekRows(paneCount: Int) -> Int {
        guard paneCount > 1 else { return 0 }
        let spare = left.height - paneCount - 2 - 30
        return min(3, max(0, spare / (paneCount - 1)))
    }
}
