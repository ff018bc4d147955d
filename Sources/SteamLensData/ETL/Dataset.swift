/// A game of the catalogue after cleaning.
public struct Game: Equatable, Sendable {
    /// The Steam app id (unique after cleaning).
    public var id: Int
    public var title: String
    public var developer: String?
    public var publisher: String?
    public var genres: [String]
    public var tags: [String]
    public var specs: [String]
    /// Numeric price in US dollars; nil when unknown (missing or a text without amount).
    public var price: Double?
    /// The original text when the price was a string ("Free to Play").
    public var priceLabel: String?
    public var isFree: Bool
    /// The raw release date text, when there was one.
    public var releaseDate: String?
    public var releaseYear: Int?
    public var earlyAccess: Bool

    public init(id: Int, title: String, developer: String? = nil, publisher: String? = nil, genres: [String] = [],
                tags: [String] = [], specs: [String] = [], price: Double? = nil, priceLabel: String? = nil,
                isFree: Bool = false, releaseDate: String? = nil, releaseYear: Int? = nil, earlyAccess: Bool = false) {
        self.id = id
        self.title = title
        self.developer = developer
        self.publisher = publisher
        self.genres = genres
        self.tags = tags
        self.specs = specs
        self.price = price
        self.priceLabel = priceLabel
        self.isFree = isFree
        self.releaseDate = releaseDate
        self.releaseYear = releaseYear
        self.earlyAccess = earlyAccess
    }
}

/// A Steam user from either the reviews or the libraries file. Ids are
/// always strings: some are 17-digit numbers, some are vanity names.
public struct User: Equatable, Sendable {
    public var id: String
    public var steamId: String?
    public var url: String?
    /// `items_count` as written in the libraries file (the partial file lists
    /// complete libraries, so it matches the rows; the field is kept to show it).
    public var declaredItemCount: Int?

    public init(id: String, steamId: String? = nil, url: String? = nil, declaredItemCount: Int? = nil) {
        self.id = id
        self.steamId = steamId
        self.url = url
        self.declaredItemCount = declaredItemCount
    }
}

/// One review, de-duplicated on (user, item).
public struct Review: Equatable, Sendable {
    /// Index into `Dataset.users`.
    public var user: Int32
    public var itemId: Int
    public var posted: String
    public var postedYear: Int?
    public var postedMonth: Int?
    public var postedDay: Int?
    public var recommend: Bool
    public var text: String
    /// As written: "2 of 3 people (67%) found this review helpful", "No ratings yet".
    public var helpful: String
    public var funny: String
    public var lastEdited: String

    public init(user: Int32, itemId: Int, posted: String, postedYear: Int? = nil, postedMonth: Int? = nil,
                postedDay: Int? = nil, recommend: Bool, text: String, helpful: String = "", funny: String = "",
                lastEdited: String = "") {
        self.user = user
        self.itemId = itemId
        self.posted = posted
        self.postedYear = postedYear
        self.postedMonth = postedMonth
        self.postedDay = postedDay
        self.recommend = recommend
        self.text = text
        self.helpful = helpful
        self.funny = funny
        self.lastEdited = lastEdited
    }

    /// `helpful` read as counts; nil when unreadable (rule `helpful-unreadable`).
    public var helpfulVotes: HelpfulVotes? { HelpfulVotes(helpful) }
}

/// Library rows in columns: 178k rows in the partial file, 5 M in the full
/// one, so three flat arrays instead of an array of structs.
public struct LibraryColumns: Equatable, Sendable {
    /// Index into `Dataset.users`.
    public var user: [Int32] = []
    public var itemId: [Int32] = []
    /// `playtime_forever`, in minutes.
    public var minutes: [Int32] = []
    public var minutesTwoWeeks: [Int32] = []

    public init() {}

    public var count: Int { user.count }

    public mutating func reserveCapacity(_ rows: Int) {
        user.reserveCapacity(rows)
        itemId.reserveCapacity(rows)
        minutes.reserveCapacity(rows)
        minutesTwoWeeks.reserveCapacity(rows)
    }

    public mutating func append(user: Int32, itemId: Int32, minutes: Int32, minutesTwoWeeks: Int32) {
        self.user.append(user)
        self.itemId.append(itemId)
        self.minutes.append(minutes)
        self.minutesTwoWeeks.append(minutesTwoWeeks)
    }
}

/// Everything the loader produces: clean rows plus the report of how.
public struct Dataset: Equatable, Sendable {
    public var games: [Game]
    public var users: [User]
    public var reviews: [Review]
    public var library: LibraryColumns
    /// Names the libraries give for item ids that are not in the games file.
    public var unknownItemNames: [Int: String]
    public var report: LoadReport

    public init(games: [Game] = [], users: [User] = [], reviews: [Review] = [], library: LibraryColumns = LibraryColumns(),
                unknownItemNames: [Int: String] = [:], report: LoadReport = LoadReport()) {
        self.games = games
        self.users = users
        self.reviews = reviews
        self.library = library
        self.unknownItemNames = unknownItemNames
        self.report = report
    }
}
