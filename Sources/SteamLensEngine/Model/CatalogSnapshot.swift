import Foundation
import SteamLensData

/// The catalog's columns as one binary blob, stored beside the SQLite tables
/// so a start reads a few large arrays instead of re-interning 300,000 rows.
///
/// Review texts are left out (they are already in the `reviews` table and
/// are the bulk of the bytes); `decode` takes them separately. Any change to
/// the `Catalog` layout must bump `version` (part of the store's fingerprint,
/// so an old store is rebuilt). The store checks the blob's checksum before
/// `decode` sees it; `decode` still checks every length and index, so bytes
/// that are not a snapshot of this version throw, never trap.
enum CatalogSnapshot {
    static let blobName = "catalog"
    static let version = 1
    private static let magic = "SLCATALOG"

    static func encode(_ catalog: Catalog) throws -> [UInt8] {
        var out = BinaryWriter()
        out.write(magic)
        out.write(version)
        out.write(catalog.gameCount)
        out.write(catalog.itemIds)
        out.write(catalog.titles)
        out.write(catalog.titleKeys)
        out.write(catalog.developerOfItem)
        out.write(catalog.prices)
        out.write(catalog.isFree)
        out.write(catalog.releaseYears)
        out.write(catalog.earlyAccess)
        write(catalog.genresOfItem, &out)
        write(catalog.tagsOfItem, &out)
        write(catalog.specsOfItem, &out)
        out.write(catalog.itemJoinedByName)
        out.write(catalog.developerNames)
        out.write(catalog.developerKeys)
        write(catalog.itemsOfDeveloper, &out)
        out.write(catalog.genreNames)
        out.write(catalog.genreKeys)
        write(catalog.itemsOfGenre, &out)
        out.write(catalog.tagNames)
        out.write(catalog.specNames)
        out.write(catalog.userIds)
        out.write(catalog.userKeys)
        write(catalog.libraryOfUser, &out)
        write(catalog.ownersOfItem, &out)
        out.write(catalog.reviewUser)
        out.write(catalog.reviewItem)
        out.write(catalog.reviewPostedYear)
        out.write(catalog.reviewPostedMonth)
        out.write(catalog.reviewPostedDay)
        out.write(catalog.reviewRecommend)
        out.write(catalog.reviewSentiment)
        out.write(catalog.reviewPosted)
        write(catalog.reviewsOfUser, &out)
        write(catalog.reviewsOfItem, &out)
        out.write(String(decoding: try JSONEncoder().encode(catalog.report), as: UTF8.self))
        out.write(catalog.fingerprint)
        out.write(catalog.builtAt)
        return out.bytes
    }

    static func decode(_ bytes: [UInt8], reviewTexts: [String]) throws -> Catalog {
        var input = BinaryReader(bytes)
        guard try input.readString() == magic, try input.readInt() == version else {
            throw BinaryReader.Damaged(description: "not a catalog snapshot of version \(version)")
        }
        var builder = CatalogBuilder()
        builder.gameCount = try input.readInt()
        builder.itemIds = try input.readArray()
        builder.titles = try input.readStrings()
        builder.titleKeys = try input.readStrings()
        builder.developerOfItem = try input.readArray()
        builder.prices = try input.readArray()
        builder.isFree = try input.readFlags()
        builder.releaseYears = try input.readArray()
        builder.earlyAccess = try input.readFlags()
        builder.genresOfItem = try read(&input)
        builder.tagsOfItem = try read(&input)
        builder.specsOfItem = try read(&input)
        builder.itemJoinedByName = try input.readArray()
        builder.developerNames = try input.readStrings()
        builder.developerKeys = try input.readStrings()
        builder.itemsOfDeveloper = try read(&input)
        builder.genreNames = try input.readStrings()
        builder.genreKeys = try input.readStrings()
        builder.itemsOfGenre = try read(&input)
        builder.tagNames = try input.readStrings()
        builder.specNames = try input.readStrings()
        builder.userIds = try input.readStrings()
        builder.userKeys = try input.readStrings()
        builder.libraryOfUser = try read(&input)
        builder.ownersOfItem = try read(&input)
        builder.reviewUser = try input.readArray()
        builder.reviewItem = try input.readArray()
        builder.reviewPostedYear = try input.readArray()
        builder.reviewPostedMonth = try input.readArray()
        builder.reviewPostedDay = try input.readArray()
        builder.reviewRecommend = try input.readFlags()
        builder.reviewSentiment = try input.readArray()
        builder.reviewPosted = try input.readStrings()
        builder.reviewsOfUser = try read(&input)
        builder.reviewsOfItem = try read(&input)
        builder.report = try JSONDecoder().decode(LoadReport.self, from: Data(try input.readString().utf8))
        builder.fingerprint = try input.readString()
        builder.builtAt = try input.readString()
        guard input.isAtEnd else { throw BinaryReader.Damaged(description: "trailing bytes after the catalog") }

        builder.reviewText = reviewTexts
        try validate(builder)
        var itemIndexById: [Int32: Int32] = [:]
        itemIndexById.reserveCapacity(builder.itemIds.count)
        for (item, id) in builder.itemIds.enumerated() {
            guard itemIndexById.updateValue(Int32(item), forKey: id) == nil else {
                throw BinaryReader.Damaged(description: "item id \(id) appears twice")
            }
        }
        builder.itemIndexById = itemIndexById
        return Catalog(builder: builder)
    }

    /// Checks that every column has one entry per row of its table and every
    /// stored index points inside the table it indexes, so a blob that passed
    /// its checksum but is not what this version wrote (or was written wrong)
    /// throws here instead of trapping, or answering wrongly, in a query.
    private static func validate(_ b: CatalogBuilder) throws {
        let items = b.itemIds.count, users = b.userIds.count, reviews = b.reviewUser.count
        let developers = b.developerNames.count, genres = b.genreNames.count
        func lengths(_ name: String, _ counts: [Int], _ expected: Int) throws {
            guard counts.allSatisfy({ $0 == expected }) else {
                throw BinaryReader.Damaged(description: "catalog columns of \(name) disagree in length")
            }
        }
        func inside<S: Sequence>(_ name: String, _ values: S, _ range: Range<Int>) throws where S.Element: BinaryInteger {
            guard values.allSatisfy({ range.contains(Int($0)) }) else {
                throw BinaryReader.Damaged(description: "catalog column \(name) points outside its table")
            }
        }
        guard (0...items).contains(b.gameCount) else { throw BinaryReader.Damaged(description: "more games than items") }
        try lengths("items", [b.titles.count, b.titleKeys.count, b.developerOfItem.count, b.prices.count, b.isFree.count,
                              b.releaseYears.count, b.earlyAccess.count, b.itemJoinedByName.count, b.genresOfItem.count,
                              b.tagsOfItem.count, b.specsOfItem.count, b.ownersOfItem.count, b.reviewsOfItem.count], items)
        try lengths("developers", [b.developerKeys.count, b.itemsOfDeveloper.count], developers)
        try lengths("genres", [b.genreKeys.count, b.itemsOfGenre.count], genres)
        try lengths("users", [b.userKeys.count, b.libraryOfUser.count, b.reviewsOfUser.count], users)
        try lengths("reviews", [b.reviewItem.count, b.reviewPostedYear.count, b.reviewPostedMonth.count, b.reviewPostedDay.count,
                                b.reviewRecommend.count, b.reviewSentiment.count, b.reviewPosted.count, b.reviewText.count], reviews)
        try inside("developerOfItem", b.developerOfItem, -1..<developers)
        try inside("itemJoinedByName", b.itemJoinedByName, 0..<items)
        try inside("genresOfItem", b.genresOfItem.values, 0..<genres)
        try inside("tagsOfItem", b.tagsOfItem.values, 0..<b.tagNames.count)
        try inside("specsOfItem", b.specsOfItem.values, 0..<b.specNames.count)
        try inside("itemsOfDeveloper", b.itemsOfDeveloper.values, 0..<items)
        try inside("itemsOfGenre", b.itemsOfGenre.values, 0..<items)
        try inside("libraryOfUser", b.libraryOfUser.values.lazy.map(\.item), 0..<items)
        try inside("ownersOfItem", b.ownersOfItem.values.lazy.map(\.user), 0..<users)
        try inside("reviewUser", b.reviewUser, 0..<users)
        try inside("reviewItem", b.reviewItem, 0..<items)
        try inside("reviewSentiment", b.reviewSentiment, 0..<3)
        try inside("reviewsOfUser", b.reviewsOfUser.values, 0..<reviews)
        try inside("reviewsOfItem", b.reviewsOfItem.values, 0..<reviews)
        // The recommenders index owned items through ownersOfItem, so the two
        // library indexes must be each other's transpose, item by item.
        var ownedRows = [Int](repeating: 0, count: items)
        for owned in b.libraryOfUser.values { ownedRows[Int(owned.item)] += 1 }
        guard b.ownersOfItem.values.count == b.libraryOfUser.values.count,
              (0..<items).allSatisfy({ ownedRows[$0] == b.ownersOfItem.rowCount($0) }) else {
            throw BinaryReader.Damaged(description: "catalog library and owners indexes disagree")
        }
    }

    private static func write<T: BitwiseCopyable>(_ adjacency: Adjacency<T>, _ out: inout BinaryWriter) {
        out.write(adjacency.offsets)
        out.write(adjacency.values)
    }

    private static func read<T: BitwiseCopyable>(_ input: inout BinaryReader) throws -> Adjacency<T> {
        let offsets: [Int32] = try input.readArray()
        let values: [T] = try input.readArray()
        guard let adjacency = Adjacency(offsets: offsets, values: values) else {
            throw BinaryReader.Damaged(description: "an index's offsets do not match its values")
        }
        return adjacency
    }
}
