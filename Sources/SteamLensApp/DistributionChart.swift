import Foundation
import SteamLensEngine
import TerminalUI

/// A ``Histogram`` as a horizontal-bar histogram: its title, one row
/// per bin (label, count, share, a bar exact to an eighth of a cell), the
/// total, and what was left out.
///
/// ```
/// Price ($) · Valve · 30 games
/// 0 (free)      4  13% ████▍
/// [1, 2)        2   7% ██▏
/// [5, 10)      18  60% ████████████████████
/// total        30
/// left out: unknown price 2
/// ```
///
/// The engine's bins carry their own labels (a zero bin, "(0, b)" after
/// it, sentiment classes); this widget only draws them.
struct DistributionChart: Widget {
    var distribution: Histogram
    /// Bars proportional to log(1 + count), so a bin of 3 stays visible beside 30,000.
    var logBars: Bool
    var theme: Theme
    var glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let d = distribution
        var y = area.y
        let heading = "\(d.title) · \(NumberFormat.grouped(d.total)) \(d.rowUnit)"
            + (d.logBins ? " · log bins" : "") + (logBars ? " · log bars" : "")
        buffer.write(heading, x: area.x, y: y, style: theme.header, maxWidth: area.width, ellipsis: glyphs.ellipsis)
        y += 1

        let binRows = min(d.bins.count, max(0, area.bottom - y - 1))
        let labels = d.bins.map(\.label)
        let counts = d.bins.map { NumberFormat.grouped($0.count) }
        let labelWidth = max(labels.map(\.displayWidth).max() ?? 0, 5)
        let countWidth = max(counts.map(\.displayWidth).max() ?? 0, NumberFormat.grouped(d.total).displayWidth)
        let shareWidth = 4
        let barX = area.x + labelWidth + 1 + countWidth + 1 + shareWidth + 1
        let barCells = max(0, area.right - barX)
        let magnitudes = d.bins.map { logBars ? log1p(Double($0.count)) : Double($0.count) }
        let largest = magnitudes.max() ?? 0

        for index in 0..<binRows {
            let bin = d.bins[index]
            buffer.write(labels[index].padded(toWidth: labelWidth, ellipsis: glyphs.ellipsis), x: area.x, y: y, style: theme.text)
            buffer.write(counts[index].padded(toWidth: countWidth, alignment: .right), x: area.x + labelWidth + 1, y: y, style: theme.text)
            let share = d.total > 0 ? Int((Double(bin.count) * 100 / Double(d.total)).rounded()) : 0
            buffer.write("\(share)%".padded(toWidth: shareWidth, alignment: .right), x: area.x + labelWidth + 1 + countWidth + 1,
                         y: y, style: theme.muted)
            buffer.write(glyphs.bar(magnitudes[index], of: largest, cells: barCells), x: barX, y: y, style: theme.bar, maxWidth: barCells)
            y += 1
        }
        if binRows < d.bins.count, y < area.bottom {
            buffer.write("… \(d.bins.count - binRows) more bins: enlarge the terminal", x: area.x, y: y, style: theme.muted,
                         maxWidth: area.width)
            y += 1
        }
        guard y < area.bottom else { return }
        buffer.write("total".padded(toWidth: labelWidth), x: area.x, y: y, style: Style(bold: true))
        buffer.write(NumberFormat.grouped(d.total).padded(toWidth: countWidth, alignment: .right),
                     x: area.x + labelWidth + 1, y: y, style: Style(bold: true))
        y += 1
        for leftOut in d.leftOut where y < area.bottom {
            buffer.write("left out: \(leftOut.reason) \(NumberFormat.grouped(leftOut.count))", x: area.x, y: y,
                         style: theme.muted, maxWidth: area.width, ellipsis: glyphs.ellipsis)
            y += 1
        }
        for note in d.notes where y < area.bottom {
            buffer.write(note, x: area.x, y: y, style: theme.muted, maxWidth: area.width, ellipsis: glyphs.ellipsis)
            y += 1
        }
    }
}
