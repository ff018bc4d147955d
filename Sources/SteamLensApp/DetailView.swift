import SteamLensEngine
import TerminalUI

/// Draws a ``Detail``: a frame whose top border carries the first
/// section's title, each later section opening with a titled rule, and
/// the bodies in between. Tables shrink before anything is dropped; a
/// reviews section takes whatever height is left.
struct DetailView: Widget {
    var detail: Detail
    var isFocused: Bool
    var theme: Theme
    var glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 4, area.height >= 3 else { return }
        let sections = detail.sections
        buffer.render(Panel(title: sections.first?.title ?? "Details", isFocused: isFocused, theme: theme, glyphs: glyphs), area: area)
        let inner = area.inset(by: 1)
        guard !sections.isEmpty else {
            buffer.write("nothing selected", x: inner.x + 1, y: inner.y, style: theme.muted)
            return
        }
        let heights = self.heights(for: sections, available: inner.height)
        var y = inner.y
        for (index, section) in sections.enumerated() {
            if index > 0 && hasRule(section) {
                guard y < inner.bottom else { break }
                buffer.render(TitledRule(title: section.title, isFocused: false, theme: theme, glyphs: glyphs),
                              area: Rect(x: area.x, y: y, width: area.width, height: 1))
                y += 1
            }
            let height = min(heights[index], inner.bottom - y)
            guard height > 0 else { continue }
            draw(section.body, into: &buffer, area: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: height))
            y += height
        }
    }

    private func hasRule(_ section: DetailSection) -> Bool { !section.title.isEmpty }

    /// Body heights: natural sizes, tables cut down (never below a header
    /// and one row) until everything fits, reviews given the rest.
    private func heights(for sections: [DetailSection], available: Int) -> [Int] {
        let rules = sections.indices.dropFirst().filter { hasRule(sections[$0]) }.count
        var heights = sections.map { natural($0.body) }
        let minimum = sections.map { section -> Int in
            switch section.body {
            case .table, .recommendations: return 2
            default: return 1
            }
        }
        let flexible = sections.indices.filter { if case .reviews = sections[$0].body { return true } else { return false } }
        for index in flexible { heights[index] = 0 }
        var excess = heights.reduce(0, +) + rules + flexible.count * 3 - available
        while excess > 0 {
            guard let tallest = heights.indices.filter({ heights[$0] > minimum[$0] && !flexible.contains($0) })
                .max(by: { heights[$0] < heights[$1] }) else { break }
            heights[tallest] -= 1
            excess -= 1
        }
        let left = max(0, available - heights.reduce(0, +) - rules)
        for (n, index) in flexible.enumerated() {
            heights[index] = left / flexible.count + (n < left % flexible.count ? 1 : 0)
        }
        return heights
    }

    private func natural(_ body: DetailSection.Body) -> Int {
        switch body {
        case .table(let table): return 1 + max(1, table.rows.count)
        case .lines(let lines): return lines.count
        case .sparkline, .message: return 1
        case .recommendations(let rows): return (rows ?? detail.staleRecommendations).map { 1 + max(1, $0.count) } ?? 1
        case .reviews: return 0
        }
    }

    private func draw(_ body: DetailSection.Body, into buffer: inout Buffer, area: Rect) {
        switch body {
        case .table(let table):
            if table.rows.isEmpty {
                buffer.write("no rows", x: area.x, y: area.y, style: theme.muted)
                return
            }
            buffer.render(tableView(table), area: area)
        case .lines(let lines):
            for (row, line) in lines.prefix(area.height).enumerated() {
                buffer.write(line, x: area.x, y: area.y + row, style: theme.text, maxWidth: area.width, ellipsis: glyphs.ellipsis)
            }
        case .sparkline(let label, let firstYear, let values):
            // The sparkline keeps the last years that fit; the caption names those.
            let lastYear = firstYear + values.count - 1
            let full = "\(label) \(firstYear)–\(lastYear) "
            let shown = min(values.count, max(0, area.width - full.displayWidth))
            guard shown > 1 else {
                buffer.write(full, x: area.x, y: area.y, style: theme.muted, maxWidth: area.width, ellipsis: glyphs.ellipsis)
                return
            }
            let caption = "\(label) \(lastYear - shown + 1)–\(lastYear) "
            let used = buffer.write(caption, x: area.x, y: area.y, style: theme.muted, maxWidth: area.width)
            buffer.render(Sparkline(values: Array(values.suffix(shown)), theme: theme, glyphs: glyphs),
                          area: Rect(x: area.x + used, y: area.y, width: min(shown, area.width - used), height: 1))
        case .message(let text):
            buffer.write(text, x: area.x, y: area.y, style: theme.muted, maxWidth: area.width, ellipsis: glyphs.ellipsis)
        case .recommendations(let rows):
            // Until the new answer arrives the previous one stays, dimmed.
            guard let shown = rows ?? detail.staleRecommendations else {
                buffer.write("computing…", x: area.x, y: area.y, style: theme.muted, maxWidth: area.width)
                return
            }
            if shown.isEmpty {
                buffer.write(rows == nil ? "computing…" : "no recommendation", x: area.x, y: area.y, style: theme.muted)
                return
            }
            buffer.render(TableView(columns: [.init("#", alignment: .right, minWidth: 1), .init("game", minWidth: 8),
                                              .init("score", alignment: .right, minWidth: 5)],
                                    rows: shown.map { [String($0.rank), $0.title, Formatting.decimal($0.score, digits: 3)] },
                                    theme: theme, glyphs: glyphs), area: area)
            if rows == nil { buffer.patchStyle(theme.muted, in: area) }
        case .reviews(let snippets, let offset):
            var y = area.y
            for snippet in snippets.dropFirst(offset) {
                guard y < area.bottom else { break }
                for line in Self.headingLines(snippet.heading, width: area.width) {
                    guard y < area.bottom else { break }
                    buffer.write(line, x: area.x, y: y, style: theme.title, maxWidth: area.width, ellipsis: glyphs.ellipsis)
                    y += 1
                }
                // TextView sanitises (escape sequences, control characters) before wrapping.
                let lines = TextView.wrap(TextSanitizer.sanitize(snippet.text, keepNewlines: true), width: area.width)
                    .filter { !$0.isEmpty }
                for line in lines {
                    guard y < area.bottom else { break }
                    buffer.write(line, x: area.x, y: y, style: theme.text, maxWidth: area.width)
                    y += 1
                }
                y += 1
            }
        }
    }

    /// A review heading ("76561198… · recommends · positive · 2014 · 27 of 31 helpful")
    /// broken between its " · " parts where it is wider than the pane, so a
    /// 17-digit user id never pushes the votes off the line; a part wider
    /// than the pane alone is cut with an ellipsis when written.
    static func headingLines(_ heading: String, width: Int) -> [String] {
        guard !heading.isEmpty else { return [] }
        var lines: [String] = []
        for part in heading.components(separatedBy: " · ") {
            if let last = lines.last, displayWidth(of: last) + 3 + displayWidth(of: part) <= width {
                lines[lines.count - 1] = last + " · " + part
            } else {
                lines.append(part)
            }
        }
        return lines
    }

    private func tableView(_ table: ResultTable) -> TableView {
        TableView(columns: table.columns.map { column in
                      TableView.Column(column.name, alignment: column.alignment == .right ? .right : .left,
                                       minWidth: column.alignment == .right ? 4 : 8)
                  },
                  rows: table.rows.map { row in
                      zip(row, table.columns).map { cell, column in Self.display(cell, isYear: column.name.contains("year")) }
                  }, theme: theme, glyphs: glyphs)
    }

    /// A cell as drawn: numbers with thousands separators (one number format
    /// on both sides of the screen), except in year columns ("2015").
    static func display(_ cell: ResultTable.Cell, isYear: Bool) -> String {
        switch cell {
        case .integer(let value) where !isYear: return NumberFormat.grouped(value)
        case .number(let value, let digits) where !isYear && value.isFinite: return NumberFormat.grouped(value, digits: digits)
        default: return cell.description
        }
    }
}
