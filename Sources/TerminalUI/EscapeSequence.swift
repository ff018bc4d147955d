/// Decodes what follows an ESC byte that ncurses did not recognise itself.
///
/// ncurses maps the sequences the terminfo entry names (with `keypad` on);
/// any other sequence reaches the app byte by byte. Inside tmux with
/// `TERM=xterm-256color`, End arrives as `ESC [ 4 ~` while xterm's entry says
/// `ESC O F`, so `[`, `4` and `~` were read as keys and `4` jumped to the
/// Years pane. Here a whole sequence is read, `ESC [` parameters up to the
/// final byte (0x40–0x7E) or `ESC O` and one byte, and it becomes a key when
/// known and is dropped whole otherwise.
///
/// ```swift
/// var bytes = Array("[4~".unicodeScalars.map(\.value)).makeIterator()
/// EscapeSequence.read { bytes.next() }   // .key(.end)
/// ```
public enum EscapeSequence {
    public enum Result: Equatable, Sendable {
        case key(Key)
        /// A sequence the app does not know, consumed whole.
        case dropped
        /// Esc, then an ordinary key typed (or scripted) right after it:
        /// that byte is the next key's, to be read again.
        case escapeThen(UInt32)
    }

    /// Longest sequence read before giving up (real ones are under 10 bytes).
    static let maximumLength = 32

    /// Reads the rest of a sequence after ESC. `next` returns the next byte,
    /// or nil when none arrives in time; nothing at all means a lone Esc.
    public static func read(next: () -> UInt32?) -> Result {
        guard let introducer = next() else { return .key(.escape) }
        switch introducer {
        case 0x5B:   // "[": CSI parameters and intermediates, then one final byte.
            var parameters = ""
            for _ in 0..<maximumLength {
                guard let byte = next() else { return .dropped }
                switch byte {
                case 0x20...0x3F: parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
                case 0x40...0x7E: return csi(parameters: parameters, final: Character(Unicode.Scalar(UInt8(byte))))
                default: return .dropped
                }
            }
            return .dropped
        case 0x4F:   // "O": SS3 and one byte.
            guard let byte = next(), (0x40...0x7E).contains(byte) else { return .dropped }
            return ss3(Character(Unicode.Scalar(UInt8(byte))))
        default:
            // Esc and a key within the escape delay, which is also how Alt+key
            // arrives: the app binds no Alt chords, so both keys count.
            return .escapeThen(introducer)
        }
    }

    /// `ESC [ … final`: cursor keys by their final letter (modifiers such as
    /// `1;5` ignored), editing keys by their number before `~`.
    static func csi(parameters: String, final: Character) -> Result {
        if parameters.hasPrefix("<") { return sgrMouse(parameters.dropFirst(), final: final) }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        if let key = cursorKey(final) { return .key(key) }
        switch final {
        case "Z": return .key(.backTab)
        case "~":
            guard let first = numbers.first, let code = first else { return .dropped }
            switch code {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 2: return .key(.insert)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 11...15: return .key(.function(code - 10))
            case 17...21: return .key(.function(code - 11))
            case 23, 24: return .key(.function(code - 12))
            default: return .dropped
            }
        default:
            return .dropped
        }
    }

    /// `ESC [ < button ; x ; y M` (press) or `m` (release), the SGR mouse
    /// report (mode 1006) the explorer asks for: a left press is a click,
    /// buttons 64/65 the wheel; releases, drags and other buttons are dropped.
    static func sgrMouse(_ parameters: Substring, final: Character) -> Result {
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        guard final == "M", numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return .dropped }
        let (button, x, y) = (numbers[0], numbers[1] - 1, numbers[2] - 1)
        switch button {
        case 0: return .key(.mouse(x: x, y: y))
        case 64: return .key(.wheel(up: true, x: x, y: y))
        case 65: return .key(.wheel(up: false, x: x, y: y))
        default: return .dropped
        }
    }

    /// The arrows, Home and End, which CSI and SS3 spell with the same final letter.
    private static func cursorKey(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        default: return nil
        }
    }

    /// `ESC O x`: application-mode cursor keys, Home/End, F1–F4, keypad Enter.
    static func ss3(_ final: Character) -> Result {
        if let key = cursorKey(final) { return .key(key) }
        switch final {
        case "M": return .key(.enter)
        case "P": return .key(.function(1))
        case "Q": return .key(.function(2))
        case "R": return .key(.function(3))
        case "S": return .key(.function(4))
        default: return .dropped
        }
    }
}
