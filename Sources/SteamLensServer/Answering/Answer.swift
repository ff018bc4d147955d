import Foundation
import SteamLensEngine
import SteamLensOutput

/// A computed answer: the body bytes and the headers that describe them.
/// Answers are pure functions of the (immutable) engines and the request,
/// so they can be cached and shared between requests.
struct Answer: Sendable {
    var body: [UInt8]
    var contentType: String
    var headers: [(String, String)]

    /// Answers a question or list the way `steamlens query … --format json|csv` prints it.
    static func compute(_ route: Route, values: [String], query: QueryValues, engines: LoadedEngines) throws(Problem) -> Answer {
        let result: APIResult
        var parameterAtFault: String?
        do {
            switch route.target {
            case .question(let question, let dataSet, let order):
                let arguments = order.map { values[$0] }
                // A bad or unknown argument of a one-argument question is that parameter's fault.
                if order.count == 1 { parameterAtFault = route.pathParameters[order[0]] }
                result = try question.answer(try engines.engine(for: dataSet), arguments, query)
            case .list(let list, let dataSet):
                parameterAtFault = route.pathParameters.first ?? (query.scope == nil ? nil : "scope")
                result = try list.answer(try engines.engine(for: dataSet), values, query)
            case .index, .openAPI, .health, .metrics:
                preconditionFailure("not a data route")
            }
        } catch is WrongEngine {
            throw Problem.internalError
        } catch let problem as Problem {
            throw problem
        } catch {
            if parameterAtFault == nil, case .question(let question, _, let order) = route.target {
                parameterAtFault = Self.argumentAtFault(error, question: question, order: order, route: route)
            }
            throw Problem(Failure(error), parameter: parameterAtFault)
        }
        var headers: [(String, String)] = []
        if let total = result.total { headers.append(("X-Total-Count", String(total))) }
        headers.append(("SteamLens-Definitions", result.definitions))
        // The CLI's own printer, as for a pipe (no terminal sanitizing: the bytes are the data's).
        let format: OutputFormat = query.format == .json ? .json : .csv
        guard let text = try? ResultPrinter.render(table: result.table, json: result.json, definitions: result.definitions,
                                                   format: format, toTerminal: false) else { throw Problem.internalError }
        let contentType = format == .json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8"
        return Answer(body: Array(text.utf8), contentType: contentType, headers: headers)
    }

    /// The path parameter a question's error is about, when it names one of
    /// the question's arguments: "<from> … is not a date", or an unknown
    /// name of the argument's kind ("No country named …").
    static func argumentAtFault(_ error: any Error, question: APIQuestion, order: [Int], route: Route) -> String? {
        let arguments = question.arguments
        var index: Int?
        switch error as? QueryError {
        case .unknownName(let kind, _, _)?:
            index = arguments.firstIndex { $0 == kind || $0.hasPrefix(kind + " ") }
        case .badArgument(let message)?:
            index = arguments.firstIndex { message.contains("<\($0)>") }
        case .noResult?, nil:
            break
        }
        return index.map { route.pathParameters[order[$0]] }
    }
}
