import SteamLensData

/// The year the reviews were crawled, inferred from the `posted` dates, for
/// reviews posted without a year (`Posted June 3.`): Steam leaves the year
/// out for posts of the current year, so those posts belong to the crawl year.
///
/// The rule (docs/definitions.md, "year of a review"): with L the latest
/// explicit posted year, the crawl year is L + 1 when
///
/// 1. some posts have no year and some have one, and
/// 2. the latest explicit post is in December of L: the dated record runs to
///    the end of L, so the year-less posts carry straight on into L + 1.
///
/// Otherwise nothing is inferred and year-less posts stay unknown whatever the
/// definition says. A crawl in year L + 2 or later would have left dated posts
/// of L + 1, so L + 1 is the only year consistent with the data. The months of
/// the year-less posts are kept as evidence: the crawl happened no earlier
/// than the latest of them.
///
/// ```swift
/// let crawl = CrawlYear(postedYears: [2015, 0, 0], postedMonths: [12, 1, 6])
/// crawl.year            // 2016
/// crawl.evidence        // "2016: latest explicit year 2015 + 1; year-less posts run January–June"
/// ```
public struct CrawlYear: Equatable, Sendable {
    /// The inferred crawl year, nil when the data does not support one.
    public let year: Int?
    /// Posts without a year.
    public let undatedCount: Int
    /// The latest explicit posted year and its latest month, nil without dated posts.
    public let latestExplicit: (year: Int, month: Int)?
    /// The first and last month among year-less posts (1–12), nil when none has a month.
    public let undatedMonths: ClosedRange<Int>?

    /// - Parameters:
    ///   - postedYears: per review, the year in `posted`, 0 when it has none.
    ///   - postedMonths: per review, the month in `posted` (1–12), 0 when unknown.
    public init(postedYears: Column<Int16>, postedMonths: Column<Int8>) {
        var latest: (year: Int, month: Int)?
        var undated = 0
        var first = Int.max, last = Int.min
        for (index, rawYear) in postedYears.enumerated() {
            let month = index < postedMonths.count ? Int(postedMonths[index]) : 0
            if rawYear == 0 {
                undated += 1
                if (1...12).contains(month) {
                    first = min(first, month)
                    last = max(last, month)
                }
            } else if let current = latest {
                if (Int(rawYear), month) > (current.year, current.month) { latest = (Int(rawYear), month) }
            } else {
                latest = (Int(rawYear), month)
            }
        }
        undatedCount = undated
        latestExplicit = latest
        undatedMonths = first <= last ? first...last : nil
        if undated > 0, let latest, latest.month == 12 {
            year = latest.year + 1
        } else {
            year = nil
        }
    }

    /// How the year was found, or why none was: shown beside the definition.
    public var evidence: String {
        guard undatedCount > 0 else { return "every post has a year" }
        guard let latest = latestExplicit else { return "no post has a year to count on from" }
        guard let year else {
            return "not inferred: the latest explicit post is \(Self.monthName(latest.month)) \(latest.year), not December, so the dated record may not reach the crawl year"
        }
        let months = undatedMonths.map { range in
            "; year-less posts run \(Self.monthName(range.lowerBound))–\(Self.monthName(range.upperBound))"
        } ?? ""
        return "\(year): latest explicit year \(latest.year) + 1\(months)"
    }

    public static func == (a: CrawlYear, b: CrawlYear) -> Bool {
        a.year == b.year && a.undatedCount == b.undatedCount && a.undatedMonths == b.undatedMonths
            && a.latestExplicit?.year == b.latestExplicit?.year && a.latestExplicit?.month == b.latestExplicit?.month
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    private static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : "month \(month)"
    }
}
