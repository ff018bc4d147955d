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
    public let itemIds: [Int32]
    public let titles: [String]
    /// `NameKey.normalize(titles[i])`, computed once for lookups and sorting.
    public let titleKeys: [String]
    /// Developer index per item, -1 when none.
    public let developerOfItem: [Int32]
    /// Price in dollars, NaN when unknown.
    public let prices: [Double]
    public let isFree: [Bool]
    /// Release year, 0 when unknown.
    public let releaseYears: [Int16]
    public let earlyAccess: [Bool]
    public let genresOfItem: Adjacency<Int32>
    public let tagsOfItem: Adjacency<Int32>
    public let specsOfItem: Adjacency<Int32>
    public let itemIndexById: [Int32: Int32]
    /// For the name join: the first catalogue item with the same title, or the item itself.
    public let itemJoinedByName: [Int32]

    // Facets
    public let developerNames: [String]
    /// `NameKey.normalize` of each developer, user and genre name.
    public let developerKeys: [String]
    public let userKeys: [String]
    public let genreKeys: [String]
    public let itemsOfDeveloper: Adjacency<Int32>
    public let genreNames: [String]
    public let itemsOfGenre: Adjacency<Int32>
    public let tagNames: [String]
    public let specNames: [String]

    // Users and libraries
    public let userIds: [String]
    public let libraryOfUser: Adjacency<OwnedItem>
    public let ownersOfItem: Adjacency<Owner>

    // Reviews, columnar
    public let reviewUser: [Int32]
    public let reviewItem: [Int32]
    /// Year in `posted`, 0 when it has none.
    public let reviewPostedYear: [Int16]
    public let reviewPostedMonth: [Int8]
    public let reviewPostedDay: [Int8]
    public let reviewRecommend: [Bool]
    public let reviewSentiment: [UInt8]
    public let reviewText: [String]
    public let reviewPosted: [String]
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

    init(builder: CatalogBuilder) {
        gameCount = builder.gameCount
        itemIds = builder.itemIds
        titles = builder.titles
        titleKeys = builder.titleKeys
        developerOfItem = builder.developerOfItem
        prices = builder.prices
        isFree = builder.isFree
        releaseYears = builder.releaseYears
        earlyAccess = builder.earlyAccess
        genresOfItem = builder.genresOfItem
        tagsOfItem = builder.tagsOfItem
        specsOfItem = builder.specsOfItem
        itemIndexById = builder.itemIndexById
        itemJoinedByName = builder.itemJoinedByName
        developerNames = builder.developerNames
        developerKeys = builder.developerKeys
        userKeys = builder.userKeys
        genreKeys = builder.genreKeys
        itemsOfDeveloper = builder.itemsOfDeveloper
        genreNames = builder.genreNames
        itemsOfGenre = builder.itemsOfGenre
        tagNames = builder.tagNames
        specNames = builder.specNames
        userIds = builder.userIds
        libraryOfUser = builder.libraryOfUser
        ownersOfItem = builder.ownersOfItem
        reviewUser = builder.reviewUser
        reviewItem = builder.reviewItem
        reviewPostedYear = builder.reviewPostedYear
        reviewPostedMonth = builder.reviewPostedMonth
        reviewPostedDay = builder.reviewPostedDay
        reviewRecommend = builder.reviewRecommend
        reviewSentiment = builder.reviewSentiment
        reviewText = builder.reviewText
        reviewPosted = builder.reviewPosted
        reviewsOfUser = builder.reviewsOfUser
        reviewsOfItem = builder.reviewsOfItem
        crawlYear = CrawlYear(postedYears: builder.reviewPostedYear, postedMonths: builder.reviewPostedMonth)
        report = builder.report
        fingerprint = builder.fingerprint
        builtAt = builder.builtAt
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
