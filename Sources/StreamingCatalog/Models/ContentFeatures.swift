import SteamLensEngine

/// The content of a title as weighted tokens, for similar titles and clusters:
/// genres, type, rating band, duration band, cast, director, countries and
/// description words.
enum ContentFeatures {
    /// The audience band of a rating, so "TV-MA", "R" and "18+" read alike.
    static func ratingBand(_ rating: String?) -> String {
        guard let rating else { return "unknown" }
        switch rating.uppercased() {
        case "G", "TV-G", "TV-Y", "ALL", "ALL_AGES", "TV-Y7", "TV-Y7-FV", "7+": return "kids"
        case "PG", "TV-PG": return "family"
        case "PG-13", "TV-14", "13+", "16+", "16", "AGES_16_": return "teen"
        case "R", "TV-MA", "NC-17", "18+", "AGES_18_": return "adult"
        default: return "unrated"
        }
    }

    static func durationBand(_ title: Title) -> String {
        guard let duration = title.duration else { return "unknown" }
        if duration.unit == .seasons { return duration.value <= 1 ? "1season" : duration.value <= 3 ? "2-3seasons" : "4+seasons" }
        return duration.value < 60 ? "short" : duration.value < 90 ? "60-90" : duration.value < 120 ? "90-120" : "long"
    }

    static let stopwords: Set<String> = [
        "the", "and", "for", "with", "his", "her", "their", "from", "into", "this", "that", "when", "after", "who", "while",
        "are", "but", "not", "has", "have", "its", "they", "them", "she", "him", "one", "two", "out", "all", "new", "must",
        "an", "of", "to", "in", "on", "by", "as", "at", "is", "a", "be", "or", "up", "it", "he", "we", "you", "was", "what",
    ]

    /// Each token of `title` with its weight before IDF: the kinds of
    /// evidence count differently (a shared genre says more than a word).
    static func tokens(_ title: Title) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for genre in title.genres { out.append(("g:" + NameKey.normalize(genre), 2)) }
        out.append(("t:" + title.type.rawValue, 1))
        out.append(("r:" + ratingBand(title.rating), 0.7))
        out.append(("d:" + durationBand(title), 0.5))
        for name in title.cast.prefix(8) { out.append(("c:" + NameKey.normalize(name), 1)) }
        for name in title.directors { out.append(("p:" + NameKey.normalize(name), 1.5)) }
        for country in title.countries { out.append(("n:" + NameKey.normalize(country), 0.5)) }
        var seen = Set<String>()
        for word in NameKey.normalize(title.description).split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
            let text = String(word)
            if !stopwords.contains(text), seen.insert(text).inserted { out.append(("w:" + text, 0.6)) }
        }
        return out
    }
}
