import Foundation

/// One row of a browsing list (the panes of the explorer, `query developers`).
public struct ListEntry: Equatable, Sendable {
    /// Index of the entity in its catalog array (developer, user, genre, item), or the year itself.
    public var id: Int
    public var name: String
    /// The main count shown beside the name (games, items, reviews…).
    public var count: Int
    /// A second figure (reviews, hours…), shown as the list's second column.
    public var secondary: Double
}

/// A sorted page of a list, with its column names so output can label them.
public struct ListPage: QueryResult {
    public enum Kind: String, CaseIterable, Sendable {
        case developers, users, genres, years, games, reviews
    }

    /// Sort orders every list offers.
    public enum Sort: String, CaseIterable, Sendable {
        case name, count, secondary
    }

    public var kind: Kind
    public var title: String
    public var countLabel: String
    public var secondaryLabel: String
    public var secondaryDigits: Int
    public var total: Int
    public var offset: Int
    public var entries: [ListEntry]
    public var definitions: Definitions

    struct JSONRow: Encodable {
        var name: String
        var count: Int
        var secondary: Double
        var countLabel: String
        var secondaryLabel: String

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(name, forKey: Key("name"))
            try container.encode(count, forKey: Key(countLabel))
            try container.encode(secondary, forKey: Key(secondaryLabel))
        }
    }

    public var jsonValue: any Encodable {
        entries.map { JSONRow(name: $0.name, count: $0.count, secondary: $0.secondary, countLabel: countLabel, secondaryLabel: secondaryLabel) }
    }

    public func encode(to encoder: Encoder) throws {
        try (jsonValue as! [JSONRow]).encode(to: encoder)
    }

    public var table: ResultTable {
        ResultTable(
            title: "\(title) (\(rowRange) of \(total))",
            columns: [.init(kind == .years ? "year" : "name"), .init(countLabel, .right), .init(secondaryLabel, .right)],
            rows: entries.map { [.text($0.name), .integer($0.count), .number($0.secondary, digits: secondaryDigits)] }
        )
    }

    /// "26–50", or "none" for a page past the end; saturating, as `offset`
    /// is public and may hold anything.
    private var rowRange: String {
        guard !entries.isEmpty else { return "none" }
        return "\(offset.saturatingAdd(1))–\(offset.saturatingAdd(entries.count))"
    }

    /// Checks a list's scope without the data: developers, users, genres and
    /// years take none; games an optional "developer:NAME", "genre:NAME",
    /// "year:YYYY" or "user:ID"; reviews a game id or title.
    public static func validate(_ kind: Kind, scope: String?) throws {
        switch kind {
        case .developers, .users, .genres, .years:
            guard scope == nil else { throw QueryError.badArgument("\(kind.rawValue) takes no argument.") }
        case .games:
            guard let scope else { return }
            _ = try GameScope(scope)
        case .reviews:
            guard let scope else { throw QueryError.badArgument("reviews: which game? e.g. `query reviews 570` or a title.") }
            do {
                _ = try QueryArguments.game(scope)
            } catch QueryError.badArgument(let message) {
                throw QueryError.badArgument("reviews: " + message)
            }
        }
    }
}

/// The scope of a games list, parsed: "developer:Valve" → .developer("Valve").
enum GameScope: Equatable {
    case developer(String), genre(String), user(String)
    /// A release year; nil is the games without one.
    case year(Int?)

    init(_ scope: String) throws {
        guard !scope.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw QueryError.badArgument("games: the scope is empty; leave it out for every game, or give developer:NAME, genre:NAME, year:YYYY or user:ID.")
        }
        let parts = scope.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw QueryError.badArgument("games: scope \"\(scope)\" should read developer:NAME, genre:NAME, year:YYYY or user:ID.")
        }
        let kind = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        do {
            switch kind {
            case "developer": self = .developer(try QueryArguments.nonEmpty(parts[1], argument: "developer"))
            case "genre": self = .genre(try QueryArguments.nonEmpty(parts[1], argument: "genre"))
            case "user": self = .user(try QueryArguments.nonEmpty(parts[1], argument: "user_id", expected: QueryArguments.userExpected))
            case "year": self = .year(try QueryArguments.year(parts[1]))
            default:
                throw QueryError.badArgument("unknown scope \"\(parts[0])\"; use developer:NAME, genre:NAME, year:YYYY or user:ID.")
            }
        } catch QueryError.badArgument(let message) {
            throw QueryError.badArgument("games: " + message)
        }
    }
}

extension Int {
    /// `self + other`, stopping at `Int.max` / `Int.min` instead of trapping.
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Engine {
    /// A list of `kind`, sorted, paged. `of` narrows games to a developer,
    /// genre or year ("developer:Valve", "genre:Action", "year:2015") and
    /// reviews to a game ("570" or a title).
    public func list(_ kind: ListPage.Kind, of scope: String? = nil, sort: ListPage.Sort = .count, descending: Bool? = nil,
                     offset: Int = 0, limit: Int = .max, definitions: Definitions = .standard) throws -> ListPage {
        try ListPage.validate(kind, scope: scope)
        var page = try unsortedList(kind, scope: scope, definitions: definitions)
        let descendingOrder = descending ?? (sort != .name)
        // Sort keys are computed once per entry, not per comparison.
        let keys = sortKeys(kind, page.entries)
        var order = Array(page.entries.indices)
        order.sort { i, j in
            let a = page.entries[i], b = page.entries[j]
            let ordered: Bool
            switch sort {
            case .name:
                if keys[i] == keys[j] { return a.id < b.id }
                ordered = keys[i] < keys[j]
            case .count:
                if a.count == b.count { return keys[i] != keys[j] ? keys[i] < keys[j] : a.id < b.id }
                ordered = a.count < b.count
            case .secondary:
                if a.secondary == b.secondary { return keys[i] != keys[j] ? keys[i] < keys[j] : a.id < b.id }
                ordered = a.secondary < b.secondary
            }
            return descendingOrder ? !ordered : ordered
        }
        page.entries = order.map { page.entries[$0] }
        page.total = page.entries.count
        let start = min(max(0, offset), page.entries.count)
        // Saturating: `offset + limit` may exceed Int.max (a caller asking for "everything after row 5").
        let end = min(page.entries.count, start.saturatingAdd(max(0, limit)))
        page.entries = Array(page.entries[start..<end])
        page.offset = start
        return page
    }

    /// The forgiving key of each entry's name, from the indexes where they exist.
    private func sortKeys(_ kind: ListPage.Kind, _ entries: [ListEntry]) -> [String] {
        switch kind {
        case .developers: return entries.map { developerIndex.keys[$0.id] }
        case .users: return entries.map { userIndex.keys[$0.id] }
        case .genres: return entries.map { genreIndex.keys[$0.id] }
        case .games: return entries.map { catalog.titleKeys[$0.id] }
        case .years: return entries.map { $0.id == 0 ? "9999" : String($0.id) }
        case .reviews: return entries.map { userIndex.keys[Int(catalog.reviewUser[$0.id])] }
        }
    }

    private func unsortedList(_ kind: ListPage.Kind, scope: String?, definitions: Definitions) throws -> ListPage {
        let unit = definitions.timeUnit
        func make(_ title: String, _ count: String, _ secondary: String, digits: Int = 0, _ entries: [ListEntry]) -> ListPage {
            ListPage(kind: kind, title: title, countLabel: count, secondaryLabel: secondary, secondaryDigits: digits,
                     total: entries.count, offset: 0, entries: entries, definitions: definitions)
        }
        switch kind {
        case .developers:
            let entries = catalog.developerNames.indices.map { developer -> ListEntry in
                let items = catalog.itemsOfDeveloper[developer]
                let reviews = items.reduce(0) { $0 + catalog.reviewsOfItem.rowCount(Int($1)) }
                return ListEntry(id: developer, name: catalog.developerNames[developer], count: items.count, secondary: Double(reviews))
            }
            return make("Developers", "games", "reviews", entries)
        case .users:
            let entries = catalog.userIds.indices.map { user in
                ListEntry(id: user, name: catalog.userIds[user], count: catalog.libraryOfUser.rowCount(user),
                          secondary: rounded(unit.value(minutes: userMinutes[user])))
            }
            return make("Users", "items", unit.rawValue, digits: 1, entries)
        case .genres:
            let statistics = genreStatistics[definitions.joinKey]!.genres
            let entries = catalog.genreNames.indices.map { genre in
                ListEntry(id: genre, name: catalog.genreNames[genre], count: catalog.itemsOfGenre.rowCount(genre),
                          secondary: rounded(unit.value(minutes: statistics[genre].totalMinutes)))
            }
            return make("Genres", "games", unit.rawValue, digits: 1, entries)
        case .years:
            var games: [Int: Int] = [:]
            var reviews: [Int: Int] = [:]
            for item in 0..<catalog.gameCount { games[Int(catalog.releaseYears[item]), default: 0] += 1 }
            for review in 0..<catalog.reviewCount { reviews[catalog.reviewYear(review, basis: definitions.reviewYear, undated: definitions.undatedReviews) ?? 0, default: 0] += 1 }
            let years = Set(games.keys).union(reviews.keys)
            let entries = years.map { year in
                ListEntry(id: year, name: year == 0 ? "unknown" : String(year), count: games[year] ?? 0, secondary: Double(reviews[year] ?? 0))
            }
            return make("Years", "games", "reviews", entries)
        case .games:
            let items = try gamesInScope(scope)
            let entries = items.map { item in
                ListEntry(id: Int(item), name: catalog.displayTitle(item), count: catalog.ownersOfItem.rowCount(Int(item)),
                          secondary: Double(catalog.reviewsOfItem.rowCount(Int(item))))
            }
            return make("Games" + (scope.map { " of \($0)" } ?? ""), "owners", "reviews", entries)
        case .reviews:
            guard let scope else { throw QueryError.badArgument("reviews: which game? e.g. `query reviews 570` or a title.") }
            let item = try gameArgument(scope)
            let entries = catalog.reviewsOfItem[Int(item)].map { review in
                ListEntry(id: Int(review), name: catalog.userIds[Int(catalog.reviewUser[Int(review)])],
                          count: Int(catalog.reviewSentiment[Int(review)]), secondary: catalog.reviewRecommend[Int(review)] ? 1 : 0)
            }
            return make("Reviews of \(catalog.displayTitle(item))", "sentiment", "recommend", entries)
        }
    }

    /// The items a games list shows: all games (nil), or those of "developer:X", "genre:X", "year:YYYY", "user:X".
    public func gamesInScope(_ scope: String?) throws -> [Int32] {
        guard let scope else { return (0..<Int32(catalog.gameCount)).map { $0 } }
        switch try GameScope(scope) {
        case .developer(let name): return Array(catalog.itemsOfDeveloper[Int(try resolveDeveloper(name))])
        case .genre(let name): return Array(catalog.itemsOfGenre[Int(try resolveGenre(name))])
        case .user(let id): return catalog.libraryOfUser[Int(try resolveUser(id))].map(\.item)
        case .year(let year):
            let year = year ?? 0
            return (0..<Int32(catalog.gameCount)).filter { Int(catalog.releaseYears[Int($0)]) == year }
        }
    }
}
