/// The choices the streaming questions depend on (docs/definitions.md,
/// "Streaming definitions"), passed to every question and printed under
/// every answer.
public struct StreamingDefinitions: Equatable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// Which year a title belongs to in the per-year questions.
    public enum TitleYear: String, Codable, CaseIterable, Sendable {
        /// `release_year`: the year the title came out.
        case release
        /// The year of `date_added`: when the platform listed it (often unknown on Amazon).
        case added
    }

    /// How `word_count` matches its word.
    public enum WordMatch: String, Codable, CaseIterable, Sendable {
        /// The word is one of the title's words ("love" matches "The Love Boat", not "Lovely").
        case word
        /// The word appears anywhere ("love" matches "Lovely" and "Glove" too).
        case substring
    }

    /// What a title without an audience rating counts as.
    public enum MissingRating: String, Codable, CaseIterable, Sendable {
        /// "unknown": its own bucket, never a real rating.
        case unknown
        /// "G", as the original brief replaced it (for comparison with it).
        case g
    }

    public var titleYear: TitleYear
    public var wordMatch: WordMatch
    public var missingRating: MissingRating

    public init(titleYear: TitleYear = .release, wordMatch: WordMatch = .word, missingRating: MissingRating = .unknown) {
        self.titleYear = titleYear
        self.wordMatch = wordMatch
        self.missingRating = missingRating
    }

    public static let standard = StreamingDefinitions()

    /// The rating a title counts under: its own, or "unknown" / "G" when missing.
    public func rating(of title: Title) -> String { rating(of: title.rating) }

    /// The rating a title with this written rating counts under.
    public func rating(of written: String?) -> String {
        written ?? (missingRating == .g ? "G" : "unknown")
    }

    /// The year a title counts in, nil when unknown.
    public func year(of title: Title) -> Int? {
        titleYear == .release ? title.releaseYear : title.dateAdded?.year
    }

    public var description: String {
        "year: \(titleYear.rawValue) · word match: \(wordMatch.rawValue) · missing rating: \(missingRating.rawValue)"
            + " · score: mean of the generated ratings · movie/show: the type column"
    }
}
