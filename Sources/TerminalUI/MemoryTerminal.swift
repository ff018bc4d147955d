/// An in-memory ``Terminal`` for tests and `--replay --dump-screen`: keys
/// come from a script, frames are kept instead of displayed.
///
/// ```swift
/// let terminal = MemoryTerminal(size: Size(width: 80, height: 24),
///                               keys: try Key.parse(replay: "j j Enter"))
/// runApp(on: terminal)
/// XCTAssertEqual(terminal.screenLines()[0], " SteamLens …")
/// ```
public final class MemoryTerminal: Terminal {
    /// Setting the size directly does not queue a resize key; use
    /// ``resize(to:)`` to simulate the user resizing the window.
    public var size: Size
    public private(set) var pendingKeys: [Key]
    /// The last frame drawn, nil before the first.
    public private(set) var lastBuffer: Buffer?
    public private(set) var drawCount = 0
    public private(set) var isShutDown = false
    public private(set) var shutdownCount = 0
    /// What ``copyToClipboard(_:)`` was asked to copy, in order.
    public private(set) var clipboard: [String] = []

    public init(size: Size = Size(width: 80, height: 24), keys: [Key] = []) {
        self.size = size
        self.pendingKeys = keys
    }

    /// Convenience: keys in replay syntax (see ``Key/parse(replay:)``).
    public convenience init(size: Size = Size(width: 80, height: 24), replay: String) throws {
        self.init(size: size, keys: try Key.parse(replay: replay))
    }

    /// Queues more keys after the ones already waiting.
    public func enqueue(_ keys: [Key]) {
        pendingKeys += keys
    }

    /// Changes the size and queues a ``Key/resize``, as a real terminal does.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.append(.resize)
    }

    /// The next scripted key; nil (at once, without waiting) when the script is empty.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func draw(_ buffer: Buffer) {
        lastBuffer = buffer
        drawCount += 1
    }

    public func shutdown() {
        if !isShutDown { shutdownCount += 1 }
        isShutDown = true
    }

    /// The last frame's rows (blank rows of the current size before any draw).
    public func screenLines() -> [String] {
        (lastBuffer ?? Buffer(size: size)).plainLines()
    }

    /// The last frame as text, rows joined by newlines.
    public func screenText() -> String {
        screenLines().joined(separator: "\n")
    }

    public func copyToClipboard(_ text: String) {
        clipboard.append(text)
    }
}
