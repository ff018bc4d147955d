/// Where a cold start is: the phase, its number, and how far into it.
/// The CLI draws it as a bar on stderr (when that is a terminal); the
/// explorer's loading screen shows `line`.
///
/// ```swift
/// LoadProgress(phase: "parse raw files", step: 1, steps: 7, fraction: 0.5).line
/// // "1/7 parse raw files ▕██████████          ▏  50 %"
/// ```
public struct LoadProgress: Equatable, Sendable {
    public var phase: String
    public var step: Int
    public var steps: Int
    /// 0 when the phase starts, 1 when it is done.
    public var fraction: Double

    public var line: String {
        "\(step)/\(steps) \(phase) " + Self.bar(fraction)
    }

    /// A 20-cell bar with eighths and the percentage, e.g. `▕█████▌              ▏  28 %`.
    public static func bar(_ fraction: Double) -> String {
        let clamped = min(max(fraction, 0), 1)
        let eighths = Int((clamped * 20 * 8).rounded(.down))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let cells = String(repeating: "█", count: eighths / 8) + partial
        let padded = cells + String(repeating: " ", count: 20 - cells.count)
        let percent = String(Int(clamped * 100))
        return "▕" + padded + "▏ " + String(repeating: " ", count: 3 - percent.count) + percent + " %"
    }
}
