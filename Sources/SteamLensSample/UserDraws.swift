import SteamLensData

/// How users, libraries and reviews are drawn. Every rate names the real
/// figure it imitates.
enum UserDraws {
    /// 32,476 of 88,310 real users have a vanity URL ("js41637") instead of their 17-digit id.
    static let vanityShare = 0.368
    /// 25,799 of 88,310 users have a line in the reviews file.
    static let reviewerShare = 25_799.0 / 88_310.0
    /// Reviews per reviewer: real histogram for 0…10 (the scrape kept at most 10; mean 2.30).
    static let reviewsPerUser = WeightedChoice(weights: [28, 13665, 4681, 2561, 1529, 1004, 746, 563, 425, 328, 269].map(Double.init))
    static let recommendShare = 52_473.0 / 59_305.0
    /// 1,136 of 178,428 real item rows repeat an item already in the library.
    static let duplicateItemRowRate = 0.0064
    /// 61,761 of 178,428 real item rows have playtime_forever 0.
    static let zeroPlaytimeShare = 0.346
    /// Non-zero playtimes (minutes) are log-normal: ln-mean 5.42, ln-sd 2.45 in the real file.
    static let playtimeMu = 5.42, playtimeSigma = 2.45
    static let playedRecentlyShare = 0.03
    /// Share of reviews of an item the reviewer owns (the rest: any popular item).
    static let reviewOwnedShare = 0.9
    /// 10,119 of 59,305 real `posted` strings have no year ("Posted June 3.").
    static let yearlessPostedShare = 10_119.0 / 59_305.0
    static let lastEditedShare = 6_140.0 / 59_305.0
    static let funnyShare = 8_151.0 / 59_305.0
    static let helpfulShare = 29_137.0 / 59_305.0
    private static let postedYears = WeightedChoice(weights: [66, 532, 1215, 6792, 22111, 18470])  // 2010…2015

    // MARK: Identity

    /// A unique 17-digit SteamID64, plus (for vanity users) a unique custom URL name.
    static func identity(using rng: inout SplitMix64, taken: inout Set<String>) -> (userID: String, steamID: String, url: String) {
        var steamID: String
        repeat {
            steamID = String(76_561_197_960_265_728 + UInt64(rng.below(250_000_000)))
        } while !taken.insert(steamID).inserted
        guard rng.chance(vanityShare) else {
            return (steamID, steamID, "http://steamcommunity.com/profiles/\(steamID)")
        }
        var vanity: String
        repeat {
            vanity = vanityName(using: &rng)
        } while !taken.insert(vanity).inserted
        return (vanity, steamID, "http://steamcommunity.com/id/\(vanity)")
    }

    private static func vanityName(using rng: inout SplitMix64) -> String {
        let a = rng.pick(NameWords.handleWords), b = rng.pick(NameWords.handleWords)
        switch rng.below(5) {
        case 0: return "\(a)\(rng.int(in: 1...99_999))"                 // js41637
        case 1: return "\(a.capitalized)-\(b.capitalized)"               // Riot-Punch
        case 2: return "\(a)\(b)\(rng.below(2) == 0 ? "" : String(rng.int(in: 1...99)))"
        case 3: return "\(a)_\(b)_\(rng.int(in: 1...999))"
        default: return "\(rng.pick(NameWords.firstNames))\(b.capitalized)\(rng.int(in: 1...9_999))"
        }
    }

    // MARK: Library

    /// A library of `LibrarySize.draw` rows: distinct items by popularity, a few repeated rows.
    /// `stamp`/`mark` let membership be checked in O(1) without a per-user Set.
    static func library(catalog: GameCatalog, using rng: inout SplitMix64, stamp: inout [Int32], mark: Int32) -> [LibraryItem] {
        let size = min(LibrarySize.draw(using: &rng), catalog.itemCount)
        var items: [LibraryItem] = []
        items.reserveCapacity(size)
        var misses = 0
        while items.count < size {
            if !items.isEmpty, rng.chance(duplicateItemRowRate) {
                items.append(items[rng.below(items.count)])
                continue
            }
            var item = catalog.drawItem(using: &rng)
            while stamp[item] == mark {
                misses += 1
                if misses > 8 * size + 64 {
                    // A library nearly as large as the catalog: take the next unowned item.
                    while stamp[item] == mark { item = (item + 1) % catalog.itemCount }
                } else {
                    item = catalog.drawItem(using: &rng)
                }
            }
            stamp[item] = mark
            items.append(LibraryItem(item: item, playtimeForever: 0, playtime2Weeks: 0))
        }
        for i in items.indices where !rng.chance(zeroPlaytimeShare) {
            let minutes = min(700_000, max(1, Int(rng.logNormal(mu: playtimeMu, sigma: playtimeSigma).rounded())))
            items[i].playtimeForever = minutes
            if rng.chance(playedRecentlyShare) {
                items[i].playtime2Weeks = min(minutes, max(1, Int(rng.logNormal(mu: 4.5, sigma: 1.2).rounded())))
            }
        }
        return items
    }

    // MARK: Reviews

    static func reviews(library: [LibraryItem], catalog: GameCatalog, using rng: inout SplitMix64) -> [ReviewEntry] {
        let count = reviewsPerUser.draw(using: &rng)
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count, attempts < 100 {
            attempts += 1
            let item = !library.isEmpty && rng.chance(reviewOwnedShare)
                ? library[rng.below(library.count)].item
                : catalog.drawItem(using: &rng)
            if !chosen.contains(item) { chosen.append(item) }
        }
        return chosen.map { item in
            let recommend = rng.chance(recommendShare)
            let (posted, year) = postedDate(using: &rng)
            return ReviewEntry(
                item: item,
                funny: rng.chance(funnyShare) ? funny(using: &rng) : "",
                posted: posted,
                lastEdited: rng.chance(lastEditedShare) ? lastEdited(after: year, using: &rng) : "",
                helpful: rng.chance(helpfulShare) ? helpful(recommend: recommend, using: &rng) : "No ratings yet",
                recommend: recommend,
                text: ReviewText.make(recommend: recommend, rng: &rng)
            )
        }
    }

    /// "Posted November 5, 2011." or, for the current year of the scrape, "Posted June 3.".
    private static func postedDate(using rng: inout SplitMix64) -> (String, Int?) {
        let month = rng.pick(NameWords.months), day = rng.int(in: 1...28)
        if rng.chance(yearlessPostedShare) { return ("Posted \(month) \(day).", nil) }
        let year = 2010 + postedYears.draw(using: &rng)
        return ("Posted \(month) \(day), \(year).", year)
    }

    private static func lastEdited(after year: Int?, using rng: inout SplitMix64) -> String {
        let month = rng.pick(NameWords.months), day = rng.int(in: 1...28)
        guard let year else { return "Last edited \(month) \(day)." }
        return "Last edited \(month) \(day), \(min(2015, year + rng.below(2)))."
    }

    private static func funny(using rng: inout SplitMix64) -> String {
        let n = max(1, Int(rng.logNormal(mu: 0, sigma: 1.3)))
        return n == 1 ? "1 person found this review funny" : "\(grouped(n)) people found this review funny"
    }

    private static func helpful(recommend: Bool, using rng: inout SplitMix64) -> String {
        let total = max(1, Int(rng.logNormal(mu: 0.6, sigma: 1.4)))
        let share = recommend ? 0.55 + 0.45 * rng.nextUnit() : rng.nextUnit()
        let yes = Int((Double(total) * share).rounded())
        let percent = Int((100 * Double(yes) / Double(total)).rounded())
        return "\(grouped(yes)) of \(grouped(total)) people (\(percent)%) found this review helpful"
    }

    /// 1234 → "1,234", as the site prints counts.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// Library sizes drawn from the real distribution (see `LibrarySizeTable`).
enum LibrarySize {
    static func draw(using rng: inout SplitMix64) -> Int {
        let knots = LibrarySizeTable.knots
        let u = rng.nextUnit()
        var lo = 0, hi = knots.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if knots[mid].p <= u { lo = mid } else { hi = mid }
        }
        let a = knots[lo], b = knots[hi]
        let value = a.count + (b.count - a.count) * (u - a.p) / (b.p - a.p)
        return Int(value.rounded())
    }
}
