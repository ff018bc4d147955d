/// One-cell ASCII stand-ins for the non-ASCII symbols the app prints, for
/// terminals whose locale is not UTF-8 (`LANG=C`), where ncurses would print
/// `?` or mojibake. Widgets already draw borders and bars from ``Glyphs``;
/// this catches the rest (the `·` between header facts, the `–` of a year
/// range, arrows in hints) so every printed glyph has an ASCII form.
///
/// ```swift
/// ASCIIFallback.symbol("·")   // "|"
/// ASCIIFallback.symbol("é")   // "?"
/// ```
public enum ASCIIFallback {
    /// Each replacement is one cell, like the symbol it replaces, so layout
    /// does not move.
    public static let table: [String: String] = [
        "·": "|", "•": "*", "–": "-", "—": "-", "…": "~", "×": "x", "≥": ">", "≤": "<", "±": "+",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "«": "\"", "»": "\"", "°": "o", "\u{00A0}": " ",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▶": ">", "◀": "<", "▲": "^", "▼": "v",
        "─": "-", "━": "-", "│": "|", "┃": "|", "▏": "_",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#",
        "▁": "_", "▂": "_", "▃": ".", "▄": ".", "▅": "-", "▆": "=", "▇": "*",
    ]

    /// `symbol` itself when it is printable ASCII, its stand-in when it has
    /// one, and `?` otherwise.
    public static func symbol(_ symbol: String) -> String {
        if symbol.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return symbol }
        return table[symbol] ?? "?"
    }
}

extension Buffer {
    /// Replaces every non-ASCII cell by its ``ASCIIFallback`` stand-in. A
    /// wide cell becomes `??`, so the cells right of it stay in their columns.
    public mutating func fallBackToASCII() {
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = self[x, y]
                if cell.isContinuation {
                    self[x, y] = Cell("?", style: cell.style)
                } else {
                    let replacement = ASCIIFallback.symbol(cell.symbol)
                    if replacement != cell.symbol { self[x, y] = Cell(replacement, style: cell.style) }
                }
            }
        }
    }
}
