import SteamLensData

/// The ratings' columns in the store (`ratings.*`): the viewer names, read
/// at open, and both compressed-row views, which stay mapped — 11.8 M
/// ratings are 120 MB a later start reads only where its questions look.
enum RatingsColumns {
    static func write(_ ratings: Ratings, into out: inout ColumnFileWriter) {
        out.add("ratings.viewers", ratings.viewers)
        out.add("ratings.viewerOffsets", ratings.viewerOffsets)
        out.add("ratings.viewerTitles", ratings.viewerTitles)
        out.add("ratings.viewerHalves", ratings.viewerHalves)
        out.add("ratings.titleOffsets", ratings.titleOffsets)
        out.add("ratings.titleViewers", ratings.titleViewers)
        out.add("ratings.titleHalves", ratings.titleHalves)
        out.add("ratings.viewerSlots", ratings.viewerSlots)
        out.add("ratings.titleHalfSums", ratings.titleHalfSums)
    }

    /// Nil when the store holds no ratings (a folder without a ratings file).
    static func read(_ file: ColumnFile, titleCount: Int) throws -> Ratings? {
        guard file.columnNames.contains("ratings.viewers.bytes") else { return nil }
        let viewers = try CatalogueColumns.strings(file, "ratings.viewers")
        // Half stars, 0.5–5: a value outside is not what the reader keeps.
        let halves: ClosedRange<UInt8> = 1...10
        let viewerTitles: Column<Int32> = try file.index("ratings.viewerTitles", below: titleCount)
        let viewerHalves: Column<UInt8> = try file.column("ratings.viewerHalves", within: halves)
        let titleViewers: Column<Int32> = try file.index("ratings.titleViewers", below: viewers.count)
        let titleHalves: Column<UInt8> = try file.column("ratings.titleHalves", within: halves)
        let viewerSlots: Column<Int32> = try file.index("ratings.viewerSlots", below: viewers.count, orNone: true)
        let count = viewerTitles.count
        // Read whole at open (23 k numbers): each sum must be one of its title's possible totals.
        let titleOffsets: Column<Int> = try StoredIndex.offsets(file, "ratings.titleOffsets", rows: titleCount, values: count)
        let titleHalfSums: Column<Int> = try file.column("ratings.titleHalfSums", verifyNow: true)
        let sumsFit = titleHalfSums.count == titleCount && (0..<titleCount).allSatisfy { t in
            let n = titleOffsets[t + 1] - titleOffsets[t]
            return (n...(10 * n)).contains(titleHalfSums[t])
        }
        guard sumsFit else { throw StreamingStore.Problem.damaged("the titles' score sums do not fit their ratings") }
        guard viewerHalves.count == count, titleViewers.count == count, titleHalves.count == count,
              viewerSlots.count == Ratings.viewerTableSize(viewers.count) else {
            throw StreamingStore.Problem.damaged("the ratings' views do not hold the same ratings")
        }
        return Ratings(viewers: viewers, titleCount: titleCount,
                       viewerOffsets: try StoredIndex.offsets(file, "ratings.viewerOffsets", rows: viewers.count, values: count),
                       viewerTitles: viewerTitles, viewerHalves: viewerHalves,
                       titleOffsets: titleOffsets, titleViewers: titleViewers, titleHalves: titleHalves, viewerSlots: viewerSlots,
                       titleHalfSums: titleHalfSums)
    }
}
