import SteamLensEngine
import TerminalUI

// Clicks and the wheel, mapped through the same layout `render` draws with:
// a click on a pane's title focuses it, on its header sorts by that column
// (again: the other way), on a row selects it; the wheel scrolls what is
// under the pointer by three rows.

func handleMouse(_ state: inout AppState, _ key: Key, engine: any ExplorerCatalogue) -> [Effect] {
    switch key {
    case .wheel(let up, let x, let y):
        let step = up ? -3 : 3
        if case .help(let offset)? = state.overlay {
            let maxOffset = helpOverlay(state, offset: 0).maxOffset(in: helpArea(state.size))
            state.overlay = .help(offset: min(maxOffset, max(0, offset + step)))
            return []
        }
        guard state.overlay == nil else { return [] }
        let layout = ScreenLayout(size: state.size, leftWidth: ScreenLayout.wantedLeftWidth(state))
        if layout.right.contains(Point(x: x, y: y)), state.frequency != nil {
            return handleFrequencyKey(&state, up ? .up : .down, engine: engine, times: 3) ?? []
        }
        return move(&state, by: step, engine: engine)
    case .mouse(let x, let y):
        guard state.overlay == nil, state.filterPrompt == nil, !(state.search?.isEditing ?? false) else { return [] }
        let layout = ScreenLayout(size: state.size, leftWidth: ScreenLayout.wantedLeftWidth(state))
        guard layout.left.contains(Point(x: x, y: y)) else { return [] }
        return click(&state, line: y - layout.left.y, x: x - layout.left.x - 1, layout: layout, engine: engine)
    default:
        return []
    }
}

/// A click `line` rows below the top of the left column, `x` cells into the pane.
private func click(_ state: inout AppState, line: Int, x: Int, layout: ScreenLayout, engine: any ExplorerCatalogue) -> [Effect] {
    let panes = state.visiblePanes
    let peekRows = layout.peekRows(paneCount: panes.count)
    let listHeight = layout.listRows(paneCount: panes.count) + 1
    var row = 0
    for pane in panes {
        if line == row {
            return focus(&state, pane, engine: engine)
        }
        row += 1
        guard pane == state.focus else {
            // A row of an unfocused pane's peek: focus the pane on that row.
            if peekRows > 0, line >= row, line < row + peekRows, let other = state.panes[pane] {
                let target = PaneColumn.peekOffset(cursor: other.cursor, count: other.rows.count, peekRows: peekRows) + line - row
                guard target < other.rows.count else { return focus(&state, pane, engine: engine) }
                let effects = focus(&state, pane, engine: engine)
                return effects + move(&state, to: target, engine: engine)
            }
            row += peekRows
            continue
        }
        if line == row {
            // The column header: sort by the column clicked, again to reverse.
            let table = PaneColumn(state: state, listRows: listHeight - 1).table
            guard let column = table.sortColumn(atX: x, width: layout.left.width - 2) else { return [] }
            var paneState = state.pane
            if paneState.sort.column == column {
                paneState.sort.descending.toggle()
            } else {
                paneState.sort = PaneSort(column: column, descending: column != 0)
            }
            PaneRows.resort(&paneState, pane: pane, engine: engine)
            state.pane = paneState
            clampOffsets(&state)
            state.status = "\(pane.title) sorted by \(sortLabel(state.pane, glyphs: state.glyphs))"
            return []
        }
        if line > row && line < row + listHeight {
            if state.reviewsDrill != nil { state.drill.removeLast() }
            return move(&state, to: state.pane.offset + line - row - 1, engine: engine)
        }
        row += listHeight
    }
    return []
}
