/// One entry of the key table: which keys, what they do, and how they are
/// described in the status bar and the help overlay.
public struct KeyBinding<Command> {
    public var keys: [Key]
    public var command: Command
    /// How the keys are shown, e.g. "↑/k". Defaults to the keys' display
    /// names joined by "/".
    public var displayName: String
    /// The full description shown in the help overlay.
    public var description: String
    /// Heading the binding is listed under in the help overlay.
    public var group: String
    /// Short text for the status bar; nil keeps the binding out of it.
    public var hint: String?
    /// Status-bar importance: lower numbers stay visible longest when the
    /// terminal is narrow.
    public var priority: Int

    public init(_ keys: [Key], _ command: Command, displayName: String? = nil, description: String,
                group: String = "General", hint: String? = nil, priority: Int = 100) {
        self.keys = keys
        self.command = command
        self.displayName = displayName ?? keys.map { $0.displayName() }.joined(separator: "/")
        self.description = description
        self.group = group
        self.hint = hint
        self.priority = priority
    }
}

extension KeyBinding: Sendable where Command: Sendable {}
extension KeyBinding: Equatable where Command: Equatable {}

/// The single table of key bindings that input handling, the status bar
/// and the help overlay are all built from, so the three cannot disagree.
///
/// ```swift
/// enum Command { case up, down, quit }
/// let keymap = Keymap<Command>([
///     KeyBinding([.up, .char("k")], .up, description: "move up", group: "Move"),
///     KeyBinding([.down, .char("j")], .down, description: "move down", group: "Move"),
///     KeyBinding([.char("q"), .ctrl("c")], .quit, displayName: "q", description: "quit",
///                hint: "quit", priority: 0),
/// ])
/// keymap.command(for: .char("j"))   // .down
/// StatusBar(keymap: keymap)          // " q quit"
/// ```
public struct Keymap<Command> {
    public var bindings: [KeyBinding<Command>]

    public init(_ bindings: [KeyBinding<Command>]) {
        self.bindings = bindings
    }

    /// The first binding that lists `key`.
    public func binding(for key: Key) -> KeyBinding<Command>? {
        bindings.first { $0.keys.contains(key) }
    }

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        binding(for: key)?.command
    }

    /// Group names in order of first appearance.
    public var groups: [String] {
        var seen = Set<String>()
        return bindings.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }

    /// Keys bound more than once: a table bug worth a test in the app.
    public var duplicateKeys: [Key] {
        var seen = Set<Key>()
        var duplicates: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted {
            duplicates.append(key)
        }
        return duplicates
    }

    /// Hints for the ``StatusBar``: bindings with a `hint`, in table order.
    public var statusHints: [StatusBar.Hint] {
        bindings.compactMap { binding in
            binding.hint.map { StatusBar.Hint(key: binding.displayName, description: $0, priority: binding.priority) }
        }
    }

    /// Entries for the ``HelpOverlay``: every binding, in table order.
    public var helpEntries: [HelpOverlay.Entry] {
        bindings.map { HelpOverlay.Entry(key: $0.displayName, description: $0.description, group: $0.group) }
    }
}

extension Keymap: Sendable where Command: Sendable {}
