/// `developer(dev)`: per release year, how many games the developer has and which share is free.
public struct DeveloperYears: QueryResult {
    public struct Row: Encodable, Equatable, Sendable {
        /// Release year; nil for games without a usable date.
        public var year: Int?
        public var items: Int
        /// Free games of that year / games of that year × 100.
        public var freePercent: Double

        enum CodingKeys: String, CodingKey { case year, items, freePercent = "free_percent" }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)  // explicit null, not an absent key
            try container.encode(items, forKey: .items)
            try container.encode(freePercent, forKey: .freePercent)
        }
    }

    public var developer: String
    public var rows: [Row]
    public var definitions: Definitions

    public var jsonValue: any Encodable { rows }

    public var table: ResultTable {
        ResultTable(
            title: "\(developer) · items and free share per release year",
            columns: [.init("year"), .init("items", .right), .init("free%", .right)],
            rows: rows.map { [$0.year.map(ResultTable.Cell.integer) ?? .missing, .integer($0.items), .number($0.freePercent, digits: 1)] },
            notes: ["items: distinct game ids; free: price says free or is 0; unknown price counts as not free"]
        )
    }
}

/// `developer_reviews_analysis(dev)`: the sentiment of every review of the developer's games.
public struct DeveloperReviewsAnalysis: QueryResult {
    public var developer: String
    public var negative: Int
    public var neutral: Int
    public var positive: Int
    public var definitions: Definitions

    enum CodingKeys: String, CodingKey { case developer, negative, neutral, positive }

    public var jsonValue: any Encodable { self }

    public var table: ResultTable {
        ResultTable(
            title: "Reviews of \(developer) by sentiment",
            columns: [.init("developer"), .init("negative", .right), .init("neutral", .right), .init("positive", .right)],
            rows: [[.text(developer), .integer(negative), .integer(neutral), .integer(positive)]],
            notes: ["sentiment: the engine's model (0 negative, 1 neutral, 2 positive; no text → 1)"]
        )
    }
}

extension Engine {
    public func developer(_ name: String, definitions: Definitions = .standard) throws -> DeveloperYears {
        let developer = try developerArgument(name)
        var byYear: [Int: (items: Int, free: Int)] = [:]
        for item in catalog.itemsOfDeveloper[Int(developer)] {
            let year = Int(catalog.releaseYears[Int(item)])
            byYear[year, default: (0, 0)].items += 1
            if catalog.isFree[Int(item)] { byYear[year, default: (0, 0)].free += 1 }
        }
        // Known years ascending, the unknown year last.
        let rows = byYear.keys.sorted { ($0 == 0 ? Int.max : $0) < ($1 == 0 ? Int.max : $1) }.map { year -> DeveloperYears.Row in
            let counts = byYear[year]!
            return DeveloperYears.Row(year: year == 0 ? nil : year, items: counts.items,
                                      freePercent: percent(counts.free, of: counts.items))
        }
        return DeveloperYears(developer: catalog.developerNames[Int(developer)], rows: rows, definitions: definitions)
    }

    public func developerReviewsAnalysis(_ name: String, definitions: Definitions = .standard) throws -> DeveloperReviewsAnalysis {
        let developer = try developerArgument(name)
        var counts = [0, 0, 0]
        for item in reviewedItems(ofDeveloper: developer, definitions.joinKey) {
            for review in catalog.reviewsOfItem[Int(item)] {
                counts[Int(min(catalog.reviewSentiment[Int(review)], 2))] += 1
            }
        }
        return DeveloperReviewsAnalysis(developer: catalog.developerNames[Int(developer)], negative: counts[0],
                                        neutral: counts[1], positive: counts[2], definitions: definitions)
    }

    /// Items whose rows join to the developer's games under `key` (with the
    /// name join, an item can stand for a game of the same title).
    func reviewedItems(ofDeveloper developer: Int32, _ key: Definitions.JoinKey) -> [Int32] {
        let own = Array(catalog.itemsOfDeveloper[Int(developer)])
        guard key == .name else { return own }
        let targets = Set(own.map { catalog.joined($0, .name) })
        return (0..<Int32(catalog.itemCount)).filter { targets.contains(catalog.joined($0, .name)) }
    }
}

/// `part / whole × 100`, rounded to 2 decimals; 0 when `whole` is 0.
func percent(_ part: Int, of whole: Int) -> Double {
    guard whole > 0 else { return 0 }
    return (Double(part) * 10_000 / Double(whole)).rounded() / 100
}
