import SteamLensEngine
import TerminalUI

/// How the reviews view orders a game's reviews (`s` steps through them).
public enum ReviewSort: String, CaseIterable, Sendable {
    case stored = "as stored"
    case newest = "newest first"
    case oldest = "oldest first"
    case longest = "longest first"
    /// By people who found the review helpful; unreadable counts last.
    case mostHelpful = "most helpful first"
}

/// The reviews view's own sub-model: which of a game's reviews it lists
/// (its filter) and in what order. Fields a filter can name: `sentiment`
/// (0 negative, 1 neutral, 2 positive), `recommend` (1 yes, 0 no), `year`
/// (posted; year-less posts are unknown), `length` (characters), `helpful`
/// (people who found it helpful; "No ratings yet" is 0, an unreadable count
/// unknown); a bare word must appear in the text.
public struct ReviewList: Equatable, Sendable {
    public static let numberFields = ["sentiment", "recommend", "year", "length", "helpful"]

    public var filter: PaneFilter?
    public var sort = ReviewSort.stored
    /// The listed reviews, filtered and sorted.
    public var reviews: [Int32] = []
    /// Every review of the game.
    public var total = 0

    /// Recomputes `reviews` for `item`.
    mutating func reload(item: Int32, engine: Engine) {
        let catalog = engine.catalog
        let all = Array(catalog.reviewsOfItem[Int(item)])
        total = all.count
        func values(_ review: Int32) -> [Double?] {
            let index = Int(review)
            let year = catalog.reviewPostedYear[index]
            return [Double(catalog.reviewSentiment[index]), catalog.reviewRecommend[index] ? 1 : 0,
                    year == 0 ? nil : Double(year), Double(catalog.reviewText[index].count),
                    catalog.helpfulVotes(index).map(Double.init)]
        }
        var kept = all
        if let filter {
            kept = all.filter { review in
                let numbers = values(review)
                return filter.clauses.allSatisfy { clause in
                    let holds: Bool
                    if let column = Self.numberFields.firstIndex(of: clause.field) {
                        holds = PaneFilter.holds(clause.test, number: numbers[column])
                    } else {
                        holds = PaneFilter.holds(clause.test, labels: [PaneFilter.fold(catalog.reviewText[Int(review)])])
                    }
                    return holds != clause.negated
                }
            }
        }
        // Dates as one number (year, month, day); year-less posts sort last.
        func date(_ review: Int32) -> Int? {
            let index = Int(review)
            let year = Int(catalog.reviewPostedYear[index])
            return year == 0 ? nil : year * 10_000 + Int(catalog.reviewPostedMonth[index]) * 100 + Int(catalog.reviewPostedDay[index])
        }
        switch sort {
        case .stored: break
        case .newest, .oldest:
            let newest = sort == .newest
            kept.sort { a, b in
                switch (date(a), date(b)) {
                case let (x?, y?) where x != y: return newest ? x > y : x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a < b
                }
            }
        case .longest:
            kept.sort { catalog.reviewText[Int($0)].count != catalog.reviewText[Int($1)].count
                ? catalog.reviewText[Int($0)].count > catalog.reviewText[Int($1)].count : $0 < $1 }
        case .mostHelpful:
            // -1 (unreadable) is below every count, so those sort last.
            kept.sort { catalog.reviewHelpful[Int($0)] != catalog.reviewHelpful[Int($1)]
                ? catalog.reviewHelpful[Int($0)] > catalog.reviewHelpful[Int($1)] : $0 < $1 }
        }
        reviews = kept
    }
}
