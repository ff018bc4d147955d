import StreamingCatalog

/// `h` on the streaming catalogue: movie durations, release years, mean
/// scores, show seasons and years added of the selection's titles (the
/// titles Enter would open; a title's own ratings for the scores), or of
/// every title with `a`.
extension StreamingExplorer {
    static let histogramNames = ["duration", "release year", "mean score", "seasons", "year added"]

    public func histogram(_ mode: HistogramMode, of selection: Selection, state: AppState) -> Histogram? {
        let definitions = state.streamingDefinitions ?? .standard
        let titles = engine.titles, ratings = engine.catalogue.ratings
        var scopeName = "all titles"
        var indices = Array(titles.indices)
        if case .entity(let pane, let id) = selection, let name = name(of: pane, id: id) {
            if pane == Self.titles {
                scopeName = name
                indices = [id]
            } else if let scoped = try? engine.scopedTitles(scope(of: selection), definitions: definitions) {
                scopeName = "titles of " + name
                indices = scoped
            }
        }
        let notes = ["bins stay linear; l makes the bars logarithmic"]
        /// The durations of the titles of `type`, in `unit`; the others and the unknown ones counted as left out.
        func durations(_ type: TitleType, _ unit: DurationUnit, title: String, rowUnit: String, others: String) -> Histogram {
            let ofType = indices.filter { titles[$0].type == type }
            let values = ofType.compactMap { titles[$0].duration.flatMap { $0.unit == unit ? Double($0.value) : nil } }
            return .linear(values, title: "\(title) · \(scopeName)", rowUnit: rowUnit, digits: 0,
                           leftOut: [(others, indices.count - ofType.count), ("unknown duration", ofType.count - values.count)].filter { $0.1 > 0 },
                           notes: notes)
        }
        switch mode.position {
        case 0:
            return durations(.movie, .minutes, title: "Movie duration (min)", rowUnit: "movies", others: "shows (counted in seasons)")
        case 1:
            let years = indices.compactMap { titles[$0].releaseYear.map(Double.init) }
            return .linear(years, title: "Release year · \(scopeName)", rowUnit: "titles", digits: 0,
                           leftOut: [("unknown release year", indices.count - years.count)].filter { $0.1 > 0 }, notes: notes)
        case 2:
            guard let ratings else { return nil }
            if indices.count == 1, let title = indices.first {
                let scores = ratings.raters(of: title).halves.map { Double($0) / 2 }
                return .linear(scores, title: "Scores given to \(scopeName) (generated)", rowUnit: "ratings", digits: 1, notes: notes)
            }
            let means = indices.compactMap { ratings.meanScore(ofTitle: $0) }
            return .linear(means, title: "Mean score · \(scopeName) (generated)", rowUnit: "titles", digits: 1,
                           leftOut: [("no ratings", indices.count - means.count)].filter { $0.1 > 0 }, notes: notes)
        case 3:
            return durations(.show, .seasons, title: "Show seasons", rowUnit: "shows", others: "movies (counted in minutes)")
        case 4:
            let years = indices.compactMap { titles[$0].dateAdded.map { Double($0.year) } }
            return .linear(years, title: "Year added · \(scopeName)", rowUnit: "titles", digits: 0,
                           leftOut: [("no date added", indices.count - years.count)].filter { $0.1 > 0 }, notes: notes)
        default:
            return nil
        }
    }
}
