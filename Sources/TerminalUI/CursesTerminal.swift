import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw.
///
/// ```swift
/// let terminal = try CursesTerminal(options: .init(useColor: !noColor))
/// defer { terminal.shutdown() }
/// let glyphs = terminal.glyphs             // ASCII when the locale is not UTF-8
/// ```
///
/// Start-up follows what is known to work here: `setlocale(LC_ALL, "")`,
/// `newterm` (not `initscr`, which exits the process when TERM is unknown),
/// cbreak, noecho, keypad, a 25 ms escape delay (so Esc answers at once),
/// hidden cursor, and default-background colours when wanted. Each frame is
/// `erase`, write every cell, `refresh`: ncurses compares with what is on
/// screen and sends only the difference. The terminal is restored by
/// ``shutdown()`` and, on every other exit path, by ``TerminalGuard``.
public final class CursesTerminal: Terminal {
    public struct Options: Sendable {
        /// Use colours if the terminal has them. Pass false for `--no-color`
        /// or when `NO_COLOR` is set (see ``Theme/environmentDisablesColor(_:)``).
        public var useColor: Bool
        public var escapeDelayMilliseconds: Int
        /// Read the first Ctrl-C as ``Key/ctrl(_:)`` `"c"` instead of dying
        /// (a second one while the first is unread still ends the process).
        public var interruptAsKey: Bool
        /// Ask the terminal for clicks and wheel turns (xterm SGR reports,
        /// read as ``Key/mouse(x:y:)`` and ``Key/wheel(up:x:y:)``); turned
        /// off again on every exit path. Off for `--no-mouse`.
        public var mouse: Bool

        public init(useColor: Bool = true, escapeDelayMilliseconds: Int = 25, interruptAsKey: Bool = true, mouse: Bool = false) {
            self.useColor = useColor
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.interruptAsKey = interruptAsKey
            self.mouse = mouse
        }
    }

    /// True when the locale's character set is UTF-8.
    public let isUTF8: Bool
    /// True when colours are in use (wanted and supported).
    public let hasColors: Bool
    /// Unicode glyphs on a UTF-8 locale, ASCII otherwise.
    public var glyphs: Glyphs { Glyphs.forLocale(isUTF8: isUTF8) }

    private let escapeDelayMilliseconds: Int
    private let colorCount: Int
    private let maxPairs: Int
    private var pairs: [Int: Int16] = [:]
    private var currentTimeout = -2
    private var isShutDown = false

    /// - Throws: ``TerminalError`` when stdin or stdout is not a TTY, TERM
    ///   is unknown, or the terminal cannot address the cursor (`TERM=dumb`);
    ///   the terminal is left as it was in that case.
    public init(options: Options = Options()) throws {
        sl_setlocale_from_environment()
        guard sl_stdin_isatty() != 0 else { throw TerminalError.notATTY(stream: "stdin") }
        guard sl_stdout_isatty() != 0 else { throw TerminalError.notATTY(stream: "stdout") }
        let name = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = sl_newterm_stdio() else { throw TerminalError.unknownTerminal(name) }
        guard sl_has_cursor_addressing() != 0 else {
            sl_abandon_screen(screen)
            throw TerminalError.noCursorAddressing(name)
        }
        TerminalGuard.arm(interruptAsKey: options.interruptAsKey)
        isUTF8 = sl_locale_is_utf8() != 0
        cbreak()
        noecho()
        _ = sl_keypad_on()
        _ = sl_set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(0)
        if options.useColor && has_colors() {
            start_color()
            use_default_colors()
            hasColors = true
        } else {
            hasColors = false
        }
        escapeDelayMilliseconds = options.escapeDelayMilliseconds
        if options.mouse { TerminalGuard.setMouseReporting(true) }
        colorCount = Int(sl_colors())
        maxPairs = Int(sl_color_pairs())
    }

    deinit {
        shutdown()
    }

    public var size: Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        sl_getmaxyx(sl_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !isShutDown else { return nil }
        if TerminalGuard.takeInterrupt() { return .ctrl("c") }
        if timeoutMilliseconds != currentTimeout {
            sl_timeout(Int32(timeoutMilliseconds))
            currentTimeout = timeoutMilliseconds
        }
        var character: wint_t = 0
        let result = sl_get_wch(&character)
        if result == sl_key_code_yes() {
            return Self.key(forCode: Int32(character))
        }
        if result == sl_ok() {
            if character == 0x1B { return readEscapeSequence() }
            return Key(controlCode: UInt32(character))
        }
        // ERR: timeout, or a signal interrupted the wait.
        return TerminalGuard.takeInterrupt() ? .ctrl("c") : nil
    }

    /// After an ESC ncurses did not turn into a key: the rest of the sequence,
    /// known sequences as keys, unknown ones dropped whole (nil, as if no key
    /// came) so none of their bytes runs as a command.
    private func readEscapeSequence() -> Key? {
        sl_timeout(Int32(escapeDelayMilliseconds))
        currentTimeout = -2   // the next readKey sets its own timeout again
        let result = EscapeSequence.read {
            var code: wint_t = 0
            // A KEY_* code or a timeout inside a sequence ends it.
            return sl_get_wch(&code) == sl_ok() ? UInt32(code) : nil
        }
        switch result {
        case .key(let key): return key
        case .dropped: return nil
        case .escapeThen(let code):
            _ = sl_unget_wch(wchar_t(code))
            return .escape
        }
    }

    /// Maps a KEY_* code from `wget_wch` to a ``Key``.
    static func key(forCode code: Int32) -> Key {
        switch code {
        case sl_key_up(): return .up
        case sl_key_down(): return .down
        case sl_key_left(): return .left
        case sl_key_right(): return .right
        case sl_key_home(): return .home
        case sl_key_end(): return .end
        case sl_key_ppage(): return .pageUp
        case sl_key_npage(): return .pageDown
        case sl_key_btab(): return .backTab
        case sl_key_enter(): return .enter
        case sl_key_backspace(): return .backspace
        case sl_key_dc(): return .delete
        case sl_key_ic(): return .insert
        case sl_key_resize(): return .resize
        case sl_key_f(1)...sl_key_f(63): return .function(Int(code - sl_key_f(0)))
        default: return .unknown(Int(code))
        }
    }

    public func draw(_ buffer: Buffer) {
        guard !isShutDown else { return }
        let screen = size
        let width = min(buffer.size.width, screen.width)
        let height = min(buffer.size.height, screen.height)
        _ = sl_erase()
        var run: [wchar_t] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = buffer[x, y].style
                let start = x
                run.removeAll(keepingCapacity: true)
                // One call per run of same-styled cells; ncurses advances two
                // columns for a wide character, which is why continuation
                // cells add nothing to the run.
                while x < width, buffer[x, y].style == style {
                    let cell = buffer[x, y]
                    x += 1
                    if cell.isContinuation { continue }
                    appendSymbol(cell.symbol, to: &run, cutAtEdge: x >= width)
                }
                guard !run.isEmpty else { continue }
                setStyle(style)
                _ = sl_mvaddnwstr(Int32(y), Int32(start), run, Int32(run.count))
            }
        }
        _ = sl_attr_set(sl_attr_normal(), 0)
        _ = sl_refresh()
    }

    /// Appends a cell's symbol, or in its place its ASCII stand-in (a
    /// non-UTF-8 locale) or "?" when the C library's width disagrees with
    /// ours (an emoji the libc tables do not know): a disagreement would
    /// shift the rest of the row.
    private func appendSymbol(_ symbol: String, to run: inout [wchar_t], cutAtEdge: Bool) {
        let scalars = symbol.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value >= 0x20, only.value < 0x7F {
            run.append(wchar_t(only.value))
            return
        }
        let ours = displayWidth(of: symbol)
        if !isUTF8 {
            let fallback = ours == 1 ? ASCIIFallback.symbol(symbol) : String(repeating: "?", count: max(1, ours))
            run.append(contentsOf: fallback.unicodeScalars.map { wchar_t($0.value) })
            return
        }
        let base = scalars.first { displayWidth(of: $0) > 0 }
        let theirs = isUTF8 ? base.map { Int(sl_wcwidth(wchar_t($0.value))) } ?? -1 : -1
        if theirs == ours && !(ours == 2 && cutAtEdge) {
            run.append(contentsOf: scalars.map { wchar_t($0.value) })
        } else {
            run.append(contentsOf: Array(repeating: wchar_t(UInt8(ascii: "?")), count: max(1, ours)))
        }
    }

    private func setStyle(_ style: Style) {
        var attributes = sl_attr_normal()
        if style.bold { attributes |= sl_attr_bold() }
        if style.reverse { attributes |= sl_attr_reverse() }
        if style.dim { attributes |= sl_attr_dim() }
        if style.underline { attributes |= sl_attr_underline() }
        var pair: Int16 = 0
        if hasColors && (style.foreground != .default || style.background != .default) {
            var foreground = style.foreground
            var background = style.background
            // Terminals with 8 colours show bright foregrounds as bold.
            if colorCount < 16 {
                if foreground.isBright { attributes |= sl_attr_bold() }
                foreground = foreground.base
                background = background.base
            }
            pair = colorPair(foreground: foreground, background: background)
        }
        _ = sl_attr_set(attributes, pair)
    }

    /// The colour pair for these colours, created on first use; pair 0
    /// (default colours) when the terminal has run out of pairs.
    private func colorPair(foreground: Color, background: Color) -> Int16 {
        let key = (foreground.index + 1) * 32 + (background.index + 1)
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < maxPairs, next <= Int(Int16.max) else { return 0 }
        init_pair(Int16(next), Int16(foreground.index), Int16(background.index))
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// Leaves curses mode (endwin exactly once, shared with the guard).
    public func copyToClipboard(_ text: String) {
        guard !isShutDown else { return }
        sl_write_raw(Self.osc52(text))
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        TerminalGuard.restore()
    }
}
