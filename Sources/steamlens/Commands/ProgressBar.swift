import Foundation

/// A one-line progress bar on stderr, redrawn in place — only when stderr
/// is a terminal, so pipes and logs stay quiet.
///
/// ```swift
/// let bar = ProgressBar(label: "parse")
/// bar.update(0.5)     // parse ▕██████      ▏  50 %  1.2 s
/// bar.finish()
/// ```
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var shown = -1

    init(label: String, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.label = label
        self.enabled = enabled
    }

    /// Draws `fraction` (0…1) when it moved by a percent or more.
    func update(_ fraction: Double) {
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard enabled, percent != shown else { return }
        shown = percent
        FileHandle.standardError.write(Data(("\r" + Self.line(label: label, fraction: fraction, seconds: elapsed) + "\u{1B}[K").utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + Self.line(label: label, fraction: 1, seconds: elapsed) + "\u{1B}[K\n").utf8))
    }

    private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// The bar as text, 20 cells wide with eighths, e.g. `parse ▕█████▌    ▏  28 %  0.4 s`.
    static func line(label: String, fraction: Double, seconds: Double) -> String {
        let clamped = min(max(fraction, 0), 1)
        let eighths = Int((clamped * 20 * 8).rounded(.down))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let cells = String(repeating: "█", count: eighths / 8) + partial
        return label + " ▕" + cells.padding(toLength: 20, withPad: " ", startingAt: 0) + "▏"
            + String(format: " %3d %%  %.1f s", Int(clamped * 100), seconds)
    }
}
