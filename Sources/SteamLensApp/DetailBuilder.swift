import SteamLensEngine
import TerminalUI

/// Computes the right side for a selection with the engine's queries. The
/// recommendations are left pending and asked for as an ``Effect`` so a
/// slow model never blocks a cursor move.
enum DetailBuilder {
    static let recommendationCount = 5
    static let reviewsUnderGame = 4

    static func build(_ selection: Selection, state: AppState, engine: Engine) -> (Detail, Effect?) {
        let definitions = state.definitions
        let catalog = engine.catalog
        var sections: [DetailSection] = []
        var request: RecommendationRequest.Kind?

        func add<R: QueryResult>(_ title: String? = nil, _ query: () throws -> R) {
            do {
                let table = try query().table
                sections.append(DetailSection(title ?? table.title, .table(table)))
            } catch {
                sections.append(DetailSection(title ?? "No result", .message("\(error)")))
            }
        }

        switch SteamEntity(selection) {
        case nil:
            break

        case .developer(let developer):
            let name = catalog.developerNames[Int(developer)]
            add("\(name) · items and free% per year") { try engine.developer(name, definitions: definitions) }
            let years = catalog.itemsOfDeveloper[Int(developer)].compactMap { catalog.releaseYear($0) }
            if let first = years.min(), let last = years.max(), last > first {
                var perYear = [Double](repeating: 0, count: last - first + 1)
                for year in years { perYear[year - first] += 1 }
                sections.append(DetailSection("", .sparkline(label: "items per year", firstYear: first, values: perYear)))
            }
            if let analysis = try? engine.developerReviewsAnalysis(name, definitions: definitions) {
                sections.append(DetailSection("Reviews of \(name)", .lines([sentimentLine(analysis.negative, analysis.neutral, analysis.positive)])))
            }
            if let game = mostPlayed(Array(catalog.itemsOfDeveloper[Int(developer)]), state: state, engine: engine) {
                sections.append(DetailSection("Because you are on \"\(catalog.displayTitle(game))\"", .recommendations(nil)))
                request = .similar(to: game)
            }

        case .user(let user):
            let id = catalog.userIds[Int(user)]
            add("User \(id)") { try engine.userdata(id, definitions: definitions) }
            let unit = definitions.timeUnit
            let top = catalog.libraryOfUser[Int(user)].sorted { $0.minutes != $1.minutes ? $0.minutes > $1.minutes : $0.item < $1.item }.prefix(5)
            let table = ResultTable(title: "Top games by \(unit.rawValue)",
                                    columns: [.init("game"), .init(unit.rawValue, .right)],
                                    rows: top.map { [.text(catalog.displayTitle($0.item)), .number(unit.value(minutes: Int($0.minutes)), digits: 1)] })
            sections.append(DetailSection(table.title, table.rows.isEmpty ? .message("empty library") : .table(table)))
            // The engine falls back to popular games of the user's genres below
            // three played games (Engine.recommendationMethod): say so rather
            // than show a personal-looking list.
            let played = catalog.libraryOfUser[Int(user)].filter { $0.minutes > 0 }.count
            sections.append(DetailSection(played < 3 ? "Popular in \(id)'s genres (fewer than 3 games played)" : "Recommended for \(id)",
                                          .recommendations(nil)))
            request = .forUser(user)

        case .genre(let genre):
            let name = catalog.genreNames[Int(genre)]
            add { try engine.userForGenre(name, definitions: definitions) }
            var facts: [String] = []
            if let rank = try? engine.genreRank(name, definitions: definitions) {
                facts.append("rank \(rank.rank) of \(rank.of) genres by playtime (\(Formatting.grouped(rank.hours, digits: 1)) \(definitions.timeUnit.rawValue))")
            }
            if let best = try? engine.playTimeGenre(name, definitions: definitions) {
                facts.append("most played release year: \(best.year) (\(Formatting.grouped(best.hours, digits: 1)) \(definitions.timeUnit.rawValue))")
            }
            sections.append(DetailSection("\(name) · playtime", facts.isEmpty ? .message("no playtime recorded") : .lines(facts)))
            if let game = mostPlayed(Array(catalog.itemsOfGenre[Int(genre)]), state: state, engine: engine) {
                sections.append(DetailSection("Because you are on \"\(catalog.displayTitle(game))\"", .recommendations(nil)))
                request = .similar(to: game)
            }

        case .year(let year):
            let text = year.map(String.init) ?? "unknown"
            add("Top developers of \(text)") { try engine.bestDeveloperYear(text, definitions: definitions) }
            add("Most recommended games of \(text)") { try engine.usersRecommend(text, definitions: definitions) }
            add("Least recommended games of \(text)") { try engine.usersNotRecommend(text, definitions: definitions) }
            let title = "Sentiment of \(text) (review year: \(definitions.reviewYear.rawValue))"
            do {
                let mix = try engine.sentimentByYear(text, definitions: definitions)
                sections.append(DetailSection(title, .lines([sentimentLine(mix.negative, mix.neutral, mix.positive)])))
            } catch {
                sections.append(DetailSection(title, .message("\(error)")))
            }

        case .game(let item):
            sections.append(DetailSection(catalog.displayTitle(item), .lines(gameFacts(item, state: state, engine: engine))))
            sections.append(DetailSection("Similar games", .recommendations(nil)))
            request = .similar(to: item)
            let reviews = Array(catalog.reviewsOfItem[Int(item)])
            sections.append(DetailSection("Reviews (\(reviews.count)) · Enter reads them all",
                                          reviews.isEmpty ? .message("no reviews") : .reviews(snippets(reviews.prefix(reviewsUnderGame), engine: engine), offset: 0)))
        }

        let detail = Detail(selection: selection, sections: sections)
        let effect = request.map { Effect.recommend(RecommendationRequest(generation: state.generation, kind: $0, count: recommendationCount)) }
        return (detail, effect)
    }

    /// The reviews view: the listed reviews of a game, its position and
    /// the filter and order in force in the title.
    static func reviews(of item: Int32, offset: Int, list: ReviewList, engine: Engine) -> Detail {
        let count = list.reviews.count
        let title = reviewsTitle(of: item, offset: offset, list: list, engine: engine)
        let body: DetailSection.Body = count == 0
            ? .message(list.total == 0 ? "no reviews" : "no review matches the filter · Esc clears it")
            : .reviews(snippets(list.reviews[...], engine: engine), offset: offset)
        return Detail(selection: SteamEntity.selection(ofGame: item), sections: [DetailSection(title, body)])
    }

    /// "Reviews of Portal · 12 / 3,708 of 9,000 |sentiment 0 · newest first · j/k …"
    static func reviewsTitle(of item: Int32, offset: Int, list: ReviewList, engine: Engine) -> String {
        let count = list.reviews.count
        var title = "Reviews of \(engine.catalog.displayTitle(item))"
        title += count == 0 ? " · none" : " · \(NumberFormat.grouped(min(offset + 1, count))) / \(NumberFormat.grouped(count))"
        if let filter = list.filter { title += " of \(NumberFormat.grouped(list.total)) |\(filter.text)" }
        if list.sort != .stored { title += " · " + list.sort.rawValue }
        return title + " · j/k · f filter · s sort · / search · Esc back"
    }

    static func snippets(_ reviews: ArraySlice<Int32>, engine: Engine) -> [ReviewSnippet] {
        let catalog = engine.catalog
        let sentiment = ["negative", "neutral", "positive"]
        return reviews.map { review in
            let index = Int(review)
            let year = catalog.reviewPostedYear[index]
            let heading = [catalog.userIds[Int(catalog.reviewUser[index])],
                           catalog.reviewRecommend[index] ? "recommends" : "does not recommend",
                           sentiment[Int(min(catalog.reviewSentiment[index], 2))],
                           year == 0 ? "undated" : String(year),
                           helpfulText(index, catalog: catalog)].joined(separator: " · ")
            let text = catalog.reviewText[index]
            return ReviewSnippet(heading: heading, text: text.allSatisfy(\.isWhitespace) ? "(no text)" : text)
        }
    }

    /// The item with the most total playtime (then most owners), if any.
    static func mostPlayed(_ items: [Int32], state: AppState, engine: Engine) -> Int32? {
        items.max { a, b in
            let ma = state.itemMinutes[Int(a)], mb = state.itemMinutes[Int(b)]
            if ma != mb { return ma < mb }
            let oa = engine.catalog.ownersOfItem.rowCount(Int(a)), ob = engine.catalog.ownersOfItem.rowCount(Int(b))
            return oa != ob ? oa < ob : a > b
        }
    }

    static func gameFacts(_ item: Int32, state: AppState, engine: Engine) -> [String] {
        let catalog = engine.catalog
        let index = Int(item)
        var price = "price unknown"
        if catalog.isFree[index] {
            price = "free"
        } else if let value = catalog.price(item) {
            price = "$" + Formatting.grouped(value, digits: 2)
        }
        let unit = state.definitions.timeUnit
        let played = Formatting.grouped(unit.value(minutes: state.itemMinutes[index]), digits: 1)
        let developer = catalog.developerName(item)
        // A line of its own: beside the developer it would push the price off an 80-column screen.
        let published = catalog.publisherName(item).map { $0 == developer ? "self-published" : "published by \($0)" } ?? "no publisher"
        let first: [String] = [developer ?? "no developer",
                               catalog.releaseYear(item).map(String.init) ?? "year unknown",
                               price, "id \(catalog.itemIds[index])"]
        let owners = catalog.ownersOfItem.rowCount(index)
        let reviews = catalog.reviewsOfItem.rowCount(index)
        let genres = catalog.genresOfItem[index].map { catalog.genreNames[Int($0)] }.joined(separator: ", ")
        let lines: [String] = [first.joined(separator: " · "), published,
                               "\(Formatting.counted(owners, "owner")) · \(played) \(unit.rawValue) played · \(Formatting.counted(reviews, "review"))",
                               genres]
        return lines.filter { !$0.isEmpty }
    }

    /// "2 of 3 helpful", "1 helpful" (no total given), "no ratings", "helpful unknown".
    static func helpfulText(_ review: Int, catalog: Catalog) -> String {
        guard let found = catalog.helpfulVotes(review) else { return "helpful unknown" }
        let rated = Int(catalog.reviewRated[review])
        if rated == 0 { return "no ratings" }
        return rated > 0 ? "\(NumberFormat.grouped(found)) of \(NumberFormat.grouped(rated)) helpful" : "\(NumberFormat.grouped(found)) helpful"
    }

    static func sentimentLine(_ negative: Int, _ neutral: Int, _ positive: Int) -> String {
        let total = negative + neutral + positive
        func share(_ n: Int) -> String { total > 0 ? " (\(Formatting.decimal(Double(n) * 100 / Double(total), digits: 0))%)" : "" }
        return "negative \(NumberFormat.grouped(negative))\(share(negative))  neutral \(NumberFormat.grouped(neutral))\(share(neutral))  positive \(NumberFormat.grouped(positive))\(share(positive))"
    }
}
