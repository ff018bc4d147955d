import Dispatch
import Foundation
import TerminalUI

/// What the screen shows while the engine loads (the first ETL of the real
/// data takes seconds): the source, the loader's latest progress message
/// and the time so far, so the screen never looks frozen.
public struct LoadingScreen: Widget {
    public var source: String
    public var message: String
    public var seconds: Double
    public var theme: Theme

    public init(source: String, message: String, seconds: Double, theme: Theme = .color) {
        self.source = source
        self.message = message
        self.seconds = seconds
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let lines = ["SteamLens", "loading \(source)", message, String(format: "%.1f s · q quits", seconds)]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = min(line.displayWidth, area.width)
            buffer.write(line, x: area.x + (area.width - width) / 2, y: top + index,
                         style: index == 0 ? theme.header : (index == 3 ? theme.muted : theme.text), maxWidth: area.width)
        }
    }

    /// Runs `work` on a background thread while drawing this screen on
    /// `terminal`; nil when the user pressed q or Ctrl-C first.
    public static func wait<T: Sendable>(on terminal: Terminal, source: String, theme: Theme,
                                         work: @escaping @Sendable (_ progress: @escaping @Sendable (String) -> Void) throws -> T)
        -> Result<T, Error>? {
        let box = LoadingBox<T>()
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.global(qos: .userInitiated).async {
            let result = Result { try work { box.setMessage($0) } }
            box.finish(result)
        }
        while true {
            if let result = box.result { return result }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            var screen = Screen(size: terminal.size)
            screen.render(LoadingScreen(source: source, message: box.message, seconds: seconds, theme: theme))
            terminal.draw(screen)
            if let key = terminal.readKey(timeoutMilliseconds: 100), key == .char("q") || key == .ctrl("c") {
                return nil
            }
        }
    }
}

private final class LoadingBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var _message = "opening the store …"
    private var _result: Result<T, Error>?

    var message: String { lock.withLock { _message } }
    var result: Result<T, Error>? { lock.withLock { _result } }
    func setMessage(_ text: String) { lock.withLock { _message = text } }
    func finish(_ result: Result<T, Error>) { lock.withLock { _result = result } }
}
