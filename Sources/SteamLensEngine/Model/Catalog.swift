import SteamLensData

/// One row of a library seen from its owner: which item, how long played.
public struct OwnedItem: Equatable, Sendable, BitwiseCopyable {
    public var item: Int32
    public var minutes: Int32
}

/// One row of a library seen from the item: who owns it, how long played.
public struct Owner: Equatable, Sendable, BitwiseCopyable {
    public var user: Int32
    public var minutes: Int32
}

/// The typed, columnar in-memory model every query reads.
///
/// Ids are interned to dense `Int32` indexes. *Items* are every app id the
/// data mentions: indexes `0..<gameCount` are games of the catalogue, the rest
/// are ids that only libraries or reviews mention ("unknown game"), kept so
/// no row is lost. Per-item facts are parallel arrays; one-to-many relations
/// are `Adjacency` lists in both directions.
public final class Catalog: Sendable {
    // Items
    public let gameCount: Int
    public let itemIds: Column<Int32>
    public let titles: StringColumn
    /// `NameKey.normalize(titles[i])`, computed once for lookups and sorting.
    public let titleKeys: StringColumn
    /// Developer index per item, -1 when none.
    public let developerOfItem: Column<Int32>
    /// Publisher index per item, -1 when none.
    public let publisherOfItem: Column<Int32>
    /// Price in dollars, NaN when unknown.
    public let prices: Column<Double>
    public let isFree: Column<Bool>
    /// Release year, 0 when unknown.
    public let releaseYears: Column<Int16>
    public let earlyAccess: Column<Bool>
    public let genresOfItem: Adjacency<Int32>
    public let tagsOfItem: Adjacency<Int32>
    public let specsOfItem: Adjacency<Int32>
    public let itemIndexById: ItemIdIndex
    /// For the name join: the first catalogue item with the same title, or the item itself.
    public let itemJoinedByName: Column<Int32>

    // Facets
    public let developerNames: StringColumn
    /// `NameKey.normalize` of each developer, user and genre name.
    public let developerKeys: StringColumn
    public let publisherNames: StringColumn
    public let userKeys: StringColumn
    public let genreKeys: StringColumn
    public let itemsOfDeveloper: Adjacency<Int32>
    public let genreNames: StringColumn
    public let itemsOfGenre: Adjacency<Int32>
    public let tagNames: StringColumn
    public let specNames: StringColumn

    // Users and libraries
    public let userIds: StringColumn
    public let libraryOfUser: Adjacency<OwnedItem>
    public let ownersOfItem: Adjacency<Owner>

    // Reviews, columnar
    public let reviewUser: Column<Int32>
    public let reviewItem: Column<Int32>
    /// Year in `posted`, 0 when it has none.
    public let reviewPostedYear: Column<Int16>
    public let reviewPostedMonth: Column<Int8>
    public let reviewPostedDay: Column<Int8>
    public let reviewRecommend: Column<Bool>
    /// People who found the review helpful ("No ratings yet" is 0), -1 when unreadable.
    public let reviewHelpful: Column<Int32>
    /// People who rated it, -1 when unknown (unreadable, or a count without a total).
    public let reviewRated: Column<Int32>
    public let reviewSentiment: Column<UInt8>
    public let reviewText: StringColumn
    public let reviewPosted: StringColumn
    public let reviewsOfUser: Adjacency<Int32>
    public let reviewsOfItem: Adjacency<Int32>
    /// The crawl year that year-less `posted` dates belong to, inferred from the dates.
    public let crawlYear: CrawlYear

    public let report: LoadReport
    public let fingerprint: String
    public let builtAt: String

    public var itemCount: Int { itemIds.count }
    public var userCount: Int { userIds.count }
    public var reviewCount: Int { reviewUser.count }

    init(_ c: CatalogColumns) {
        gameCount = c.gameCount
        itemIds = c.itemIds
        titles = c.titles
        titleKeys = c.titleKeys
        developerOfItem = c.developerOfItem
        publisherOfItem = c.publisherOfItem
        prices = c.prices
        isFree = c.isFree
        releaseYears = c.releaseYears
        earlyAccess = c.earlyAccess
        genresOfItem = c.genresOfItem
        tagsOfItem = c.tagsOfItem
        specsOfItem = c.specsOfItem
        itemIndexById = c.itemIndexById
        itemJoinedByName = c.itemJoinedByName
        developerNames = c.developerNames
        developerKeys = c.developerKeys
        publisherNames = c.publisherNames
        userKeys = c.userKeys
        genreKeys = c.genreKeys
        itemsOfDeveloper = c.itemsOfDeveloper
        genreNames = c.genreNames
        itemsOfGenre = c.itemsOfGenre
        tagNames = c.tagNames
        specNames = c.specNames
        userIds = c.userIds
        libraryOfUser = c.libraryOfUser
        ownersOfItem = c.ownersOfItem
        reviewUser = c.reviewUser
        reviewItem = c.reviewItem
        reviewPostedYear = c.reviewPostedYear
        reviewPostedMonth = c.reviewPostedMonth
        reviewPostedDay = c.reviewPostedDay
        reviewRecommend = c.reviewRecommend
        reviewHelpful = c.reviewHelpful
        reviewRated = c.reviewRated
        reviewSentiment = c.reviewSentiment
        reviewText = c.reviewText
        reviewPosted = c.reviewPosted
        reviewsOfUser = c.reviewsOfUser
        reviewsOfItem = c.reviewsOfItem
        crawlYear = CrawlYear(postedYears: c.reviewPostedYear, postedMonths: c.reviewPostedMonth)
        report = c.report
        fingerprint = c.fingerprint
        builtAt = c.builtAt
    }

    /// The same catalogue with `sentiment` (0/1/2 per review, in review
    /// order) in place of its reviews' sentiment: a cold start builds the
    /// catalogue while the sentiment model trains alongside.
    func withReviewSentiment(_ sentiment: [UInt8]) -> Catalog {
        var columns = CatalogColumns(self)
        columns.reviewSentiment = Column(sentiment.count == reviewCount ? sentiment : [UInt8](repeating: 1, count: reviewCount))
        return Catalog(columns)
    }

    /// True when the item is a game of the catalogue (not an id only libraries mention).
    public func isKnown(_ item: Int32) -> Bool { Int(item) < gameCount }

    /// Display title: unknown items say so, with the app id.
    public func displayTitle(_ item: Int32) -> String {
        isKnown(item) ? titles[Int(item)] : "unknown game \(itemIds[Int(item)])"
    }

    /// The release year, nil when unknown.
    public func releaseYear(_ item: Int32) -> Int? {
        let year = releaseYears[Int(item)]
        return year == 0 ? nil : Int(year)
    }

    /// The price, nil when unknown.
    public func price(_ item: Int32) -> Double? {
        let price = prices[Int(item)]
        return price.isNaN ? nil : price
    }

    public func developerName(_ item: Int32) -> String? {
        let developer = developerOfItem[Int(item)]
        return developer < 0 ? nil : developerNames[Int(developer)]
    }

    public func publisherName(_ item: Int32) -> String? {
        let publisher = publisherOfItem[Int(item)]
        return publisher < 0 ? nil : publisherNames[Int(publisher)]
    }

    /// People who found a review helpful, nil when its `helpful` text was unreadable.
    public func helpfulVotes(_ review: Int) -> Int? {
        let found = reviewHelpful[review]
        return found < 0 ? nil : Int(found)
    }

    /// The year a review counts in under `basis`, nil when unknown. Under the
    /// posted basis a year-less post counts in the crawl year when `undated`
    /// says so and the data implies one.
    public func reviewYear(_ review: Int, basis: Definitions.ReviewYear,
                           undated: Definitions.UndatedReviews = .unknown) -> Int? {
        switch basis {
        case .posted:
            let year = reviewPostedYear[review]
            if year == 0 { return undated == .crawlYear ? crawlYear.year : nil }
            return Int(year)
        case .release:
            return releaseYear(reviewItem[review])
        }
    }

    /// The item a row joins to under `key`.
    @inline(__always)
    public func joined(_ item: Int32, _ key: Definitions.JoinKey) -> Int32 {
        key == .itemId ? item : itemJoinedByName[Int(item)]
    }
}
