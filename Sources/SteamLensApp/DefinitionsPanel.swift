import SteamLensEngine
import StreamingCatalog
import TerminalUI

/// The `d` overlay: the definitions every table is computed under, the
/// keys that switch them, and the cleaning rules the load applied.
struct DefinitionsPanel: Widget {
    var state: AppState
    var offset: Int

    var lines: [String] {
        if let streaming = state.streamingDefinitions { return Self.streamingLines(streaming) + state.cleaningSummary.map { "  " + $0 } }
        let d = state.definitions
        return [
            "Definitions in effect (docs/definitions.md)",
            "  r  year of a review: \(d.reviewYear == .posted ? "year in 'posted'" : "release year of the reviewed game")",
        ] + undatedLines + [
            "  t  playtime unit: \(d.timeUnit.rawValue) (playtime_forever minutes\(d.timeUnit == .hours ? " / 60" : ""))",
            "  b  join of rows to games: by \(d.joinKey == .itemId ? "item_id" : "name (for comparison only)")",
            "     free game: price 0 or says 'free'; a missing price is unknown, not free",
            "     sentiment: engine model, 0 negative · 1 neutral · 2 positive; empty text → 1",
            "",
            "Cleaning rules applied at load",
        ] + state.cleaningSummary.map { "  " + $0 }
    }

    /// The `u` definition with its evidence: what year-less posts count as,
    /// and how the crawl year was inferred (or why it was not).
    private var undatedLines: [String] {
        guard let crawl = state.crawlYear else { return [] }
        let d = state.definitions
        let inEffect: String
        switch (d.undatedReviews, crawl.year) {
        case (.crawlYear, let year?): inEffect = "count in \(year), the crawl year"
        case (.crawlYear, nil): inEffect = "unknown (no crawl year could be inferred)"
        case (.unknown, _): inEffect = "unknown"
        }
        let basis = d.reviewYear == .posted ? "" : " (applies to the posted year only)"
        return ["  u  \(NumberFormat.grouped(crawl.undatedCount)) reviews without a year in 'posted': \(inEffect)\(basis)",
                "     crawl year \(crawl.evidence)"]
    }

    /// The streaming catalogue's switches (r w m) and what every answer assumes.
    static func streamingLines(_ d: StreamingDefinitions) -> [String] {
        [
            "Definitions in effect (docs/definitions.md, streaming definitions)",
            "  r  year of a title: \(d.titleYear == .release ? "release_year" : "year of date_added (often unknown on Amazon)")",
            "  w  word match: \(d.wordMatch == .word ? "a whole word ('love' is not 'Lovely')" : "anywhere in the title")",
            "  m  no audience rating: \(d.missingRating == .unknown ? "its own bucket 'unknown'" : "counts as G (as the brief did)")",
            "     score: mean of the generated ratings (0.5-5); none are real",
            "     duration: minutes (movies), seasons (shows)",
            "     a title on several platforms: kept once per platform",
            "",
            "Cleaning rules applied at load",
        ]
    }

    /// The largest useful scroll offset on a screen of the state's size.
    static func maxOffset(_ state: AppState) -> Int {
        let lines = DefinitionsPanel(state: state, offset: 0).lines.count
        let area = Rect(size: state.size).inset(horizontal: 2, vertical: 1)
        return max(0, lines - max(0, min(area.height, lines + 2) - 2))
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let content = lines
        let width = min(area.width, max(60, (content.map(\.displayWidth).max() ?? 0) + 4))
        let box = area.centered(width: width, height: min(area.height, content.count + 2))
        guard box.width >= 10, box.height >= 3 else { return }
        buffer.fill(box)
        let keys = state.streamingDefinitions == nil ? "r u t b" : "r w m"
        let panel = Panel(title: "Definitions · \(keys) switch · j/k scroll · Esc closes", isFocused: true,
                          theme: state.theme, glyphs: state.glyphs)
        buffer.render(panel, area: box)
        let inner = panel.inner(box).inset(horizontal: 1, vertical: 0)
        let first = Scrolling.offset(keeping: nil, visible: inner.height, offset: offset, count: content.count)
        for (row, line) in content.dropFirst(first).prefix(inner.height).enumerated() {
            let isHeading = !line.hasPrefix(" ") && !line.isEmpty
            buffer.write(line, x: inner.x, y: inner.y + row, style: isHeading ? state.theme.header : state.theme.text,
                         maxWidth: inner.width, ellipsis: state.glyphs.ellipsis)
        }
    }
}
