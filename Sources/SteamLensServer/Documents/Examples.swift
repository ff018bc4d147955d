import SteamLensEngine

/// Example values for path parameters, taken from the loaded data (the
/// busiest developer, user, genre, year and game), so the index page's
/// try-it links and the OpenAPI examples answer with a 200.
struct Examples: Sendable {
    var developer = "Valve"
    var user = "76561197970982479"
    var genre = "Action"
    var year = "2015"
    var game = "10"

    init() {}

    init(_ engine: Engine) {
        func top(_ kind: ListPage.Kind, sort: ListPage.Sort = .count) -> ListEntry? {
            (try? engine.list(kind, sort: sort, offset: 0, limit: 8))?.entries.first { !$0.name.isEmpty && $0.name != "unknown" }
        }
        if let entry = top(.developers) { developer = entry.name }
        if let entry = top(.users) { user = entry.name }
        if let entry = top(.genres) { genre = entry.name }
        if let entry = top(.years, sort: .secondary) { year = entry.name }
        if let entry = top(.games, sort: .secondary), entry.id < engine.catalog.itemIds.count {
            game = String(engine.catalog.itemIds[entry.id])
        }
    }

    /// The example for a question's argument (by its registry name).
    func value(forArgument argument: String) -> String {
        switch argument {
        case "developer": return developer
        case "user_id": return user
        case "genre": return genre
        case "year": return year
        case "from": return year + "-01-01"
        case "to": return year + "-12-31"
        default: return game
        }
    }

    /// Example values for each path parameter of a route, in path order.
    func values(for route: Route) -> [String] {
        switch route.target {
        case .question(let question, _, let order):
            var values = Array(repeating: "", count: route.pathParameters.count)
            for (argument, slot) in zip(question.arguments, order) { values[slot] = value(forArgument: argument) }
            return values
        case .list:
            return route.pathParameters.map { _ in game }
        case .index, .openAPI, .health, .metrics:
            return []
        }
    }

    /// The route's path with examples filled in and percent-encoded.
    func path(for route: Route) -> String {
        var values = values(for: route).makeIterator()
        let parts = route.segments.map { segment -> String in
            switch segment {
            case .literal(let text): return Self.encode(text)
            case .parameter: return Self.encode(values.next() ?? "")
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
