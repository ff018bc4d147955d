extension Engine {
    /// Indexes of the reviews that count in `year` (nil: the unknown year)
    /// under `definitions`: its review-year basis, and for the posted basis
    /// where year-less posts go (``Definitions/UndatedReviews``). Ascending.
    ///
    /// ```swift
    /// engine.reviews(inYear: 2016, definitions: .standard)   // the year-less posts, when the crawl year is 2016
    /// ```
    public func reviews(inYear year: Int?, definitions: Definitions) -> [Int32] {
        let byYear = reviewsByYear[definitions.reviewYear]!
        let key = year ?? 0
        guard definitions.reviewYear == .posted, definitions.undatedReviews == .crawlYear,
              let crawl = catalog.crawlYear.year else {
            return byYear[key] ?? []
        }
        if key == 0 { return [] }
        guard key == crawl else { return byYear[key] ?? [] }
        let dated = byYear[crawl] ?? [], undated = byYear[0] ?? []
        return dated.isEmpty ? undated : (dated + undated).sorted()
    }
}
