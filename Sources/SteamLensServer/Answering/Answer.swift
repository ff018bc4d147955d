import Foundation
import SteamLensEngine
import SteamLensOutput

/// A computed answer: the body bytes and the headers that describe them.
/// Answers are pure functions of the (immutable) engine and the request,
/// so they can be cached and shared between requests.
struct Answer: Sendable {
    var body: [UInt8]
    var contentType: String
    var headers: [(String, String)]

    /// Answers a question or list the way `steamlens query … --format json|csv` prints it.
    static func compute(_ route: Route, values: [String], query: QueryValues, engine: Engine) throws(Problem) -> Answer {
        let result: any QueryResult
        var headers: [(String, String)] = []
        var parameterAtFault: String?
        do {
            switch route.target {
            case .question(let question, _, let order):
                let arguments = order.map { values[$0] }
                // A bad or unknown argument of a one-argument question is that parameter's fault.
                if order.count == 1 { parameterAtFault = route.pathParameters[order[0]] }
                result = try question(engine, arguments, query.definitions, query.options)
            case .list(let kind, _):
                let scope = kind == .reviews ? values.first : query.scope
                parameterAtFault = kind == .reviews ? route.pathParameters.first : (query.scope == nil ? nil : "scope")
                let page = try engine.list(kind, of: scope, sort: query.sort, descending: query.ascending ? false : nil,
                                           offset: query.offset, limit: query.limit, definitions: query.definitions)
                headers.append(("X-Total-Count", String(page.total)))
                result = page
            case .index, .openAPI, .health, .metrics:
                preconditionFailure("not a data route")
            }
        } catch {
            throw Problem(Failure(error), parameter: parameterAtFault)
        }
        headers.append(("SteamLens-Definitions", Self.describe(result.definitions)))
        // The CLI's own printer, as for a pipe (no terminal sanitizing: the bytes are the data's).
        let format: OutputFormat = query.format == .json ? .json : .csv
        guard let text = try? ResultPrinter.render(result, format: format, toTerminal: false) else { throw Problem.internalError }
        let contentType = format == .json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8"
        return Answer(body: Array(text.utf8), contentType: contentType, headers: headers)
    }

    /// The definitions an answer was computed under, as a header value
    /// (`review_year=posted; unit=hours; join=item_id`), so the body stays
    /// byte-identical to the CLI's.
    static func describe(_ definitions: Definitions) -> String {
        "review_year=\(definitions.reviewYear.rawValue); unit=\(definitions.timeUnit.rawValue); join=\(definitions.joinKey.rawValue)"
    }

}
