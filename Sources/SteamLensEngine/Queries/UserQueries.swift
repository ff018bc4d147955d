import Foundation
import SteamLensData

/// `userdata(user)`: what a user spent, how often they recommend, how many items they own.
public struct UserData: QueryResult {
    public var userId: String
    /// Sum of the numeric prices of the distinct items in the library.
    public var moneySpent: Double
    /// Recommending reviews / reviews × 100; nil when the user wrote none.
    public var recommendPercent: Double?
    /// Distinct items in the library.
    public var itemsCount: Int
    public var reviews: Int
    /// Items whose price is unknown (not counted in `moneySpent`).
    public var unpricedItems: Int
    public var definitions: Definitions

    enum CodingKeys: String, CodingKey {
        case userId = "user_id", moneySpent = "money_spent", recommendPercent = "recommend_percent"
        case itemsCount = "items_count", reviews
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userId, forKey: .userId)
        try container.encode(moneySpent, forKey: .moneySpent)
        try container.encode(recommendPercent, forKey: .recommendPercent)
        try container.encode(itemsCount, forKey: .itemsCount)
        try container.encode(reviews, forKey: .reviews)
    }

    public var jsonValue: any Encodable { self }

    public var table: ResultTable {
        ResultTable(
            title: "User \(userId)",
            columns: [.init("user_id"), .init("money_spent", .right), .init("recommend%", .right), .init("items", .right), .init("reviews", .right)],
            rows: [[.text(userId), .number(moneySpent, digits: 2), recommendPercent.map { .number($0, digits: 1) } ?? .missing,
                    .integer(itemsCount), .integer(reviews)]],
            notes: ["money spent: sum of numeric prices of distinct library items (\(unpricedItems) without a price left out)",
                    "recommend%: reviews with recommend = true / reviews by the user"]
        )
    }
}

/// `count_reviews(from, to)`: how many users reviewed between two dates, and how often they recommended.
public struct ReviewCount: QueryResult {
    public var from: String
    public var to: String
    public var users: Int
    public var reviews: Int
    public var recommendPercent: Double
    /// Reviews whose `posted` has no year, which no date range can include.
    public var undatedReviews: Int
    public var definitions: Definitions

    enum CodingKeys: String, CodingKey {
        case from, to, users, reviews, recommendPercent = "recommend_percent", undatedReviews = "undated_reviews"
    }

    public var jsonValue: any Encodable { self }

    public var table: ResultTable {
        ResultTable(
            title: "Reviews posted from \(from) to \(to)",
            columns: [.init("from"), .init("to"), .init("users", .right), .init("reviews", .right), .init("recommend%", .right)],
            rows: [[.text(from), .text(to), .integer(users), .integer(reviews), .number(recommendPercent, digits: 1)]],
            notes: ["dates are inclusive; \(undatedReviews) reviews have no year in 'posted' and cannot be placed"]
        )
    }
}

extension Engine {
    public func userdata(_ name: String, definitions: Definitions = .standard) throws -> UserData {
        let user = try userArgument(name)
        var items = Set<Int32>()
        var money = 0.0
        var unpriced = 0
        for owned in catalog.libraryOfUser[Int(user)] {
            let item = catalog.joined(owned.item, definitions.joinKey)
            guard items.insert(item).inserted else { continue }
            if let price = catalog.price(item) { money += price } else { unpriced += 1 }
        }
        let reviews = catalog.reviewsOfUser[Int(user)]
        let recommended = reviews.filter { catalog.reviewRecommend[Int($0)] }.count
        return UserData(
            userId: catalog.userIds[Int(user)],
            moneySpent: (money * 100).rounded() / 100,
            recommendPercent: reviews.isEmpty ? nil : percent(recommended, of: reviews.count),
            itemsCount: items.count, reviews: reviews.count, unpricedItems: unpriced, definitions: definitions
        )
    }

    /// Dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY"; both ends are inclusive.
    public func countReviews(from: String, to: String, definitions: Definitions = .standard) throws -> ReviewCount {
        let range = try QueryArguments.dayRange(from: from, to: to)
        let start = range.lowerBound, end = range.upperBound
        // The day-ordered index's first review on or after `start`.
        let low = datedReviewDays.partitioningIndex { $0 >= start }
        var seen = [Bool](repeating: false, count: catalog.userCount)
        var users = 0
        var reviews = 0
        var recommended = 0
        var position = low
        while position < datedReviewDays.count && datedReviewDays[position] <= end {
            let review = Int(datedReviews[position])
            reviews += 1
            let user = Int(catalog.reviewUser[review])
            if !seen[user] {
                seen[user] = true
                users += 1
            }
            if catalog.reviewRecommend[review] { recommended += 1 }
            position += 1
        }
        let undated = catalog.reviewCount - datedReviews.count
        return ReviewCount(from: from, to: to, users: users, reviews: reviews,
                           recommendPercent: percent(recommended, of: reviews), undatedReviews: undated, definitions: definitions)
    }
}
