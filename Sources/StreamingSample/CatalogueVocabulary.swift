import StreamingCatalog

/// The words the synthetic catalogue is made of: each platform's own genre
/// and rating vocabulary (as the real files differ: "Dramas" on Netflix,
/// "Drama" elsewhere), shared people, countries and title words.
enum CatalogueVocabulary {
    static func genres(_ platform: Platform, _ type: TitleType) -> [String] {
        switch (platform, type) {
        case (.netflix, .movie):
            return ["Dramas", "Comedies", "International Movies", "Documentaries", "Action & Adventure", "Children & Family Movies",
                    "Thrillers", "Romantic Movies", "Horror Movies", "Stand-Up Comedy"]
        case (.netflix, .show):
            return ["International TV Shows", "TV Dramas", "TV Comedies", "Crime TV Shows", "Kids' TV", "Docuseries", "Reality TV", "Anime Series"]
        case (.amazon, _):
            return ["Drama", "Comedy", "Action", "Suspense", "Documentary", "Kids", "Romance", "Horror", "Special Interest", "Animation"]
        case (.hulu, _):
            return ["Drama", "Comedy", "Documentaries", "Thriller", "Action", "Anime", "Reality", "Family", "Horror", "Romance"]
        case (.disney, _):
            return ["Family", "Animation", "Comedy", "Action-Adventure", "Fantasy", "Documentary", "Kids", "Musical", "Coming of Age", "Science Fiction"]
        }
    }

    static func ratings(_ platform: Platform) -> [String] {
        switch platform {
        case .netflix: return ["TV-MA", "TV-14", "TV-PG", "R", "PG-13", "TV-Y7", "TV-Y", "PG", "TV-G", "NR", "G"]
        case .amazon: return ["13+", "16+", "ALL", "18+", "R", "PG-13", "7+", "PG", "NR", "TV-14"]
        case .hulu: return ["TV-14", "TV-MA", "R", "TV-PG", "PG-13", "TV-G", "PG", "TV-Y7"]
        case .disney: return ["TV-G", "TV-PG", "G", "PG", "TV-Y7", "TV-14", "PG-13", "TV-Y"]
        }
    }

    static let countries = ["United States", "India", "United Kingdom", "Canada", "France", "Japan", "Spain", "South Korea",
                            "Germany", "Mexico", "Australia", "Nigeria", "Brazil", "Italy", "Egypt", "Turkey", "Argentina"]

    static let firstNames = ["Ana", "Ben", "Chloé", "David", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jae", "Kofi", "Lena", "Mateo",
                             "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Victor", "Wen", "Yara", "Zoe",
                             "Arjun", "Björn", "Carmen", "Dev", "Esther"]
    static let lastNames = ["Adeyemi", "Baker", "Chen", "Dubois", "Evans", "Fischer", "García", "Haddad", "Ito", "Jensen", "Kim",
                            "López", "Müller", "Nakamura", "Okafor", "Patel", "Quintero", "Rossi", "Singh", "Tanaka", "Usman",
                            "Volkov", "Wang", "Xu", "Yilmaz", "Zhang", "Alvarez", "Brown", "Costa", "Diaz", "Eze", "Ferreira",
                            "Gupta", "Hughes", "Iyer", "Jones", "Khan", "Lee", "Moreau", "Novak"]

    static let adjectives = ["Last", "Silent", "Golden", "Broken", "Hidden", "Wild", "Lost", "Midnight", "Crimson", "Little",
                             "Endless", "Secret", "Brave", "Frozen", "Electric", "Lonely", "Lucky", "Dark", "Bright", "Restless"]
    static let nouns = ["Summer", "River", "Love", "Kingdom", "Road", "Heart", "City", "Garden", "Storm", "Island", "Promise",
                        "Shadow", "Dream", "Letter", "Journey", "Family", "Game", "Night", "Star", "Winter", "Truth", "Boat"]

    /// Words a description of a genre tends to use, so content models have signal.
    static func keywords(_ genre: String) -> [String] {
        let key = genre.lowercased()
        if key.contains("drama") { return ["grief", "family", "secrets", "struggle", "redemption", "marriage"] }
        if key.contains("comed") || key.contains("stand") { return ["hilarious", "misfits", "awkward", "prank", "wedding", "roommates"] }
        if key.contains("document") || key.contains("docu") || key.contains("special") {
            return ["investigates", "archive", "interviews", "history", "scientists", "true"]
        }
        if key.contains("action") || key.contains("adventure") { return ["mission", "heist", "explosive", "chase", "soldier", "rescue"] }
        if key.contains("thrill") || key.contains("suspense") || key.contains("crime") { return ["detective", "murder", "conspiracy", "killer", "clues", "hostage"] }
        if key.contains("horror") { return ["haunted", "demon", "curse", "terrifying", "creature", "cabin"] }
        if key.contains("roman") || key.contains("love") { return ["lovers", "romance", "heartbreak", "wedding", "sparks", "soulmate"] }
        if key.contains("kid") || key.contains("famil") || key.contains("child") || key.contains("animat") {
            return ["friends", "magical", "puppy", "adventure", "school", "lessons"]
        }
        if key.contains("anime") || key.contains("fantasy") || key.contains("science") { return ["sorcerer", "galaxy", "robots", "dragons", "quest", "future"] }
        if key.contains("reality") { return ["contestants", "competition", "island", "dating", "challenge", "eliminated"] }
        if key.contains("music") { return ["songs", "band", "stage", "dance", "singer", "concert"] }
        return ["life", "world", "story", "people", "journey", "change"]
    }

    static let fillers = ["a", "young", "woman", "man", "town", "must", "when", "after", "their", "new", "old", "finds", "years", "world"]
}
