import Foundation
import SteamLensEngine
import StreamingCatalog

extension APIDataSet {
    /// The streaming catalogue (Amazon Prime, Disney+, Hulu, Netflix): every
    /// question of `StreamingQueries`, every list, and the prototype's endpoints as aliases.
    public static let streaming = APIDataSet(
        id: "streaming", questions: StreamingQueries.all.map(StreamingAPI.question),
        lists: StreamingListKind.allCases.map(StreamingAPI.list), aliases: Alias.streaming,
        definitions: StreamingAPI.definitions, examples: StreamingAPI.examples) { engine in
            guard let engine = engine as? StreamingEngine else { return [] }
            return [("titles", engine.titles.count), ("viewers", engine.catalogue.ratings?.viewers.count ?? 0)]
        }
}

extension Alias {
    /// The streaming prototype's endpoints, with its argument orders.
    public static let streaming: [Alias] = [
        Alias("/get_word_count/{platform}/{word}", "word_count"),
        Alias("/get_score_count/{platform}/{score}/{year}", "score_count"),
        Alias("/get_second_score/{platform}", "second_score"),
        Alias("/get_longest/{platform}/{duration_type}/{year}", "longest"),
        Alias("/get_rating_count/{rating}", "rating_count"),
        Alias("/get_max_duration/{year}/{platform}/{duration_type}", "longest", arguments: ["platform", "duration_type", "year"]),
        Alias("/get_count_platform/{platform}", "count_platform"),
        Alias("/get_actor/{platform}/{year}", "actor"),
        Alias("/prod_per_country/{type}/{country}/{year}", "prod_per_country"),
        Alias("/get_contents/{rating}", "rating_count"),
    ]
}

/// How the streaming engine answers the API.
enum StreamingAPI {
    static let definitions: [QueryParameter] = [
        Parameters.choice("title_year", StreamingDefinitions.TitleYear.self, default: StreamingDefinitions.standard.titleYear,
                          "Year of a title: release (release_year) or added (the year of date_added)."),
        Parameters.choice("word_match", StreamingDefinitions.WordMatch.self, default: StreamingDefinitions.standard.wordMatch,
                          "word_count: the word is a whole word of the title, or a substring anywhere."),
        Parameters.choice("missing_rating", StreamingDefinitions.MissingRating.self, default: StreamingDefinitions.standard.missingRating,
                          "A title without an audience rating counts as unknown, or as G (the original brief's rule)."),
    ]

    /// Spellings the API takes for the arguments the questions check by value
    /// (the CLI forgives more; a URL names them plainly).
    static let platforms = Platform.allCases.map(\.rawValue)
    static let units = ["min", "mins", "minute", "minutes", "season", "seasons"]
    static let types = ["movie", "movies", "show", "shows", "tv show", "tv shows"]

    /// The scope kinds of the titles list. `cluster:N` stays a CLI scope: the
    /// number of clusters is only known once the models are trained, so no
    /// schema could say which N are valid.
    static let scope = QueryParameter(name: "scope", kind: .scope(names: ["platform", "genre", "country", "cast", "rating", "viewer"]),
                                      summary: "Narrow the titles to platform:, genre:, country:, cast:, rating:, viewer:NAME or year:YYYY.")

    static func format(of argument: QueryArgument) -> ArgumentFormat {
        switch argument.name {
        case "platform": return .oneOf(platforms)
        case "unit", "duration_type": return .oneOf(units)
        case "type": return .oneOf(types)
        case "score": return .score
        default: return ArgumentFormat(argument.kind)
        }
    }

    static func definitions(_ query: QueryValues) -> StreamingDefinitions {
        var definitions = StreamingDefinitions.standard
        if let value = query.settings["title_year"].flatMap(StreamingDefinitions.TitleYear.init) { definitions.titleYear = value }
        if let value = query.settings["word_match"].flatMap(StreamingDefinitions.WordMatch.init) { definitions.wordMatch = value }
        if let value = query.settings["missing_rating"].flatMap(StreamingDefinitions.MissingRating.init) { definitions.missingRating = value }
        return definitions
    }

    static func describe(_ definitions: StreamingDefinitions) -> String {
        "title_year=\(definitions.titleYear.rawValue); word_match=\(definitions.wordMatch.rawValue); "
            + "missing_rating=\(definitions.missingRating.rawValue)"
    }

    static func result(_ result: StreamingResult, total: Int? = nil) -> APIResult {
        APIResult(table: result.table, json: result.json, definitions: describe(result.definitions), total: total)
    }

    static func engine(_ engine: any Sendable) throws -> StreamingEngine {
        guard let engine = engine as? StreamingEngine else { throw WrongEngine() }
        return engine
    }

    static func question(_ question: StreamingQuery) -> APIQuestion {
        // The will-like options belong to will_like, the model to recommend_viewer.
        var options: [QueryParameter] = []
        switch question.name {
        case "will_like":
            options = [
                QueryParameter(name: "threshold", kind: .score(default: "4"), summary: "\"yes\" when the predicted score is above this (0–5)."),
                QueryParameter(name: "neighbours", kind: .integer(minimum: 1, maximum: 1000, default: 20),
                               summary: "How many of the most correlated viewers predict."),
            ]
        case "recommend_viewer":
            options = [Parameters.choice("model", ViewerModel.self, default: .factorisation, "The viewer → titles model.")]
        default:
            break
        }
        return APIQuestion(name: question.name, parameters: question.parameters, summary: APIQuestion.summary(question.summary), options: options,
                           formats: question.parameters.map(format)) { engine, arguments, query in
            var options = StreamingQueryOptions()
            if let threshold = query.settings["threshold"].flatMap(Double.init) { options.threshold = threshold }
            if let neighbours = query.settings["neighbours"].flatMap(Int.init) { options.neighbours = neighbours }
            options.model = query.settings["model"]
            return result(try question(try Self.engine(engine), arguments, definitions(query), options))
        }
    }

    static func list(_ kind: StreamingListKind) -> APIList {
        APIList(name: kind.rawValue, summary: kind == .titles ? "the titles, or those of a scope, paged" : "the \(kind.rawValue), paged",
                arguments: [], scope: kind == .titles ? scope : nil) { engine, _, query in
            let page = try Self.engine(engine).list(kind, scope: query.scope, sort: query.sort, descending: query.ascending ? false : nil,
                                                    offset: query.offset, limit: query.limit, definitions: definitions(query))
            return result(page, total: page.total)
        }
    }

    /// Arguments with an answer in the bundled sample, and from a loaded
    /// catalogue its most active viewer, commonest rating, country and year, and its first title.
    static func examples(_ engine: any Sendable) -> [String: String] {
        var values = ["platform": "netflix", "word": "love", "score": "3.5", "year": "2019", "unit": "min", "duration_type": "min",
                      "rating": "TV-MA", "type": "movie", "country": "United States", "viewer": "u1", "title id or name": "ns1"]
        if let engine = engine as? StreamingEngine {
            func top(_ kind: StreamingListKind) -> String? {
                guard let rows = (try? engine.list(kind, sort: .count, limit: 8, definitions: .standard))?.table.rows else { return nil }
                return rows.lazy.compactMap { $0.first?.description }.first { !$0.isEmpty && $0 != "unknown" }
            }
            if let viewer = top(.viewers) { values["viewer"] = viewer }
            if let rating = top(.ratings) { values["rating"] = rating }
            if let country = top(.countries) { values["country"] = country }
            if let year = top(.years) { values["year"] = year }
            if let first = engine.titles.first { values["title id or name"] = first.id }
        }
        return values
    }
}
