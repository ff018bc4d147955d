/// The choices analyses of this data disagree on, passed to every query and
/// returned with every result (docs/definitions.md explains each).
public struct Definitions: Equatable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// Which year a review belongs to.
    public enum ReviewYear: String, Codable, CaseIterable, Sendable {
        /// The year in `posted`; reviews without one are "unknown".
        case posted
        /// The release year of the reviewed game.
        case release
    }

    /// Which year a review posted without one (`Posted June 3.`) counts in,
    /// when the review year is the posted year. Steam leaves the year out for
    /// posts of the current year, so such posts belong to the crawl year.
    public enum UndatedReviews: String, Codable, CaseIterable, Sendable {
        /// They count in no year ("unknown").
        case unknown
        /// They count in the crawl year the data implies (``CrawlYear``); when
        /// the data implies none they stay unknown.
        case crawlYear = "crawl"
    }

    /// The unit playtime is reported in.
    public enum TimeUnit: String, Codable, CaseIterable, Sendable {
        case hours
        case minutes

        /// Converts `playtime_forever` minutes to this unit.
        public func value(minutes: Int) -> Double {
            self == .hours ? Double(minutes) / 60 : Double(minutes)
        }
    }

    /// How library and review rows find their game.
    public enum JoinKey: String, Codable, CaseIterable, Sendable {
        /// By `item_id` = game `id` (exact).
        case itemId = "item_id"
        /// By the item's name = the game's title, for comparison with analyses that join that way.
        case name
    }

    public var reviewYear: ReviewYear
    public var timeUnit: TimeUnit
    public var joinKey: JoinKey
    public var undatedReviews: UndatedReviews

    public init(reviewYear: ReviewYear = .posted, timeUnit: TimeUnit = .hours, joinKey: JoinKey = .itemId,
                undatedReviews: UndatedReviews = .crawlYear) {
        self.reviewYear = reviewYear
        self.timeUnit = timeUnit
        self.joinKey = joinKey
        self.undatedReviews = undatedReviews
    }

    // Written by hand so results encoded before `undatedReviews` existed still decode (as the default).
    private enum CodingKeys: String, CodingKey { case reviewYear, timeUnit, joinKey, undatedReviews }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(reviewYear: try container.decode(ReviewYear.self, forKey: .reviewYear),
                  timeUnit: try container.decode(TimeUnit.self, forKey: .timeUnit),
                  joinKey: try container.decode(JoinKey.self, forKey: .joinKey),
                  undatedReviews: try container.decodeIfPresent(UndatedReviews.self, forKey: .undatedReviews) ?? .crawlYear)
    }

    public static let standard = Definitions()

    public var description: String {
        "review year: \(reviewYear.rawValue) · undated: \(undatedReviews.rawValue) · time: \(timeUnit.rawValue) · join: \(joinKey.rawValue)"
    }
}
