import SteamLensData
import SteamLensEngine

/// What kind of failure an error is, decided once for every face of
/// SteamLens: the CLI turns it into an exit code, the HTTP API into a status
/// and a stable problem `code`.
///
/// ```swift
/// let failure = Failure(error)
/// exit(failure.kind.exitCode)                   // CLI
/// Response(status: .init(code: failure.kind.httpStatus))   // server
/// ```
public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A developer, genre, user or game that matched nothing.
        case unknownName = "unknown_name"
        /// A malformed argument ("20x9" as a year).
        case badArgument = "bad_argument"
        /// A valid question the data holds no answer to.
        case noResult = "no_result"
        /// The data folder or its store is missing or unusable.
        case badData = "bad_data"
        /// Anything else: a bug.
        case internalError = "internal"

        /// The CLI's documented exit codes: 1 no result or bad argument, 2 bad or missing data.
        public var exitCode: Int32 {
            switch self {
            case .unknownName, .badArgument, .noResult: return 1
            case .badData, .internalError: return 2
            }
        }

        /// The HTTP status the API answers with.
        public var httpStatus: Int {
            switch self {
            case .unknownName, .noResult: return 404
            case .badArgument: return 400
            case .badData: return 503
            case .internalError: return 500
            }
        }

        /// A short, stable human title (RFC 9457 `title`).
        public var title: String {
            switch self {
            case .unknownName: return "No such name"
            case .badArgument: return "Bad argument"
            case .noResult: return "No result"
            case .badData: return "Data unavailable"
            case .internalError: return "Internal error"
            }
        }
    }

    public var kind: Kind
    /// A sentence the user can act on. For `.internalError` it may hold
    /// implementation detail: the CLI prints it, the server never sends it.
    public var message: String
    /// Near misses of an unknown name, closest first.
    public var suggestions: [String]

    public init(kind: Kind, message: String, suggestions: [String] = []) {
        self.kind = kind
        self.message = message
        self.suggestions = suggestions
    }

    /// Classifies an engine, store or data-folder error.
    public init(_ error: any Error) {
        switch error {
        case let failure as Failure:
            self = failure
        case let query as QueryError:
            switch query {
            case .unknownName(_, _, let suggestions):
                self.init(kind: .unknownName, message: query.description, suggestions: suggestions)
            case .badArgument:
                self.init(kind: .badArgument, message: query.description)
            case .noResult:
                self.init(kind: .noResult, message: query.description)
            }
        case let locate as DataDirectory.LocateError:
            self.init(kind: .badData, message: locate.description)
        case let store as StoreError:
            self.init(kind: .badData, message: store.description)
        default:
            self.init(kind: .internalError, message: "\(error)")
        }
    }

    public var description: String { message }
}
