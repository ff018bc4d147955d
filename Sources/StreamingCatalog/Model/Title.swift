/// Movie or show, as the `type` column says ("Movie", "TV Show").
public enum TitleType: String, CaseIterable, Codable, Sendable {
    case movie, show

    public var displayName: String { self == .movie ? "Movie" : "TV Show" }

    /// "Movie", "movies", "TV Show", "tv", "show", "series" (any case).
    public init?(forgiving text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "movie", "movies", "film", "films": self = .movie
        case "tvshow", "tvshows", "show", "shows", "tv", "series": self = .show
        default: return nil
        }
    }
}

/// The unit a duration is counted in: minutes for movies, seasons for shows.
public enum DurationUnit: String, CaseIterable, Codable, Sendable {
    case minutes = "min"
    case seasons = "season"

    /// "min", "minutes", "season", "seasons" (any case).
    public init?(forgiving text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "min", "mins", "minute", "minutes", "m": self = .minutes
        case "season", "seasons", "s": self = .seasons
        default: return nil
        }
    }
}

/// "90 min" or "2 Seasons" split into a number and a unit.
public struct Duration: Equatable, Codable, Sendable {
    public var value: Int
    public var unit: DurationUnit

    public init(value: Int, unit: DurationUnit) {
        self.value = value
        self.unit = unit
    }

    /// "90 min", "1 Season", "2 Seasons"; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].allSatisfy(\.isASCII), let value = Int(parts[0]), value >= 0, value <= 100_000,
              let unit = DurationUnit(forgiving: String(parts[1])) else { return nil }
        self.init(value: value, unit: unit)
    }

    public var description: String {
        unit == .minutes ? "\(value) min" : "\(value) season\(value == 1 ? "" : "s")"
    }
}

/// A calendar day, as `date_added` gives it ("September 25, 2021").
public struct CalendarDay: Equatable, Hashable, Codable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// One title of one platform's catalogue, cleaned.
public struct Title: Equatable, Codable, Sendable {
    /// Platform letter + show_id: `ns1`, `as123`.
    public var id: String
    public var platform: Platform
    public var type: TitleType
    public var name: String
    public var directors: [String]
    public var cast: [String]
    public var countries: [String]
    public var dateAdded: CalendarDay?
    public var releaseYear: Int?
    /// The audience rating as written ("TV-MA", "13+"); nil when missing.
    public var rating: String?
    public var duration: Duration?
    public var genres: [String]
    public var description: String

    public init(id: String, platform: Platform, type: TitleType, name: String, directors: [String] = [], cast: [String] = [],
                countries: [String] = [], dateAdded: CalendarDay? = nil, releaseYear: Int? = nil, rating: String? = nil,
                duration: Duration? = nil, genres: [String] = [], description: String = "") {
        self.id = id
        self.platform = platform
        self.type = type
        self.name = name
        self.directors = directors
        self.cast = cast
        self.countries = countries
        self.dateAdded = dateAdded
        self.releaseYear = releaseYear
        self.rating = rating
        self.duration = duration
        self.genres = genres
        self.description = description
    }
}
