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
public func reduce(_ state: inout AppState, _ action: Action, engine: Engine) -> [Effect] {
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
    case .exported(let path):
        state.status = "exported to \(path)"
        return []
    case .exportFailed(let message):
        state.status = "export failed: \(message)"
        return []
    }
}

private func handleKey(_ state: inout AppState, _ key: Key, engine: Engine) -> [Effect] {
    if key == .ctrl("c") {
        state.shouldQuit = true
        return []
    }
    if key == .resize { return [] }
    if let search = state.search, search.isEditing {
        return handleSearchKey(&state, key, engine: engine)
    }
    switch state.overlay {
    case .help(let offset)?:
        switch key {
        case .down, .char("j"): state.overlay = .help(offset: offset + 1)
        case .up, .char("k"): state.overlay = .help(offset: max(0, offset - 1))
        case .char("q"): state.shouldQuit = true
        default: state.overlay = nil
        }
        return []
    case .definitions(let offset)?:
        switch key {
        case .down, .char("j"): state.overlay = .definitions(offset: offset + 1)
        case .up, .char("k"): state.overlay = .definitions(offset: max(0, offset - 1))
        case .char("q"): state.shouldQuit = true
        case .escape, .char("d"), .enter: state.overlay = nil
        default:
            // r, u, t, b switch definitions while the panel shows them; every other key does nothing.
            if let command = AppKeymap.keymap.command(for: key),
               [.toggleReviewYear, .toggleUndatedReviews, .toggleTimeUnit, .toggleJoinKey].contains(command) {
                return perform(&state, command, engine: engine)
            }
        }
        return []
    case nil:
        break
    }
    guard let command = AppKeymap.keymap.command(for: key) else {
        state.status = "\(key.displayName()) does nothing here · ? for help"
        return []
    }
    state.status = nil
    return perform(&state, command, engine: engine)
}

private func perform(_ state: inout AppState, _ command: Command, engine: Engine) -> [Effect] {
    switch command {
    case .up: return move(&state, by: -1, engine: engine)
    case .down: return move(&state, by: 1, engine: engine)
    case .pageUp: return move(&state, by: -pageSize(state), engine: engine)
    case .pageDown: return move(&state, by: pageSize(state), engine: engine)
    case .top: return move(&state, to: 0, engine: engine)
    case .bottom: return move(&state, to: Int.max, engine: engine)

    case .nextPane, .previousPane:
        let panes = state.visiblePanes
        let index = panes.firstIndex(of: state.focus) ?? 0
        let next = (index + (command == .nextPane ? 1 : panes.count - 1)) % panes.count
        return focus(&state, panes[next], engine: engine)
    case .focus(let pane):
        guard state.visiblePanes.contains(pane) else {
            state.status = "no Games pane yet: Enter on a developer, user, genre or year opens it"
            return []
        }
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
        if let reviews = state.reviewsDrill {
            guard let search = state.search, !search.query.isEmpty, search.reviewsOf == reviews.item else {
                state.status = "no search yet: / to search the reviews"
                return []
            }
            guard let index = ReviewSearch.nextMatch(search.query, in: reviewTexts(reviews.item, engine: engine),
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

    case .sort:
        var pane = state.pane
        switch (pane.sort, pane.descending) {
        case (.count, _): (pane.sort, pane.descending) = (.secondary, true)
        case (.secondary, _): (pane.sort, pane.descending) = (.name, false)
        case (.name, _): (pane.sort, pane.descending) = (.count, true)
        }
        state.pane = pane
        PaneRows.reload(state.focus, in: &state, engine: engine)
        clampOffsets(&state)
        state.status = "\(state.focus.title) sorted by \(sortLabel(state.pane, glyphs: state.glyphs))"
        return selectionChanged(&state, engine: engine)

    case .histogram:
        let kinds = DistributionKind.allCases
        if let current = state.histogram {
            let index = kinds.firstIndex(of: current.kind)! + 1
            state.histogram = index < kinds.count ? HistogramMode(kind: kinds[index], logScale: current.logScale, allData: current.allData) : nil
        } else {
            state.histogram = HistogramMode(kind: kinds[0])
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

    case .export:
        guard let table = visibleTable(state) else {
            state.status = "nothing to export here"
            return []
        }
        let path = state.exportFolder + "/steamlens-" + slug(table.title) + ".csv"
        state.status = "exporting \(path) …"
        return [.writeFile(path: path, contents: table.csv())]

    case .help:
        state.overlay = .help(offset: 0)
        return []
    case .quit:
        state.shouldQuit = true
        return []
    }
}

// MARK: - Moving

private func pageSize(_ state: AppState) -> Int {
    max(1, ScreenLayout(size: state.size).listRows(paneCount: state.visiblePanes.count) - 1)
}

private func move(_ state: inout AppState, by delta: Int, engine: Engine) -> [Effect] {
    if let reviews = state.reviewsDrill {
        let count = engine.catalog.reviewsOfItem.rowCount(Int(reviews.item))
        let offset = min(max(0, reviews.offset + (abs(delta) > 1 ? delta.signum() * 3 : delta)), max(0, count - 1))
        return scrollReviews(&state, item: reviews.item, to: offset, engine: engine)
    }
    return move(&state, to: state.pane.cursor + delta, engine: engine)
}

private func move(_ state: inout AppState, to target: Int, engine: Engine) -> [Effect] {
    if let reviews = state.reviewsDrill {
        let count = engine.catalog.reviewsOfItem.rowCount(Int(reviews.item))
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

private func scrollReviews(_ state: inout AppState, item: Int32, to offset: Int, engine: Engine) -> [Effect] {
    state.drill[state.drill.count - 1] = .reviews(item: item, offset: offset)
    for index in state.detail.sections.indices {
        if case .reviews(let snippets, _) = state.detail.sections[index].body {
            state.detail.sections[index].body = .reviews(snippets, offset: offset)
        }
    }
    return []
}

/// Keeps every pane's offset so its cursor is on screen.
func clampOffsets(_ state: inout AppState) {
    let rows = ScreenLayout(size: state.size).listRows(paneCount: state.visiblePanes.count)
    for (id, var pane) in state.panes {
        pane.offset = Scrolling.offset(keeping: pane.cursor, visible: rows, offset: pane.offset, count: pane.rows.count)
        state.panes[id] = pane
    }
}

private func focus(_ state: inout AppState, _ pane: PaneID, engine: Engine) -> [Effect] {
    guard pane != state.focus else { return [] }
    state.focus = pane
    if state.search?.pane != pane { state.search = nil }
    if state.reviewsDrill != nil { state.drill.removeLast() }
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

// MARK: - Drilling

private func open(_ state: inout AppState, engine: Engine) -> [Effect] {
    let selection = state.selection
    switch selection {
    case .none:
        return []
    case .game(let item):
        guard state.reviewsDrill == nil else { return [] }
        state.drill.append(.reviews(item: item, offset: 0))
        state.generation += 1
        state.detail = DetailBuilder.reviews(of: item, offset: 0, engine: engine)
        return []
    case .developer, .user, .genre, .year:
        state.drill = [.games(scope: selection, returnFocus: state.focus)]
        var games = PaneState()
        if case .user = selection { games.sort = .secondary }   // a user's games by their own playtime
        state.panes[.games] = games
        PaneRows.reload(.games, in: &state, engine: engine)
        let rows = state.panes[.games]?.rows ?? []
        state.panes[.games]?.cursor = PaneRows.firstNonEmptyRow(.games, in: rows)
        state.focus = .games
        state.search = nil
        clampOffsets(&state)
        return selectionChanged(&state, engine: engine)
    }
}

private func back(_ state: inout AppState, engine: Engine) -> [Effect] {
    if state.histogram != nil {
        state.histogram = nil
        state.distribution = nil
        return []
    }
    if state.search != nil {
        state.search = nil
        return []
    }
    guard let last = state.drill.popLast() else { return [] }
    if case .games(_, let returnFocus) = last {
        state.panes[.games] = nil
        state.focus = returnFocus
    }
    clampOffsets(&state)
    return selectionChanged(&state, engine: engine)
}

// MARK: - Search

private func handleSearchKey(_ state: inout AppState, _ key: Key, engine: Engine) -> [Effect] {
    guard var search = state.search else { return [] }
    switch key {
    case .enter, .escape:
        // The cursor stays on the match; n/N go on from there.
        search.isEditing = false
        state.search = search
        state.status = search.query.isEmpty ? nil : "/\(search.query) · n next · N previous"
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
    state.search = search
    guard !search.query.isEmpty else { return move(&state, to: search.startCursor, engine: engine) }
    if let item = search.reviewsOf {
        guard let index = ReviewSearch.firstMatch(search.query, in: reviewTexts(item, engine: engine), from: search.startCursor) else {
            state.status = "no review contains \"\(search.query)\""
            return []
        }
        state.status = nil
        return move(&state, to: index, engine: engine)
    }
    guard let index = FuzzySearch.bestMatch(search.query, in: state.pane.rows, from: search.startCursor) else {
        state.status = "no match for \"\(search.query)\""
        return []
    }
    state.status = nil
    return move(&state, to: index, engine: engine)
}

/// The texts of a game's reviews, in the order the reviews view lists them.
private func reviewTexts(_ item: Int32, engine: Engine) -> [String] {
    engine.catalog.reviewsOfItem[Int(item)].map { engine.catalog.reviewText[Int($0)] }
}

// MARK: - Derived views

/// Rebuilds the right side for the current selection under a new generation.
func selectionChanged(_ state: inout AppState, engine: Engine) -> [Effect] {
    state.generation += 1
    if let reviews = state.reviewsDrill {
        state.detail = DetailBuilder.reviews(of: reviews.item, offset: reviews.offset, engine: engine)
        return []
    }
    let (detail, effect) = DetailBuilder.build(state.selection, state: state, engine: engine)
    state.detail = detail
    if state.histogram.map({ !$0.allData }) ?? false { refreshDistribution(&state, engine: engine) }
    return effect.map { [$0] } ?? []
}

func refreshDistribution(_ state: inout AppState, engine: Engine) {
    guard let mode = state.histogram else {
        state.distribution = nil
        return
    }
    let scope: DistributionScope
    switch mode.allData ? .none : state.selection {
    case .none: scope = .all
    case .developer(let id): scope = .developer(id)
    case .user(let id): scope = .user(id)
    case .genre(let id): scope = .genre(id)
    case .year(let year): scope = .year(year)
    case .game(let item): scope = .game(item)
    }
    state.distribution = engine.distribution(mode.kind, scope: scope, logScale: mode.logScale, definitions: state.definitions)
}

/// The table `e` writes: the histogram, the open reviews, or the first table on the right.
func visibleTable(_ state: AppState) -> ResultTable? {
    if let distribution = state.distribution, state.histogram != nil { return distribution.table }
    return state.detail.primaryTable
}

func sortLabel(_ pane: PaneState, glyphs: Glyphs = .unicode) -> String {
    let column: String
    switch pane.sort {
    case .name: column = "name"
    case .count: column = pane.countLabel
    case .secondary: column = pane.secondaryLabel
    }
    return column + " " + (pane.descending ? glyphs.sortDescending : glyphs.sortAscending)
}

/// A file-name-safe form of a title: "Valve · items" → "valve-items".
func slug(_ title: String) -> String {
    var out = ""
    for scalar in NameKey.normalize(title).unicodeScalars {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
            out.unicodeScalars.append(scalar)
        } else if !out.hasSuffix("-") && !out.isEmpty {
            out += "-"
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return String(out.prefix(60)).isEmpty ? "table" : String(out.prefix(60))
}
