import TerminalUI

/// The top line: product, data source and counts (the readiness marker
/// scripts wait for), the definitions in effect, and the two keys everyone
/// needs. Parts are dropped from the middle when the line is narrow.
struct HeaderLine: Widget {
    var state: AppState

    /// "32,135 games · 88,310 users · 59,305 reviews": drawn only once the
    /// engine is loaded, so tests and the tmux script wait for it.
    static func countsText(_ counts: CatalogCounts) -> String {
        "\(NumberFormat.grouped(counts.games)) games · \(NumberFormat.grouped(counts.users)) users · \(NumberFormat.grouped(counts.reviews)) reviews"
    }

    func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let theme = state.theme
        buffer.fill(area)
        let keys = "[?] help  [q] quit"
        // Year-less reviews are named only when they stay unknown, as the join only when by name.
        let definitions: String
        if let streaming = state.streamingDefinitions {
            // A choice is named only when it is not the default, as Steam's join.
            definitions = "\(streaming.titleYear.rawValue) year"
                + (streaming.wordMatch == .substring ? " · substring match" : "")
                + (streaming.missingRating == .g ? " · missing rating G" : "")
        } else {
            definitions = "\(state.definitions.reviewYear.rawValue) year"
                + (state.definitions.undatedReviews == .unknown ? " · undated unknown" : "")
                + " · \(state.definitions.timeUnit.rawValue)"
                + (state.definitions.joinKey == .name ? " · join by name" : "")
        }
        let right = area.width >= 100 ? definitions + "   " + keys : keys
        var x = area.x + 1
        x += buffer.write("SteamLens", x: x, y: area.y, style: theme.header)
        x += 2
        let rightX = area.right - 1 - right.displayWidth
        // Narrow screens lose the review count first, then the source name.
        let room = max(0, rightX - x - 1)
        let counts = state.layout.counts
        let candidates = counts.map { state.sourceName + " · " + $0 } + counts.suffix(1)
        let middle = candidates.first { $0.displayWidth <= room } ?? candidates.last ?? ""
        buffer.write(middle, x: x, y: area.y, style: theme.text, maxWidth: max(0, rightX - x - 1), ellipsis: state.glyphs.ellipsis)
        buffer.write(right, x: rightX, y: area.y, style: theme.muted)
    }
}
