import SteamLensEngine

/// One GET route of the API: a path template, what answers it, and the
/// query parameters it takes. Every route the server answers, the index
/// page, and the OpenAPI document come from one list of these
/// (`RouteTable.routes`), itself generated from the query registries.
public struct Route: Sendable {
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public enum Target: Sendable {
        /// A question of a data set; `argumentOrder[i]` is the index of the
        /// path parameter that holds the question's argument `i`.
        case question(APIQuestion, dataSet: String, argumentOrder: [Int])
        /// A browsing list (developers, users, …), paged.
        case list(APIList, dataSet: String)
        case index, openAPI, health, metrics
    }

    /// The path as OpenAPI writes it: `/v1/steam/developer/{developer}`.
    public let template: String
    public let segments: [Segment]
    public let target: Target
    public let operationId: String
    public let summary: String
    public let queryParameters: [QueryParameter]
    /// For a drop-in alias, the v1 route it stands for.
    public let aliasOf: String?
    /// The format of each path parameter, in path order.
    public let pathFormats: [ArgumentFormat]

    /// `pathFormats`: the rules of a list route's path parameters (a
    /// question's come from the question).
    init(template: String, target: Target, operationId: String, summary: String,
         queryParameters: [QueryParameter] = [], aliasOf: String? = nil, pathFormats: [ArgumentFormat] = []) {
        self.template = template
        self.segments = Route.parse(template)
        self.target = target
        self.operationId = operationId
        self.summary = summary
        self.queryParameters = queryParameters
        self.aliasOf = aliasOf
        var formats = Array(repeating: ArgumentFormat.name, count: Route.parameterNames(segments).count)
        if case .question(let question, _, let order) = target {
            for (format, slot) in zip(question.formats, order) { formats[slot] = format }
        }
        for (slot, format) in pathFormats.enumerated() where slot < formats.count { formats[slot] = format }
        self.pathFormats = formats
    }

    /// The names of the path parameters, in path order.
    public var pathParameters: [String] { Route.parameterNames(segments) }

    /// The names of the parameters among `segments`, in order.
    static func parameterNames(_ segments: [Segment]) -> [String] {
        segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
    }

    /// Whether the route answers from a data set (and so needs the engine).
    var needsEngine: Bool {
        switch target {
        case .question, .list: return true
        case .index, .openAPI, .health, .metrics: return false
        }
    }

    /// The first literal segments, for did-you-mean on unknown paths ("v1/steam/developer").
    var literalPrefix: String {
        var parts: [String] = []
        for segment in segments {
            guard case .literal(let text) = segment else { break }
            parts.append(text)
        }
        return parts.joined(separator: "/")
    }

    static func parse(_ template: String) -> [Segment] {
        guard template != "/" else { return [] }
        return template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    /// Matches decoded path segments; returns the parameter values in path order.
    func match(_ path: [String]) -> [String]? {
        guard path.count == segments.count else { return nil }
        var values: [String] = []
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
            case .parameter:
                guard !part.isEmpty else { return nil }
                values.append(part)
            }
        }
        return values
    }
}

/// A query parameter a route accepts, with its type and default, so the
/// parser, the OpenAPI document and the index page agree.
public struct QueryParameter: Sendable {
    public enum Kind: Sendable {
        case choice([String], default: String)
        case integer(minimum: Int, maximum: Int, default: Int)
        case boolean(default: Bool)
        /// A list scope: `NAME:VALUE` for one of `names`, or `year:YYYY` (`ArgumentFormat.scopePattern`).
        case scope(names: [String])
        /// A score from 0 to 5 (`ArgumentFormat.score`), given as text.
        case score(default: String)
    }

    public let name: String
    public let kind: Kind
    public let summary: String
}
