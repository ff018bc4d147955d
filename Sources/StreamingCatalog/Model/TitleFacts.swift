/// The titles' small fields as flat arrays, for the questions' loops. A
/// `Title` holds a dozen strings and lists; reading one whole per loop step
/// retains and releases each of them, which was most of a question's time
/// over 23 k titles. Built once per start from the titles (a pass over
/// 23 k values, well under a millisecond), but for the interned cast and
/// countries, which a later start reads from the store.
public struct TitleFacts: Sendable {
    public let platform: [Platform]
    public let type: [TitleType]
    /// -1: unknown.
    public let releaseYear: [Int32]
    /// The year of `date_added`; -1: missing.
    public let addedYear: [Int32]
    /// The number of a duration ("90 min": 90, "2 Seasons": 2); -1: unknown.
    public let duration: [Int32]
    public let durationUnit: [DurationUnit?]
    /// The audience ratings as written, each once, sorted; `rating[i]`
    /// indexes it, -1 for a title without one.
    public let ratingNames: [String]
    public let rating: [Int32]
    /// Each platform's titles in catalogue order, by `Platform.allCases` index.
    let onPlatform: [[Int]]
    public let cast: InternedNames
    public let countries: InternedNames

    init(_ titles: [Title]) {
        self.init(platform: titles.map(\.platform), type: titles.map(\.type),
                  releaseYear: titles.map { Int32(clamping: $0.releaseYear ?? -1) }, addedYear: titles.map { Int32(clamping: $0.dateAdded?.year ?? -1) },
                  duration: titles.map { Int32(clamping: $0.duration?.value ?? -1) }, durationUnit: titles.map { $0.duration?.unit },
                  ratings: titles.map(\.rating), cast: InternedNames(titles.map(\.cast)), countries: InternedNames(titles.map(\.countries)))
    }

    /// From the fields as columns, as a later start reads them from the
    /// store: mapping them out of 23 k `Title`s retains and releases every
    /// string of each, 15 ms of a start.
    init(platform: [Platform], type: [TitleType], releaseYear: [Int32], addedYear: [Int32], duration: [Int32], durationUnit: [DurationUnit?],
         ratings: [String?], cast: InternedNames, countries: InternedNames) {
        self.platform = platform
        self.type = type
        self.releaseYear = releaseYear
        self.addedYear = addedYear
        self.duration = duration
        self.durationUnit = durationUnit
        self.cast = cast
        self.countries = countries
        let names = Array(Set(ratings.compactMap { $0 })).sorted()
        let place = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        ratingNames = names
        rating = ratings.map { $0.flatMap { place[$0] } ?? -1 }
        var lists = [[Int]](repeating: [], count: Platform.allCases.count)
        for (i, platform) in platform.enumerated() { lists[platform.ordinal].append(i) }
        onPlatform = lists
    }

    /// The year title `i` counts in under `definitions`, nil when unknown.
    public func year(_ i: Int, _ definitions: StreamingDefinitions) -> Int? {
        let year = definitions.titleYear == .release ? releaseYear[i] : addedYear[i]
        return year < 0 ? nil : Int(year)
    }
}
