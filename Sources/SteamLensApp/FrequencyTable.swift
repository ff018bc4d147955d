import SteamLensData
import SteamLensEngine

/// What a frequency table (Shift-F) counts the games of a pane by.
public enum FrequencyAttribute: String, CaseIterable, Sendable {
    case tag, genre, spec, developer, publisher
    case priceBand = "price band"
    case releaseYear = "release year"
    case genreYear = "genre × year"
    /// Of the games' reviews, not of the games.
    case sentiment
}

/// A frequency table: how many games (or reviews) have each value, with
/// their share of the set and, on each row, the filter that selects it.
public struct FrequencyTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        public var count: Int
        /// The Games-pane filter for this row; nil when none can select it.
        public var filter: String?
    }

    /// The attribute's name: "tag", "price band", "audience rating".
    public var attribute: String
    /// Where the games come from: "Games · price < 10", "all games".
    public var scopeName: String
    /// "games" or "reviews": what a count counts.
    public var unit: String
    /// Games (or reviews) in the set: the base of every share.
    public var total: Int
    public var rows: [Row]
    public var note: String?

    /// The share of the set a row holds, in percent.
    public func percent(_ row: Row) -> Double { total > 0 ? Double(row.count) * 100 / Double(total) : 0 }

    /// The table as exported: value, count, percent of the set.
    public var resultTable: ResultTable {
        ResultTable(title: "\(attribute) of \(scopeName)",
                    columns: [.init(attribute), .init(unit, .right), .init("percent", .right)],
                    rows: rows.map { [.text($0.label), .integer($0.count), .number(percent($0), digits: 1)] },
                    notes: note.map { [$0] } ?? [])
    }
}

enum Frequencies {
    /// The games behind a pane's listed rows: the games pane's own rows, the
    /// games of the listed developers or genres, of the listed release
    /// years, or in the listed users' libraries; each game once.
    static func items(behind pane: PaneID, rows: [PaneRow], engine: Engine) -> [Int32] {
        let catalog = engine.catalog
        var seen = [Bool](repeating: false, count: catalog.itemCount)
        var items: [Int32] = []
        func add(_ item: Int32) {
            guard catalog.isKnown(item), !seen[Int(item)] else { return }
            seen[Int(item)] = true
            items.append(item)
        }
        switch pane {
        case .games: rows.forEach { add(Int32($0.id)) }
        case .developers: rows.forEach { catalog.itemsOfDeveloper[$0.id].forEach(add) }
        case .genres: rows.forEach { catalog.itemsOfGenre[$0.id].forEach(add) }
        case .users: rows.forEach { catalog.libraryOfUser[$0.id].forEach { add($0.item) } }
        case .years:
            let years = Set(rows.map(\.id))
            for item in 0..<Int32(catalog.gameCount) where years.contains(Int(catalog.releaseYears[Int(item)])) { add(item) }
        default: break
        }
        return items
    }

    static func table(_ attribute: FrequencyAttribute, items: [Int32], scopeName: String, engine: Engine) -> FrequencyTable {
        let catalog = engine.catalog
        var counts: [String: Int] = [:]
        var filters: [String: String] = [:]
        var none = 0
        // Values are tallied by a small integer key first and named once per
        // key: building a label string per game costs more than the count.
        func tally(_ keys: some Sequence<Int>, label: (Int) -> String, filter: (Int) -> String?) {
            var byKey: [Int: Int] = [:]
            for key in keys { byKey[key, default: 0] += 1 }
            for (key, total) in byKey {
                let name = label(key)
                counts[name, default: 0] += total
                if filters[name] == nil, let text = filter(key) { filters[name] = text }
            }
        }
        // Labels are counted by id (an array, not a dictionary of strings):
        // the tags of 32,000 games are 600,000 labels.
        func labelled(_ field: String, names: StringColumn, ids: (Int32) -> [Int32]) {
            var byId = [Int](repeating: 0, count: names.count)
            var seen = [Int](repeating: -1, count: names.count)
            for (n, item) in items.enumerated() {
                let labels = ids(item)
                if labels.isEmpty { none += 1 }
                for label in labels where seen[Int(label)] != n {
                    seen[Int(label)] = n
                    byId[Int(label)] += 1
                }
            }
            for (id, total) in byId.enumerated() where total > 0 {
                counts[names[id], default: 0] += total
                if filters[names[id]] == nil { filters[names[id]] = FrequencyCounter.equals(field, names[id]) }
            }
        }
        var ordered: [String]? = nil   // labels in their natural order, for ordinal attributes
        var unit = "games", total = items.count, note: String? = nil
        switch attribute {
        case .tag:
            labelled("tag", names: catalog.tagNames) { Array(catalog.tagsOfItem[Int($0)]) }
            note = "a game has several tags: shares add up to more than 100%"
        case .genre:
            labelled("genre", names: catalog.genreNames) { Array(catalog.genresOfItem[Int($0)]) }
            note = "a game has several genres: shares add up to more than 100%"
        case .spec:
            labelled("spec", names: catalog.specNames) { Array(catalog.specsOfItem[Int($0)]) }
            note = "a game has several specs: shares add up to more than 100%"
        case .developer:
            labelled("developer", names: catalog.developerNames) { item in
                let developer = catalog.developerOfItem[Int(item)]
                return developer < 0 ? [] : [developer]
            }
        case .publisher:
            labelled("publisher", names: catalog.publisherNames) { item in
                let publisher = catalog.publisherOfItem[Int(item)]
                return publisher < 0 ? [] : [publisher]
            }
        case .priceBand:
            let bands = PriceBand.allCases
            tally(items.lazy.map { item in
                bands.firstIndex(of: PriceBand(price: catalog.isFree[Int(item)] ? 0 : catalog.price(item)))!
            }, label: { bands[$0].label }, filter: { bands[$0].filter })
            ordered = bands.map(\.label)
        case .releaseYear:
            tally(items.lazy.map { Int(catalog.releaseYears[Int($0)]) },
                  label: { $0 == 0 ? "unknown" : String($0) }, filter: { $0 == 0 ? "year=unknown" : "year \($0)" })
            ordered = counts.keys.sorted()   // "unknown" sorts after the digits
        case .genreYear:
            // Key: genre * 10,000 + release year (0 unknown).
            var keys: [Int] = []
            for item in items {
                let year = Int(catalog.releaseYears[Int(item)])
                let genres = Set(catalog.genresOfItem[Int(item)])
                if genres.isEmpty { none += 1 }
                keys += genres.map { Int($0) * 10_000 + year }
            }
            tally(keys, label: { key in
                "\(catalog.genreNames[key / 10_000]) · \(key % 10_000 == 0 ? "unknown" : String(key % 10_000))"
            }, filter: { key in
                "genre=\(FrequencyCounter.quoted(catalog.genreNames[key / 10_000])) " + (key % 10_000 == 0 ? "year=unknown" : "year \(key % 10_000)")
            })
            note = "a game has several genres: shares add up to more than 100%"
        case .sentiment:
            unit = "reviews"
            let names = ["negative", "neutral", "positive"]
            var sentiments: [Int] = []
            for item in items {
                for review in catalog.reviewsOfItem[Int(item)] { sentiments.append(Int(min(catalog.reviewSentiment[Int(review)], 2))) }
            }
            total = sentiments.count
            tally(sentiments, label: { names[$0] }, filter: { _ in nil })
            ordered = names
            note = "counts the reviews of these games; Enter cannot filter games by it"
        }
        let order = ordered.map { labels -> FrequencyCounter.Order in
            let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            return .ranked { position[$0] }
        } ?? .byCount
        return FrequencyTable(attribute: attribute.rawValue, scopeName: scopeName, unit: unit, total: total,
                              rows: FrequencyCounter.rows(counts, filters: filters, none: none, order: order), note: note)
    }
}

/// Price bands of the frequency table; each is a filter of the Games pane.
enum PriceBand: CaseIterable {
    case free, under5, under10, under20, under40, from40, unknown

    init(price: Double?) {
        guard let price else { self = .unknown; return }
        switch price {
        case ...0: self = .free
        case ..<5: self = .under5
        case ..<10: self = .under10
        case ..<20: self = .under20
        case ..<40: self = .under40
        default: self = .from40
        }
    }

    var label: String {
        switch self {
        case .free: return "free"
        case .under5: return "(0, 5)"
        case .under10: return "[5, 10)"
        case .under20: return "[10, 20)"
        case .under40: return "[20, 40)"
        case .from40: return "40 or more"   // no ∞: it has no one-cell ASCII form
        case .unknown: return "unknown"
        }
    }

    var filter: String {
        switch self {
        case .free: return "price = 0"
        case .under5: return "price > 0 price < 5"
        case .under10: return "price >= 5 price < 10"
        case .under20: return "price >= 10 price < 20"
        case .under40: return "price >= 20 price < 40"
        case .from40: return "price >= 40"
        case .unknown: return "price=unknown"
        }
    }
}
