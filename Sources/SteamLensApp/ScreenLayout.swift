import TerminalUI

/// Where everything goes on a screen of a given size; shared by `render`
/// (to draw) and `reduce` (to know how many rows a page is).
struct ScreenLayout {
    var header: Rect
    var footer: Rect
    /// The left column frame, borders included.
    var left: Rect
    var right: Rect

    init(size: Size) {
        let rows = Rect(size: size).split(.vertical, [.fixed(1), .fill, .fixed(1)])
        header = rows[0]
        footer = rows[2]
        let leftWidth = size.width >= 110 ? 40 : max(26, size.width * 3 / 8)
        (left, right) = rows[1].split(.horizontal, [.fixed(leftWidth), .fill]).pair
    }

    /// Rows of the focused pane's list when `paneCount` panes share the column:
    /// one title row each, plus the bottom border.
    func listRows(paneCount: Int) -> Int {
        max(1, left.height - paneCount - 1)
    }
}
