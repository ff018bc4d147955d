import SteamLensEngine
import TerminalUI

/// The left column: one frame holding the panes stacked, the focused one
/// expanded to a list, the others collapsed to a title rule that still
/// names their cursor row.
///
/// ```
/// ┌ Developers 10,992 · games ▼ ┐
/// │▶ Ubisoft - San Fr…  1,259 ██│
/// │  SmiteWorks USA, …    813 █▋│
/// ├ Users · 7656119802431… ─────┤
/// ├ Genres · Indie ─────────────┤
/// └─────────────────────────────┘
/// ```
struct PaneColumn: Widget {
    var state: AppState
    var listRows: Int

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        let theme = state.theme, glyphs = state.glyphs
        let panes = state.visiblePanes
        let focusedIndex = panes.firstIndex(of: state.focus) ?? 0
        // The outer frame, then a title row per pane on top of it.
        buffer.render(Panel(title: nil, isFocused: false, theme: theme, glyphs: glyphs), area: area)
        var y = area.y
        for (index, pane) in panes.enumerated() {
            let isFocused = index == focusedIndex
            let row = Rect(x: area.x, y: y, width: area.width, height: 1)
            let title = self.title(pane, isFocused: isFocused)
            if index == 0 {
                let panel = Panel(title: title, isFocused: isFocused, theme: theme, glyphs: glyphs)
                // Draw only the top border row of a panel the height of the frame.
                var top = Buffer(size: Size(width: area.width, height: 2))
                top.render(panel)
                for x in 0..<area.width { buffer[area.x + x, y] = top[x, 0] }
            } else {
                buffer.render(TitledRule(title: title, isFocused: isFocused, theme: theme, glyphs: glyphs), area: row)
            }
            y += 1
            if isFocused {
                let listArea = Rect(x: area.x + 1, y: y, width: area.width - 2, height: min(listRows, area.bottom - 1 - y))
                buffer.render(list(pane), area: listArea)
                y += listArea.height
            }
        }
    }

    private func title(_ pane: PaneID, isFocused: Bool) -> String {
        let paneState = state.panes[pane] ?? PaneState()
        let number = "\(pane.rawValue + 1) "
        var name = pane.title
        if pane == .games, let scope = state.gamesDrill { name = "Games of " + scopeName(scope) }
        if isFocused {
            let searching = state.search.map { $0.pane == pane && $0.reviewsOf == nil && !$0.query.isEmpty ? " /\($0.query)" : "" } ?? ""
            return number + name + " \(NumberFormat.grouped(paneState.rows.count)) · " + sortLabel(paneState, glyphs: state.glyphs) + searching
        }
        return number + name + (paneState.selected.map { " · " + $0.name } ?? "")
    }

    private func scopeName(_ scope: Selection) -> String {
        let rows = { (pane: PaneID) in state.panes[pane]?.rows ?? [] }
        switch scope {
        case .developer(let id): return rows(.developers).first { $0.id == Int(id) }?.name ?? "developer"
        case .user(let id): return rows(.users).first { $0.id == Int(id) }?.name ?? "user"
        case .genre(let id): return rows(.genres).first { $0.id == Int(id) }?.name ?? "genre"
        case .year(let year): return year.map(String.init) ?? "unknown year"
        case .game, .none: return "selection"
        }
    }

    private func list(_ pane: PaneID) -> ListView {
        let paneState = state.panes[pane] ?? PaneState()
        let start = windowStart(paneState)
        return ListView(rows: rowsWindow(paneState),
                        selectedIndex: paneState.rows.isEmpty ? nil : paneState.cursor - start,
                        offset: paneState.offset - start,
                        isFocused: true, gaugeWidth: 4,
                        emptyText: "nothing here", theme: state.theme, glyphs: state.glyphs)
    }

    /// Only the rows around the screen are turned into widget rows: a pane
    /// of 40,000 users would otherwise cost more than a frame's budget.
    private func windowStart(_ paneState: PaneState) -> Int {
        max(0, min(paneState.offset, paneState.cursor) - listRows)
    }

    private func rowsWindow(_ paneState: PaneState) -> [ListView.Row] {
        // Bars are relative to the largest count on screen, so they stay
        // readable deep into a long tail of small developers.
        // The number column shows what the pane is sorted by (a user's
        // games sorted by hours show hours), counts otherwise.
        let bySecondary = paneState.sort == .secondary
        let value: (PaneRow) -> Double = { bySecondary ? $0.secondary : Double($0.count) }
        let visible = paneState.rows.dropFirst(paneState.offset).prefix(listRows)
        let largest = max(1e-9, visible.map(value).max() ?? 1)
        let start = windowStart(paneState)
        let end = min(paneState.rows.count, max(paneState.offset, paneState.cursor) + 2 * listRows)
        return paneState.rows[start..<end].map { row in
            let number = bySecondary ? Formatting.grouped(row.secondary) : NumberFormat.grouped(row.count)
            return ListView.Row(row.name, count: number, gauge: .bar(value(row) / largest))
        }
    }
}
