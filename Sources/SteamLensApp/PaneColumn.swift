import SteamLensEngine
import TerminalUI

/// The left column: one frame holding the panes stacked, the focused one
/// expanded to a ``PaneTable``, the others collapsed to a title rule that
/// still names their cursor row (in a tall window, with a few rows around
/// it). The bottom border says where the cursor is ("row 12 of 312") and
/// the right border carries a scrollbar.
///
/// ```
/// ┌ 1 Developers |games>2 (2 of 3) ┐
/// │  name          games▼ reviews  │
/// │▶ Valve              3       5 █│
/// ├ 2 Users · alice ───────────────┤
/// └──────────────────── row 1 of 2 ┘
/// ```
struct PaneColumn: Widget {
    /// One pane's line: its title, and whether it is the expanded one.
    struct Title: Equatable {
        var text: String
        var isFocused: Bool
    }

    var titles: [Title]
    var table: PaneTable
    /// Per title, the unfocused pane's rows drawn under it (`peekRows` tall), if any.
    var peeks: [PaneTable?] = []
    var peekRows = 0
    /// Rows in the focused list (after its filter).
    var rowCount: Int
    var theme: Theme
    var glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        buffer.render(Panel(title: nil, isFocused: false, theme: theme, glyphs: glyphs), area: area)
        // Every pane but the focused one is a title row (and its peek); the focused one gets the rest.
        let listHeight = max(0, area.height - titles.count - 1 - max(0, titles.count - 1) * peekRows)
        var y = area.y
        for (index, title) in titles.enumerated() {
            if index == 0 {
                // The frame's top border carries the first title.
                var top = Buffer(size: Size(width: area.width, height: 2))
                top.render(Panel(title: title.text, isFocused: title.isFocused, theme: theme, glyphs: glyphs))
                for x in 0..<area.width { buffer[area.x + x, y] = top[x, 0] }
            } else {
                buffer.render(TitledRule(title: title.text, isFocused: title.isFocused, theme: theme, glyphs: glyphs),
                              area: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
            y += 1
            if !title.isFocused, peekRows > 0, let peek = peeks[index] {
                buffer.render(peek, area: Rect(x: area.x + 1, y: y, width: area.width - 2, height: peekRows))
                y += peekRows
            }
            guard title.isFocused, listHeight > 0 else { continue }
            let listArea = Rect(x: area.x + 1, y: y, width: area.width - 2, height: listHeight)
            buffer.render(table, area: listArea)
            buffer.render(Scrollbar(count: rowCount, visible: listHeight - 1, offset: table.offset, theme: theme, glyphs: glyphs),
                          area: Rect(x: area.right - 1, y: y + 1, width: 1, height: listHeight - 1))
            y += listHeight
        }
        if rowCount > 0 {
            let position = " row \(NumberFormat.grouped(table.cursor + 1)) of \(NumberFormat.grouped(rowCount)) "
            if position.displayWidth + 2 <= area.width {
                buffer.write(position, x: area.right - 1 - position.displayWidth, y: area.bottom - 1, style: theme.muted)
            }
        }
    }
}

extension PaneColumn {
    /// The left column of `state`: titles for every pane, the focused one's table.
    init(state: AppState, listRows: Int, peekRows: Int = 0) {
        let paneState = state.pane
        titles = state.visiblePanes.map { pane in
            Title(text: Self.title(pane, in: state), isFocused: pane == state.focus)
        }
        self.peekRows = peekRows
        peeks = state.visiblePanes.map { pane in
            guard peekRows > 0, pane != state.focus, let other = state.panes[pane] else { return nil }
            let offset = Self.peekOffset(cursor: other.cursor, count: other.rows.count, peekRows: peekRows)
            return PaneTable(columns: other.columns, rows: other.rows[offset..<min(other.rows.count, offset + peekRows)],
                             cursor: other.cursor, offset: offset, sort: other.sort, columnMax: other.columnMax,
                             nameWidth: other.nameWidth, isFocused: false, theme: state.theme, glyphs: state.glyphs,
                             showsHeader: false)
        }
        // Only the rows around the screen are handed over: a pane of 40,000
        // users would otherwise cost more than a frame's budget.
        let start = max(0, min(paneState.offset, paneState.cursor) - listRows)
        let end = min(paneState.rows.count, max(paneState.offset, paneState.cursor) + 2 * listRows)
        table = PaneTable(columns: paneState.columns, rows: paneState.rows[start..<max(start, end)],
                          cursor: paneState.cursor, offset: paneState.offset, sort: paneState.sort,
                          columnMax: paneState.columnMax, nameWidth: paneState.nameWidth, isFocused: state.overlay == nil && state.frequency == nil,
                          theme: state.theme, glyphs: state.glyphs)
        rowCount = paneState.rows.count
        theme = state.theme
        glyphs = state.glyphs
    }

    /// The first row of an unfocused pane's peek: the row before its cursor,
    /// so the cursor row is second where it can be (a click maps back through it).
    static func peekOffset(cursor: Int, count: Int, peekRows: Int) -> Int {
        max(0, min(cursor - 1, count - peekRows))
    }

    /// "1 Developers 10,992", "5 Games of Valve (3 of 12) |price<10 /half",
    /// or, collapsed, "2 Users · alice".
    static func title(_ pane: PaneID, in state: AppState) -> String {
        let paneState = state.panes[pane] ?? PaneState()
        var name = "\(pane.rawValue + 1) " + pane.title
        if pane == state.layout.drillPane, let scope = state.drillScope { name += " of " + scopeName(scope, in: state) }
        if let filter = paneState.filter {
            // The count first: a long filter is cut, the count never.
            name += " (\(NumberFormat.grouped(paneState.rows.count)) of \(NumberFormat.grouped(paneState.allRows.count))) |\(filter.text)"
        } else if pane == state.focus {
            name += " " + NumberFormat.grouped(paneState.rows.count)
        }
        guard pane == state.focus else { return name + (paneState.selected.map { " · " + $0.name } ?? "") }
        if let search = state.search, search.pane == pane, search.reviewsOf == nil, !search.query.isEmpty {
            name += " /" + search.query
        }
        return name
    }

    static func scopeName(_ scope: Selection, in state: AppState) -> String {
        let rows = { (pane: PaneID) in state.panes[pane]?.allRows ?? [] }
        switch scope {
        case .entity(let pane, let id): return rows(pane).first { $0.id == id }?.name ?? pane.title
        case .none: return "selection"
        }
    }
}
