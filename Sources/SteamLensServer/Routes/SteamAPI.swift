import Foundation
import SteamLensEngine

/// A data set as the API sees it: its questions (the query registry), its
/// browsing lists and the drop-in aliases of the notebooks that called the
/// original service. Adding a data set is one more value of this type.
public struct APIDataSet: Sendable {
    /// The path segment after `/v1/`: "steam".
    public let id: String
    public let questions: [NamedQuery]
    public let lists: [ListPage.Kind]
    public let aliases: [Alias]

    /// The Steam catalogue: every question of `QueryRegistry`, every list kind.
    public static let steam = APIDataSet(id: "steam", questions: QueryRegistry.all, lists: ListPage.Kind.allCases,
                                         aliases: Alias.steam)
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
        self.arguments = arguments ?? Route.parse(path).compactMap {
            if case .parameter(let name) = $0 { return name } else { return nil }
        }
    }

    /// The Steam notebooks' endpoints, spelled as they spelled them.
    public static let steam: [Alias] = [
        Alias("/developer/{desarrollador}", "developer"),
        Alias("/userdata/{User_id}", "userdata"),
        Alias("/UserForGenre/{genero}", "user_for_genre"),
        Alias("/best_developer_year/{año}", "best_developer_year"),
        Alias("/developer_reviews_analysis/{desarrolladora}", "developer_reviews_analysis"),
        Alias("/PlayTimeGenre/{genero}", "play_time_genre"),
        Alias("/UsersRecommend/{año}", "users_recommend"),
        Alias("/UsersNotRecommend/{año}", "users_not_recommend"),
        Alias("/sentiment_analysis/{año}", "sentiment_by_year"),
        Alias("/recomendacion_juego/{id}", "recommend_game"),
        Alias("/recomendacion_usuario/{id}", "recommend_user"),
    ]
}

/// The query parameters routes share.
enum Parameters {
    static let definitions: [QueryParameter] = [
        QueryParameter(name: "review_year", kind: .choice(Definitions.ReviewYear.allCases.map(\.rawValue), default: Definitions.standard.reviewYear.rawValue),
                       summary: "Year of a review: posted (the year in 'posted') or release (the game's release year)."),
        QueryParameter(name: "unit", kind: .choice(Definitions.TimeUnit.allCases.map(\.rawValue), default: Definitions.standard.timeUnit.rawValue),
                       summary: "Playtime unit (the CLI's --time): hours or minutes."),
        QueryParameter(name: "join", kind: .choice(Definitions.JoinKey.allCases.map(\.rawValue), default: Definitions.standard.joinKey.rawValue),
                       summary: "Join library and review rows to games by item_id, or by name (for comparison only)."),
    ]

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

    static let scope = QueryParameter(name: "scope", kind: .scope,
                                      summary: "Narrow the games to developer:NAME, genre:NAME, year:YYYY or user:ID.")

    /// Options only some questions take (`QueryOptions`).
    static func options(of question: String) -> [QueryParameter] {
        switch question {
        case "recommend_game":
            return [QueryParameter(name: "show_editions", kind: .boolean(default: false),
                                   summary: "Also list the game's own DLC, soundtracks and editions.")]
        case "recommend_user":
            return [QueryParameter(name: "model", kind: .choice(RecModel.allCases.map(\.rawValue), default: RecModel.best.rawValue),
                                   summary: "The user → games model.")]
        default:
            return []
        }
    }
}

extension APIDataSet {
    /// The v1 routes and aliases of this data set.
    var routes: [Route] {
        var routes: [Route] = []
        for question in questions {
            let names = question.arguments.map(Self.parameterName)
            let template = "/v1/\(id)/\(question.name)" + names.map { "/{\($0)}" }.joined()
            routes.append(Route(template: template, target: .question(question, dataSet: id, argumentOrder: Array(names.indices)),
                                operationId: "\(id)_\(question.name)", summary: question.summary,
                                queryParameters: Parameters.options(of: question.name) + Parameters.definitions + [Parameters.format]))
        }
        for kind in lists {
            let summary: String
            var template = "/v1/\(id)/\(kind.rawValue)"
            var parameters = Parameters.paging + Parameters.definitions + [Parameters.format]
            var arguments: [QueryArgument.Kind] = []
            switch kind {
            case .reviews:
                template += "/{game}"
                arguments = [.game]
                summary = "the reviews of a game (app id or title), paged"
            case .games:
                parameters.insert(Parameters.scope, at: 0)
                summary = "the games, or those of a developer, genre, year or user, paged"
            case .developers, .users, .genres, .years:
                summary = "the \(kind.rawValue), paged"
            }
            routes.append(Route(template: template, target: .list(kind, dataSet: id), operationId: "\(id)_list_\(kind.rawValue)",
                                summary: summary, queryParameters: parameters, listArguments: arguments))
        }
        for alias in aliases {
            guard let question = questions.first(where: { $0.name == alias.question }) else {
                preconditionFailure("alias \(alias.path) names no question \(alias.question)")
            }
            let pathParameters = Route.parse(alias.path).compactMap { segment -> String? in
                if case .parameter(let name) = segment { return name } else { return nil }
            }
            let order = alias.arguments.map { name -> Int in
                guard let index = pathParameters.firstIndex(of: name) else {
                    preconditionFailure("alias \(alias.path) has no parameter \(name)")
                }
                return index
            }
            precondition(order.count == question.arguments.count, "alias \(alias.path) gives \(order.count) arguments to \(question.name)")
            let v1 = "/v1/\(id)/\(question.name)" + question.arguments.map { "/{\(Self.parameterName($0))}" }.joined()
            let operationName = alias.path.split(separator: "/").first.map(String.init) ?? alias.question
            routes.append(Route(template: alias.path, target: .question(question, dataSet: id, argumentOrder: order),
                                operationId: "alias_\(operationName)", summary: "alias of \(v1): \(question.summary)",
                                queryParameters: Parameters.options(of: question.name) + Parameters.definitions + [Parameters.format],
                                aliasOf: v1))
        }
        return routes
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
