import Foundation
import SteamLensData

/// The catalog's columns as one binary blob, stored beside the SQLite tables
/// so a start reads a few large arrays instead of re-interning 300,000 rows.
///
/// Review texts are left out (they are already in the `reviews` table and
/// are the bulk of the bytes); `decode` takes them separately. Any change to
/// the `Catalog` layout must bump `version`: an old blob is then rebuilt from
/// the tables, never misread.
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

        let items = builder.itemIds.count
        let reviews = builder.reviewUser.count
        guard builder.titles.count == items, builder.titleKeys.count == items, builder.developerOfItem.count == items,
              builder.prices.count == items, builder.isFree.count == items, builder.releaseYears.count == items,
              builder.earlyAccess.count == items, builder.itemJoinedByName.count == items, builder.gameCount <= items,
              builder.reviewItem.count == reviews, builder.reviewSentiment.count == reviews, reviewTexts.count == reviews,
              builder.ownersOfItem.count == items, builder.libraryOfUser.count == builder.userIds.count else {
            throw BinaryReader.Damaged(description: "catalog columns disagree in length")
        }
        builder.reviewText = reviewTexts
        builder.itemIndexById = Dictionary(uniqueKeysWithValues: builder.itemIds.enumerated().map { ($0.element, Int32($0.offset)) })
        return Catalog(builder: builder)
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
