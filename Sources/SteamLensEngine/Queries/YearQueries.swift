/// A ranked developer: `best_developer_year`.
public struct RankedDeveloper: Encodable, Equatable, Sendable {
    public var rank: Int
    public var developer: String
    public var count: Int
}

/// A ranked game: `users_recommend` and `users_not_recommend`.
public struct RankedGame: Encodable, Equatable, Sendable {
    public var rank: Int
    public var itemId: Int
    public var title: String
    public var count: Int

    enum CodingKeys: String, CodingKey { case rank, itemId = "item_id", title, count }
}

/// `best_developer_year(year)`: the three developers whose games got the most
/// recommending, positive reviews that year.
public struct BestDevelopersOfYear: QueryResult {
    public var year: Int?
    public var rows: [RankedDeveloper]
    public var definitions: Definitions

    public var jsonValue: any Encodable { rows }
    enum CodingKeys: String, CodingKey { case rows }

    public var table: ResultTable {
        ResultTable(
            title: "Best developers of \(year.map(String.init) ?? "unknown year")",
            columns: [.init("rank", .right), .init("developer"), .init("count", .right)],
            rows: rows.map { [.integer($0.rank), .text($0.developer), .integer($0.count)] },
            notes: ["count: reviews with recommend = true and sentiment = 2, review year by \(definitions.reviewYear.rawValue)"]
        )
    }
}

/// `users_recommend(year)` / `users_not_recommend(year)`: the most (or least) recommended games of a year.
public struct RankedGamesOfYear: QueryResult {
    public enum Direction: String, Sendable { case recommended, notRecommended }
    public var year: Int?
    public var direction: Direction
    public var rows: [RankedGame]
    public var definitions: Definitions

    public var jsonValue: any Encodable { rows }
    enum CodingKeys: String, CodingKey { case rows }

    public var table: ResultTable {
        let yearText = year.map(String.init) ?? "unknown year"
        let rule = direction == .recommended
            ? "recommend = true and sentiment ≥ 1 (neutral or positive)"
            : "recommend = false and sentiment = 0 (negative)"
        return ResultTable(
            title: (direction == .recommended ? "Most recommended games of " : "Least recommended games of ") + yearText,
            columns: [.init("rank", .right), .init("item_id", .right), .init("title"), .init("count", .right)],
            rows: rows.map { [.integer($0.rank), .integer($0.itemId), .text($0.title), .integer($0.count)] },
            notes: ["count: reviews with \(rule), review year by \(definitions.reviewYear.rawValue)"]
        )
    }
}

/// `sentiment_by_year(year)`: how the reviews of a year split by sentiment.
public struct SentimentOfYear: QueryResult {
    public var year: Int?
    public var negative: Int
    public var neutral: Int
    public var positive: Int
    public var definitions: Definitions

    public var jsonValue: any Encodable { self }
    enum CodingKeys: String, CodingKey { case year, negative, neutral, positive }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(negative, forKey: .negative)
        try container.encode(neutral, forKey: .neutral)
        try container.encode(positive, forKey: .positive)
    }

    public var table: ResultTable {
        ResultTable(
            title: "Sentiment of the reviews of \(year.map(String.init) ?? "unknown year")",
            columns: [.init("year"), .init("negative", .right), .init("neutral", .right), .init("positive", .right)],
            rows: [[year.map(ResultTable.Cell.integer) ?? .missing, .integer(negative), .integer(neutral), .integer(positive)]],
            notes: ["review year by \(definitions.reviewYear.rawValue)"]
        )
    }
}

extension Engine {
    /// Indexes of the reviews that count in `year` (nil: the unknown year) under `basis`.
    public func reviews(inYear year: Int?, basis: Definitions.ReviewYear) -> [Int32] {
        reviewsByYear[basis]![year ?? 0] ?? []
    }

    public func bestDeveloperYear(_ yearText: String, definitions: Definitions = .standard) throws -> BestDevelopersOfYear {
        let year = try QueryArguments.year(yearText)
        var counts = [Int](repeating: 0, count: catalog.developerNames.count)
        for review in reviews(inYear: year, definitions: definitions) {
            let index = Int(review)
            guard catalog.reviewRecommend[index], catalog.reviewSentiment[index] == 2 else { continue }
            let developer = catalog.developerOfItem[Int(catalog.joined(catalog.reviewItem[index], definitions.joinKey))]
            guard developer >= 0 else { continue }
            counts[Int(developer)] += 1
        }
        let top = topThree(counts) { catalog.developerKeys[$0] }
        guard !top.isEmpty else {
            throw QueryError.noResult("No recommending, positive reviews of a known developer's game in \(yearText).")
        }
        return BestDevelopersOfYear(
            year: year,
            rows: top.enumerated().map { RankedDeveloper(rank: $0.offset + 1, developer: catalog.developerNames[Int($0.element.key)], count: $0.element.count) },
            definitions: definitions
        )
    }

    public func usersRecommend(_ yearText: String, definitions: Definitions = .standard) throws -> RankedGamesOfYear {
        try rankedGames(yearText, direction: .recommended, definitions: definitions)
    }

    public func usersNotRecommend(_ yearText: String, definitions: Definitions = .standard) throws -> RankedGamesOfYear {
        try rankedGames(yearText, direction: .notRecommended, definitions: definitions)
    }

    private func rankedGames(_ yearText: String, direction: RankedGamesOfYear.Direction, definitions: Definitions) throws -> RankedGamesOfYear {
        let year = try QueryArguments.year(yearText)
        var counts = [Int](repeating: 0, count: catalog.itemCount)
        for review in reviews(inYear: year, definitions: definitions) {
            let index = Int(review)
            let recommend = catalog.reviewRecommend[index]
            let sentiment = catalog.reviewSentiment[index]
            let counted = direction == .recommended ? (recommend && sentiment >= 1) : (!recommend && sentiment == 0)
            guard counted else { continue }
            counts[Int(catalog.joined(catalog.reviewItem[index], definitions.joinKey))] += 1
        }
        let top = topThree(counts) { catalog.titleKeys[$0] }
        guard !top.isEmpty else {
            let what = direction == .recommended ? "recommending" : "not-recommending, negative"
            throw QueryError.noResult("No \(what) reviews in \(yearText).")
        }
        return RankedGamesOfYear(
            year: year, direction: direction,
            rows: top.enumerated().map {
                RankedGame(rank: $0.offset + 1, itemId: Int(catalog.itemIds[Int($0.element.key)]),
                           title: catalog.displayTitle($0.element.key), count: $0.element.count)
            },
            definitions: definitions
        )
    }

    public func sentimentByYear(_ yearText: String, definitions: Definitions = .standard) throws -> SentimentOfYear {
        let year = try QueryArguments.year(yearText)
        var counts = [0, 0, 0]
        let reviews = reviews(inYear: year, definitions: definitions)
        guard !reviews.isEmpty else { throw QueryError.noResult("No reviews in \(yearText).") }
        for review in reviews { counts[Int(min(catalog.reviewSentiment[Int(review)], 2))] += 1 }
        return SentimentOfYear(year: year, negative: counts[0], neutral: counts[1], positive: counts[2], definitions: definitions)
    }

    /// The three largest non-zero counts, in one pass; ties go to the name
    /// (key) that sorts first, then the lower index.
    func topThree(_ counts: [Int], key: (Int) -> String) -> [(key: Int32, count: Int)] {
        var best: [(key: Int32, count: Int)] = []
        func before(_ a: Int, _ b: Int) -> Bool {
            counts[a] != counts[b] ? counts[a] > counts[b] : (key(a) != key(b) ? key(a) < key(b) : a < b)
        }
        for index in counts.indices where counts[index] > 0 {
            if best.count == 3 && !before(index, Int(best[2].key)) { continue }
            var position = best.count
            while position > 0 && before(index, Int(best[position - 1].key)) { position -= 1 }
            best.insert((Int32(index), counts[index]), at: position)
            if best.count > 3 { best.removeLast() }
        }
        return best
    }
}
