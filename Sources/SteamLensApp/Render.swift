import SteamLensEngine
import TerminalUI

/// Draws the whole screen for `state`. Pure: the same state and size give
/// the same buffer; the terminal backend sends only what changed.
///
/// ```swift
/// terminal.draw(render(state, size: terminal.size))
/// ```
public func render(_ state: AppState, size: Size) -> Buffer {
    var screen = renderFrame(state, size: size)
    // Strings from the code and the data hold · – … and accents too: without
    // Unicode glyphs every cell gets an ASCII form, not only borders and bars.
    if !state.glyphs.isUnicode { screen.fallBackToASCII() }
    return screen
}

private func renderFrame(_ state: AppState, size: Size) -> Buffer {
    var screen = Screen(size: size)
    if size.isTooSmall {
        screen.render(TooSmallNotice(size: size, theme: state.theme))
        return screen
    }
    let layout = ScreenLayout(size: size, leftWidth: ScreenLayout.wantedLeftWidth(state))
    screen.render(HeaderLine(state: state), area: layout.header)
    let paneCount = state.visiblePanes.count
    screen.render(PaneColumn(state: state, listRows: layout.listRows(paneCount: paneCount), peekRows: layout.peekRows(paneCount: paneCount)),
                  area: layout.left)
    renderRightSide(state, into: &screen, area: layout.right)
    renderFooter(state, into: &screen, area: layout.footer)
    switch state.overlay {
    case .help(let offset)?:
        screen.render(helpOverlay(state, offset: offset), area: helpArea(size))
    case .definitions(let offset)?:
        screen.render(DefinitionsPanel(state: state, offset: offset), area: screen.area.inset(horizontal: 2, vertical: 1))
    case .export(let cursor, let format)?:
        screen.render(ExportMenu(labels: ExportTargets.list(state).map(\.label), cursor: cursor, format: format,
                                 folder: state.exportFolder, theme: state.theme, glyphs: state.glyphs),
                      area: screen.area.inset(horizontal: 2, vertical: 2))
    case .palette(let query, let cursor)?:
        let entries = paletteMatches(query, keymap: state.keymap).map { CommandPalette.Entry(key: $0.displayName, description: $0.description) }
        screen.render(CommandPalette(query: query, entries: entries, cursor: cursor, theme: state.theme, glyphs: state.glyphs),
                      area: screen.area.inset(horizontal: 2, vertical: 2))
    case nil:
        break
    }
    return screen
}

private func renderRightSide(_ state: AppState, into screen: inout Buffer, area: Rect) {
    if let frequency = state.frequency {
        let position = (frequency.attributes.firstIndex(of: frequency.attribute) ?? 0) + 1
        screen.render(FrequencyView(table: frequency.table, position: position, count: frequency.attributes.count, cursor: frequency.cursor, offset: frequency.offset,
                                    theme: state.theme, glyphs: state.glyphs), area: area)
    } else if let mode = state.histogram, let chart = state.chart {
        let panel = Panel(title: rightTitle(state), isFocused: false, theme: state.theme, glyphs: state.glyphs)
        screen.render(panel, area: area)
        screen.render(DistributionChart(distribution: chart, logBars: mode.logScale, theme: state.theme, glyphs: state.glyphs),
                      area: panel.inner(area).inset(horizontal: 1, vertical: 0))
    } else {
        screen.render(DetailView(detail: state.detail, isFocused: state.reviewsDrill != nil,
                                 theme: state.theme, glyphs: state.glyphs), area: area)
    }
}

private func rightTitle(_ state: AppState) -> String {
    if let mode = state.histogram {
        return "Histogram \(mode.position + 1)/\(state.layout.histogramCount)" + (mode.logScale ? " · log" : "") + (mode.allData ? " · all data" : " · selection")
            + " · h next · l log · a scope"
    }
    if state.reviewsDrill != nil { return "Reviews" }
    guard case .entity(let pane, _) = state.selection else { return "Details" }
    return pane.rowTitle
}

private func renderFooter(_ state: AppState, into screen: inout Buffer, area: Rect) {
    if let prompt = state.filterPrompt {
        screen.fill(area)
        let written = screen.write("|" + prompt.text, x: area.x + 1, y: area.y, style: state.theme.key, maxWidth: area.width - 2)
        screen.write(state.glyphs.hasPartialBlocks ? "▏" : "_", x: area.x + 1 + written, y: area.y, style: state.theme.text)
        let hint = prompt.error ?? (prompt.reviews
            ? "filter reviews: sentiment 0 · recommend 1 · year 2015 · length > 200 · a word · Enter · Esc"
            : "filter \(prompt.pane.title): \(state.layout.filterExample) · Enter · Esc")
        let room = area.width - written - 4
        if room > 10 {
            let text = hint.truncated(toWidth: room, ellipsis: state.glyphs.ellipsis)
            screen.write(text, x: area.right - 1 - text.displayWidth, y: area.y, style: prompt.error == nil ? state.theme.muted : state.theme.key)
        }
        return
    }
    if let search = state.search, search.isEditing {
        screen.fill(area)
        let prompt = "/" + search.query
        let written = screen.write(prompt, x: area.x + 1, y: area.y, style: state.theme.key, maxWidth: area.width - 2)
        screen.write(state.glyphs.hasPartialBlocks ? "▏" : "_", x: area.x + 1 + written, y: area.y, style: state.theme.text)
        let found = search.query.isEmpty ? "" : search.matches == 0 ? "no match · " : Formatting.counted(search.matches, "match", "matches") + " · "
        let hint = found + "search \(search.targetName) · Enter/Esc keep · BSpace"
        if area.width - written - 4 > hint.displayWidth {
            screen.write(hint, x: area.right - 1 - hint.displayWidth, y: area.y, style: state.theme.muted)
        }
        return
    }
    screen.render(StatusBar(keymap: state.keymap, trailing: state.status, theme: state.theme, glyphs: state.glyphs),
                  area: area)
}
