import Foundation
import SteamLensData
import StreamingCatalog

/// Makes a synthetic catalogue of the four platforms, written in the real
/// files' format (docs/streaming.md, "The sample") with their quirks at
/// about the real rates, so the bundled sample goes through every cleaning
/// rule: Hulu lists no cast, carries some durations in `rating` and lacks
/// others; Amazon seldom has `date_added`; some Netflix dates start with a
/// space; some titles are copies of another platform's.
public struct CatalogueGenerator: Sendable {
    /// Titles per platform, in `Platform.allCases` order.
    public var titlesPerPlatform: [Platform: Int]
    public var seed: UInt64

    public init(titlesPerPlatform: [Platform: Int], seed: UInt64 = 42) {
        self.titlesPerPlatform = titlesPerPlatform
        self.seed = seed
    }

    /// The sample's size: about 1,100 titles, in the real files' proportions.
    public static let sample = CatalogueGenerator(titlesPerPlatform: [.amazon: 420, .disney: 110, .hulu: 180, .netflix: 400])

    /// The CSV text of each platform's file.
    public func files() -> [Platform: String] {
        var files: [Platform: String] = [:]
        var earlier: [Row] = []
        for platform in Platform.allCases {
            var writer = CSVWriter()
            var own: [Row] = []
            writer.row(TitleFileReader.columns)
            var copies = SplitMix64.stream(seed: seed, .copies, index: Platform.allCases.firstIndex(of: platform)!)
            for n in 1...max(1, titlesPerPlatform[platform] ?? 0) {
                var rng = SplitMix64.stream(seed: seed, .titles, index: Platform.allCases.firstIndex(of: platform)! << 24 | n)
                var row = makeRow(platform: platform, number: n, rng: &rng)
                if !earlier.isEmpty, copies.chance(0.05) {
                    // The same title on another platform: name, type and year kept, the rest the platform's own.
                    let original = earlier[copies.below(earlier.count)]
                    row.title = original.title
                    row.type = original.type
                    row.releaseYear = original.releaseYear
                    row.cast = platform == .hulu ? "" : original.cast
                    row.director = platform == .hulu ? "" : original.director
                    row.description = original.description
                }
                writer.row(row.fields)
                own.append(row)
            }
            earlier += own
            files[platform] = writer.text
        }
        return files
    }

    /// Writes the four files into `folder`, under the real files' names or,
    /// with `sampleNames`, as `NAME.sample.csv` (the bundled sample's names).
    public func write(to folder: String, sampleNames: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (platform, text) in files() {
            let name = sampleNames ? platform.fileNames[1] : platform.fileName
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    struct Row {
        var showId, type, title, director, cast, country, dateAdded, releaseYear, rating, duration, genres, description: String
        var fields: [String] { [showId, type, title, director, cast, country, dateAdded, releaseYear, rating, duration, genres, description] }
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    func makeRow(platform: Platform, number: Int, rng: inout SplitMix64) -> Row {
        typealias V = CatalogueVocabulary
        let type: TitleType = rng.chance(platform == .hulu ? 0.45 : 0.3) ? .show : .movie
        let genrePool = V.genres(platform, type)
        var genres: [String] = []
        for _ in 0..<(1 + rng.below(3)) {
            let genre = rng.zipf(genrePool)
            if !genres.contains(genre) { genres.append(genre) }
        }
        // Release years lean recent: most titles from the last fifteen years.
        let year = 2021 - min(80, rng.paretoCount(minimum: 1, maximum: 80) - 1 + rng.below(4))
        func person() -> String { rng.zipf(V.firstNames) + " " + rng.zipf(V.lastNames) }
        let cast = platform == .hulu ? "" : (0..<rng.below(6)).map { _ in person() }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .joined(separator: ", ")
        let director = platform == .hulu || type == .show || rng.chance(0.2) ? "" : person()
        let countries = rng.chance(platform == .amazon ? 0.85 : 0.2) ? ""
            : (0..<(1 + (rng.chance(0.2) ? 1 : 0))).map { _ in rng.zipf(V.countries) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .joined(separator: ", ")
        var title: String
        switch rng.below(3) {
        case 0: title = "The \(rng.pick(V.adjectives)) \(rng.pick(V.nouns))"
        case 1: title = "\(rng.pick(V.nouns)) of the \(rng.pick(V.nouns))"
        default: title = "\(rng.pick(V.firstNames))'s \(rng.pick(V.nouns))"
        }
        if rng.chance(0.15) { title += " \(2 + rng.below(3))" }
        var dateAdded = ""
        let addedMissing = platform == .amazon ? 0.98 : 0.01
        if !rng.chance(addedMissing) {
            dateAdded = "\(Self.months[rng.below(12)]) \(1 + rng.below(28)), \(max(year, 2008 + rng.below(14)))"
            if platform == .netflix, rng.chance(0.01) { dateAdded = " " + dateAdded }
        }
        var rating = rng.zipf(V.ratings(platform))
        var duration = type == .movie ? "\(max(3, 95 + Int(rng.normal() * 22))) min" : seasons(rng: &rng)
        switch platform {
        case .hulu:
            if rng.chance(0.09) { rating = duration; duration = "" }           // duration in the rating column
            else if rng.chance(0.06) { duration = "" }
            if !rating.hasSuffix("min"), !rating.contains("Season"), rng.chance(0.14) { rating = "" }
        case .amazon: if rng.chance(0.035) { rating = "" }
        case .netflix: if rng.chance(0.002) { rating = duration; duration = "" } else if rng.chance(0.001) { rating = "" }
        case .disney: if rng.chance(0.003) { rating = "" }
        }
        let keywords = genres.flatMap(V.keywords)
        var words: [String] = []
        for _ in 0..<(6 + rng.below(6)) { words.append(rng.chance(0.45) ? rng.pick(keywords) : rng.pick(V.fillers)) }
        let description = words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        return Row(showId: "s\(number)", type: type.displayName, title: title, director: director, cast: cast, country: countries,
                   dateAdded: dateAdded, releaseYear: String(year), rating: rating, duration: duration,
                   genres: genres.joined(separator: ", "), description: description)
    }

    private func seasons(rng: inout SplitMix64) -> String {
        let count = rng.paretoCount(minimum: 1, maximum: 25)
        return count == 1 ? "1 Season" : "\(count) Seasons"
    }
}
