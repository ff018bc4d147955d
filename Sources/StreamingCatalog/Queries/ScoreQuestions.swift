import SteamLensEngine

/// The questions that need viewers' scores. A title's score is the mean of
/// its ratings (generated: docs/streaming.md, "Ratings"); unrated titles
/// have none and take part in no score question.
extension StreamingEngine {
    /// `score_count(platform, score, year)`: movies of a platform and year whose mean score is above `score`.
    public func scoreCount(platform text: String, score scoreText: String, year yearText: String,
                           definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let threshold = try Self.score(scoreText)
        let year = try QueryArguments.year(yearText)
        let ratings = try requireRatings()
        let facts = catalogue.facts
        let movies = catalogue.indices(on: platform).filter { facts.type[$0] == .movie && facts.year($0, definitions) == year }
        let scored = movies.compactMap { i in ratings.meanScore(ofTitle: i).map { (i, $0) } }
        let above = scored.filter { $0.1 > threshold }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : nameOrder($0.0, $1.0) }
        let table = ResultTable(
            title: "\(above.count) movies of \(platform.displayName) from \(yearText) score above \(scoreText.trimmingCharacters(in: .whitespaces))",
            columns: [.init("title"), .init("id"), .init("score", .right), .init("ratings", .right)],
            rows: above.map { [.text(titles[$0.0].name), .text(titles[$0.0].id), .number($0.1, digits: 2), .integer(ratings.ratingCount(ofTitle: $0.0))] },
            notes: ["\(movies.count) movies that year, \(scored.count) with ratings; score = mean of the generated ratings, strictly above"])
        return StreamingResult(table: table, json: .object([
            ("platform", .string(platform.rawValue)), ("score", .number(threshold)), ("year", .integer(year)),
            ("count", .integer(above.count)), ("titles", JSONValue.rows(of: table)),
        ]), definitions: definitions)
    }

    static func score(_ text: String) throws -> Double {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "score", expected: "a score from 0 to 5 such as 3.5")
        guard let value = Double(trimmed), value.isFinite, (0...5).contains(value) else {
            throw QueryError.badArgument("<score> \"\(trimmed)\" is not a score: give a number from 0 to 5 such as 3.5.")
        }
        return value
    }

    /// `second_score(platform)`: the second-highest-scored movie of a platform (ties by title, ascending).
    public func secondScore(platform text: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let ratings = try requireRatings()
        let facts = catalogue.facts
        // The top three kept as they come: sorting every scored movie by name for ties cost milliseconds.
        func ahead(_ a: (Int, Double), of b: (Int, Double)) -> Bool { a.1 != b.1 ? a.1 > b.1 : nameOrder(a.0, b.0) }
        var ranked: [(Int, Double)] = [], scoredMovies = 0
        for i in catalogue.indices(on: platform) where facts.type[i] == .movie {
            guard let score = ratings.meanScore(ofTitle: i) else { continue }
            scoredMovies += 1
            if ranked.count == 3, !ahead((i, score), of: ranked[2]) { continue }
            ranked.insert((i, score), at: ranked.firstIndex { ahead((i, score), of: $0) } ?? ranked.count)
            if ranked.count > 3 { ranked.removeLast() }
        }
        guard ranked.count >= 2 else {
            throw QueryError.noResult("\(platform.displayName) has \(scoredMovies) scored movie\(scoredMovies == 1 ? "" : "s"); a second best needs two.")
        }
        let table = ResultTable(
            title: "Second-highest-scored movie of \(platform.displayName)",
            columns: [.init("rank", .right), .init("title"), .init("id"), .init("score", .right), .init("ratings", .right)],
            rows: ranked.prefix(3).enumerated().map { rank, entry in
                [.integer(rank + 1), .text(titles[entry.0].name), .text(titles[entry.0].id), .number(entry.1, digits: 3),
                 .integer(ratings.ratingCount(ofTitle: entry.0))]
            },
            notes: ["the answer is rank 2; ranks 1 and 3 shown for context; equal scores ordered by title"])
        let second = ranked[1]
        return StreamingResult(table: table, json: .object([
            ("platform", .string(platform.rawValue)), ("title", .string(titles[second.0].name)), ("id", .string(titles[second.0].id)),
            ("score", .number(second.1)), ("ratings", .integer(ratings.ratingCount(ofTitle: second.0))),
        ]), definitions: definitions)
    }
}
