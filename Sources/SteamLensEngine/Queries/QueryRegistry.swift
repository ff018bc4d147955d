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
    /// The arguments in order, with the kind each must be.
    public var parameters: [QueryArgument]
    public var summary: String
    /// A check across arguments (count_reviews: from ≤ to), run after each argument's own.
    let crossCheck: (@Sendable ([String]) throws -> Void)?
    let run: @Sendable (Engine, [String], Definitions, QueryOptions) throws -> any QueryResult

    /// The argument names, as the help text shows them.
    public var arguments: [String] { parameters.map(\.name) }

    /// "count_reviews <from> <to>".
    public var usage: String { ([name] + arguments.map { "<\($0)>" }).joined(separator: " ") }

    init(name: String, arguments: [QueryArgument], summary: String, crossCheck: (@Sendable ([String]) throws -> Void)? = nil,
         run: @escaping @Sendable (Engine, [String], Definitions, QueryOptions) throws -> any QueryResult) {
        self.name = name
        self.parameters = arguments
        self.summary = summary
        self.crossCheck = crossCheck
        self.run = run
    }

    /// A query that takes no options.
    init(name: String, arguments: [QueryArgument], summary: String, crossCheck: (@Sendable ([String]) throws -> Void)? = nil,
         run: @escaping @Sendable (Engine, [String], Definitions) throws -> any QueryResult) {
        self.init(name: name, arguments: arguments, summary: summary, crossCheck: crossCheck) { engine, arguments, definitions, _ in
            try run(engine, arguments, definitions)
        }
    }

    /// Checks the number of arguments and the kind of each without touching
    /// the data, so the CLI can reject a mistake before loading anything.
    public func validate(_ arguments: [String]) throws {
        guard arguments.count == parameters.count else {
            let count = parameters.count
            throw QueryError.badArgument("\(name) takes \(count) argument\(count == 1 ? "" : "s"), got \(arguments.count): \(usage)")
        }
        do {
            for (parameter, text) in zip(parameters, arguments) { try parameter.check(text) }
            try crossCheck?(arguments)
        } catch QueryError.badArgument(let message) {
            throw QueryError.badArgument("\(name): \(message)")
        }
    }

    public func callAsFunction(_ engine: Engine, _ arguments: [String], _ definitions: Definitions,
                               _ options: QueryOptions = QueryOptions()) throws -> any QueryResult {
        try validate(arguments)
        return try run(engine, arguments, definitions, options)
    }
}

public enum QueryRegistry {
    public static let all: [NamedQuery] = [
        NamedQuery(name: "developer", arguments: [.name("developer")], summary: "items and free share per release year") {
            try $0.developer($1[0], definitions: $2)
        },
        NamedQuery(name: "userdata", arguments: [.user("user_id")], summary: "money spent, % recommend, items, reviews of a user") {
            try $0.userdata($1[0], definitions: $2)
        },
        NamedQuery(name: "user_for_genre", arguments: [.name("genre")], summary: "the user with most playtime in a genre, per year") {
            try $0.userForGenre($1[0], definitions: $2)
        },
        NamedQuery(name: "best_developer_year", arguments: [.year("year")], summary: "top 3 developers by recommending, positive reviews") {
            try $0.bestDeveloperYear($1[0], definitions: $2)
        },
        NamedQuery(name: "developer_reviews_analysis", arguments: [.name("developer")], summary: "negative / neutral / positive reviews of a developer") {
            try $0.developerReviewsAnalysis($1[0], definitions: $2)
        },
        NamedQuery(name: "play_time_genre", arguments: [.name("genre")], summary: "release year with most playtime in a genre") {
            try $0.playTimeGenre($1[0], definitions: $2)
        },
        NamedQuery(name: "users_recommend", arguments: [.year("year")], summary: "top 3 most recommended games of a year") {
            try $0.usersRecommend($1[0], definitions: $2)
        },
        NamedQuery(name: "users_not_recommend", arguments: [.year("year")], summary: "top 3 least recommended games of a year") {
            try $0.usersNotRecommend($1[0], definitions: $2)
        },
        NamedQuery(name: "sentiment_by_year", arguments: [.year("year")], summary: "sentiment of the reviews of a year") {
            try $0.sentimentByYear($1[0], definitions: $2)
        },
        NamedQuery(name: "count_reviews", arguments: [.date("from"), .date("to")], summary: "users and % recommend of reviews between two dates",
                   crossCheck: { _ = try QueryArguments.dayRange(from: $0[0], to: $0[1]) }) {
            try $0.countReviews(from: $1[0], to: $1[1], definitions: $2)
        },
        NamedQuery(name: "genre_rank", arguments: [.name("genre")], summary: "rank of a genre by total playtime") {
            try $0.genreRank($1[0], definitions: $2)
        },
        NamedQuery(name: "recommend_game", arguments: [.game("item_id or title")], summary: "five games similar to a game (--show-editions)") {
            try $0.recommendGame($1[0], options: $3, definitions: $2)
        },
        NamedQuery(name: "recommend_user", arguments: [.user("user_id")], summary: "five games for a user (--model ease|item-knn|pearson-user|popularity)") {
            try $0.recommendUser($1[0], options: $3, definitions: $2)
        },
    ]

    public static func named(_ name: String) -> NamedQuery? {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return all.first { $0.name == key }
    }
}
