import Foundation
import SteamLensEngine

/// Progress bars on stderr, redrawn in place — only when stderr is a
/// terminal, so pipes and logs stay quiet.
///
/// ```swift
/// let bar = ProgressBar(label: "generating")
/// bar.update(0.5)     // generating ▕██████████          ▏  50 %  1.2 s
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
        draw(label + " " + LoadProgress.bar(fraction), newline: false)
    }

    func finish() {
        draw(label + " " + LoadProgress.bar(1), newline: true)
    }

    /// One bar per phase of a cold start: redrawn while the phase runs, kept once it is done.
    static func phases(enabled: Bool = isatty(STDERR_FILENO) != 0) -> (LoadProgress) -> Void {
        var started = DispatchTime.now().uptimeNanoseconds
        return { progress in
            guard enabled else { return }
            if progress.fraction == 0 { started = DispatchTime.now().uptimeNanoseconds }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let line = progress.line + String(format: "  %.1f s", seconds)
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K" + (progress.fraction >= 1 ? "\n" : "")).utf8))
        }
    }

    private func draw(_ text: String, newline: Bool) {
        guard enabled else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        FileHandle.standardError.write(Data(("\r" + text + String(format: "  %.1f s", seconds) + "\u{1B}[K" + (newline ? "\n" : "")).utf8))
    }
}
