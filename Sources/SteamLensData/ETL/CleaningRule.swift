/// Every cleaning decision the loader can make, named once so the load
/// report, the docs (docs/definitions.md) and the tests speak of the same thing.
public enum CleaningRule: String, CaseIterable, Codable, Sendable {
    // Whole lines
    case malformedLine = "malformed-line"
    case wrongShape = "wrong-shape"
    case oversizedLine = "oversized-line"
    case truncatedFile = "truncated-file"
    case emptyFile = "empty-file"
    case fieldWrongType = "field-wrong-type"
    // steam_games
    case emptyRow = "all-nan-row"
    case gameWithoutId = "game-without-id"
    case gameIdNotNumeric = "game-id-not-numeric"
    case duplicateGameId = "duplicate-game-id"
    case titleFromAppName = "title-from-app-name"
    case htmlEntity = "html-entity"
    case freePriceText = "price-free-text"
    case startingAtPrice = "price-starting-at"
    case priceTextWithoutAmount = "price-text-without-amount"
    case priceMissing = "price-missing"
    case priceOutOfRange = "price-out-of-range"
    case releaseDateMissing = "release-date-missing"
    case releaseDateApproximate = "release-date-approximate"
    case releaseDateWithoutYear = "release-date-without-year"
    case releaseDateImpossible = "release-date-impossible"
    case releaseYearOutOfRange = "release-year-out-of-range"
    case developerMissing = "developer-missing"
    // australian_user_reviews and australian_users_items
    case userWithoutId = "user-without-id"
    case repeatedUserLine = "repeated-user-line"
    case duplicateReview = "duplicate-review"
    case reviewWithoutItem = "review-without-item"
    case postedWithoutYear = "posted-without-year"
    case postedYearOutOfRange = "posted-year-out-of-range"
    case recommendNotBool = "recommend-not-bool"
    case recommendUnreadable = "recommend-unreadable"
    case emptyReviewText = "empty-review-text"
    case duplicateLibraryItem = "duplicate-library-item"
    case libraryItemWithoutId = "library-item-without-id"
    case playtimeInvalid = "playtime-invalid"
    case itemCountMismatch = "items-count-mismatch"
    case unknownItem = "item-not-in-catalogue"

    /// What happens to the row.
    public enum Effect: String, Codable, Sendable {
        /// The row is dropped (and counted).
        case skipped
        /// The row is kept with a value fixed by the rule.
        case repaired
        /// The row is kept as is; the quirk is counted so it is visible.
        case noted
    }

    public var effect: Effect {
        switch self {
        case .malformedLine, .wrongShape, .oversizedLine, .emptyRow, .gameWithoutId, .gameIdNotNumeric,
             .duplicateGameId, .userWithoutId, .duplicateReview, .reviewWithoutItem, .duplicateLibraryItem,
             .libraryItemWithoutId, .recommendUnreadable:
            return .skipped
        case .titleFromAppName, .htmlEntity, .freePriceText, .startingAtPrice, .releaseDateApproximate,
             .fieldWrongType, .priceOutOfRange, .releaseDateImpossible, .releaseYearOutOfRange, .postedYearOutOfRange,
             .recommendNotBool, .playtimeInvalid:
            return .repaired
        case .truncatedFile, .emptyFile, .priceTextWithoutAmount, .priceMissing, .releaseDateMissing, .releaseDateWithoutYear,
             .developerMissing, .repeatedUserLine, .postedWithoutYear, .emptyReviewText, .itemCountMismatch, .unknownItem:
            return .noted
        }
    }

    /// One line for the report and the app's definitions panel.
    public var summary: String {
        switch self {
        case .malformedLine: return "line is not a valid literal; skipped"
        case .wrongShape: return "line parses but is not the expected object; skipped"
        case .oversizedLine: return "line longer than the limit (\(LineReader.defaultMaximumLineLength >> 20) MiB); skipped"
        case .truncatedFile: return "file ends early (truncated gzip); lines before kept"
        case .emptyFile: return "file has no lines at all; nothing read from it"
        case .fieldWrongType: return "a field has the wrong kind (a number where text belongs, …) → treated as missing"
        case .emptyRow: return "every field is NaN; skipped"
        case .gameWithoutId: return "game has no id; skipped (nothing can refer to it)"
        case .gameIdNotNumeric: return "game id is not a number; skipped"
        case .duplicateGameId: return "game id seen before; first row kept"
        case .titleFromAppName: return "no title; app_name used"
        case .htmlEntity: return "HTML entity decoded (&amp; → &)"
        case .freePriceText: return "price text says free → 0, free"
        case .startingAtPrice: return "'Starting at $X' → X"
        case .priceTextWithoutAmount: return "price text has no amount ('Install Now') → unknown, not free"
        case .priceMissing: return "no price → unknown, not free"
        case .priceOutOfRange: return "price negative, not finite or over \(PriceRange.maximumText) → unknown, not free"
        case .releaseDateMissing: return "no release date → year unknown"
        case .releaseDateApproximate: return "non-ISO date naming a year ('Jun 2009', 'Q2 2017') → that year"
        case .releaseDateWithoutYear: return "date without a year ('Soon..') → year unknown"
        case .releaseDateImpossible: return "ISO date that does not exist ('2014-02-31') → only its year is used"
        case .releaseYearOutOfRange: return "release year outside \(DateRules.validYears) → year unknown"
        case .developerMissing: return "no developer; game kept, listed under no developer"
        case .userWithoutId: return "user has no id; skipped"
        case .repeatedUserLine: return "user appears on another line too; rows merged"
        case .duplicateReview: return "same user reviewed the same item again; first kept"
        case .reviewWithoutItem: return "review has no item id; skipped"
        case .postedWithoutYear: return "'posted' has no year ('Posted June 3.') → year unknown"
        case .postedYearOutOfRange: return "'posted' year outside \(DateRules.validYears) → year unknown"
        case .recommendNotBool: return "'recommend' written as text or 0/1 ('True', 1) → that value"
        case .recommendUnreadable: return "'recommend' is not True or False ('yes', 2, missing); review skipped"
        case .emptyReviewText: return "review has no text → sentiment 1 (neutral)"
        case .duplicateLibraryItem: return "same item twice in a library; larger playtime kept"
        case .libraryItemWithoutId: return "library item has no id; skipped"
        case .playtimeInvalid: return "playtime missing, negative, not whole minutes or over 2^31-1 ('abc', -3, [5]) → 0"
        case .itemCountMismatch: return "items_count differs from the items listed; listed items used"
        case .unknownItem: return "item id not in the games file; kept, shown as unknown game"
        }
    }
}
