import SteamLensEngine
import StreamingCatalog

/// The right side for a row of the streaming catalogue: the issue's
/// questions asked of the selection, with the year of the Years pane's
/// cursor and the viewer of the Viewers pane's cursor where a question
/// needs one (so moving either pane changes the answers).
struct StreamingDetail {
    let explorer: StreamingExplorer
    let state: AppState

    var engine: StreamingEngine { explorer.engine }
    var definitions: StreamingDefinitions { state.streamingDefinitions ?? .standard }

    /// The year the per-year questions use: the Years pane's cursor row.
    var year: Int? { state.panes[StreamingExplorer.years]?.selected?.id }
    /// The viewer `will_like` asks about: the Viewers pane's cursor row.
    var viewer: Int? { state.panes[StreamingExplorer.viewers]?.selected?.id }

    /// The right side, and the slow section it leaves computing (will_like over a popular title's raters).
    func build(_ selection: Selection) -> (Detail, Effect?) {
        guard case .entity(let pane, let id) = selection, let name = explorer.name(of: pane, id: id) else {
            return (Detail(selection: selection, sections: []), nil)
        }
        var sections: [DetailSection] = []
        var request: SectionRequest?
        func add(_ title: String? = nil, _ query: () throws -> StreamingResult) {
            do {
                let table = try query().table
                sections.append(DetailSection(title ?? table.title, .table(table)))
            } catch {
                sections.append(DetailSection(title ?? "No result", .message("\(error)")))
            }
        }
        let yearText = year.map(String.init)
        switch pane {
        case StreamingExplorer.platforms:
            let platform = Platform.allCases[id].rawValue
            add { try engine.countPlatform(platform, definitions: definitions) }
            add { try engine.secondScore(platform: platform, definitions: definitions) }
            if let yearText {
                add("Longest movie of \(yearText)") { try engine.longest(platform: platform, unit: "min", year: yearText, definitions: definitions) }
                add("Longest show of \(yearText)") { try engine.longest(platform: platform, unit: "season", year: yearText, definitions: definitions) }
                add("Most frequent cast member of \(yearText)") { try engine.actor(platform: platform, year: yearText, definitions: definitions) }
            }
        case StreamingExplorer.years:
            sections.append(DetailSection("Titles of \(name) per platform (\(definitions.titleYear.rawValue) year)",
                                          .table(perPlatform(scope: "year:\(id)"))))
            sections.append(DetailSection("Most frequent cast member of \(name)", .table(actors(year: name))))
        case StreamingExplorer.countries:
            sections.append(DetailSection("Titles of \(name) per platform", .table(perPlatform(scope: "country:" + name))))
            if let yearText {
                add("Movies produced in \(name) in \(yearText)") { try engine.productionsPerCountry(type: "movie", country: name, year: yearText, definitions: definitions) }
                add("Shows produced in \(name) in \(yearText)") { try engine.productionsPerCountry(type: "show", country: name, year: yearText, definitions: definitions) }
            }
        case StreamingExplorer.genres, StreamingExplorer.cast:
            let scope = explorer.scope(of: selection)
            sections.append(DetailSection("Titles of \(name) per platform", .table(perPlatform(scope: scope))))
            sections.append(DetailSection("Best scored titles of \(name)", bestScored(scope: scope)))
        case StreamingExplorer.ratings:
            add("Titles rated \(name)") { try engine.ratingCount(name, definitions: definitions) }
            sections.append(DetailSection("Best scored titles rated \(name)", bestScored(scope: explorer.scope(of: selection))))
        case StreamingExplorer.clusters:
            sections.append(DetailSection("Cluster \(id)", .lines(clusterFacts(id))))
            let scope = explorer.scope(of: selection)
            sections.append(DetailSection("Titles of cluster \(id) per platform", .table(perPlatform(scope: scope))))
            sections.append(DetailSection("Best scored titles of cluster \(id)", bestScored(scope: scope)))
            add { try engine.clusterSweep(definitions: definitions) }
        case StreamingExplorer.viewers:
            add { try engine.recommendViewer(name, options: StreamingQueryOptions(), definitions: definitions) }
            sections.append(DetailSection("\(name)'s highest scores", .table(topScores(viewer: id))))
        case StreamingExplorer.titles:
            sections.append(DetailSection(name, .lines(facts(id))))
            add("Similar titles") { try engine.similarTitles(engine.titles[id].id, definitions: definitions) }
            if let viewer, let ratings = engine.catalogue.ratings, ratings.viewers.indices.contains(viewer) {
                // Pearson over every rater of a popular title takes ~0.3 s on 11.8 M ratings: asked off the loop.
                request = SectionRequest(generation: state.generation, index: sections.count, question: .willLike(viewer: viewer, title: id))
                sections.append(DetailSection("Will \(ratings.viewers[viewer]) like it?", .message("computing…")))
            }
            let description = engine.titles[id].description
            if !description.isEmpty {
                sections.append(DetailSection("Description", .reviews([ReviewSnippet(heading: "", text: description)], offset: 0)))
            }
        default:
            break
        }
        return (Detail(selection: selection, sections: sections), request.map(Effect.answer))
    }

    /// `will_like` as a section, the verdict first so a narrow right side cuts the title's name, not the answer.
    static func willLike(viewer: Int, title: Int, engine: StreamingEngine) -> DetailSection {
        guard let ratings = engine.catalogue.ratings, ratings.viewers.indices.contains(viewer), engine.titles.indices.contains(title) else {
            return DetailSection("Will it be liked?", .message("no such viewer or title"))
        }
        let who = ratings.viewers[viewer]
        do {
            let table = try engine.willLike(viewer: who, title: engine.titles[title].id, options: StreamingQueryOptions(),
                                            definitions: .standard).table
            let verdict = table.title.components(separatedBy: "? ").dropFirst().joined(separator: "? ")
            return DetailSection("Will \(who) like it? \(verdict)", .table(table))
        } catch {
            return DetailSection("Will \(who) like it?", .message("\(error)"))
        }
    }

    /// Titles, movies and shows of a scope on each platform.
    func perPlatform(scope: String?) -> ResultTable {
        let titles = engine.titles
        let indices = (try? engine.scopedTitles(scope, definitions: definitions)) ?? []
        return ResultTable(title: "per platform", columns: [.init("platform"), .init("titles", .right), .init("movies", .right), .init("shows", .right)],
                           rows: Platform.allCases.compactMap { platform in
                               let on = indices.filter { titles[$0].platform == platform }
                               guard !on.isEmpty else { return nil }
                               let movies = on.filter { titles[$0].type == .movie }.count
                               return [.text(platform.displayName), .integer(on.count), .integer(movies), .integer(on.count - movies)]
                           })
    }

    /// `actor` of each platform for a year: the top cast member and their count (Hulu lists no cast).
    func actors(year: String) -> ResultTable {
        ResultTable(title: "actor", columns: [.init("platform"), .init("cast member"), .init("titles", .right)],
                    rows: Platform.allCases.map { platform in
                        guard let table = try? engine.actor(platform: platform.rawValue, year: year, definitions: definitions).table,
                              let top = table.rows.first, top.count >= 2 else {
                            return [.text(platform.displayName), .text("none listed"), .missing]
                        }
                        return [.text(platform.displayName), top[0], top[1]]
                    })
    }

    /// The five titles of a scope with the highest mean score, ties by name.
    func bestScored(scope: String?) -> DetailSection.Body {
        guard let ratings = engine.catalogue.ratings else { return .message("no ratings file: no title has a score") }
        let titles = engine.titles
        let scored = ((try? engine.scopedTitles(scope, definitions: definitions)) ?? []).compactMap { index in
            ratings.meanScore(ofTitle: index).map { (index, $0) }
        }
        let best = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : titles[$0.0].name < titles[$1.0].name }.prefix(5)
        return .table(ResultTable(title: "best scored", columns: [.init("title"), .init("platform"), .init("score", .right), .init("ratings", .right)],
                                  rows: best.map { index, score in
                                      [.text(titles[index].name), .text(titles[index].platform.displayName), .number(score, digits: 2),
                                       .integer(ratings.ratingCount(ofTitle: index))]
                                  }))
    }

    /// A viewer's five highest scores, ties by title.
    func topScores(viewer: Int) -> ResultTable {
        let titles = engine.titles
        var rows: [(Int, Double)] = []
        if let ratings = engine.catalogue.ratings, ratings.viewers.indices.contains(viewer) {
            let row = ratings.ratings(of: viewer)
            rows = zip(row.titles, row.halves).map { (Int($0), Double($1) / 2) }
        }
        let top = rows.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : titles[$0.0].name < titles[$1.0].name }.prefix(5)
        return ResultTable(title: "top scores", columns: [.init("title"), .init("platform"), .init("score", .right)],
                           rows: top.map { [.text(titles[$0.0].name), .text(titles[$0.0].platform.displayName), .number($0.1, digits: 1)] })
    }

    /// What marks a cluster (its centroid's features furthest above the
    /// mean) and how it was chosen.
    func clusterFacts(_ c: Int) -> [String] {
        guard let clusters = engine.models?.clusters else { return ["the content model is not trained"] }
        return ["marked by " + clusters.describedMarks(of: c, count: 4).joined(separator: ", "),
                "k-means with k = \(clusters.k) over standardized content features (genres, type, year, duration, audience band, cast size, countries)"]
    }

    /// A title's facts: where, what, when, how long, for whom, who, and its score.
    func facts(_ index: Int) -> [String] {
        let title = engine.titles[index]
        let first = [title.platform.displayName, title.type.displayName, title.releaseYear.map(String.init) ?? "year unknown",
                     title.duration?.description ?? "duration unknown", definitions.rating(of: title), "id " + title.id]
        var lines = [first.joined(separator: " · ")]
        if let ratings = engine.catalogue.ratings {
            let count = ratings.ratingCount(ofTitle: index)
            lines.append(ratings.meanScore(ofTitle: index).map {
                "mean score \(Formatting.decimal($0, digits: 2)) of \(Formatting.counted(count, "rating")) (generated)"
            } ?? "no ratings yet")
        }
        if let clusters = engine.models?.clusters, clusters.assignment.indices.contains(index) {
            lines.append("cluster " + explorer.clusterName(Int(clusters.assignment[index]), clusters))
        }
        if let added = title.dateAdded { lines.append("added \(added.year)-\(added.month < 10 ? "0" : "")\(added.month)-\(added.day < 10 ? "0" : "")\(added.day)") }
        for (label, names) in [("genres", title.genres), ("countries", title.countries), ("director", title.directors), ("cast", title.cast)]
            where !names.isEmpty {
            lines.append("\(label): " + names.joined(separator: ", "))
        }
        return lines
    }
}
