import SteamLensEngine

/// The browsing lists of the streaming data set (`steamlens query genres
/// --dataset streaming`, the explorer's panes): sorted, paged, each row a
/// name with a count and a second figure.
public enum StreamingListKind: String, CaseIterable, Sendable {
    case platforms, genres, years, countries, cast, ratings, titles, viewers

    /// What the count and the second figure mean.
    var labels: (count: String, secondary: String, digits: Int) {
        switch self {
        case .platforms, .genres, .countries, .ratings: return ("titles", "movies", 0)
        case .years: return ("released", "added", 0)
        case .cast: return ("titles", "platforms", 0)
        case .titles: return ("ratings", "score", 2)
        case .viewers: return ("ratings", "mean_score", 2)
        }
    }

    /// The kinds a `titles` scope may name ("genre:Dramas").
    public static let scopes = ["platform", "genre", "year", "country", "cast", "rating", "viewer", "cluster"]
}

extension StreamingEngine {
    /// One row of a list: its name, its count and its second figure (`StreamingListKind`'s labels).
    public struct Entry: Sendable {
        public var name: String
        public var count: Int
        public var secondary: Double
    }

    /// Every row of a list, unsorted and unpaged (the explorer's panes sort them
    /// themselves); years are named by their number, platforms by their raw name.
    public func entries(_ kind: StreamingListKind, scope: String? = nil, definitions: StreamingDefinitions) throws -> [Entry] {
        try rows(kind, scope: scope, definitions: definitions)
    }

    /// A page of a list. `scope` narrows `titles` ("genre:Dramas"); other lists take none.
    public func list(_ kind: StreamingListKind, scope: String? = nil, sort: ListPage.Sort = .count, descending: Bool? = nil,
                     offset: Int = 0, limit: Int = 25, definitions: StreamingDefinitions) throws -> StreamingResult {
        if scope != nil, kind != .titles {
            throw QueryError.badArgument("\(kind.rawValue) takes no scope; only titles does (\(StreamingListKind.scopes.map { "\($0):NAME" }.joined(separator: ", "))).")
        }
        let unsorted = try rows(kind, scope: scope, definitions: definitions)
        let keys = unsorted.map { NameKey.normalize($0.name) }
        let down = descending ?? (sort != .name)
        func byName(_ a: Int, _ b: Int) -> Bool { keys[a] != keys[b] ? keys[a] < keys[b] : unsorted[a].name < unsorted[b].name }
        let order = unsorted.indices.sorted { a, b in
            let x = unsorted[a], y = unsorted[b]
            switch sort {
            case .name: return down ? byName(b, a) : byName(a, b)
            case .count: return x.count != y.count ? (down ? x.count > y.count : x.count < y.count) : byName(a, b)
            case .secondary: return x.secondary != y.secondary ? (down ? x.secondary > y.secondary : x.secondary < y.secondary) : byName(a, b)
            }
        }
        let entries = order.map { unsorted[$0] }
        let total = entries.count
        let start = min(max(0, offset), total)
        let page = Array(entries[start..<min(total, start.addingReportingOverflow(limit).overflow ? total : start + limit)])
        let labels = kind.labels
        let range = page.isEmpty ? "none" : "\(start + 1)–\(start + page.count)"
        let table = ResultTable(
            title: "\(kind.rawValue.capitalized)\(scope.map { " of \($0)" } ?? "") (\(range) of \(total))",
            columns: [.init(kind == .years ? "year" : "name"), .init(labels.count, .right), .init(labels.secondary, .right)],
            rows: page.map { [.text($0.name), .integer($0.count), .number($0.secondary, digits: labels.digits)] })
        return StreamingResult(table: table, json: JSONValue.rows(of: table), definitions: definitions, total: total)
    }

    private func rows(_ kind: StreamingListKind, scope: String?, definitions: StreamingDefinitions) throws -> [Entry] {
        func grouped(_ keys: (Title) -> [String]) -> [Entry] {
            var counts: [String: (Int, Int)] = [:]
            for title in titles {
                for key in Set(keys(title)) {
                    let old = counts[key] ?? (0, 0)
                    counts[key] = (old.0 + 1, old.1 + (title.type == .movie ? 1 : 0))
                }
            }
            return counts.map { Entry(name: $0.key, count: $0.value.0, secondary: Double($0.value.1)) }
        }
        switch kind {
        case .platforms:
            return Platform.allCases.map { platform in
                let indices = catalogue.indices(on: platform), types = catalogue.facts.type
                return Entry(name: platform.rawValue, count: indices.count, secondary: Double(indices.filter { types[$0] == .movie }.count))
            }
        case .genres: return grouped(\.genres)
        case .countries: return grouped(\.countries)
        case .ratings:
            return ratingCounts(definitions).map { Entry(name: $0.key, count: $0.value.titles, secondary: Double($0.value.movies)) }
        case .years:
            var released: [Int: Int] = [:], added: [Int: Int] = [:]
            let facts = catalogue.facts
            for i in facts.releaseYear.indices {
                if facts.releaseYear[i] >= 0 { released[Int(facts.releaseYear[i]), default: 0] += 1 }
                if facts.addedYear[i] >= 0 { added[Int(facts.addedYear[i]), default: 0] += 1 }
            }
            return Set(released.keys).union(added.keys).map { Entry(name: String($0), count: released[$0] ?? 0, secondary: Double(added[$0] ?? 0)) }
        case .cast:
            var counts: [String: (Int, Set<Platform>)] = [:]
            for title in titles {
                for name in title.cast {
                    var entry = counts[name] ?? (0, [])
                    entry.0 += 1
                    entry.1.insert(title.platform)
                    counts[name] = entry
                }
            }
            return counts.map { Entry(name: $0.key, count: $0.value.0, secondary: Double($0.value.1.count)) }
        case .titles:
            let ratings = catalogue.ratings
            return try scopedTitles(scope, definitions: definitions).map { i in
                Entry(name: "\(titles[i].name) (\(titles[i].id))", count: ratings?.ratingCount(ofTitle: i) ?? 0,
                          secondary: ratings?.meanScore(ofTitle: i) ?? 0)
            }
        case .viewers:
            let ratings = try requireRatings()
            return ratings.viewers.indices.map { v in
                let row = ratings.ratings(of: v)
                let mean = row.halves.isEmpty ? 0 : Double(row.halves.reduce(0) { $0 + Int($1) }) / 2 / Double(row.halves.count)
                return Entry(name: ratings.viewers[v], count: row.halves.count, secondary: mean)
            }
        }
    }

    /// The titles a scope names ("platform:netflix", "genre:Dramas", "year:2020", "viewer:u1"), all without one.
    public func scopedTitles(_ scope: String?, definitions: StreamingDefinitions) throws -> [Int] {
        guard let scope else { return Array(titles.indices) }
        guard let colon = scope.firstIndex(of: ":") else {
            throw QueryError.badArgument("scope \"\(scope)\" is not KIND:NAME; KIND is one of \(StreamingListKind.scopes.joined(separator: ", ")).")
        }
        let kind = scope[..<colon].lowercased(), value = String(scope[scope.index(after: colon)...])
        func matching(_ names: [String], kind label: String, _ keys: @escaping (Title) -> [String]) throws -> [Int] {
            let name = NameKey.normalize(try resolve(value, among: names, kind: label, argument: label))
            return titles.indices.filter { keys(titles[$0]).contains { NameKey.normalize($0) == name } }
        }
        switch kind {
        case "platform":
            return catalogue.indices(on: try platform(value))
        case "year":
            let year = try QueryArguments.year(value), facts = catalogue.facts
            return titles.indices.filter { facts.year($0, definitions) == year }
        case "genre": return try matching(Array(Set(titles.flatMap(\.genres))).sorted(), kind: "genre", \.genres)
        case "country": return try matching(countryNames(), kind: "country", \.countries)
        case "cast": return try matching(Array(Set(titles.flatMap(\.cast))).sorted(), kind: "cast member", \.cast)
        case "rating":
            return titles(rated: try resolve(value, among: ratingNames(definitions), kind: "audience rating", argument: "audience rating"),
                          definitions: definitions)
        case "cluster":
            let clusters = try requireModels().clusters
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)), (0..<clusters.k).contains(number) else {
                throw QueryError.badArgument("scope cluster:\(value): give a cluster from 0 to \(clusters.k - 1).")
            }
            return titles.indices.filter { clusters.assignment[$0] == Int32(number) }
        case "viewer":
            let ratings = try requireRatings()
            return ratings.ratings(of: try viewer(value)).titles.map(Int.init)
        default:
            throw QueryError.badArgument("scope kind \"\(kind)\" is not one of \(StreamingListKind.scopes.joined(separator: ", ")).")
        }
    }
}
