import SteamLensEngine
import TerminalUI

// The keys of the prompts and boxes that take the keyboard while open:
// the filter prompt, help, export, the command palette and the frequency table.

// MARK: - Filter

func handleFilterKey(_ state: inout AppState, _ key: Key, engine: any ExplorerCatalogue) -> [Effect] {
    guard var prompt = state.filterPrompt else { return [] }
    switch key {
    case .escape:
        state.filterPrompt = nil   // the filter in force stays; Esc again clears it
        return []
    case .enter:
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        if prompt.reviews, let reviews = state.reviewsDrill, let steam = engine.steamEngine {
            do {
                state.reviewList.filter = text.isEmpty ? nil
                    : try PaneFilter.parse(text, numberFields: ReviewList.numberFields, labelFields: [])
            } catch {
                prompt.error = "\(error)"
                state.filterPrompt = prompt
                return []
            }
            state.filterPrompt = nil
            reloadReviews(&state, item: reviews.item, engine: steam)
            state.status = "\(NumberFormat.grouped(state.reviewList.reviews.count)) of \(Formatting.counted(state.reviewList.total, "review"))"
                + (state.reviewList.filter == nil ? "" : " · Esc clears the filter")
            return []
        }
        var pane = state.panes[prompt.pane] ?? PaneState()
        if text.isEmpty {
            state.filterPrompt = nil
            guard let filter = pane.filter else { return [] }
            return clearFilter(&state, filter, engine: engine)
        }
        do {
            pane.filter = try PaneFilter.parse(text, numberFields: pane.columns.map(\.name), labelFields: pane.labelFields)
        } catch {
            prompt.error = "\(error)"
            state.filterPrompt = prompt
            return []
        }
        state.filterPrompt = nil
        return applyFilter(&state, pane, to: prompt.pane, engine: engine)
    case .backspace:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .char(let character):
        prompt.text.append(character)
    default:
        return []
    }
    prompt.error = nil
    state.filterPrompt = prompt
    return []
}

/// Puts `pane` (with its new filter) in place and moves the cursor to the
/// row it was on, or the first row the filter keeps.
func applyFilter(_ state: inout AppState, _ pane: PaneState, to id: PaneID, engine: any ExplorerCatalogue) -> [Effect] {
    var pane = pane
    let previous = pane.selected?.id
    PaneRows.applyFilter(&pane, pane: id, engine: engine)
    pane.cursor = previous.flatMap { id in pane.rows.firstIndex { $0.id == id } } ?? 0
    pane.offset = 0
    state.panes[id] = pane
    clampOffsets(&state)
    let total = pane.allRows.count, kept = pane.rows.count
    state.status = kept == 0
        ? "no row of \(NumberFormat.grouped(total)) matches \(pane.filter?.text ?? "") · Esc clears"
        : "\(NumberFormat.grouped(kept)) of \(NumberFormat.grouped(total)) rows · Esc clears the filter"
    return id == state.focus ? selectionChanged(&state, engine: engine) : []
}

func clearFilter(_ state: inout AppState, _ filter: PaneFilter, engine: any ExplorerCatalogue) -> [Effect] {
    var pane = state.pane
    pane.filter = nil
    let effects = applyFilter(&state, pane, to: state.focus, engine: engine)
    state.status = "filter \(filter.text) cleared"
    return effects
}

// MARK: - Help

/// The help box as drawn over a screen of `size`.
func helpOverlay(_ state: AppState, offset: Int) -> HelpOverlay {
    HelpOverlay(keymap: state.keymap, title: "Help · j/k PgUp/PgDn scroll · q Esc ? close", offset: offset,
                theme: state.theme, glyphs: state.glyphs)
}

func helpArea(_ size: Size) -> Rect { Rect(size: size).inset(horizontal: 1, vertical: 1) }

func handleHelpKey(_ state: inout AppState, _ key: Key, offset: Int) {
    let maxOffset = helpOverlay(state, offset: 0).maxOffset(in: helpArea(state.size))
    let page = max(1, helpArea(state.size).height - 3)
    switch key {
    case .down, .char("j"): state.overlay = .help(offset: min(maxOffset, offset + 1))
    case .up, .char("k"): state.overlay = .help(offset: max(0, offset - 1))
    case .pageDown, .char(" "), .ctrl("d"): state.overlay = .help(offset: min(maxOffset, offset + page))
    case .pageUp, .ctrl("u"): state.overlay = .help(offset: max(0, offset - page))
    case .home, .char("g"): state.overlay = .help(offset: 0)
    case .end, .char("G"): state.overlay = .help(offset: maxOffset)
    case .char("q"), .escape, .char("?"), .enter: state.overlay = nil
    default: break   // help stays open: a stray key must not close it (or quit)
    }
}

// MARK: - Export

func handleExportKey(_ state: inout AppState, _ key: Key, cursor: Int, format: ExportFormat) -> [Effect] {
    let targets = ExportTargets.list(state)
    let formats = ExportFormat.allCases
    let formatIndex = formats.firstIndex(of: format) ?? 0
    switch key {
    case .down, .char("j"): state.overlay = .export(cursor: min(cursor + 1, targets.count - 1), format: format)
    case .up, .char("k"): state.overlay = .export(cursor: max(0, cursor - 1), format: format)
    case .tab, .right, .char("l"): state.overlay = .export(cursor: cursor, format: formats[(formatIndex + 1) % formats.count])
    case .backTab, .left, .char("h"):
        state.overlay = .export(cursor: cursor, format: formats[(formatIndex + formats.count - 1) % formats.count])
    case .char("c"): return writeExport(&state, targets, cursor, .csv)
    case .char("t"): return writeExport(&state, targets, cursor, .tsv)
    case .char("J"): return writeExport(&state, targets, cursor, .json)
    case .enter: return writeExport(&state, targets, cursor, format)
    case .escape, .char("q"), .char("e"): state.overlay = nil
    default: break
    }
    return []
}

private func writeExport(_ state: inout AppState, _ targets: [ExportTarget], _ cursor: Int, _ format: ExportFormat) -> [Effect] {
    state.overlay = nil
    guard targets.indices.contains(cursor) else { return [] }
    let target = targets[cursor]
    state.status = "exporting \(target.label) …"
    return [.export(folder: state.exportFolder, stem: "steamlens-" + target.fileStem, ext: format.rawValue,
                    contents: format.encode(target.table))]
}

// MARK: - Command palette

/// The commands the palette offers for `query`: every binding whose
/// description or key matches, best first (the words as typed, then
/// letters in order), each with its key.
func paletteMatches(_ query: String, keymap: Keymap<Command> = AppKeymap.keymap) -> [KeyBinding<Command>] {
    let bindings = keymap.bindings.filter { $0.command != .palette }
    let words = NameKey.normalize(query).split(separator: " ").map(String.init)
    guard !words.isEmpty else { return bindings }
    let ranked = bindings.enumerated().compactMap { index, binding -> (Int, Int, KeyBinding<Command>)? in
        let text = NameKey.normalize(binding.description + " " + binding.displayName)
        if words.allSatisfy({ text.contains($0) }) {
            return (text.hasPrefix(words[0]) ? 0 : 1, index, binding)
        }
        guard let rank = FuzzySearch.rank(words.joined(), text.replacingOccurrences(of: " ", with: "")) else { return nil }
        return (rank + 2, index, binding)
    }
    return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
}

func handlePaletteKey(_ state: inout AppState, _ key: Key, query: String, cursor: Int, engine: any ExplorerCatalogue) -> [Effect] {
    let matches = paletteMatches(query, keymap: state.keymap)
    switch key {
    case .escape: state.overlay = nil
    case .down, .ctrl("n"), .tab: state.overlay = .palette(query: query, cursor: min(cursor + 1, max(0, matches.count - 1)))
    case .up, .ctrl("p"), .backTab: state.overlay = .palette(query: query, cursor: max(0, cursor - 1))
    case .enter:
        state.overlay = nil
        guard matches.indices.contains(cursor) else {
            state.status = "no command matches \"\(query)\""
            return []
        }
        return perform(&state, matches[cursor].command, engine: engine)
    case .backspace:
        if query.isEmpty { state.overlay = nil } else { state.overlay = .palette(query: String(query.dropLast()), cursor: 0) }
    case .char(let character):
        state.overlay = .palette(query: query + String(character), cursor: 0)
    default: break
    }
    return []
}

// MARK: - Frequency table

func openFrequency(_ state: inout AppState, engine: any ExplorerCatalogue) -> [Effect] {
    let attributes = engine.frequencyAttributes
    guard !attributes.isEmpty else { return [] }
    let attribute: String
    if let current = state.frequency {
        attribute = attributes[((attributes.firstIndex(of: current.attribute) ?? -1) + 1) % attributes.count]
    } else {
        attribute = attributes[0]
    }
    state.histogram = nil
    state.distribution = nil
    state.chart = nil
    let scope = state.frequency?.scope ?? FrequencyScope(source: state.focus)
    guard let table = engine.frequencyTable(attribute, of: scope, state: state) else { return [] }
    state.frequency = FrequencyState(attribute: attribute, attributes: attributes, scope: scope, table: table)
    return []
}

/// Steam's table of `attribute` over the games behind `scope`.
func steamFrequencyTable(_ attribute: FrequencyAttribute, of scope: FrequencyScope, state: AppState, engine: Engine) -> FrequencyTable {
    let name = scope.name(unit: "games", drillPane: .games, state: state)
    guard let source = scope.source else {
        let items = (0..<Int32(engine.catalog.gameCount)).map { $0 }
        return Frequencies.table(attribute, items: items, scopeName: name, engine: engine)
    }
    let pane = state.panes[source] ?? PaneState()
    return Frequencies.table(attribute, items: Frequencies.items(behind: source, rows: scope.rows(of: pane), engine: engine),
                             scopeName: name, engine: engine)
}

/// Keys while the frequency table is open: it takes moving, Enter and `a`;
/// nil lets every other key act as usual.
func handleFrequencyKey(_ state: inout AppState, _ key: Key, engine catalogue: any ExplorerCatalogue, times: Int = 1) -> [Effect]? {
    guard var frequency = state.frequency, let command = state.keymap.command(for: key) else { return nil }
    let count = frequency.table.rows.count
    let page = FrequencyView.visibleRows(height: ScreenLayout(size: state.size).right.height, hasNote: frequency.table.note != nil)
    switch command {
    case .up: frequency.cursor -= times
    case .down: frequency.cursor += times
    case .pageUp: frequency.cursor -= page
    case .pageDown: frequency.cursor += page
    case .halfPageUp: frequency.cursor -= page / 2
    case .halfPageDown: frequency.cursor += page / 2
    case .top: frequency.cursor = 0
    case .bottom: frequency.cursor = count - 1
    case .histogramScope:
        frequency.scope = frequency.scope.next(focus: state.focus)
        guard let table = catalogue.frequencyTable(frequency.attribute, of: frequency.scope, state: state) else { return [] }
        frequency.table = table
        frequency.cursor = 0
        frequency.offset = 0
    case .open:
        return filterToFrequencyRow(&state, frequency, engine: catalogue)
    default:
        return nil
    }
    frequency.cursor = min(max(0, frequency.cursor), max(0, count - 1))
    frequency.offset = Scrolling.offset(keeping: frequency.cursor, visible: page, offset: frequency.offset, count: count)
    state.frequency = frequency
    state.status = nil
    return []
}

/// Enter on a frequency row: the drill pane (Games, Titles) keeps only the
/// rows with that value (within its filter when the table counted that pane).
private func filterToFrequencyRow(_ state: inout AppState, _ frequency: FrequencyState, engine: any ExplorerCatalogue) -> [Effect] {
    guard frequency.table.rows.indices.contains(frequency.cursor) else { return [] }
    let row = frequency.table.rows[frequency.cursor], drillPane = state.layout.drillPane
    guard let rowFilter = row.filter else {
        state.status = "\(row.label): no filter of \(drillPane.title) selects this row"
        return []
    }
    var pane = state.panes[drillPane] ?? PaneState()
    let text = frequency.scope.source == drillPane ? [pane.filter?.text, rowFilter].compactMap { $0 }.joined(separator: " ") : rowFilter
    do {
        pane.filter = try PaneFilter.parse(text, numberFields: pane.columns.map(\.name), labelFields: pane.labelFields)
    } catch {
        state.status = "cannot filter to \(row.label): \(error)"
        return []
    }
    state.frequency = nil
    state.search = nil
    if state.reviewsDrill != nil { state.drill.removeLast() }
    state.focus = drillPane
    return applyFilter(&state, pane, to: drillPane, engine: engine)
}
