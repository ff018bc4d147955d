import StreamingCatalog

/// The streaming catalogue's frequency tables (`F`): the titles behind a
/// pane's rows counted by platform, type, genre, …; each row's filter is a
/// Titles filter (`genre="Dramas"`, `added="2020"`), so Enter lists them.
extension StreamingExplorer {
    /// What `F` steps through, in order.
    static let frequencyAttributes = ["platform", "type", "genre", "country", "audience rating", "release year", "year added",
                                      "director", "cast member", "duration"]

    public var frequencyAttributes: [String] { Self.frequencyAttributes }

    public func frequencyTable(_ attribute: String, of scope: FrequencyScope, state: AppState) -> FrequencyTable? {
        guard Self.frequencyAttributes.contains(attribute) else { return nil }
        let definitions = state.streamingDefinitions ?? .standard
        let items: [Int]
        if let source = scope.source {
            items = titles(behind: source, rows: scope.rows(of: state.panes[source] ?? PaneState()), definitions: definitions)
        } else {
            items = Array(engine.titles.indices)
        }
        let name = scope.name(unit: "titles", drillPane: Self.titles, state: state)
        let titles = engine.titles
        let equals = FrequencyCounter.equals
        func byLabels(_ field: String, _ labels: @escaping (Title) -> [String]) -> (Int) -> [FrequencyValue] {
            { labels(titles[$0]).map { FrequencyValue($0, filter: equals(field, $0)) } }
        }
        func year(_ value: Int?) -> String { value.map(String.init) ?? "unknown" }
        let years = FrequencyCounter.Order.ranked { Int($0) ?? Int.max }
        func several(_ what: String) -> String { "a title has several \(what): shares add up to more than 100%" }
        func count(_ order: FrequencyCounter.Order, note: String? = nil, _ values: (Int) -> [FrequencyValue]) -> FrequencyTable {
            FrequencyCounter.table(attribute, items: items, unit: "titles", scopeName: name, order: order, note: note, values: values)
        }
        switch attribute {
        case "platform":
            return count(.ranked { label in Platform.allCases.firstIndex { $0.displayName == label } }) {
                [FrequencyValue(titles[$0].platform.displayName, filter: equals("platform", titles[$0].platform.rawValue))]
            }
        case "type": return count(.byCount, byLabels("type") { [$0.type.displayName] })
        case "genre": return count(.byCount, note: several("genres"), byLabels("genre", \.genres))
        case "country": return count(.byCount, note: several("countries"), byLabels("country", \.countries))
        case "audience rating":
            // Under the m definition "G" a missing rating counts as G, which no filter of the ratings as written selects.
            let merged = definitions.missingRating == .g
            return count(.byCount, note: merged ? "G includes the titles without a rating (definition m): Enter lists only the rated G" : nil) {
                let label = definitions.rating(of: titles[$0])
                return [FrequencyValue(label, filter: equals("rating", titles[$0].rating ?? label))]
            }
        case "release year": return count(years, byLabels("released") { [year($0.releaseYear)] })
        case "year added": return count(years, byLabels("added") { [year($0.dateAdded?.year)] })
        case "director": return count(.byCount, byLabels("director", \.directors))
        case "cast member": return count(.byCount, note: several("cast members"), byLabels("cast", \.cast))
        default:
            return count(.ranked(DurationBand.rank), note: "movies by length, shows by seasons",
                         byLabels("duration") { [DurationBand.label(of: $0.duration)] })
        }
    }

    /// The titles behind rows of `pane`, each once, in catalogue order: the
    /// Titles pane's own rows, or the titles of the listed platforms, genres,
    /// years, countries, cast members or viewers.
    func titles(behind pane: PaneID, rows: [PaneRow], definitions: StreamingDefinitions) -> [Int] {
        let titles = engine.titles
        let ids = Set(rows.map(\.id))
        func having(_ table: NameTable, _ names: (Title) -> [String]) -> [Int] {
            titles.indices.filter { names(titles[$0]).contains { table.id(of: $0).map(ids.contains) ?? false } }
        }
        switch pane {
        case Self.titles: return ids.filter(titles.indices.contains).sorted()
        case Self.platforms:
            return titles.indices.filter { Platform.allCases.firstIndex(of: titles[$0].platform).map(ids.contains) ?? false }
        case Self.years: return titles.indices.filter { definitions.year(of: titles[$0]).map(ids.contains) ?? false }
        case Self.genres: return having(genres, \.genres)
        case Self.countries: return having(countries, \.countries)
        case Self.cast: return having(cast, \.cast)
        case Self.viewers:
            guard let ratings = engine.catalogue.ratings else { return [] }
            var seen = Set<Int>()
            for viewer in ids where ratings.viewers.indices.contains(viewer) { ratings.ratings(of: viewer).titles.forEach { seen.insert(Int($0)) } }
            return seen.sorted()
        default: return []
        }
    }

    public func copyableId(of row: PaneRow, in pane: PaneID) -> String? {
        pane == Self.titles && engine.titles.indices.contains(row.id) ? engine.titles[row.id].id : nil
    }
}

/// A title's duration as the frequency table and the `duration:` filter
/// group it: movies in bands of minutes, shows by their seasons.
enum DurationBand {
    static let movieBands: [(below: Int, label: String)] = [(30, "under 30 min"), (60, "30-59 min"), (90, "60-89 min"),
                                                            (120, "90-119 min"), (150, "120-149 min"), (.max, "150 min or more")]

    static func label(of duration: Duration?) -> String {
        guard let duration else { return "unknown" }
        switch duration.unit {
        case .minutes: return movieBands.first { duration.value < $0.below }!.label
        case .seasons: return duration.value == 1 ? "1 season" : "\(duration.value) seasons"
        }
    }

    /// Movie bands by length, then shows by seasons, then "unknown".
    static func rank(_ label: String) -> Int? {
        if let band = movieBands.firstIndex(where: { $0.label == label }) { return band }
        if label.hasSuffix("season") || label.hasSuffix("seasons"), let seasons = Int(label.prefix { $0.isNumber }) {
            return movieBands.count + seasons
        }
        return nil
    }
}
