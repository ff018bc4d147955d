import SteamLensData

/// Turns the clean rows of a `Dataset` into a `Catalog`: interns ids and
/// names, lays facts out in columns and builds the indexes both ways.
struct CatalogBuilder {
    var gameCount = 0
    var itemIds: [Int32] = []
    var titles: [String] = []
    var titleKeys: [String] = []
    var developerOfItem: [Int32] = []
    var publisherOfItem: [Int32] = []
    var prices: [Double] = []
    var isFree: [Bool] = []
    var releaseYears: [Int16] = []
    var earlyAccess: [Bool] = []
    var genresOfItem = Adjacency<Int32>()
    var tagsOfItem = Adjacency<Int32>()
    var specsOfItem = Adjacency<Int32>()
    var itemIndexById: [Int32: Int32] = [:]
    var itemJoinedByName: [Int32] = []
    var developerNames: [String] = []
    var developerKeys: [String] = []
    var publisherNames: [String] = []
    var userKeys: [String] = []
    var genreKeys: [String] = []
    var itemsOfDeveloper = Adjacency<Int32>()
    var genreNames: [String] = []
    var itemsOfGenre = Adjacency<Int32>()
    var tagNames: [String] = []
    var specNames: [String] = []
    var userIds: [String] = []
    var libraryOfUser = Adjacency<OwnedItem>()
    var ownersOfItem = Adjacency<Owner>()
    var reviewUser: [Int32] = []
    var reviewItem: [Int32] = []
    var reviewPostedYear: [Int16] = []
    var reviewPostedMonth: [Int8] = []
    var reviewPostedDay: [Int8] = []
    var reviewRecommend: [Bool] = []
    var reviewHelpful: [Int32] = []
    var reviewRated: [Int32] = []
    var reviewSentiment: [UInt8] = []
    var reviewText: [String] = []
    var reviewPosted: [String] = []
    var reviewsOfUser = Adjacency<Int32>()
    var reviewsOfItem = Adjacency<Int32>()
    var report = LoadReport()
    var fingerprint = ""
    var builtAt = ""

    static func build(_ contents: StoreContents) -> Catalog {
        var builder = CatalogBuilder()
        builder.fill(contents)
        return Catalog(CatalogColumns(builder))
    }

    private mutating func fill(_ contents: StoreContents) {
        let dataset = contents.dataset
        report = dataset.report
        fingerprint = contents.fingerprint.value
        builtAt = contents.builtAt
        addGames(dataset.games)
        addUnknownItems(dataset)
        userIds = dataset.users.map(\.id)
        userKeys = userIds.map(NameKey.normalize)
        developerKeys = developerNames.map(NameKey.normalize)
        genreKeys = genreNames.map(NameKey.normalize)
        addLibraries(dataset.library)
        addReviews(dataset.reviews, sentiment: contents.sentiment)
    }

    /// A year, month or day in its narrow column, 0 meaning unknown. The
    /// readers' cleaning rules keep years in 1970…2100, months in 1…12 and
    /// days in 1…31 (`release-year-out-of-range`, `posted-year-out-of-range`),
    /// so this never loses a value; a hand-built `Dataset` that breaks the
    /// rule gets "unknown" instead of a trap.
    static func column<Narrow: FixedWidthInteger>(_ value: Int?) -> Narrow {
        value.flatMap { Narrow(exactly: $0) } ?? 0
    }

    private mutating func addGames(_ games: [Game]) {
        gameCount = games.count
        var developerIndex: [String: Int32] = [:]
        var publisherIndex: [String: Int32] = [:]
        var genreIndex: [String: Int32] = [:]
        var tagIndex: [String: Int32] = [:]
        var specIndex: [String: Int32] = [:]
        var genrePairs: [(Int32, Int32)] = []
        var tagPairs: [(Int32, Int32)] = []
        var specPairs: [(Int32, Int32)] = []
        var developerPairs: [(Int32, Int32)] = []
        var firstItemWithTitle: [String: Int32] = [:]

        func intern(_ name: String, _ index: inout [String: Int32], _ names: inout [String]) -> Int32 {
            if let known = index[name] { return known }
            let new = Int32(names.count)
            index[name] = new
            names.append(name)
            return new
        }

        for (position, game) in games.enumerated() {
            // Safe narrowings: the readers keep ids in 1…Int32.max (`game-id-not-numeric`,
            // `review-without-item`, `library-item-without-id`), and 2^31 games, names or
            // reviews would take hundreds of gigabytes before they got here.
            let item = Int32(position)
            itemIds.append(Int32(game.id))
            itemIndexById[Int32(game.id)] = item
            titles.append(game.title)
            prices.append(game.price ?? .nan)
            isFree.append(game.isFree)
            releaseYears.append(Self.column(game.releaseYear))
            earlyAccess.append(game.earlyAccess)
            if let developer = game.developer {
                let index = intern(developer, &developerIndex, &developerNames)
                developerOfItem.append(index)
                developerPairs.append((index, item))
            } else {
                developerOfItem.append(-1)
            }
            publisherOfItem.append(game.publisher.map { intern($0, &publisherIndex, &publisherNames) } ?? -1)
            // A game lists a genre once; guard against repeats anyway so counts stay honest.
            var seenGenres = Set<Int32>()
            for genre in game.genres {
                let index = intern(genre, &genreIndex, &genreNames)
                if seenGenres.insert(index).inserted { genrePairs.append((item, index)) }
            }
            for tag in game.tags { tagPairs.append((item, intern(tag, &tagIndex, &tagNames))) }
            for spec in game.specs { specPairs.append((item, intern(spec, &specIndex, &specNames))) }
            let key = NameKey.normalize(game.title)
            titleKeys.append(key)
            if let first = firstItemWithTitle[key] {
                itemJoinedByName.append(first)
            } else {
                firstItemWithTitle[key] = item
                itemJoinedByName.append(item)
            }
        }
        genresOfItem = Adjacency(count: games.count, pairs: genrePairs, placeholder: 0)
        tagsOfItem = Adjacency(count: games.count, pairs: tagPairs, placeholder: 0)
        specsOfItem = Adjacency(count: games.count, pairs: specPairs, placeholder: 0)
        itemsOfDeveloper = Adjacency(count: developerNames.count, pairs: developerPairs, placeholder: 0)
        itemsOfGenre = Adjacency(count: genreNames.count, pairs: genrePairs.map { ($0.1, $0.0) }, placeholder: 0)
    }

    /// Items that libraries or reviews mention but the catalogue lacks get
    /// indexes after the games, in id order, with no facts.
    private mutating func addUnknownItems(_ dataset: Dataset) {
        var unknown = Set<Int32>()
        for id in dataset.library.itemId where itemIndexById[id] == nil { unknown.insert(id) }
        for review in dataset.reviews where itemIndexById[Int32(review.itemId)] == nil { unknown.insert(Int32(review.itemId)) }
        for id in unknown.sorted() {
            let item = Int32(itemIds.count)
            itemIds.append(id)
            itemIndexById[id] = item
            titles.append(dataset.unknownItemNames[Int(id)] ?? "")
            titleKeys.append(NameKey.normalize(titles[titles.count - 1]))
            developerOfItem.append(-1)
            publisherOfItem.append(-1)
            prices.append(.nan)
            isFree.append(false)
            releaseYears.append(0)
            earlyAccess.append(false)
            itemJoinedByName.append(item)
        }
        // Facet lists cover games only; pad them so every item has a (possibly empty) row.
        genresOfItem = Adjacency(count: itemIds.count, pairs: pairs(of: genresOfItem), placeholder: 0)
        tagsOfItem = Adjacency(count: itemIds.count, pairs: pairs(of: tagsOfItem), placeholder: 0)
        specsOfItem = Adjacency(count: itemIds.count, pairs: pairs(of: specsOfItem), placeholder: 0)
    }

    private func pairs(of adjacency: Adjacency<Int32>) -> [(Int32, Int32)] {
        var result: [(Int32, Int32)] = []
        result.reserveCapacity(adjacency.values.count)
        for owner in 0..<adjacency.count {
            for value in adjacency[owner] { result.append((Int32(owner), value)) }
        }
        return result
    }

    private mutating func addLibraries(_ library: LibraryColumns) {
        let items = library.itemId.map { itemIndexById[$0]! }
        libraryOfUser = Adjacency(count: userIds.count, owners: library.user, placeholder: OwnedItem(item: 0, minutes: 0)) { row in
            OwnedItem(item: items[row], minutes: library.minutes[row])
        }
        ownersOfItem = Adjacency(count: itemIds.count, owners: items, placeholder: Owner(user: 0, minutes: 0)) { row in
            Owner(user: library.user[row], minutes: library.minutes[row])
        }
    }

    private mutating func addReviews(_ reviews: [Review], sentiment: [UInt8]) {
        for review in reviews {
            reviewUser.append(review.user)
            reviewItem.append(itemIndexById[Int32(review.itemId)]!)
            reviewPostedYear.append(Self.column(review.postedYear))
            reviewPostedMonth.append(Self.column(review.postedMonth))
            reviewPostedDay.append(Self.column(review.postedDay))
            reviewRecommend.append(review.recommend)
            // The reader keeps counts within Int32 (`HelpfulVotes.largest`); -1 is unknown.
            let votes = review.helpfulVotes
            reviewHelpful.append(votes.map { Int32($0.found) } ?? -1)
            reviewRated.append(votes?.rated.map { Int32($0) } ?? -1)
            reviewText.append(review.text)
            reviewPosted.append(review.posted)
        }
        reviewSentiment = sentiment.count == reviews.count ? sentiment : [UInt8](repeating: 1, count: reviews.count)
        reviewsOfUser = Adjacency(count: userIds.count, pairs: reviewUser.enumerated().map { ($0.element, Int32($0.offset)) }, placeholder: 0)
        reviewsOfItem = Adjacency(count: itemIds.count, pairs: reviewItem.enumerated().map { ($0.element, Int32($0.offset)) }, placeholder: 0)
    }
}
