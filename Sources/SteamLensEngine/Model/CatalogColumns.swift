import Foundation
import SteamLensData

/// The catalog's columns, as a fresh build holds them in memory or as a
/// start maps them from the store's column file (docs/store.md).
///
/// Any change to the layout must bump `version` (part of the store's
/// fingerprint, so an older store is rebuilt). Opening checks what is cheap
/// to check without reading the big columns: every column exists with the
/// right element size, the tables agree in length and offsets never go
/// backwards. The values are covered by the file's block checksums, and the
/// values of every index column are checked against the table they point
/// into as each block is first read (`ColumnFile.column`'s `valid`).
struct CatalogColumns {
    static let version = 3

    var gameCount: Int
    var itemIds: Column<Int32>
    var titles: StringColumn
    var titleKeys: StringColumn
    var developerOfItem: Column<Int32>
    var publisherOfItem: Column<Int32>
    var prices: Column<Double>
    var isFree: Column<Bool>
    var releaseYears: Column<Int16>
    var earlyAccess: Column<Bool>
    var genresOfItem: Adjacency<Int32>
    var tagsOfItem: Adjacency<Int32>
    var specsOfItem: Adjacency<Int32>
    var itemIndexById: ItemIdIndex
    var itemJoinedByName: Column<Int32>
    var developerNames: StringColumn
    var developerKeys: StringColumn
    var publisherNames: StringColumn
    var userKeys: StringColumn
    var genreKeys: StringColumn
    var itemsOfDeveloper: Adjacency<Int32>
    var genreNames: StringColumn
    var itemsOfGenre: Adjacency<Int32>
    var tagNames: StringColumn
    var specNames: StringColumn
    var userIds: StringColumn
    var libraryOfUser: Adjacency<OwnedItem>
    var ownersOfItem: Adjacency<Owner>
    var reviewUser: Column<Int32>
    var reviewItem: Column<Int32>
    var reviewPostedYear: Column<Int16>
    var reviewPostedMonth: Column<Int8>
    var reviewPostedDay: Column<Int8>
    var reviewRecommend: Column<Bool>
    var reviewHelpful: Column<Int32>
    var reviewRated: Column<Int32>
    var reviewSentiment: Column<UInt8>
    var reviewText: StringColumn
    var reviewPosted: StringColumn
    var reviewsOfUser: Adjacency<Int32>
    var reviewsOfItem: Adjacency<Int32>
    var report: LoadReport
    var fingerprint: String
    var builtAt: String

    init(_ b: CatalogBuilder) {
        gameCount = b.gameCount
        itemIds = Column(b.itemIds)
        titles = StringColumn(b.titles)
        titleKeys = StringColumn(b.titleKeys)
        developerOfItem = Column(b.developerOfItem)
        publisherOfItem = Column(b.publisherOfItem)
        prices = Column(b.prices)
        isFree = Column(b.isFree)
        releaseYears = Column(b.releaseYears)
        earlyAccess = Column(b.earlyAccess)
        genresOfItem = b.genresOfItem
        tagsOfItem = b.tagsOfItem
        specsOfItem = b.specsOfItem
        // The builder interns ids through a dictionary, so they are unique.
        itemIndexById = ItemIdIndex(itemIds: itemIds)!
        itemJoinedByName = Column(b.itemJoinedByName)
        developerNames = StringColumn(b.developerNames)
        developerKeys = StringColumn(b.developerKeys)
        publisherNames = StringColumn(b.publisherNames)
        userKeys = StringColumn(b.userKeys)
        genreKeys = StringColumn(b.genreKeys)
        itemsOfDeveloper = b.itemsOfDeveloper
        genreNames = StringColumn(b.genreNames)
        itemsOfGenre = b.itemsOfGenre
        tagNames = StringColumn(b.tagNames)
        specNames = StringColumn(b.specNames)
        userIds = StringColumn(b.userIds)
        libraryOfUser = b.libraryOfUser
        ownersOfItem = b.ownersOfItem
        reviewUser = Column(b.reviewUser)
        reviewItem = Column(b.reviewItem)
        reviewPostedYear = Column(b.reviewPostedYear)
        reviewPostedMonth = Column(b.reviewPostedMonth)
        reviewPostedDay = Column(b.reviewPostedDay)
        reviewRecommend = Column(b.reviewRecommend)
        reviewHelpful = Column(b.reviewHelpful)
        reviewRated = Column(b.reviewRated)
        reviewSentiment = Column(b.reviewSentiment)
        reviewText = StringColumn(b.reviewText)
        reviewPosted = StringColumn(b.reviewPosted)
        reviewsOfUser = b.reviewsOfUser
        reviewsOfItem = b.reviewsOfItem
        report = b.report
        fingerprint = b.fingerprint
        builtAt = b.builtAt
    }

    init(_ catalog: Catalog) {
        gameCount = catalog.gameCount
        itemIds = catalog.itemIds
        titles = catalog.titles
        titleKeys = catalog.titleKeys
        developerOfItem = catalog.developerOfItem
        publisherOfItem = catalog.publisherOfItem
        prices = catalog.prices
        isFree = catalog.isFree
        releaseYears = catalog.releaseYears
        earlyAccess = catalog.earlyAccess
        genresOfItem = catalog.genresOfItem
        tagsOfItem = catalog.tagsOfItem
        specsOfItem = catalog.specsOfItem
        itemIndexById = catalog.itemIndexById
        itemJoinedByName = catalog.itemJoinedByName
        developerNames = catalog.developerNames
        developerKeys = catalog.developerKeys
        publisherNames = catalog.publisherNames
        userKeys = catalog.userKeys
        genreKeys = catalog.genreKeys
        itemsOfDeveloper = catalog.itemsOfDeveloper
        genreNames = catalog.genreNames
        itemsOfGenre = catalog.itemsOfGenre
        tagNames = catalog.tagNames
        specNames = catalog.specNames
        userIds = catalog.userIds
        libraryOfUser = catalog.libraryOfUser
        ownersOfItem = catalog.ownersOfItem
        reviewUser = catalog.reviewUser
        reviewItem = catalog.reviewItem
        reviewPostedYear = catalog.reviewPostedYear
        reviewPostedMonth = catalog.reviewPostedMonth
        reviewPostedDay = catalog.reviewPostedDay
        reviewRecommend = catalog.reviewRecommend
        reviewHelpful = catalog.reviewHelpful
        reviewRated = catalog.reviewRated
        reviewSentiment = catalog.reviewSentiment
        reviewText = catalog.reviewText
        reviewPosted = catalog.reviewPosted
        reviewsOfUser = catalog.reviewsOfUser
        reviewsOfItem = catalog.reviewsOfItem
        report = catalog.report
        fingerprint = catalog.fingerprint
        builtAt = catalog.builtAt
    }

    func write(into out: inout ColumnFileWriter) throws {
        out.add("catalog.gameCount", [gameCount])
        out.add("catalog.itemIds", itemIds)
        out.add("catalog.titles", titles)
        out.add("catalog.titleKeys", titleKeys)
        out.add("catalog.developerOfItem", developerOfItem)
        out.add("catalog.publisherOfItem", publisherOfItem)
        out.add("catalog.prices", prices)
        out.add("catalog.isFree", isFree)
        out.add("catalog.releaseYears", releaseYears)
        out.add("catalog.earlyAccess", earlyAccess)
        Self.add("catalog.genresOfItem", genresOfItem, &out)
        Self.add("catalog.tagsOfItem", tagsOfItem, &out)
        Self.add("catalog.specsOfItem", specsOfItem, &out)
        out.add("catalog.sortedItemIds", itemIndexById.sortedIds)
        out.add("catalog.itemOfSortedId", itemIndexById.itemOfSortedId)
        out.add("catalog.itemJoinedByName", itemJoinedByName)
        out.add("catalog.developerNames", developerNames)
        out.add("catalog.developerKeys", developerKeys)
        out.add("catalog.publisherNames", publisherNames)
        out.add("catalog.userKeys", userKeys)
        out.add("catalog.genreKeys", genreKeys)
        Self.add("catalog.itemsOfDeveloper", itemsOfDeveloper, &out)
        out.add("catalog.genreNames", genreNames)
        Self.add("catalog.itemsOfGenre", itemsOfGenre, &out)
        out.add("catalog.tagNames", tagNames)
        out.add("catalog.specNames", specNames)
        out.add("catalog.userIds", userIds)
        Self.add("catalog.libraryOfUser", libraryOfUser, &out)
        Self.add("catalog.ownersOfItem", ownersOfItem, &out)
        out.add("catalog.reviewUser", reviewUser)
        out.add("catalog.reviewItem", reviewItem)
        out.add("catalog.reviewPostedYear", reviewPostedYear)
        out.add("catalog.reviewPostedMonth", reviewPostedMonth)
        out.add("catalog.reviewPostedDay", reviewPostedDay)
        out.add("catalog.reviewRecommend", reviewRecommend)
        out.add("catalog.reviewHelpful", reviewHelpful)
        out.add("catalog.reviewRated", reviewRated)
        out.add("catalog.reviewSentiment", reviewSentiment)
        out.add("catalog.reviewText", reviewText)
        out.add("catalog.reviewPosted", reviewPosted)
        Self.add("catalog.reviewsOfUser", reviewsOfUser, &out)
        Self.add("catalog.reviewsOfItem", reviewsOfItem, &out)
        // Sorted keys: the same report gives the same bytes in every process.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        out.add("catalog.report", text: String(decoding: try encoder.encode(report), as: UTF8.self))
        out.add("catalog.fingerprint", text: fingerprint)
        out.add("catalog.builtAt", text: builtAt)
    }

    /// Maps the catalog of a column file. Throws `ColumnFile.OpenError`.
    init(file: ColumnFile) throws {
        func damaged(_ reason: String) -> ColumnFile.OpenError { .damaged(file.path, reason: reason) }
        let counts: Column<Int> = try file.column("catalog.gameCount", verifyNow: true)
        guard counts.count == 1 else { throw damaged("no game count") }
        gameCount = counts[0]
        // The tables first, so every index column can be checked against the table it points into.
        itemIds = try file.column("catalog.itemIds")
        userIds = try file.strings("catalog.userIds")
        developerNames = try file.strings("catalog.developerNames")
        publisherNames = try file.strings("catalog.publisherNames")
        genreNames = try file.strings("catalog.genreNames")
        tagNames = try file.strings("catalog.tagNames")
        specNames = try file.strings("catalog.specNames")
        let items = itemIds.count, users = userIds.count
        titles = try file.strings("catalog.titles")
        titleKeys = try file.strings("catalog.titleKeys")
        developerOfItem = try file.index("catalog.developerOfItem", below: developerNames.count, orNone: true)
        publisherOfItem = try file.index("catalog.publisherOfItem", below: publisherNames.count, orNone: true)
        prices = try file.column("catalog.prices")
        isFree = try file.column("catalog.isFree")
        releaseYears = try file.column("catalog.releaseYears")
        earlyAccess = try file.column("catalog.earlyAccess")
        genresOfItem = try Self.adjacency("catalog.genresOfItem", file, below: genreNames.count)
        tagsOfItem = try Self.adjacency("catalog.tagsOfItem", file, below: tagNames.count)
        specsOfItem = try Self.adjacency("catalog.specsOfItem", file, below: specNames.count)
        guard let index = ItemIdIndex(sortedIds: try file.column("catalog.sortedItemIds"),
                                      itemOfSortedId: try file.index("catalog.itemOfSortedId", below: items)) else {
            throw damaged("the item id index does not match the items")
        }
        itemIndexById = index
        itemJoinedByName = try file.index("catalog.itemJoinedByName", below: items)
        developerKeys = try file.strings("catalog.developerKeys")
        userKeys = try file.strings("catalog.userKeys")
        genreKeys = try file.strings("catalog.genreKeys")
        itemsOfDeveloper = try Self.adjacency("catalog.itemsOfDeveloper", file, below: items)
        itemsOfGenre = try Self.adjacency("catalog.itemsOfGenre", file, below: items)
        // Rows of two fields: checked a value at a time (`file.index` takes a column of indexes only).
        let itemRows = 0..<Int32(clamping: items), userRows = 0..<Int32(clamping: users)
        libraryOfUser = try Self.adjacency("catalog.libraryOfUser", file, valid: { (owned: OwnedItem) in itemRows.contains(owned.item) })
        ownersOfItem = try Self.adjacency("catalog.ownersOfItem", file, valid: { (owner: Owner) in userRows.contains(owner.user) })
        reviewUser = try file.index("catalog.reviewUser", below: users)
        reviewItem = try file.index("catalog.reviewItem", below: items)
        reviewPostedYear = try file.column("catalog.reviewPostedYear")
        reviewPostedMonth = try file.column("catalog.reviewPostedMonth")
        reviewPostedDay = try file.column("catalog.reviewPostedDay")
        reviewRecommend = try file.column("catalog.reviewRecommend")
        // Vote counts: a number of people, or -1 for unknown.
        reviewHelpful = try file.column("catalog.reviewHelpful", within: -1...Int32.max)
        reviewRated = try file.column("catalog.reviewRated", within: -1...Int32.max)
        reviewSentiment = try file.column("catalog.reviewSentiment", within: 0...2)
        reviewText = try file.strings("catalog.reviewText")
        reviewPosted = try file.strings("catalog.reviewPosted")
        reviewsOfUser = try Self.adjacency("catalog.reviewsOfUser", file, below: reviewUser.count)
        reviewsOfItem = try Self.adjacency("catalog.reviewsOfItem", file, below: reviewUser.count)
        do {
            report = try JSONDecoder().decode(LoadReport.self, from: Data(try file.text("catalog.report").utf8))
        } catch let error as ColumnFile.OpenError {
            throw error
        } catch {
            throw damaged("the load report does not decode: \(error)")
        }
        fingerprint = try file.text("catalog.fingerprint")
        builtAt = try file.text("catalog.builtAt")
        try checkLengths(damaged)
    }

    /// Every column has one entry per row of its table (a count check: no big column is read).
    private func checkLengths(_ damaged: (String) -> ColumnFile.OpenError) throws {
        let items = itemIds.count, users = userIds.count, reviews = reviewUser.count
        func lengths(_ name: String, _ counts: [Int], _ expected: Int) throws {
            guard counts.allSatisfy({ $0 == expected }) else { throw damaged("catalog columns of \(name) disagree in length") }
        }
        guard (0...items).contains(gameCount) else { throw damaged("more games than items") }
        try lengths("items", [titles.count, titleKeys.count, developerOfItem.count, publisherOfItem.count, prices.count, isFree.count,
                              releaseYears.count, earlyAccess.count, itemJoinedByName.count, genresOfItem.count,
                              tagsOfItem.count, specsOfItem.count, ownersOfItem.count, reviewsOfItem.count, itemIndexById.count], items)
        try lengths("developers", [developerKeys.count, itemsOfDeveloper.count], developerNames.count)
        try lengths("genres", [genreKeys.count, itemsOfGenre.count], genreNames.count)
        try lengths("users", [userKeys.count, libraryOfUser.count, reviewsOfUser.count], users)
        try lengths("reviews", [reviewItem.count, reviewPostedYear.count, reviewPostedMonth.count, reviewPostedDay.count,
                                reviewRecommend.count, reviewHelpful.count, reviewRated.count, reviewSentiment.count, reviewPosted.count, reviewText.count,
                                reviewsOfUser.values.count, reviewsOfItem.values.count], reviews)
        try lengths("library rows", [ownersOfItem.values.count], libraryOfUser.values.count)
    }

    static func add<T>(_ name: String, _ adjacency: Adjacency<T>, _ out: inout ColumnFileWriter) {
        out.add(name + ".offsets", adjacency.offsets)
        out.add(name + ".values", adjacency.values)
    }

    static func adjacency<T>(_ name: String, _ file: ColumnFile, valid: (@Sendable (T) -> Bool)? = nil) throws -> Adjacency<T> {
        try adjacency(name, file, values: try file.column(name + ".values", valid: valid))
    }

    /// An index whose values are rows of a table of `count` (`ColumnFile.index`).
    static func adjacency(_ name: String, _ file: ColumnFile, below count: Int) throws -> Adjacency<Int32> {
        try adjacency(name, file, values: try file.index(name + ".values", below: count))
    }

    private static func adjacency<T>(_ name: String, _ file: ColumnFile, values: Column<T>) throws -> Adjacency<T> {
        guard let adjacency = Adjacency<T>(offsets: try file.column(name + ".offsets"), values: values) else {
            throw ColumnFile.OpenError.damaged(file.path, reason: "index '\(name)' has offsets that do not match its values")
        }
        return adjacency
    }
}
