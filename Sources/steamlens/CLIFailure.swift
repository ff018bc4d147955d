import SteamLensData
import SteamLensEngine

/// A failure with the exit code the docs promise: 1 for no result or a bad
/// argument, 2 for missing or bad data.
struct CLIFailure: Error {
    var message: String
    var code: Int32

    static func noResult(_ message: String) -> CLIFailure { CLIFailure(message: message, code: 1) }
    static func badData(_ message: String) -> CLIFailure { CLIFailure(message: message, code: 2) }

    /// Maps an engine or data error to its exit code.
    init(_ error: Error) {
        switch error {
        case let failure as CLIFailure: self = failure
        case let query as QueryError: self.init(message: query.description, code: 1)
        case let locate as DataDirectory.LocateError: self.init(message: locate.description, code: 2)
        case let store as StoreError: self.init(message: store.description, code: 2)
        default: self.init(message: "\(error)", code: 2)
        }
    }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }
}
