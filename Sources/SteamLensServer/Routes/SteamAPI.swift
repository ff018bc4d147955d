import Foundation
import SteamLensEngine

extension APIDataSet {
    /// The Steam catalogue: every question of `QueryRegistry`, every list kind,
    /// and the Steam notebooks' endpoints as aliases.
    public static let steam = steam(questions: QueryRegistry.all)

    /// The Steam data set with `questions` (tests give fewer or reordered ones).
    static func steam(questions: [NamedQuery], aliases: [Alias] = Alias.steam) -> APIDataSet {
        APIDataSet(id: "steam", questions: questions.map(SteamAPI.question), lists: ListPage.Kind.allCases.map(SteamAPI.list),
                   aliases: aliases, definitions: SteamAPI.definitions, examples: SteamAPI.examples) { engine in
            guard let engine = engine as? Engine else { return [] }
            return [("games", engine.catalog.gameCount), ("users", engine.catalog.userCount)]
        }
    }
}

extension Alias {
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

/// How the Steam engine answers the API.
enum SteamAPI {
    static let definitions: [QueryParameter] = [
        Parameters.choice("review_year", Definitions.ReviewYear.self, default: Definitions.standard.reviewYear,
                          "Year of a review: posted (the year in 'posted') or release (the game's release year)."),
        Parameters.choice("unit", Definitions.TimeUnit.self, default: Definitions.standard.timeUnit,
                          "Playtime unit (the CLI's --time): hours or minutes."),
        Parameters.choice("join", Definitions.JoinKey.self, default: Definitions.standard.joinKey,
                          "Join library and review rows to games by item_id, or by name (for comparison only)."),
    ]

    static let scope = QueryParameter(name: "scope", kind: .scope(names: ["developer", "genre", "user"]),
                                      summary: "Narrow the games to developer:NAME, genre:NAME, year:YYYY or user:ID.")

    /// The definitions a request asks for (defaults for the rest).
    static func definitions(_ query: QueryValues) -> Definitions {
        var definitions = Definitions.standard
        if let value = query.settings["review_year"].flatMap(Definitions.ReviewYear.init) { definitions.reviewYear = value }
        if let value = query.settings["unit"].flatMap(Definitions.TimeUnit.init) { definitions.timeUnit = value }
        if let value = query.settings["join"].flatMap(Definitions.JoinKey.init) { definitions.joinKey = value }
        return definitions
    }

    /// The definitions header value (`review_year=posted; unit=hours; join=item_id`).
    static func describe(_ definitions: Definitions) -> String {
        "review_year=\(definitions.reviewYear.rawValue); unit=\(definitions.timeUnit.rawValue); join=\(definitions.joinKey.rawValue)"
    }

    static func result(_ result: any QueryResult, total: Int? = nil) -> APIResult {
        APIResult(table: result.table, json: result.jsonValue, definitions: describe(result.definitions), total: total)
    }

    static func engine(_ engine: any Sendable) throws -> Engine {
        guard let engine = engine as? Engine else { throw WrongEngine() }
        return engine
    }

    static func question(_ question: NamedQuery) -> APIQuestion {
        APIQuestion(name: question.name, parameters: question.parameters, summary: APIQuestion.summary(question.summary),
                    options: options(of: question.name), formats: question.parameters.map { ArgumentFormat($0.kind) }) { engine, arguments, query in
            var options = QueryOptions()
            options.model = query.settings["model"]
            options.showOwnEditions = query.settings["show_editions"] == "true"
            return result(try question(try Self.engine(engine), arguments, definitions(query), options))
        }
    }

    static func list(_ kind: ListPage.Kind) -> APIList {
        let summary: String
        switch kind {
        case .reviews: summary = "the reviews of a game (app id or title), paged"
        case .games: summary = "the games, or those of a developer, genre, year or user, paged"
        case .developers, .users, .genres, .years: summary = "the \(kind.rawValue), paged"
        }
        return APIList(name: kind.rawValue, summary: summary, arguments: kind == .reviews ? [.game("game")] : [],
                       scope: kind == .games ? scope : nil) { engine, arguments, query in
            let page = try Self.engine(engine).list(kind, of: kind == .reviews ? arguments.first : query.scope, sort: query.sort,
                                                    descending: query.ascending ? false : nil, offset: query.offset, limit: query.limit,
                                                    definitions: definitions(query))
            return result(page, total: page.total)
        }
    }

    /// Options only some questions take (`QueryOptions`).
    static func options(of question: String) -> [QueryParameter] {
        switch question {
        case "recommend_game":
            return [QueryParameter(name: "show_editions", kind: .boolean(default: false),
                                   summary: "Also list the game's own DLC, soundtracks and editions.")]
        case "recommend_user":
            return [Parameters.choice("model", RecModel.self, default: RecModel.best, "The user → games model.")]
        default:
            return []
        }
    }

    /// The busiest developer, user, genre, year and game, so the try-it links answer 200.
    static func examples(_ engine: any Sendable) -> [String: String] {
        var values = ["developer": "Valve", "user_id": "76561197970982479", "genre": "Action", "year": "2015", "game": "10"]
        if let engine = engine as? Engine {
            func top(_ kind: ListPage.Kind, sort: ListPage.Sort = .count) -> ListEntry? {
            (try? engine.list(kind, sort: sort, offset: 0, limit: 8))?.entries.first { !$0.name.isEmpty && $0.name != "unknown" }
        }
        if let entry = top(.developers) { values["developer"] = entry.name }
        if let entry = top(.users) { values["user_id"] = entry.name }
        if let entry = top(.genres) { values["genre"] = entry.name }
        if let entry = top(.years, sort: .secondary) { values["year"] = entry.name }
        if let entry = top(.games, sort: .secondary), entry.id < engine.catalog.itemIds.count {
            values["game"] = String(engine.catalog.itemIds[entry.id])
        }
        }
        values["from"] = values["year"]! + "-01-01"
        values["to"] = values["year"]! + "-12-31"
        values["item_id or title"] = values["game"]
        return values
    }
}
