/// One recommended game.
public struct Recommendation: Encodable, Equatable, Sendable {
    public var rank: Int
    public var item: Int32
    public var itemId: Int
    public var title: String
    public var score: Double

    enum CodingKeys: String, CodingKey { case rank, itemId = "item_id", title, score }
}

/// `recommend_game` / `recommend_user`: five games with scores.
public struct RecommendationList: QueryResult {
    public var title: String
    public var method: String
    public var rows: [Recommendation]
    public var definitions: Definitions

    public var jsonValue: any Encodable { rows }
    enum CodingKeys: String, CodingKey { case rows }

    public var table: ResultTable {
        ResultTable(
            title: title,
            columns: [.init("rank", .right), .init("item_id", .right), .init("title"), .init("score", .right)],
            rows: rows.map { [.integer($0.rank), .integer($0.itemId), .text($0.title), .number($0.score, digits: 3)] },
            notes: ["method: \(method)"]
        )
    }
}

extension Engine {
    public func recommendGame(_ idOrTitle: String, options: QueryOptions = QueryOptions(), definitions: Definitions = .standard) throws -> RecommendationList {
        let item = try gameArgument(idOrTitle)
        guard catalog.isKnown(item) else {
            throw QueryError.noResult("Game \(catalog.itemIds[Int(item)]) is not in the catalogue, so it has no content to compare.")
        }
        let rows = similarGames(to: item, count: 5, hideOwnEditions: !options.showOwnEditions)
        guard !rows.isEmpty else { throw QueryError.noResult("\(catalog.titles[Int(item)]) shares no genre, tag or spec with another game.") }
        let editions = options.showOwnEditions ? "shown" : "hidden (--show-editions)"
        return RecommendationList(title: "Games like \(catalog.titles[Int(item)]) (\(catalog.itemIds[Int(item)]))",
                                  method: "TF-IDF cosine over genres, tags, specs and developer; own DLC/editions \(editions)",
                                  rows: rows, definitions: definitions)
    }

    public func recommendUser(_ name: String, options: QueryOptions = QueryOptions(), definitions: Definitions = .standard) throws -> RecommendationList {
        let user = try userArgument(name)
        let rows: [Recommendation]
        do {
            rows = try recommendations(forUser: user, count: 5, model: options.model)
        } catch {
            throw QueryError.badArgument("\(error)")
        }
        guard !rows.isEmpty else { throw QueryError.noResult("No game to recommend to \(catalog.userIds[Int(user)]).") }
        return RecommendationList(title: "Games for \(catalog.userIds[Int(user)])", method: recommendationMethod(options.model),
                                  rows: rows, definitions: definitions)
    }
}
