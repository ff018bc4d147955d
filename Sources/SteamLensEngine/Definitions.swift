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

    public init(reviewYear: ReviewYear = .posted, timeUnit: TimeUnit = .hours, joinKey: JoinKey = .itemId) {
        self.reviewYear = reviewYear
        self.timeUnit = timeUnit
        self.joinKey = joinKey
    }

    public static let standard = Definitions()

    public var description: String {
        "review year: \(reviewYear.rawValue) · time: \(timeUnit.rawValue) · join: \(joinKey.rawValue)"
    }
}
