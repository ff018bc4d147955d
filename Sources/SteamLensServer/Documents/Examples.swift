import SteamLensEngine

/// Example values for path parameters, taken from the loaded data (the
/// busiest developer, user, genre, year and game; the busiest viewer, …),
/// so the index page's try-it links and the OpenAPI examples answer with a 200.
struct Examples: Sendable {
    /// By data set id, then by argument name.
    private var byDataSet: [String: [String: String]] = [:]

    /// Each data set's own defaults (before anything is loaded).
    init(dataSets: [APIDataSet] = [.steam]) {
        for dataSet in dataSets { byDataSet[dataSet.id] = dataSet.examples(()) }
    }

    /// Examples from the loaded engines.
    init(_ engines: LoadedEngines, dataSets: [APIDataSet]) {
        for dataSet in dataSets { byDataSet[dataSet.id] = dataSet.examples(engines.byDataSet[dataSet.id] ?? ()) }
    }

    /// Example values for each path parameter of a route, in path order.
    func values(for route: Route) -> [String] {
        switch route.target {
        case .question(let question, let dataSet, let order):
            var values = Array(repeating: "", count: route.pathParameters.count)
            for (argument, slot) in zip(question.arguments, order) { values[slot] = byDataSet[dataSet]?[argument] ?? "" }
            return values
        case .list(let list, let dataSet):
            return list.arguments.map { byDataSet[dataSet]?[$0.name] ?? "" }
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
