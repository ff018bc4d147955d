import Foundation
import SteamLensEngine

/// A data set as the API sees it: its questions, its browsing lists, the
/// query parameters of its definitions and the drop-in aliases of the
/// notebooks that called the original service. Routes, the OpenAPI document
/// and the index page are generated from these values; adding a data set is
/// one more value (`APIDataSet.steam`, `APIDataSet.streaming`).
///
/// The engine is passed as `any Sendable` because each data set has its own
/// engine type; each data set's closures cast it back.
public struct APIDataSet: Sendable {
    /// The path segment after `/v1/`: "steam".
    public let id: String
    public let questions: [APIQuestion]
    public let lists: [APIList]
    public let aliases: [Alias]
    /// The definitions every question and list of this data set takes as query parameters.
    let definitions: [QueryParameter]
    /// Example values for path parameters, by argument name, from a loaded engine.
    let examples: @Sendable (any Sendable) -> [String: String]
    /// What `/health` reports of a loaded engine ("games": 32132, …).
    let health: @Sendable (any Sendable) -> [(String, Int)]

    init(id: String, questions: [APIQuestion], lists: [APIList], aliases: [Alias], definitions: [QueryParameter],
         examples: @escaping @Sendable (any Sendable) -> [String: String],
         health: @escaping @Sendable (any Sendable) -> [(String, Int)]) {
        self.id = id
        self.questions = questions
        self.lists = lists
        self.aliases = aliases
        self.definitions = definitions
        self.examples = examples
        self.health = health
    }
}

/// A rendered-to-be answer of any data set: what `ResultPrinter` prints.
struct APIResult {
    var table: ResultTable
    var json: any Encodable
    /// The definitions the answer was computed under, as the header spells them.
    var definitions: String
    /// For a list: the rows in all pages.
    var total: Int?
}

/// One question of a data set.
public struct APIQuestion: Sendable {
    public let name: String
    /// The arguments in order, each with its kind and the rule of its path parameter.
    public let parameters: [QueryArgument]
    public let summary: String
    /// Query parameters only this question takes (options such as `model`).
    let options: [QueryParameter]
    /// The path-parameter rule of each argument.
    let formats: [ArgumentFormat]
    let answer: @Sendable (_ engine: any Sendable, _ arguments: [String], _ query: QueryValues) throws -> APIResult

    public var arguments: [String] { parameters.map(\.name) }

    /// A registry summary as the API shows it: without the CLI's flag hints
    /// ("(--model …)"), since the API takes query parameters, listed beside it.
    static func summary(_ text: String) -> String {
        guard let open = text.range(of: " (--"), let close = text[open.upperBound...].firstIndex(of: ")") else { return text }
        return String(text[..<open.lowerBound]) + text[text.index(after: close)...]
    }
}

/// One browsing list of a data set (developers, titles, …), paged.
public struct APIList: Sendable {
    public let name: String
    public let summary: String
    /// The kinds of its path arguments (Steam's reviews take a game).
    let arguments: [QueryArgument]
    /// Whether it takes `?scope=`, and the scope rule.
    let scope: QueryParameter?
    let answer: @Sendable (_ engine: any Sendable, _ arguments: [String], _ query: QueryValues) throws -> APIResult
}

/// A path the original notebooks call, mapped onto a question: one row each.
///
/// `arguments` lists the question's arguments in the question's order, each
/// named by the alias path parameter that carries it, so an alias whose
/// order differs from the question's (`/get_max_duration/{year}/{platform}/…`
/// for a question taking platform first) is still one row.
public struct Alias: Sendable {
    public let path: String
    public let question: String
    public let arguments: [String]

    public init(_ path: String, _ question: String, arguments: [String]? = nil) {
        self.path = path
        self.question = question
        self.arguments = arguments ?? Route.parameterNames(Route.parse(path))
    }
}

/// The engine a data set's closure was given is not the one it expects: a wiring bug, never the client's fault.
struct WrongEngine: Error {}

extension APIDataSet {
    /// The v1 routes and aliases of this data set.
    var routes: [Route] {
        var routes: [Route] = []
        for question in questions {
            routes.append(Route(template: v1Template(question), target: .question(question, dataSet: id, argumentOrder: Array(question.arguments.indices)),
                                operationId: "\(id)_\(question.name)", summary: question.summary,
                                queryParameters: question.options + definitions + [Parameters.format]))
        }
        for list in lists {
            var template = "/v1/\(id)/\(list.name)"
            for argument in list.arguments { template += "/{\(Self.parameterName(argument.name))}" }
            let parameters = (list.scope.map { [$0] } ?? []) + Parameters.paging + definitions + [Parameters.format]
            routes.append(Route(template: template, target: .list(list, dataSet: id), operationId: "\(id)_list_\(list.name)",
                                summary: list.summary, queryParameters: parameters,
                                pathFormats: list.arguments.map { ArgumentFormat($0.kind) }))
        }
        for alias in aliases {
            guard let question = questions.first(where: { $0.name == alias.question }) else {
                preconditionFailure("alias \(alias.path) names no question \(alias.question)")
            }
            let pathParameters = Route.parameterNames(Route.parse(alias.path))
            let order = alias.arguments.map { name -> Int in
                guard let index = pathParameters.firstIndex(of: name) else {
                    preconditionFailure("alias \(alias.path) has no parameter \(name)")
                }
                return index
            }
            precondition(order.count == question.arguments.count, "alias \(alias.path) gives \(order.count) arguments to \(question.name)")
            let v1 = v1Template(question)
            let operationName = alias.path.split(separator: "/").first.map(String.init) ?? alias.question
            routes.append(Route(template: alias.path, target: .question(question, dataSet: id, argumentOrder: order),
                                operationId: "alias_\(operationName)", summary: "alias of \(v1): \(question.summary)",
                                queryParameters: question.options + definitions + [Parameters.format], aliasOf: v1))
        }
        return routes
    }

    /// `/v1/steam/developer/{developer}`: a question's route, its arguments in the registry's order.
    func v1Template(_ question: APIQuestion) -> String {
        "/v1/\(id)/\(question.name)" + question.arguments.map { "/{\(Self.parameterName($0))}" }.joined()
    }

    /// A registry argument name as a path parameter: "item_id or title" → "item_id_or_title".
    static func parameterName(_ argument: String) -> String {
        var name = ""
        for character in argument.lowercased() {
            if character.isLetter || character.isNumber {
                name.append(character)
            } else if !name.hasSuffix("_") {
                name.append("_")
            }
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }
}

/// The query parameters every data set shares.
enum Parameters {
    static let format = QueryParameter(name: "format", kind: .choice(["json", "csv"], default: "json"),
                                       summary: "json (the body of `steamlens query … --format json`) or csv.")

    static let paging: [QueryParameter] = [
        QueryParameter(name: "sort", kind: .choice(ListPage.Sort.allCases.map(\.rawValue), default: ListPage.Sort.count.rawValue),
                       summary: "Sort by name, count or the secondary figure."),
        QueryParameter(name: "ascending", kind: .boolean(default: false),
                       summary: "Ascending order (default: descending for numbers, ascending for names)."),
        QueryParameter(name: "offset", kind: .integer(minimum: 0, maximum: 1_000_000_000, default: 0), summary: "Rows to skip."),
        QueryParameter(name: "limit", kind: .integer(minimum: 1, maximum: maximumLimit, default: defaultLimit),
                       summary: "Rows to return (at most \(maximumLimit))."),
    ]

    static let defaultLimit = 100
    static let maximumLimit = 10_000

    /// A choice among an enum's raw values, defaulting to `fallback`.
    static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, default fallback: T, _ summary: String)
        -> QueryParameter where T.RawValue == String {
        QueryParameter(name: name, kind: .choice(T.allCases.map(\.rawValue), default: fallback.rawValue), summary: summary)
    }
}
