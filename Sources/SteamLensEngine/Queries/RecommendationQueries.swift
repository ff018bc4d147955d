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
