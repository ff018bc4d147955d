import SteamLensEngine
import StreamingCatalog
import TerminalUI

/// The streaming catalogue in the explorer: platforms, genres, years,
/// countries, cast, viewers, audience ratings and content clusters, each
/// opening its titles in the Titles pane.
/// Rows come from `StreamingEngine.entries`/`scopedTitles`; the right side
/// asks the streaming questions (``StreamingDetail``).
///
/// ```swift
/// let explorer = StreamingExplorer(engine: StreamingStore.open(folder: folder, cacheFolder: cache))
/// let (state, _) = AppState.start(catalogue: explorer, size: Size(width: 120, height: 40))
/// ```
public struct StreamingExplorer: ExplorerCatalogue {
    public let engine: StreamingEngine
    /// Genres, countries and cast members by name: a row's id is its place here,
    /// so a cursor stays on its row when a definition reloads the pane.
    let genres: NameTable
    let countries: NameTable
    let cast: NameTable
    /// Every audience rating a definition can name, a missing one as "unknown" or "G".
    let ratings: NameTable

    public static let platforms = PaneID(0, "Platforms")
    public static let genres = PaneID(1, "Genres")
    public static let years = PaneID(2, "Years")
    public static let countries = PaneID(3, "Countries")
    public static let cast = PaneID(4, "Cast")
    public static let viewers = PaneID(5, "Viewers")
    public static let ratings = PaneID(6, "Ratings")
    /// The k-means clusters of the content model, each row a cluster number.
    public static let clusters = PaneID(7, "Clusters")
    /// Every title, or the titles of the row Enter opened.
    public static let titles = PaneID(8, "Titles")
    public static let panes = [platforms, genres, years, countries, cast, viewers, ratings, clusters, titles]

    /// What a Titles filter may name besides its columns: `released` and
    /// `added` are the two years whatever the year definition, `duration` a
    /// frequency table's band ("90-119 min", "2 seasons").
    static let titleLabelFields = ["genre", "country", "cast", "director", "platform", "type", "rating", "released", "added", "duration", "cluster"]

    public init(engine: StreamingEngine) {
        self.engine = engine
        let titles = engine.titles
        genres = NameTable(titles.flatMap(\.genres))
        countries = NameTable(titles.flatMap(\.countries))
        cast = NameTable(titles.flatMap(\.cast))
        ratings = NameTable(engine.catalogue.facts.ratingNames + ["unknown", "G"])
    }

    public var steamEngine: Engine? { nil }

    public func layout() -> CatalogueLayout {
        let titles = "\(NumberFormat.grouped(engine.titles.count)) titles"
        // "N viewers" is the readiness marker; a folder without ratings says so instead of "0 viewers".
        let counts: [String]
        if let ratings = engine.catalogue.ratings {
            let viewers = "\(NumberFormat.grouped(ratings.viewers.count)) viewers"
            counts = ["\(titles) · \(viewers) · \(NumberFormat.grouped(ratings.count)) ratings (generated)", "\(titles) · \(viewers)"]
        } else {
            counts = ["\(titles) · no viewers: no ratings file", "\(titles) · no viewers"]
        }
        return CatalogueLayout(panes: Self.panes, drillPane: Self.titles, counts: counts,
                               keymap: AppKeymap.streaming(panes: Self.panes),
                               filterExample: "score > 4 · year 2015..2020 · genre:dramas",
                               histogramCount: Self.histogramNames.count)
    }

    public func prepare(_ state: inout AppState) {
        state.streamingDefinitions = .standard
        state.cleaningSummary = AppState.cleaningSummary(engine.catalogue.report)
    }

    public func drills(into selection: Selection) -> Bool {
        guard case .entity(let pane, _) = selection else { return false }
        return pane != Self.titles
    }

    public func detail(for selection: Selection, state: AppState) -> (Detail, Effect?) {
        StreamingDetail(explorer: self, state: state).build(selection)
    }

    public func answer(_ question: SectionRequest.Question) -> DetailSection {
        switch question {
        case .willLike(let viewer, let title): return StreamingDetail.willLike(viewer: viewer, title: title, engine: engine)
        }
    }

    // MARK: Panes

    public func paneContent(_ pane: PaneID, state: AppState) -> PaneContent? {
        let definitions = state.streamingDefinitions ?? .standard
        func counted(_ kind: StreamingListKind, _ columns: [PaneColumnSpec], id: (Int, StreamingEngine.Entry) -> Int?) -> PaneContent? {
            guard let entries = try? engine.entries(kind, definitions: definitions) else { return nil }
            return PaneContent(columns: columns, rows: entries.enumerated().compactMap { index, entry in
                id(index, entry).map { PaneRow(id: $0, name: name(of: pane, id: $0) ?? entry.name, key: NameKey.normalize(entry.name),
                                        values: [Double(entry.count), entry.secondary]) }
            })
        }
        let titlesAndMovies = [PaneColumnSpec("titles"), PaneColumnSpec("movies")]
        switch pane {
        case Self.platforms:
            return counted(.platforms, titlesAndMovies) { _, entry in Platform.allCases.firstIndex { $0.rawValue == entry.name } }
        case Self.genres: return counted(.genres, titlesAndMovies) { genres.id(of: $1.name) }
        case Self.countries: return counted(.countries, titlesAndMovies) { countries.id(of: $1.name) }
        case Self.cast: return counted(.cast, [PaneColumnSpec("titles"), PaneColumnSpec("platforms")]) { cast.id(of: $1.name) }
        case Self.years: return counted(.years, [PaneColumnSpec("released"), PaneColumnSpec("added")]) { Int($1.name) }
        case Self.ratings: return counted(.ratings, titlesAndMovies) { ratings.id(of: $1.name) }
        case Self.clusters: return clusterRows()
        case Self.viewers:
            // A folder without ratings has no viewers: the pane is empty rather than missing.
            guard engine.catalogue.ratings != nil else { return PaneContent(columns: [PaneColumnSpec("ratings"), PaneColumnSpec("mean", digits: 2)], rows: []) }
            // The engine lists viewers in their own order, so a row's place is the viewer's index.
            return counted(.viewers, [PaneColumnSpec("ratings"), PaneColumnSpec("mean", digits: 2)]) { index, _ in index }
        case Self.titles: return titleRows(of: state.drillScope, definitions: definitions)
        default: return nil
        }
    }

    /// One row per cluster: its size and movies, named by what marks it
    /// ("3 · kids, family"); empty when the models are not trained.
    func clusterRows() -> PaneContent {
        let columns = [PaneColumnSpec("titles"), PaneColumnSpec("movies")]
        guard let clusters = engine.models?.clusters else { return PaneContent(columns: columns, rows: []) }
        let types = engine.catalogue.facts.type
        var sizes = [Int](repeating: 0, count: clusters.k), movies = sizes
        for (index, cluster) in clusters.assignment.enumerated() where (0..<clusters.k).contains(Int(cluster)) {
            sizes[Int(cluster)] += 1
            if types[index] == .movie { movies[Int(cluster)] += 1 }
        }
        return PaneContent(columns: columns, rows: (0..<clusters.k).map { c in
            let name = clusterName(c, clusters)
            return PaneRow(id: c, name: name, key: NameKey.normalize(name), values: [Double(sizes[c]), Double(movies[c])])
        })
    }

    /// "3 · kids, family": the cluster's number and the two features most above the mean.
    func clusterName(_ c: Int, _ clusters: TitleClusters) -> String {
        let marks = clusters.marks(of: c, count: 2).map { $0.feature.split(separator: ":").last.map(String.init) ?? $0.feature }
        return "\(c) · " + marks.joined(separator: ", ")
    }

    /// The titles of a drill (every title without one): ratings, mean score
    /// and year; a viewer's titles start with the viewer's own score.
    func titleRows(of scope: Selection?, definitions: StreamingDefinitions) -> PaneContent {
        let titles = engine.titles, ratings = engine.catalogue.ratings
        var columns = [PaneColumnSpec("ratings"), PaneColumnSpec("score", digits: 2), PaneColumnSpec("year", grouped: false)]
        let indices = (try? engine.scopedTitles(scope.flatMap { self.scope(of: $0) }, definitions: definitions)) ?? []
        var viewer: Int?
        if case .entity(Self.viewers, let id)? = scope, ratings?.viewers.indices.contains(id) == true {
            viewer = id
            columns.insert(PaneColumnSpec("their score", digits: 1), at: 0)
        }
        let rows = indices.map { index in
            let title = titles[index]
            var values: [Double?] = [Double(ratings?.ratingCount(ofTitle: index) ?? 0), ratings?.meanScore(ofTitle: index),
                                     definitions.year(of: title).map(Double.init)]
            if let viewer { values.insert(ratings?.score(viewer: viewer, title: index), at: 0) }
            return PaneRow(id: index, name: title.name, key: NameKey.normalize(title.name), values: values)
        }
        return PaneContent(columns: columns, labelFields: Self.titleLabelFields, rows: rows)
    }

    /// The `titles` scope of a row ("genre:Dramas", "viewer:u1"); nil for every title.
    func scope(of selection: Selection) -> String? {
        guard case .entity(let pane, let id) = selection else { return nil }
        switch pane {
        case Self.platforms: return Platform.allCases.indices.contains(id) ? "platform:" + Platform.allCases[id].rawValue : nil
        case Self.years: return "year:\(id)"
        case Self.viewers: return engine.catalogue.ratings.flatMap { $0.viewers.indices.contains(id) ? "viewer:" + $0.viewers[id] : nil }
        case Self.genres: return genres.name(id).map { "genre:" + $0 }
        case Self.countries: return countries.name(id).map { "country:" + $0 }
        case Self.cast: return cast.name(id).map { "cast:" + $0 }
        case Self.ratings: return ratings.name(id).map { "rating:" + $0 }
        case Self.clusters: return engine.models.flatMap { (0..<$0.clusters.k).contains(id) ? "cluster:\(id)" : nil }
        default: return nil
        }
    }

    /// The name a row of `pane` shows: "Netflix", "Dramas", "u12", "2020".
    func name(of pane: PaneID, id: Int) -> String? {
        switch pane {
        case Self.platforms: return Platform.allCases.indices.contains(id) ? Platform.allCases[id].displayName : nil
        case Self.genres: return genres.name(id)
        case Self.countries: return countries.name(id)
        case Self.cast: return cast.name(id)
        case Self.ratings: return ratings.name(id)
        case Self.clusters: return engine.models.flatMap { (0..<$0.clusters.k).contains(id) ? clusterName(id, $0.clusters) : nil }
        case Self.years: return String(id)
        case Self.viewers: return engine.catalogue.ratings.flatMap { $0.viewers.indices.contains(id) ? $0.viewers[id] : nil }
        case Self.titles: return engine.titles.indices.contains(id) ? engine.titles[id].name : nil
        default: return nil
        }
    }

    public func labelLookup(_ fields: Set<String>, pane: PaneID) -> PaneLabelLookup {
        guard pane == Self.titles, !fields.isEmpty else { return .none }
        let titles = engine.titles, clusters = engine.models?.clusters
        return PaneLabelLookup { field, row in
            guard titles.indices.contains(row) else { return [] }
            let title = titles[row]
            switch field {
            case "genre": return title.genres.map(PaneFilter.fold)
            case "country": return title.countries.map(PaneFilter.fold)
            case "cast": return title.cast.map(PaneFilter.fold)
            case "director": return title.directors.map(PaneFilter.fold)
            case "platform": return [PaneFilter.fold(title.platform.rawValue), PaneFilter.fold(title.platform.displayName)]
            case "type": return [PaneFilter.fold(title.type.rawValue), PaneFilter.fold(title.type.displayName)]
            case "rating": return [PaneFilter.fold(title.rating ?? "unknown")]
            case "released": return [PaneFilter.fold(title.releaseYear.map(String.init) ?? "unknown")]
            case "added": return [PaneFilter.fold(title.dateAdded.map { String($0.year) } ?? "unknown")]
            case "duration": return [PaneFilter.fold(DurationBand.label(of: title.duration))]
            case "cluster": return clusters.map { $0.assignment.indices.contains(row) ? [String($0.assignment[row])] : [] } ?? []
            default: return []
            }
        }
    }
}

/// Distinct names in a fixed order (case-sensitive, sorted), each with its place.
struct NameTable: Sendable {
    let names: [String]
    let ids: [String: Int]

    init(_ all: [String]) {
        names = Array(Set(all)).sorted()
        ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    func id(of name: String) -> Int? { ids[name] }
    func name(_ id: Int) -> String? { names.indices.contains(id) ? names[id] : nil }
}
