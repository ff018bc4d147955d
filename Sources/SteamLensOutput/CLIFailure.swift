import SteamLensData
import SteamLensEngine

/// A failure with the exit code the docs promise: 1 for no result or a bad
/// argument, 2 for missing or bad data. The classification is `Failure`'s,
/// the same one the HTTP API turns into statuses.
public struct CLIFailure: Error, Sendable {
    public var message: String
    public var code: Int32

    public static func noResult(_ message: String) -> CLIFailure { CLIFailure(message: message, code: 1) }
    public static func badData(_ message: String) -> CLIFailure { CLIFailure(message: message, code: 2) }

    /// Maps an engine or data error to its exit code.
    public init(_ error: any Error) {
        if let failure = error as? CLIFailure {
            self = failure
        } else {
            let failure = Failure(error)
            self.init(message: failure.message, code: failure.kind.exitCode)
        }
    }

    public init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }
}
