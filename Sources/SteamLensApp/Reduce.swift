import SteamLensEngine
import TerminalUI

/// Applies one action to the state. Pure: no I/O, no clock, no threads;
/// engine queries are pure functions of the catalog. Work that would need
/// I/O or is slow comes back as effects for the runner to perform.
///
/// ```swift
/// var state = AppState(engine: engine, size: Size(width: 80, height: 24))
/// let effects = reduce(&state, .key(.char("j")), engine: engine)
/// ```
@discardableResult
public func reduce(_ state: inout AppState, _ action: Action, engine: any ExplorerCatalogue) -> [Effect] {
    switch action {
    case .key(let key):
        return handleKey(&state, key, engine: engine)
    case .resize(let size):
        state.size = size
        clampOffsets(&state)
        return []
    case .recommendationsReady(let generation, let rows):
        guard generation == state.generation else { return [] }   // a newer selection owns the right side
        for index in state.detail.sections.indices where state.detail.sections[index].body == .recommendations(nil) {
            state.detail.sections[index].body = .recommendations(rows)
        }
        return []
    case .sectionReady(let generation, let index, let section):
        guard generation == state.generation, state.detail.sections.indices.contains(index) else { return [] }
        state.detail.sections[index] = section
        return []
    case .exported(let path):
        state.status = "exported to \(path)"
        return []
    case .exportFailed(let message):
        state.status = "export failed: \(message)"
        return []
    }
}

private func handleKey(_ state: inout AppState, _ key: Key, engine: any ExplorerCatalogue) -> [Effect] {
    if key == .ctrl("c") {
        state.shouldQuit = true
        return []
    }
    if key == .resize { return [] }
    switch key {
    case .mouse, .wheel: return handleMouse(&state, key, engine: engine)
    default: break
    }
    if let search = state.search, search.isEditing {
        return handleSearchKey(&state, key, engine: engine)
    }
    if state.filterPrompt != nil {
        return handleFilterKey(&state, key, engine: engine)
    }
    switch state.overlay {
    case .help(let offset)?:
        handleHelpKey(&state, key, offset: offset)
        return []
    case .definitions(let offset)?:
        switch key {
        case .down, .char("j"): state.overlay = .definitions(offset: min(offset + 1, DefinitionsPanel.maxOffset(state)))
        case .up, .char("k"): state.overlay = .definitions(offset: max(0, offset - 1))
        case .escape, .char("d"), .enter, .char("q"): state.overlay = nil
        default:
            // The definition keys (Steam's r u t b, streaming's r w m) switch while the panel shows them; other keys do nothing.
            if let command = state.keymap.command(for: key),
               Command.definitionToggles.contains(command) {
                return perform(&state, command, engine: engine)
            }
        }
        return []
    case .export(let cursor, let format)?:
        return handleExportKey(&state, key, cursor: cursor, format: format)
    case .palette(let query, let cursor)?:
        return handlePaletteKey(&state, key, query: query, cursor: cursor, engine: engine)
    case nil:
        break
    }
    if state.frequency != nil, let effects = handleFrequencyKey(&state, key, engine: engine) {
        return effects
    }
    guard let command = state.keymap.command(for: key) else {
        state.status = "\(key.displayName()) does nothing here · ? for help · : for commands"
        return []
    }
    state.status = nil
    return perform(&state, command, engine: engine)
}

func perform(_ state: inout AppState, _ command: Command, engine: any ExplorerCatalogue) -> [Effect] {
    switch command {
    case .up: return move(&state, by: -1, engine: engine)
    case .down: return move(&state, by: 1, engine: engine)
    case .pageUp: return move(&state, by: -pageSize(state), engine: engine)
    case .pageDown: return move(&state, by: pageSize(state), engine: engine)
    case .halfPageUp: return move(&state, by: -max(1, pageSize(state) / 2), engine: engine)
    case .halfPageDown: return move(&state, by: max(1, pageSize(state) / 2), engine: engine)
    case .top: return move(&state, to: 0, engine: engine)
    case .bottom: return move(&state, to: Int.max, engine: engine)

    case .nextPane, .previousPane:
        let panes = state.visiblePanes
        let index = panes.firstIndex(of: state.focus) ?? 0
        let next = (index + (command == .nextPane ? 1 : panes.count - 1)) % panes.count
        return focus(&state, panes[next], engine: engine)
    case .focus(let pane):
        return focus(&state, pane, engine: engine)

    case .open: return open(&state, engine: engine)
    case .back: return back(&state, engine: engine)

    case .search:
        // In the reviews view the prompt searches the reviews' text, so what is
        // typed after `/` never runs as commands.
        if let reviews = state.reviewsDrill {
            state.search = SearchState(query: "", isEditing: true, pane: state.focus, startCursor: reviews.offset,
                                       reviewsOf: reviews.item)
        } else {
            state.search = SearchState(query: "", isEditing: true, pane: state.focus, startCursor: state.pane.cursor)
        }
        return []
    case .nextMatch, .previousMatch:
        if let reviews = state.reviewsDrill, let steam = engine.steamEngine {
            guard let search = state.search, !search.query.isEmpty, search.reviewsOf == reviews.item else {
                state.status = "no search yet: / to search the reviews"
                return []
            }
            guard let index = ReviewSearch.nextMatch(search.query, in: reviewTexts(state.reviewList, engine: steam),
                                                     after: reviews.offset, forward: command == .nextMatch) else {
                state.status = "no review contains \"\(search.query)\""
                return []
            }
            return move(&state, to: index, engine: engine)
        }
        guard let search = state.search, !search.query.isEmpty, search.pane == state.focus, search.reviewsOf == nil else {
            state.status = "no search yet: / to search"
            return []
        }
        guard let index = FuzzySearch.nextMatch(search.query, in: state.pane.rows, after: state.pane.cursor,
                                                forward: command == .nextMatch) else {
            state.status = "no match for \"\(search.query)\""
            return []
        }
        return move(&state, to: index, engine: engine)

    case .sortNext, .sortPrevious, .sortReverse:
        if let reviews = state.reviewsDrill, let steam = engine.steamEngine {
            let sorts = ReviewSort.allCases
            let index = sorts.firstIndex(of: state.reviewList.sort) ?? 0
            state.reviewList.sort = sorts[(index + (command == .sortPrevious ? sorts.count - 1 : 1)) % sorts.count]
            reloadReviews(&state, item: reviews.item, engine: steam)
            state.status = "reviews " + state.reviewList.sort.rawValue
            return []
        }
        var pane = state.pane
        let columns = pane.columns.count + 1
        switch command {
        case .sortReverse: pane.sort.descending.toggle()
        default:
            pane.sort.column = (pane.sort.column + (command == .sortNext ? 1 : columns - 1)) % columns
            pane.sort.descending = pane.sort.column != 0   // numbers largest first, names A to Z
        }
        PaneRows.resort(&pane, pane: state.focus, engine: engine)
        state.pane = pane
        clampOffsets(&state)
        state.status = "\(state.focus.title) sorted by \(sortLabel(state.pane, glyphs: state.glyphs))"
        return []

    case .filter:
        state.search = nil
        if state.reviewsDrill != nil {
            state.filterPrompt = FilterPrompt(text: state.reviewList.filter?.text ?? "", pane: state.focus, error: nil, reviews: true)
        } else {
            state.filterPrompt = FilterPrompt(text: state.pane.filter?.text ?? "", pane: state.focus, error: nil)
        }
        return []

    case .frequency:
        guard !engine.frequencyAttributes.isEmpty else { return notHere(&state, "frequency tables") }
        return openFrequency(&state, engine: engine)

    case .widen, .narrow:
        state.leftZoom = min(12, max(-4, state.leftZoom + (command == .widen ? 1 : -1)))
        return []

    case .histogram:
        if let current = state.histogram {
            let next = current.position + 1
            state.histogram = next < state.layout.histogramCount
                ? HistogramMode(position: next, logScale: current.logScale, allData: current.allData) : nil
        } else {
            state.histogram = state.layout.histogramCount > 0 ? HistogramMode(position: 0) : nil
        }
        refreshDistribution(&state, engine: engine)
        return []
    case .logBins, .histogramScope:
        guard state.histogram != nil else {
            state.status = "h opens the histograms first"
            return []
        }
        if command == .logBins { state.histogram!.logScale.toggle() } else { state.histogram!.allData.toggle() }
        refreshDistribution(&state, engine: engine)
        return []

    case .definitions:
        state.overlay = .definitions(offset: 0)
        return []
    case .toggleReviewYear, .toggleUndatedReviews, .toggleTimeUnit, .toggleJoinKey:
        switch command {
        case .toggleReviewYear: state.definitions.reviewYear = state.definitions.reviewYear == .posted ? .release : .posted
        case .toggleUndatedReviews:
            state.definitions.undatedReviews = state.definitions.undatedReviews == .crawlYear ? .unknown : .crawlYear
        case .toggleTimeUnit: state.definitions.timeUnit = state.definitions.timeUnit == .hours ? .minutes : .hours
        default: state.definitions.joinKey = state.definitions.joinKey == .itemId ? .name : .itemId
        }
        state.status = state.definitions.description
        for pane in state.visiblePanes { PaneRows.reload(pane, in: &state, engine: engine) }
        return selectionChanged(&state, engine: engine)
    case .toggleTitleYear, .toggleWordMatch, .toggleMissingRating:
        guard var definitions = state.streamingDefinitions else { return notHere(&state, "these definitions") }
        switch command {
        case .toggleTitleYear: definitions.titleYear = definitions.titleYear == .release ? .added : .release
        case .toggleWordMatch: definitions.wordMatch = definitions.wordMatch == .word ? .substring : .word
        default: definitions.missingRating = definitions.missingRating == .unknown ? .g : .unknown
        }
        state.streamingDefinitions = definitions
        state.status = definitions.description
        for pane in state.visiblePanes { PaneRows.reload(pane, in: &state, engine: engine) }
        return selectionChanged(&state, engine: engine)

    case .export:
        state.overlay = .export(cursor: 0, format: .csv)
        return []

    case .resetSettings:
        return state.resetSettings(engine: engine)

    case .copyName, .copyId:
        guard let row = state.pane.selected else {
            state.status = "nothing selected to copy"
            return []
        }
        var text = row.name
        if command == .copyId, let id = engine.copyableId(of: row, in: state.focus) { text = id }
        // The clipboard gets the data's text, so control characters go first.
        text = TextSanitizer.sanitize(text, keepNewlines: false)
        state.status = "copied \"\(text)\" to the clipboard (OSC 52)"
        return [.copy(text)]

    case .palette:
        state.overlay = .palette(query: "", cursor: 0)
        return []
    case .help:
        state.overlay = .help(offset: 0)
        return []
    case .quit:
        state.shouldQuit = true
        return []
    }
}

// MARK: - Moving

func pageSize(_ state: AppState) -> Int {
    max(1, ScreenLayout(size: state.size).listRows(paneCount: state.visiblePanes.count) - 1)
}

func move(_ state: inout AppState, by delta: Int, engine: any ExplorerCatalogue) -> [Effect] {
    if let reviews = state.reviewsDrill {
        let count = state.reviewList.reviews.count
        let offset = min(max(0, reviews.offset + (abs(delta) > 1 ? delta.signum() * 3 : delta)), max(0, count - 1))
        return scrollReviews(&state, item: reviews.item, to: offset, engine: engine)
    }
    return move(&state, to: state.pane.cursor + delta, engine: engine)
}

func move(_ state: inout AppState, to target: Int, engine: any ExplorerCatalogue) -> [Effect] {
    if let reviews = state.reviewsDrill {
        let count = state.reviewList.reviews.count
        return scrollReviews(&state, item: reviews.item, to: min(max(0, target), max(0, count - 1)), engine: engine)
    }
    var pane = state.pane
    guard !pane.rows.isEmpty else { return [] }
    let cursor = min(max(0, target), pane.rows.count - 1)
    guard cursor != pane.cursor else { return [] }
    pane.cursor = cursor
    state.pane = pane
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

func scrollReviews(_ state: inout AppState, item: Int32, to offset: Int, engine: any ExplorerCatalogue) -> [Effect] {
    state.drill[state.drill.count - 1] = .reviews(item: item, offset: offset)
    guard let engine = engine.steamEngine else { return [] }
    for index in state.detail.sections.indices {
        if case .reviews(let snippets, _) = state.detail.sections[index].body {
            state.detail.sections[index].body = .reviews(snippets, offset: offset)
            state.detail.sections[index].title = DetailBuilder.reviewsTitle(of: item, offset: offset, list: state.reviewList, engine: engine)
        }
    }
    return []
}

/// After the reviews' filter or order changed: list them again from the top.
func reloadReviews(_ state: inout AppState, item: Int32, engine: Engine) {
    state.reviewList.reload(item: item, engine: engine)
    state.drill[state.drill.count - 1] = .reviews(item: item, offset: 0)
    state.detail = DetailBuilder.reviews(of: item, offset: 0, list: state.reviewList, engine: engine)
}

/// Keeps every pane's offset so its cursor is on screen.
func clampOffsets(_ state: inout AppState) {
    let rows = ScreenLayout(size: state.size).listRows(paneCount: state.visiblePanes.count)
    for (id, var pane) in state.panes {
        pane.offset = Scrolling.offset(keeping: pane.cursor, visible: rows, offset: pane.offset, count: pane.rows.count)
        state.panes[id] = pane
    }
}

func focus(_ state: inout AppState, _ pane: PaneID, engine: any ExplorerCatalogue) -> [Effect] {
    guard pane != state.focus else { return [] }
    state.focus = pane
    state.frequency = nil
    if state.search?.pane != pane { state.search = nil }
    if state.reviewsDrill != nil { state.drill.removeLast() }
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

// MARK: - Drilling

private func open(_ state: inout AppState, engine: any ExplorerCatalogue) -> [Effect] {
    let selection = state.selection
    if let steam = engine.steamEngine, case .game(let item)? = SteamEntity(selection) {
        guard state.reviewsDrill == nil else { return [] }
        state.drill.append(.reviews(item: item, offset: 0))
        state.generation += 1
        state.reviewList = ReviewList()
        state.reviewList.reload(item: item, engine: steam)
        state.detail = DetailBuilder.reviews(of: item, offset: 0, list: state.reviewList, engine: steam)
        return []
    }
    guard engine.drills(into: selection) else {
        if selection != .none { state.status = "Enter opens nothing more here: the right side shows it all" }
        return []
    }
    let drillPane = state.layout.drillPane
    if state.drillScope == nil { state.undrilledPane = state.panes[drillPane] }
    state.drill = [.rows(scope: selection, returnFocus: state.focus)]
    var games = PaneState()
    // A user's games by their own playtime, others by owners.
    games.sort = PaneSort(column: 1, descending: true)
    state.panes[drillPane] = games
    PaneRows.reload(drillPane, in: &state, engine: engine)
    let rows = state.panes[drillPane]?.rows ?? []
    state.panes[drillPane]?.cursor = PaneRows.firstNonEmptyRow(drillPane, in: rows)
    state.focus = drillPane
    state.search = nil
    state.frequency = nil
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

private func back(_ state: inout AppState, engine: any ExplorerCatalogue) -> [Effect] {
    if state.histogram != nil {
        state.histogram = nil
        state.distribution = nil
        state.chart = nil
        return []
    }
    if state.frequency != nil {
        state.frequency = nil
        return []
    }
    if state.search != nil {
        state.search = nil
        return []
    }
    if let reviews = state.reviewsDrill, let filter = state.reviewList.filter, let steam = engine.steamEngine {
        state.reviewList.filter = nil
        reloadReviews(&state, item: reviews.item, engine: steam)
        state.status = "filter \(filter.text) cleared"
        return []
    }
    if state.reviewsDrill == nil, let filter = state.pane.filter {
        return clearFilter(&state, filter, engine: engine)
    }
    guard let last = state.drill.popLast() else { return [] }
    if case .rows(_, let returnFocus) = last {
        let drillPane = state.layout.drillPane
        if let saved = state.undrilledPane {
            state.panes[drillPane] = saved
        } else {
            state.panes[drillPane] = nil
            PaneRows.reload(drillPane, in: &state, engine: engine)
        }
        state.undrilledPane = nil
        state.focus = returnFocus
    }
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

// MARK: - Search

private func handleSearchKey(_ state: inout AppState, _ key: Key, engine: any ExplorerCatalogue) -> [Effect] {
    guard var search = state.search else { return [] }
    switch key {
    case .enter, .escape:
        // The cursor stays on the match; n/N go on from there.
        search.isEditing = false
        state.search = search
        state.status = search.query.isEmpty ? nil
            : search.matches == 0 ? "no match for \"\(search.query)\""
            : "/\(search.query) · \(Formatting.counted(search.matches, "match", "matches")) · n next · N previous"
        return []
    case .backspace:
        if search.query.isEmpty {
            state.search = nil
            return []
        }
        search.query.removeLast()
    case .char(let character):
        search.query.append(character)
    default:
        return []
    }
    guard !search.query.isEmpty else {
        search.matches = 0
        state.search = search
        return move(&state, to: search.startCursor, engine: engine)
    }
    if search.reviewsOf != nil, let steam = engine.steamEngine {
        let texts = reviewTexts(state.reviewList, engine: steam)
        search.matches = ReviewSearch.matchCount(search.query, in: texts)
        state.search = search
        guard let index = ReviewSearch.firstMatch(search.query, in: texts, from: search.startCursor) else {
            state.status = "no match: no review contains \"\(search.query)\""
            return []
        }
        state.status = nil
        return move(&state, to: index, engine: engine)
    }
    search.matches = FuzzySearch.matchCount(search.query, in: state.pane.rows)
    state.search = search
    guard let index = FuzzySearch.bestMatch(search.query, in: state.pane.rows, from: search.startCursor) else {
        state.status = "no match for \"\(search.query)\""
        return []
    }
    state.status = nil
    return move(&state, to: index, engine: engine)
}

/// The texts of the listed reviews, in the order the reviews view shows them.
private func reviewTexts(_ list: ReviewList, engine: Engine) -> [String] {
    list.reviews.map { engine.catalog.reviewText[Int($0)] }
}

// MARK: - Derived views

/// Rebuilds the right side for the current selection under a new generation.
func selectionChanged(_ state: inout AppState, engine: any ExplorerCatalogue) -> [Effect] {
    state.generation += 1
    if let reviews = state.reviewsDrill, let steam = engine.steamEngine {
        state.detail = DetailBuilder.reviews(of: reviews.item, offset: reviews.offset, list: state.reviewList, engine: steam)
        return []
    }
    let (detail, effect) = engine.detail(for: state.selection, state: state)
    let shown = state.detail.recommendations ?? state.detail.staleRecommendations
    state.detail = detail
    state.detail.staleRecommendations = shown
    // Last, so the indexes of answers still being computed (`.sectionReady`) stay right.
    if let summary = FilteredSetSummary.section(state.pane, paneTitle: state.focus.title) {
        state.detail.sections.append(summary)
    }
    if state.histogram.map({ !$0.allData }) ?? false { refreshDistribution(&state, engine: engine) }
    return effect.map { [$0] } ?? []
}

func refreshDistribution(_ state: inout AppState, engine: any ExplorerCatalogue) {
    guard let mode = state.histogram else {
        state.distribution = nil
        state.chart = nil
        return
    }
    guard let engine = engine.steamEngine else {
        state.chart = engine.histogram(mode, of: mode.allData ? .none : state.selection, state: state)
        return
    }
    let scope = (mode.allData ? nil : SteamEntity(state.selection))?.distributionScope ?? .all
    state.distribution = engine.distribution(mode.kind, scope: scope, logScale: mode.logScale, definitions: state.definitions)
    state.chart = state.distribution.map(Histogram.init)
}

/// A key bound to a view this catalogue does not have (reached from the palette of another's keys).
private func notHere(_ state: inout AppState, _ what: String) -> [Effect] {
    state.status = "no \(what) for this catalogue yet"
    return []
}

/// "owners ▼": the sorted column and its direction.
func sortLabel(_ pane: PaneState, glyphs: Glyphs = .unicode) -> String {
    pane.sortColumnName + " " + (pane.sort.descending ? glyphs.sortDescending : glyphs.sortAscending)
}

