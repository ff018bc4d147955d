/// A screen the app draws frames on and reads keys from.
///
/// The app's loop is the same for the real terminal and for tests:
///
/// ```swift
/// while !state.quit {
///     if let key = terminal.readKey(timeoutMilliseconds: 50) { state = reduce(state, .key(key)) }
///     terminal.draw(render(state, size: terminal.size))
/// }
/// terminal.shutdown()
/// ```
public protocol Terminal: AnyObject {
    /// Current size in cells. After a ``Key/resize`` this is the new size.
    var size: Size { get }
    /// The next key, or nil when none arrived within the timeout.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Shows `buffer` (the size of ``size``).
    func draw(_ buffer: Buffer)
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
    /// Puts `text` on the clipboard of the terminal the user sits at (OSC 52,
    /// which also crosses SSH and tmux with `set-clipboard on`).
    func copyToClipboard(_ text: String)
}

extension Terminal {
    /// The OSC 52 sequence that asks a terminal to set its clipboard to `text`.
    ///
    /// ```swift
    /// osc52("Valve")   // "\u{1B}]52;c;VmFsdmU=\u{07}"
    /// ```
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    /// Standard base64 with padding (kept here: TerminalUI imports no Foundation).
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return out
    }
}

/// Why a terminal could not be started; each says what to do next.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case notATTY(stream: String)
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (`TERM=dumb`, printing terminals).
    case noCursorAddressing(String)

    public var description: String {
        switch self {
        case .notATTY(let stream):
            return "\(stream) is not a TTY: run steamlens in a terminal, or use a subcommand (e.g. `steamlens query`) for plain output"
        case .unknownTerminal(let name):
            return "terminal '\(name)' is unknown to ncurses: set TERM to a known type (e.g. TERM=xterm-256color) or install its terminfo entry"
        case .noCursorAddressing(let name):
            return "terminal '\(name)' cannot move the cursor, so a full-screen explorer cannot draw: set TERM to a full-screen type (e.g. TERM=xterm-256color)"
        }
    }
}
