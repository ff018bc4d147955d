/// One cleaning decision the loader can make, named once so the load
/// report, the docs (docs/definitions.md) and the tests speak of the same
/// thing. A rule is a value: each data set declares its own (Steam's are
/// the static members below, `StreamingRules` holds the streaming ones) and
/// the load report counts any of them.
///
/// Steam's rules encode as their bare id (`"malformed-line"`), as they did
/// when this was an enum, so stored load reports keep their bytes; any
/// other rule encodes its effect and summary too, so a stored report reads
/// back without knowing the data set that wrote it.
public struct CleaningRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What happens to the row.
    public enum Effect: String, Codable, Sendable {
        /// The row is dropped (and counted).
        case skipped
        /// The row is kept with a value fixed by the rule.
        case repaired
        /// The row is kept as is; the quirk is counted so it is visible.
        case noted
    }

    /// The rule's id in reports and docs ("malformed-line").
    public let rawValue: String
    public let effect: Effect
    /// One line for the report and the app's definitions panel.
    public let summary: String

    public init(_ id: String, _ effect: Effect, _ summary: String) {
        self.rawValue = id
        self.effect = effect
        self.summary = summary
    }

    public var description: String { rawValue }

    // Rules are equal by id: a report never holds two rules with one id.
    public static func == (a: CleaningRule, b: CleaningRule) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    private enum CodingKeys: String, CodingKey { case id, effect, summary }

    public init(from decoder: any Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(String.self) {
            guard let rule = Self.steam.first(where: { $0.rawValue == id }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown cleaning rule \(id)"))
            }
            self = rule
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .id), try container.decode(Effect.self, forKey: .effect),
                  try container.decode(String.self, forKey: .summary))
    }

    public func encode(to encoder: any Encoder) throws {
        if Self.steam.contains(self) {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rawValue, forKey: .id)
            try container.encode(effect, forKey: .effect)
            try container.encode(summary, forKey: .summary)
        }
    }
}

/// The Steam data set's rules.
extension CleaningRule: CaseIterable {
    /// Every Steam rule, in report order.
    public static let allCases: [CleaningRule] = [
        .malformedLine,
        .wrongShape,
        .oversizedLine,
        .truncatedFile,
        .emptyFile,
        .fieldWrongType,
        .emptyRow,
        .gameWithoutId,
        .gameIdNotNumeric,
        .duplicateGameId,
        .titleFromAppName,
        .htmlEntity,
        .freePriceText,
        .startingAtPrice,
        .priceTextWithoutAmount,
        .priceMissing,
        .priceOutOfRange,
        .releaseDateMissing,
        .releaseDateApproximate,
        .releaseDateWithoutYear,
        .releaseDateImpossible,
        .releaseYearOutOfRange,
        .developerMissing,
        .publisherMissing,
        .userWithoutId,
        .repeatedUserLine,
        .duplicateReview,
        .reviewWithoutItem,
        .postedWithoutYear,
        .postedYearOutOfRange,
        .recommendNotBool,
        .recommendUnreadable,
        .emptyReviewText,
        .helpfulUnreadable,
        .duplicateLibraryItem,
        .libraryItemWithoutId,
        .playtimeInvalid,
        .itemCountMismatch,
        .unknownItem,
    ]

    /// The Steam rules (`allCases`), the ones that encode as a bare id.
    public static var steam: [CleaningRule] { allCases }

    // Whole lines
    public static let malformedLine = CleaningRule("malformed-line", .skipped, "line is not a valid literal; skipped")
    public static let wrongShape = CleaningRule("wrong-shape", .skipped, "line parses but is not the expected object; skipped")
    public static let oversizedLine = CleaningRule("oversized-line", .skipped, "line longer than the limit (\(LineReader.defaultMaximumLineLength >> 20) MiB); skipped")
    public static let truncatedFile = CleaningRule("truncated-file", .noted, "file ends early (truncated gzip); lines before kept")
    public static let emptyFile = CleaningRule("empty-file", .noted, "file has no lines at all; nothing read from it")
    public static let fieldWrongType = CleaningRule("field-wrong-type", .repaired, "a field has the wrong kind (a number where text belongs, …) → treated as missing")
    // steam_games
    public static let emptyRow = CleaningRule("all-nan-row", .skipped, "every field is NaN; skipped")
    public static let gameWithoutId = CleaningRule("game-without-id", .skipped, "game has no id; skipped (nothing can refer to it)")
    public static let gameIdNotNumeric = CleaningRule("game-id-not-numeric", .skipped, "game id is not a number; skipped")
    public static let duplicateGameId = CleaningRule("duplicate-game-id", .skipped, "game id seen before; first row kept")
    public static let titleFromAppName = CleaningRule("title-from-app-name", .repaired, "no title; app_name used")
    public static let htmlEntity = CleaningRule("html-entity", .repaired, "HTML entity decoded (&amp; → &)")
    public static let freePriceText = CleaningRule("price-free-text", .repaired, "price text says free → 0, free")
    public static let startingAtPrice = CleaningRule("price-starting-at", .repaired, "'Starting at $X' → X")
    public static let priceTextWithoutAmount = CleaningRule("price-text-without-amount", .noted, "price text has no amount ('Install Now') → unknown, not free")
    public static let priceMissing = CleaningRule("price-missing", .noted, "no price → unknown, not free")
    public static let priceOutOfRange = CleaningRule("price-out-of-range", .repaired, "price negative, not finite or over \(PriceRange.maximumText) → unknown, not free")
    public static let releaseDateMissing = CleaningRule("release-date-missing", .noted, "no release date → year unknown")
    public static let releaseDateApproximate = CleaningRule("release-date-approximate", .repaired, "non-ISO date naming a year ('Jun 2009', 'Q2 2017') → that year")
    public static let releaseDateWithoutYear = CleaningRule("release-date-without-year", .noted, "date without a year ('Soon..') → year unknown")
    public static let releaseDateImpossible = CleaningRule("release-date-impossible", .repaired, "ISO date that does not exist ('2014-02-31') → only its year is used")
    public static let releaseYearOutOfRange = CleaningRule("release-year-out-of-range", .repaired, "release year outside \(DateRules.validYears) → year unknown")
    public static let developerMissing = CleaningRule("developer-missing", .noted, "no developer; game kept, listed under no developer")
    public static let publisherMissing = CleaningRule("publisher-missing", .noted, "no publisher; game kept, listed under no publisher")
    // australian_user_reviews and australian_users_items
    public static let userWithoutId = CleaningRule("user-without-id", .skipped, "user has no id; skipped")
    public static let repeatedUserLine = CleaningRule("repeated-user-line", .noted, "user appears on another line too; rows merged")
    public static let duplicateReview = CleaningRule("duplicate-review", .skipped, "same user reviewed the same item again; first kept")
    public static let reviewWithoutItem = CleaningRule("review-without-item", .skipped, "review has no item id; skipped")
    public static let postedWithoutYear = CleaningRule("posted-without-year", .noted, "'posted' has no year ('Posted June 3.') → year unknown")
    public static let postedYearOutOfRange = CleaningRule("posted-year-out-of-range", .repaired, "'posted' year outside \(DateRules.validYears) → year unknown")
    public static let recommendNotBool = CleaningRule("recommend-not-bool", .repaired, "'recommend' written as text or 0/1 ('True', 1) → that value")
    public static let recommendUnreadable = CleaningRule("recommend-unreadable", .skipped, "'recommend' is not True or False ('yes', 2, missing); review skipped")
    public static let emptyReviewText = CleaningRule("empty-review-text", .noted, "review has no text → sentiment 1 (neutral)")
    public static let helpfulUnreadable = CleaningRule("helpful-unreadable", .repaired, "'helpful' in no known form (missing, 'lots', 5 of 3) → votes unknown, sorted last")
    public static let duplicateLibraryItem = CleaningRule("duplicate-library-item", .skipped, "same item twice in a library; larger playtime kept")
    public static let libraryItemWithoutId = CleaningRule("library-item-without-id", .skipped, "library item has no id; skipped")
    public static let playtimeInvalid = CleaningRule("playtime-invalid", .repaired, "playtime missing, negative, not whole minutes or over 2^31-1 ('abc', -3, [5]) → 0")
    public static let itemCountMismatch = CleaningRule("items-count-mismatch", .noted, "items_count differs from the items listed; listed items used")
    public static let unknownItem = CleaningRule("item-not-in-catalogue", .noted, "item id not in the games file; kept, shown as unknown game")
}
