/// A token in a replay string that names no key.
public struct KeyReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    public var token: String
    /// 1-based position of the token in the replay string.
    public var position: Int

    public var description: String {
        "unknown key '\(token)' (token \(position)) in replay string; use single characters or one of: "
            + Key.replayNames.joined(separator: " ") + " C-x F1…F63 Click(x,y) WheelUp(x,y) WheelDown(x,y)"
    }
}

extension Key {
    /// Named keys of the replay syntax (case-insensitive), aliases included.
    static let namedKeys: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "ppage": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "npage": .pageDown,
        "home": .home, "end": .end,
        "tab": .tab, "btab": .backTab, "s-tab": .backTab, "backtab": .backTab,
        "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape,
        "space": .char(" "), "spc": .char(" "),
        "bspace": .backspace, "backspace": .backspace, "bs": .backspace,
        "del": .delete, "delete": .delete, "dc": .delete,
        "ins": .insert, "insert": .insert, "ic": .insert,
        "resize": .resize,
    ]

    /// The canonical names, for error messages.
    static let replayNames = ["Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
                              "Tab", "BTab", "Enter", "Esc", "Space", "BSpace", "Del", "Ins", "Resize"]

    /// Reads one replay token: a single character stands for itself,
    /// otherwise a key name (case-insensitive), `C-x` for Ctrl-x, or `F1`…`F63`.
    public init?(replayToken token: some StringProtocol) {
        if token.count == 1, let character = token.first {
            self = .char(character)
            return
        }
        let lower = token.lowercased()
        if let named = Key.namedKeys[lower] {
            self = named
            return
        }
        if lower.hasPrefix("c-"), token.count == 3, let character = lower.last {
            self = .ctrl(character)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            self = .function(n)
            return
        }
        // Click(x,y), WheelUp(x,y), WheelDown(x,y): 0-based cells.
        if lower.hasSuffix(")"), let open = lower.firstIndex(of: "(") {
            let numbers = lower[lower.index(after: open)..<lower.index(before: lower.endIndex)]
                .split(separator: ",").compactMap { Int($0) }
            guard numbers.count == 2, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
            switch lower[..<open] {
            case "click": self = .mouse(x: numbers[0], y: numbers[1])
            case "wheelup": self = .wheel(up: true, x: numbers[0], y: numbers[1])
            case "wheeldown": self = .wheel(up: false, x: numbers[0], y: numbers[1])
            default: return nil
            }
            return
        }
        return nil
    }

    /// Parses the replay syntax used by `--replay` and tests: keys separated
    /// by spaces, each a single character or a key name.
    ///
    /// ```swift
    /// try Key.parse(replay: "j j Tab Enter / v a l v e Esc")
    /// // [.char("j"), .char("j"), .tab, .enter, .char("/"), .char("v"), …, .escape]
    /// ```
    ///
    /// - Throws: ``KeyReplayError`` naming the first token that is not a key.
    public static func parse(replay: String) throws -> [Key] {
        var keys: [Key] = []
        for (index, token) in replay.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).enumerated() {
            guard let key = Key(replayToken: token) else {
                throw KeyReplayError(token: String(token), position: index + 1)
            }
            keys.append(key)
        }
        return keys
    }

    /// The replay string for `keys`; ``parse(replay:)`` reads it back.
    public static func replayString(_ keys: [Key]) -> String {
        keys.map(\.name).joined(separator: " ")
    }
}
