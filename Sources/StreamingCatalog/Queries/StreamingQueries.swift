import SteamLensEngine

/// Settings some streaming questions take beyond their arguments.
public struct StreamingQueryOptions: Sendable, Equatable {
    /// `will_like`: "yes" when the predicted score is above this.
    public var threshold: Double
    /// `will_like`: how many of the most correlated viewers predict.
    public var neighbours: Int
    /// `recommend_viewer`: the model (`ViewerModel` names); nil is the best measured one.
    public var model: String?

    public init(threshold: Double = 4, neighbours: Int = 20, model: String? = nil) {
        self.threshold = threshold
        self.neighbours = neighbours
        self.model = model
    }
}

/// One question of the streaming data set, the same fields as Steam's
/// `NamedQuery` (name, parameters, summary, run) so the CLI's help, the
/// HTTP routes and the tests walk one table.
public struct StreamingQuery: Sendable {
    public var name: String
    public var parameters: [QueryArgument]
    public var summary: String
    /// Checks of argument values beyond their kind (a known platform, a score in 0–5), run before any data is read.
    let check: @Sendable ([String]) throws -> Void
    let run: @Sendable (StreamingEngine, [String], StreamingDefinitions, StreamingQueryOptions) throws -> StreamingResult

    public var arguments: [String] { parameters.map(\.name) }
    public var usage: String { ([name] + arguments.map { "<\($0)>" }).joined(separator: " ") }

    init(_ name: String, _ parameters: [QueryArgument], _ summary: String,
         check: @escaping @Sendable ([String]) throws -> Void = { _ in },
         run: @escaping @Sendable (StreamingEngine, [String], StreamingDefinitions, StreamingQueryOptions) throws -> StreamingResult) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.check = check
        self.run = run
    }

    /// A question that takes no options.
    init(_ name: String, _ parameters: [QueryArgument], _ summary: String,
         check: @escaping @Sendable ([String]) throws -> Void = { _ in },
         run: @escaping @Sendable (StreamingEngine, [String], StreamingDefinitions) throws -> StreamingResult) {
        self.init(name, parameters, summary, check: check) { engine, arguments, definitions, _ in try run(engine, arguments, definitions) }
    }

    /// The argument count, each argument's kind and value checks, without the data.
    public func validate(_ arguments: [String]) throws {
        guard arguments.count == parameters.count else {
            let count = parameters.count
            throw QueryError.badArgument("\(name) takes \(count) argument\(count == 1 ? "" : "s"), got \(arguments.count): \(usage)")
        }
        do {
            for (parameter, text) in zip(parameters, arguments) { try parameter.check(text) }
            try check(arguments)
        } catch QueryError.badArgument(let message) {
            throw QueryError.badArgument("\(name): \(message)")
        }
    }

    public func callAsFunction(_ engine: StreamingEngine, _ arguments: [String], _ definitions: StreamingDefinitions = .standard,
                               _ options: StreamingQueryOptions = StreamingQueryOptions()) throws -> StreamingResult {
        try validate(arguments)
        return try run(engine, arguments, definitions, options)
    }
}

/// The streaming questions, in the order `steamlens query --help` lists them.
public enum StreamingQueries {
    /// A platform argument must name one of the four (checked before loading).
    static func platformCheck(_ position: Int) -> @Sendable ([String]) throws -> Void {
        { arguments in
            guard Platform(forgiving: arguments[position]) == nil else { return }
            throw QueryError.badArgument("<platform> \"\(arguments[position])\" is not a platform: give amazon, disney, hulu or netflix.")
        }
    }

    public static let all: [StreamingQuery] = [
        StreamingQuery("word_count", [.name("platform"), .name("word")], "titles of a platform with a word in the title (--word-match)",
                       check: platformCheck(0)) {
            try $0.wordCount(platform: $1[0], word: $1[1], definitions: $2)
        },
        StreamingQuery("score_count", [.name("platform"), .name("score"), .year("year")], "movies of a platform and year scored above a score",
                       check: { try platformCheck(0)($0); _ = try StreamingEngine.score($0[1]) }) {
            try $0.scoreCount(platform: $1[0], score: $1[1], year: $1[2], definitions: $2)
        },
        StreamingQuery("second_score", [.name("platform")], "the second-highest-scored movie of a platform", check: platformCheck(0)) {
            try $0.secondScore(platform: $1[0], definitions: $2)
        },
        StreamingQuery("longest", [.name("platform"), .name("unit"), .year("year")], "the longest movie (min) or show (season) of a platform and year",
                       check: { try platformCheck(0)($0); _ = try StreamingEngine.unit($0[1]) }) {
            try $0.longest(platform: $1[0], unit: $1[1], year: $1[2], definitions: $2)
        },
        StreamingQuery("rating_count", [.name("rating")], "titles with an audience rating, per platform and in total") {
            try $0.ratingCount($1[0], definitions: $2)
        },
        StreamingQuery("count_platform", [.name("platform")], "movies and shows of a platform", check: platformCheck(0)) {
            try $0.countPlatform($1[0], definitions: $2)
        },
        StreamingQuery("actor", [.name("platform"), .year("year")], "the most frequent cast member of a platform and year",
                       check: platformCheck(0)) {
            try $0.actor(platform: $1[0], year: $1[1], definitions: $2)
        },
        StreamingQuery("prod_per_country", [.name("type"), .name("country"), .year("year")], "titles of a type produced in a country in a year",
                       check: { _ = try StreamingEngine.type($0[0]) }) {
            try $0.productionsPerCountry(type: $1[0], country: $1[1], year: $1[2], definitions: $2)
        },
        StreamingQuery("similar_titles", [.game("title id or name")], "five titles similar by content (never its copies)") {
            try $0.similarTitles($1[0], definitions: $2)
        },
        StreamingQuery("will_like", [.user("viewer"), .game("title id or name")], "will a viewer like a title? Pearson neighbours (--threshold, --neighbours)") {
            try $0.willLike(viewer: $1[0], title: $1[1], options: $3, definitions: $2)
        },
        StreamingQuery("recommend_viewer", [.user("viewer")], "five titles for a viewer (--model mf|pearson|popularity)") {
            try $0.recommendViewer($1[0], options: $3, definitions: $2)
        },
        StreamingQuery("clusters", [], "the k-means clusters (k = 9) and what marks each") { engine, _, definitions in
            try engine.clusters(definitions: definitions)
        },
        StreamingQuery("cluster_sweep", [], "inertia and silhouette for k = 2…15 (the choice of k)") { engine, _, definitions in
            try engine.clusterSweep(definitions: definitions)
        },
    ]

    /// The question called `name`, forgivingly ("Word-Count" = "word_count").
    public static func named(_ name: String) -> StreamingQuery? {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "_").trimmingCharacters(in: .whitespaces)
        return all.first { $0.name == key }
    }

    /// "Unknown question 'wordcount'. Did you mean: word_count?"
    public static func suggestions(for name: String) -> [String] {
        let known = all.map(\.name) + StreamingListKind.allCases.map(\.rawValue)
        return NameIndex(names: known).suggestions(for: name.replacingOccurrences(of: "-", with: "_")).map { known[Int($0)] }
    }
}
