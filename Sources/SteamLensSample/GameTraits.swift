import SteamLensData

/// Genres, tags, specs, price and release date of a synthetic game, drawn
/// with the real file's frequencies (see `StoreVocabulary`).
struct GameTraits {
    var genres: [String]
    var tags: [String]
    var specs: [String]
    var price: GameRecord.Price?
    var earlyAccess: Bool

    // How many genres / tags / specs a game carries: real histograms for 1, 2, 3, ….
    private static let genreCounts = WeightedChoice(weights: [6788, 9380, 7545, 3178, 1324, 478, 115, 35, 5, 3].map(Double.init))
    private static let tagCounts = WeightedChoice(weights: [
        4135, 5835, 5847, 3945, 2631, 1807, 1240, 969, 828, 713, 481, 437, 351, 252, 253, 290, 216, 161, 159, 1422,
    ].map(Double.init))
    private static let specCounts = WeightedChoice(weights: [
        3859, 4489, 4134, 4954, 3700, 3004, 2156, 2782, 960, 621, 415, 206, 80, 53, 28, 13, 5,
    ].map(Double.init))
    private static let genrePick = WeightedChoice(weights: StoreVocabulary.genres.map { Double($0.weight) })
    private static let tagPick = WeightedChoice(weights: StoreVocabulary.tags.map { Double($0.weight) })
    private static let specPick = WeightedChoice(weights: StoreVocabulary.specs.map { Double($0.weight) })

    /// Real price points with their game counts (4.99 is the most common).
    private static let pricePoints: [(Double, Double)] = [
        (4.99, 4278), (9.99, 3902), (2.99, 3429), (0.99, 2607), (1.99, 2541), (3.99, 1918), (19.99, 1719),
        (14.99, 1557), (6.99, 1199), (7.99, 1095), (5.99, 948), (29.99, 520), (12.99, 417), (24.99, 402),
        (8.99, 347), (11.99, 331), (39.99, 295), (49.99, 162), (34.99, 109), (59.99, 100), (17.99, 94),
        (10.99, 93), (13.99, 92), (16.99, 87), (15.99, 86), (0.49, 40), (79.99, 20), (99.99, 12), (0.0, 8),
        (199.0, 2), (995.0, 1),
    ]
    private static let pricePick = WeightedChoice(weights: pricePoints.map { $0.1 })
    /// Price strings of the real file, with their counts.
    private static let priceLabels: [(String, Double)] = [
        ("Free", 905), ("Free to Play", 520), ("Free To Play", 462), ("Free Mod", 4), ("Free Demo", 3),
        ("Play for Free!", 2), ("Third-party", 2), ("Play Now", 2), ("Install Now", 1), ("Free to Try", 1),
        ("Free Movie", 1), ("Free to Use", 1), ("Play the Demo", 1), ("Starting at $4.99", 1), ("Starting at $499.00", 1),
    ]
    private static let labelPick = WeightedChoice(weights: priceLabels.map { $0.1 })

    static func draw(using rng: inout SplitMix64) -> GameTraits {
        let earlyAccess = rng.chance(0.06)
        var genres = distinct(GameTraits.genreCounts.draw(using: &rng) + 1, from: genrePick, names: StoreVocabulary.genres, using: &rng)

        var price: GameRecord.Price?
        let priceRoll = rng.nextUnit()
        if priceRoll < 0.043 {
            price = nil                                   // 1,377 real games have no price
        } else if priceRoll < 0.043 + 0.059 {
            price = .label(priceLabels[labelPick.draw(using: &rng)].0)
        } else {
            price = .amount(pricePoints[pricePick.draw(using: &rng)].0)
        }
        if case .label(let label)? = price, label.lowercased() == "free to play", !genres.contains("Free to Play") {
            genres.append("Free to Play")
        }
        if earlyAccess, rng.chance(0.75), !genres.contains("Early Access") { genres.append("Early Access") }
        genres.sort()  // the real genres lists are alphabetical

        // Tags lead with the genres (entities decoded, as the real tags are), then user tags by weight.
        var tags = (earlyAccess ? ["Early Access"] : []) + genres.filter { $0 != "Early Access" }.map {
            $0.replacingOccurrences(of: "&amp;", with: "&")
        }
        let tagTarget = tagCounts.draw(using: &rng) + 1
        if tags.count > tagTarget { tags.removeLast(tags.count - tagTarget) }
        var attempts = 0
        while tags.count < tagTarget, attempts < 200 {
            attempts += 1
            let tag = StoreVocabulary.tags[tagPick.draw(using: &rng)].name
            if !tags.contains(tag) { tags.append(tag) }
        }

        var specIndices: [Int] = []
        let specTarget = specCounts.draw(using: &rng) + 1
        attempts = 0
        while specIndices.count < specTarget, attempts < 200 {
            attempts += 1
            let index = specPick.draw(using: &rng)
            if !specIndices.contains(index) { specIndices.append(index) }
        }
        let specs = specIndices.sorted().map { StoreVocabulary.specs[$0].name }  // store-page order

        return GameTraits(genres: genres, tags: tags, specs: specs, price: price, earlyAccess: earlyAccess)
    }

    private static func distinct(_ count: Int, from pick: WeightedChoice, names: [(name: String, weight: Int)],
                                 using rng: inout SplitMix64) -> [String] {
        var result: [String] = []
        var attempts = 0
        while result.count < count, attempts < 100 {
            attempts += 1
            let name = names[pick.draw(using: &rng)].name
            if !result.contains(name) { result.append(name) }
        }
        return result
    }
}

/// `release_date` as the real file spells it: ISO dates for most, and ~1 %
/// of "Jun 2009", "Q2 2017", "Soon..", "Coming Soon", "TBA", "Январь 2018", ….
enum ReleaseDates {
    static let oddRate = 0.009
    /// ISO years 1985…2018 weighted like the real catalog (2017 busiest; 2018 only early January).
    private static let years: [(Int, Double)] = [
        (1985, 3), (1988, 7), (1990, 12), (1992, 15), (1994, 36), (1996, 39), (1998, 61), (2000, 40),
        (2002, 50), (2004, 79), (2005, 102), (2006, 155), (2007, 167), (2008, 213), (2009, 337), (2010, 436),
        (2011, 589), (2012, 1192), (2013, 1551), (2014, 2832), (2015, 4945), (2016, 6933), (2017, 9518), (2018, 96),
    ]
    private static let yearPick = WeightedChoice(weights: years.map { $0.1 })
    private static let oddities = [
        "Coming Soon", "Coming soon", "coming soon", "Coming Soon!", "TBA", "TBD", "SOON", "Soon", "Soon..", "Soon™",
        "When it's done", "To be announced", "Not yet available", "Please wait warmly", "early access",
        "2017", "2018", "Winter 2017", "Fall 2017", "Early 2018", "Spring 2018", "Q1, 2018", "Q2 2018 (Tentative)",
        "Январь 2018", "预热群52756441", "Release Date TBA",
    ]
    private static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func draw(earlyAccess: Bool, using rng: inout SplitMix64) -> String {
        if rng.chance(oddRate) {
            switch rng.below(3) {
            case 0: return "\(rng.pick(NameWords.monthAbbreviations)) \(rng.int(in: 2005...2017))"   // "Jun 2009"
            case 1: return "Q\(rng.int(in: 1...4)) \(rng.int(in: 2017...2018))"                    // "Q2 2017"
            default: return rng.pick(oddities)
            }
        }
        var year = years[yearPick.draw(using: &rng)].0
        if earlyAccess { year = max(year, 2014) }
        let month = rng.int(in: 1...12)
        let day = year == 2018 ? rng.int(in: 1...4) : rng.int(in: 1...daysInMonth[month - 1])
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return year == 2018 ? "2018-01-\(d)" : "\(year)-\(m)-\(d)"
    }
}
