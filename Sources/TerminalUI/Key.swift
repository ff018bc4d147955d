/// One key press, as the app sees it, whatever the terminal sent.
///
/// Printable keys (space included) are `.char`; Ctrl-letter chords are
/// `.ctrl` with the lowercase letter. Tab, Enter, Esc and Backspace have
/// their own cases even though they are control codes, because that is
/// how users think of them.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab
    case enter, escape, backspace, delete, insert
    /// The terminal changed size; read the new ``Terminal/size``.
    case resize
    case ctrl(Character)
    /// F1 … F63.
    case function(Int)
    /// A left-button press at a cell, 0-based (only if the backend enables the mouse).
    case mouse(x: Int, y: Int)
    /// The wheel turned up (away from the user) or down over a cell.
    case wheel(up: Bool, x: Int, y: Int)
    /// A key code the backend could not name.
    case unknown(Int)

    /// A key from a control code (0x00–0x1F, 0x7F) as read in cbreak mode.
    ///
    /// ```swift
    /// Key(controlCode: 3)   // .ctrl("c")
    /// Key(controlCode: 9)   // .tab
    /// ```
    public init(controlCode code: UInt32) {
        switch code {
        case 0x09: self = .tab
        case 0x0A, 0x0D: self = .enter
        case 0x1B: self = .escape
        case 0x08, 0x7F: self = .backspace
        case 0x00: self = .ctrl(" ")
        case 0x01...0x1A:
            self = .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0x1C...0x1F:
            // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_
            self = .ctrl(Character(Unicode.Scalar(UInt8(0x40 + code))))
        default:
            if let scalar = Unicode.Scalar(code), !isControl(scalar) {
                self = .char(Character(scalar))
            } else {
                self = .unknown(Int(code))
            }
        }
    }

    /// The key's name in replay syntax, which ``parse(replay:)`` reads
    /// back: "j", "Up", "C-c", "Space", "F5".
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "BSpace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .resize: return "Resize"
        case .ctrl(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .mouse(let x, let y): return "Click(\(x),\(y))"
        case .wheel(let up, let x, let y): return (up ? "WheelUp" : "WheelDown") + "(\(x),\(y))"
        case .unknown(let code): return "Unknown(\(code))"
        }
    }

    /// How the key is shown to users in hints and help: arrows as ↑↓←→
    /// when `unicode`, Ctrl chords as "Ctrl-c".
    public func displayName(unicode: Bool = true) -> String {
        switch self {
        case .up: return unicode ? "↑" : "Up"
        case .down: return unicode ? "↓" : "Down"
        case .left: return unicode ? "←" : "Left"
        case .right: return unicode ? "→" : "Right"
        case .backTab: return "S-Tab"
        case .ctrl(let c): return "Ctrl-\(c)"
        default: return name
        }
    }
}

extension Key: CustomStringConvertible {
    public var description: String { name }
}
