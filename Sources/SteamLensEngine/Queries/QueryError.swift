/// Why a query has no answer. Every case reads as a sentence a user can act on.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// A name matched nothing; `suggestions` are the closest names.
    case unknownName(kind: String, name: String, suggestions: [String])
    /// An argument is malformed ("20x9" as a year).
    case badArgument(String)
    /// The question is valid but the data holds no answer (no reviews that year).
    case noResult(String)

    public var description: String {
        switch self {
        case .unknownName(let kind, let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean: " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "No \(kind) named \"\(name)\".\(hint)"
        case .badArgument(let message), .noResult(let message):
            return message
        }
    }
}
