// TerminalUI — the terminal core of SteamLens.
//
// Reading order for a newcomer:
//
//   Geometry.swift, Style.swift, Cell.swift   sizes, rectangles, colours, one cell
//   DisplayWidth.swift, TextSanitizer.swift   how many columns text takes; making it safe to print
//   Buffer.swift                              the grid widgets draw into (ncurses sends only what changed)
//   Glyphs.swift, Theme.swift                 Unicode/ASCII symbols; colour/monochrome styles
//   Layout.swift                              splitting rectangles, scroll offsets
//   Widget.swift, Widgets/                    one widget per file, each `render(into:area:)`
//   Key.swift, KeyReplay.swift, Keymap.swift  keys, the replay syntax, the key table
//   Terminal.swift, MemoryTerminal.swift      the Terminal protocol and its in-memory backend
//   CursesTerminal.swift, TerminalGuard.swift the ncurses backend and terminal restore
//
// Only the last two files import CNcursesw; everything else is plain Swift
// and is tested without a terminal by comparing `Buffer.plainLines()` with
// literal lines.
//
// A frame, from the app's point of view:
//
//     var screen = Screen(size: terminal.size)
//     if terminal.size.isTooSmall {
//         screen.render(TooSmallNotice(size: terminal.size, theme: theme))
//     } else {
//         let (left, right) = screen.area.split(.horizontal, [.fixed(26), .fill]).pair
//         let panel = Panel(title: "Developers", isFocused: true, theme: theme, glyphs: glyphs)
//         screen.render(panel, area: left)
//         screen.render(TableView(columns: columns, rows: rows, theme: theme, glyphs: glyphs),
//                       area: panel.inner(left))
//         …
//     }
//     terminal.draw(screen)
