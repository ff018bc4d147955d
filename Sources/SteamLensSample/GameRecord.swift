/// One row of `steam_games.json.gz` and its exact JSON line.
///
/// Missing values are bare `NaN`, as pandas wrote them; keys keep the real
/// file's order, with the rare `metascore` after `developer`.
struct GameRecord {
    enum Price {
        case amount(Double)
        /// "Free", "Free to Play", "Free To Play", "Starting at $4.99", "Third-party", …
        case label(String)
    }

    var publisher: String?
    var genres: [String]?
    var appName: String?
    var title: String?
    var url: String
    var releaseDate: String?
    var tags: [String]?
    var reviewsURL: String?
    var specs: [String]?
    var price: Price?
    var earlyAccess: Bool
    var id: String?
    var developer: String?
    var metascore: Int?

    /// The all-NaN row that fills the start of the real file (88,310 of them there).
    static let nanLine = Array(
        #"{"publisher": NaN, "genres": NaN, "app_name": NaN, "title": NaN, "url": NaN, "release_date": NaN, "tags": NaN, "reviews_url": NaN, "specs": NaN, "price": NaN, "early_access": NaN, "id": NaN, "developer": NaN}"#.utf8
    )

    /// A row without an id, as the real file has two: only url, price and early_access survive.
    static func withoutID(price: Double) -> GameRecord {
        GameRecord(
            publisher: nil, genres: nil, appName: nil, title: nil, url: "http://store.steampowered.com/",
            releaseDate: nil, tags: nil, reviewsURL: nil, specs: nil, price: .amount(price),
            earlyAccess: false, id: nil, developer: nil, metascore: nil
        )
    }

    func encode(into line: inout LineBuffer) {
        line.raw("{\"publisher\": "); line.jsonOrNaN(publisher)
        line.raw(", \"genres\": "); line.json(genres)
        line.raw(", \"app_name\": "); line.jsonOrNaN(appName)
        line.raw(", \"title\": "); line.jsonOrNaN(title)
        line.raw(", \"url\": "); line.json(url)
        line.raw(", \"release_date\": "); line.jsonOrNaN(releaseDate)
        line.raw(", \"tags\": "); line.json(tags)
        line.raw(", \"reviews_url\": "); line.jsonOrNaN(reviewsURL)
        line.raw(", \"specs\": "); line.json(specs)
        line.raw(", \"price\": ")
        switch price {
        case .amount(let value)?: line.jsonFloat(value)
        case .label(let text)?: line.json(text)
        case nil: line.raw("NaN")
        }
        line.raw(", \"early_access\": "); line.raw(earlyAccess ? "true" : "false")
        line.raw(", \"id\": "); line.jsonOrNaN(id)
        line.raw(", \"developer\": "); line.jsonOrNaN(developer)
        if let metascore {
            line.raw(", \"metascore\": "); line.int(metascore)
        }
        line.raw("}")
    }

    /// The store's URL slug: ASCII letters and digits kept, spaces to `_`,
    /// everything else dropped ("Real Pool 3D - Poolians" → "Real_Pool_3D__Poolians").
    static func slug(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == " " { return "_" }
            return scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : nil
        }))
    }
}
