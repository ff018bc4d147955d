import SteamLensEngine

/// Every route of the server, generated from the data sets, with matching
/// and did-you-mean for paths that match none.
public struct RouteTable: Sendable {
    public let routes: [Route]
    public let dataSets: [APIDataSet]
    /// Route indexes by number of path segments: a lookup tries only routes of the right length.
    private let bySegmentCount: [Int: [Int]]
    private let names: NameIndex
    private let nameRoutes: [Int]

    public init(dataSets: [APIDataSet], metrics: Bool) {
        var routes = [
            Route(template: "/", target: .index, operationId: "index", summary: "this list of routes, with a try-it link each"),
            Route(template: "/openapi.json", target: .openAPI, operationId: "openapi", summary: "the OpenAPI 3.0 document of these routes"),
            Route(template: "/health", target: .health, operationId: "health", summary: "200 once the store is loaded, 503 before"),
        ]
        if metrics {
            routes.append(Route(template: "/metrics", target: .metrics, operationId: "metrics", summary: "request counts and latencies (Prometheus text format)"))
        }
        for dataSet in dataSets { routes += dataSet.routes }
        self.routes = routes
        self.dataSets = dataSets
        var bySegmentCount: [Int: [Int]] = [:]
        for (index, route) in routes.enumerated() { bySegmentCount[route.segments.count, default: []].append(index) }
        self.bySegmentCount = bySegmentCount
        // Did-you-mean works on each route's literal prefix ("v1/steam/developer", "UserForGenre").
        var seen = Set<String>()
        var prefixes: [String] = []
        var nameRoutes: [Int] = []
        for (index, route) in routes.enumerated() where !route.literalPrefix.isEmpty && seen.insert(route.literalPrefix).inserted {
            prefixes.append(route.literalPrefix)
            nameRoutes.append(index)
        }
        names = NameIndex(names: prefixes)
        self.nameRoutes = nameRoutes
    }

    /// The route matching decoded path segments and its parameter values.
    public func match(_ segments: [String]) -> (route: Route, values: [String])? {
        for index in bySegmentCount[segments.count] ?? [] {
            if let values = routes[index].match(segments) { return (routes[index], values) }
        }
        return nil
    }

    /// The templates of up to three routes closest to a path that matched none.
    public func suggestions(for segments: [String]) -> [String] {
        // Compare the path's leading segments with each route's literal prefix.
        var candidates: [String] = []
        for take in stride(from: min(segments.count, 3), through: 1, by: -1) {
            let prefix = segments.prefix(take).joined(separator: "/")
            for found in names.suggestions(for: prefix, limit: 3) {
                let template = routes[nameRoutes[Int(found)]].template
                if !candidates.contains(template) { candidates.append(template) }
            }
            if !candidates.isEmpty { break }
        }
        return Array(candidates.prefix(3))
    }
}
