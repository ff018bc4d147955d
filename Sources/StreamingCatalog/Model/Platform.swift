import SteamLensEngine

/// One of the four streaming services the catalogue covers.
public enum Platform: String, CaseIterable, Codable, Sendable, Comparable {
    case amazon, disney, hulu, netflix

    /// The name people use ("Amazon Prime").
    public var displayName: String {
        switch self {
        case .amazon: return "Amazon Prime"
        case .disney: return "Disney+"
        case .hulu: return "Hulu"
        case .netflix: return "Netflix"
        }
    }

    /// The letter that prefixes a title's id: `as123` is Amazon's `s123`.
    public var letter: Character {
        switch self {
        case .amazon: return "a"
        case .disney: return "d"
        case .hulu: return "h"
        case .netflix: return "n"
        }
    }

    /// The names this platform's catalogue may have in a data folder: the
    /// real file's, or a generated sample's (`NAME.sample.csv`, so a sample
    /// is never taken for a copy of the real files).
    public var fileNames: [String] {
        [fileName, fileName.replacingOccurrences(of: ".csv", with: ".sample.csv")]
    }

    /// The catalogue file of this platform in a data folder, as the real data names it.
    public var fileName: String {
        switch self {
        case .amazon: return "amazon_prime_titles.csv"
        case .disney: return "disney_plus_titles.csv"
        case .hulu: return "hulu_titles.csv"
        case .netflix: return "netflix_titles.csv"
        }
    }

    /// A platform from a forgiving name: "netflix", "Amazon Prime", "prime",
    /// "disney+", "Disney Plus", or the id letter ("n").
    public init?(forgiving text: String) {
        let key = NameKey.normalize(text).filter { $0.isLetter }
        let names: [(String, Platform)] = [
            ("amazon", .amazon), ("amazonprime", .amazon), ("prime", .amazon), ("primevideo", .amazon), ("a", .amazon),
            ("disney", .disney), ("disneyplus", .disney), ("d", .disney),
            ("hulu", .hulu), ("h", .hulu), ("netflix", .netflix), ("n", .netflix),
        ]
        guard let match = names.first(where: { $0.0 == key }) else { return nil }
        self = match.1
    }

    /// The place in `allCases`, for per-platform counts in an array (a
    /// `Platform` key hashes its raw-value string).
    public var ordinal: Int {
        switch self {
        case .amazon: return 0
        case .disney: return 1
        case .hulu: return 2
        case .netflix: return 3
        }
    }

    public static func < (a: Platform, b: Platform) -> Bool {
        a.ordinal < b.ordinal
    }
}
