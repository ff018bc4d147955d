import Foundation

/// Settings some queries take beyond their arguments.
public struct QueryOptions: Sendable {
    /// The user → games model (`RecModel` names); nil is the best one.
    public var model: String?
    /// `recommend_game`: also list the game's own DLC, soundtracks and editions.
    public var showOwnEditions = false

    public init(model: String? = nil, showOwnEditions: Bool = false) {
        self.model = model
        self.showOwnEditions = showOwnEditions
    }
}

/// The named queries of the CLI (`steamlens query NAME ARGS…`), each with
/// its arguments, so the CLI, its help text and the tests share one table.
public struct NamedQuery: Sendable {
    public var name: String
    public var arguments: [String]
    public var summary: String
    let run: @Sendable (Engine, [String], Definitions, QueryOptions) throws -> any QueryResult

    init(name: String, arguments: [String], summary: String,
         run: @escaping @Sendable (Engine, [String], Definitions, QueryOptions) throws -> any QueryResult) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.run = run
    }

    /// A query that takes no options.
    init(name: String, arguments: [String], summary: String,
         run: @escaping @Sendable (Engine, [String], Definitions) throws -> any QueryResult) {
        self.init(name: name, arguments: arguments, summary: summary) { engine, arguments, definitions, _ in
            try run(engine, arguments, definitions)
        }
    }

    public func callAsFunction(_ engine: Engine, _ arguments: [String], _ definitions: Definitions,
                               _ options: QueryOptions = QueryOptions()) throws -> any QueryResult {
        guard arguments.count == self.arguments.count else {
            let usage = ([name] + self.arguments.map { "<\($0)>" }).joined(separator: " ")
            throw QueryError.badArgument("\(name) takes \(self.arguments.count) argument\(self.arguments.count == 1 ? "" : "s"): \(usage)")
        }
        return try run(engine, arguments, definitions, options)
    }
}

public enum QueryRegistry {
    public static let all: [NamedQuery] = [
        NamedQuery(name: "developer", arguments: ["developer"], summary: "items and free share per release year") {
            try $0.developer($1[0], definitions: $2)
        },
        NamedQuery(name: "userdata", arguments: ["user_id"], summary: "money spent, % recommend, items, reviews of a user") {
            try $0.userdata($1[0], definitions: $2)
        },
        NamedQuery(name: "user_for_genre", arguments: ["genre"], summary: "the user with most playtime in a genre, per year") {
            try $0.userForGenre($1[0], definitions: $2)
        },
        NamedQuery(name: "best_developer_year", arguments: ["year"], summary: "top 3 developers by recommending, positive reviews") {
            try $0.bestDeveloperYear($1[0], definitions: $2)
        },
        NamedQuery(name: "developer_reviews_analysis", arguments: ["developer"], summary: "negative / neutral / positive reviews of a developer") {
            try $0.developerReviewsAnalysis($1[0], definitions: $2)
        },
        NamedQuery(name: "play_time_genre", arguments: ["genre"], summary: "release year with most playtime in a genre") {
            try $0.playTimeGenre($1[0], definitions: $2)
        },
        NamedQuery(name: "users_recommend", arguments: ["year"], summary: "top 3 most recommended games of a year") {
            try $0.usersRecommend($1[0], definitions: $2)
        },
        NamedQuery(name: "users_not_recommend", arguments: ["year"], summary: "top 3 least recommended games of a year") {
            try $0.usersNotRecommend($1[0], definitions: $2)
        },
        NamedQuery(name: "sentiment_by_year", arguments: ["year"], summary: "sentiment of the reviews of a year") {
            try $0.sentimentByYear($1[0], definitions: $2)
        },
        NamedQuery(name: "count_reviews", arguments: ["from", "to"], summary: "users and % recommend of reviews between two dates") {
            try $0.countReviews(from: $1[0], to: $1[1], definitions: $2)
        },
        NamedQuery(name: "genre_rank", arguments: ["genre"], summary: "rank of a genre by total playtime") {
            try $0.genreRank($1[0], definitions: $2)
        },
        NamedQuery(name: "recommend_game", arguments: ["item_id or title"], summary: "five games similar to a game (--show-editions)") {
            try $0.recommendGame($1[0], options: $3, definitions: $2)
        },
        NamedQuery(name: "recommend_user", arguments: ["user_id"], summary: "five games for a user (--model ease|item-knn|pearson-user|popularity)") {
            try $0.recommendUser($1[0], options: $3, definitions: $2)
        },
    ]

    public static func named(_ name: String) -> NamedQuery? {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return all.first { $0.name == key }
    }
}
