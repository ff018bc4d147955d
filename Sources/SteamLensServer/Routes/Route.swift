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
        case question(NamedQuery, dataSet: String, argumentOrder: [Int])
        /// A browsing list (developers, users, …), paged.
        case list(ListPage.Kind, dataSet: String)
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

    init(template: String, target: Target, operationId: String, summary: String,
         queryParameters: [QueryParameter] = [], aliasOf: String? = nil) {
        self.template = template
        self.segments = Route.parse(template)
        self.target = target
        self.operationId = operationId
        self.summary = summary
        self.queryParameters = queryParameters
        self.aliasOf = aliasOf
        var formats = Array(repeating: ArgumentFormat.name, count: segments.filter { if case .parameter = $0 { return true } else { return false } }.count)
        if case .question(let question, _, let order) = target {
            for (argument, slot) in zip(question.arguments, order) { formats[slot] = ArgumentFormat.of(argument: argument) }
        }
        pathFormats = formats
    }

    /// The names of the path parameters, in path order.
    public var pathParameters: [String] {
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
        /// Free text (a scope), optional, without a default.
        case text(maxLength: Int)
        /// A games-list scope (`ArgumentFormat.scopePattern`).
        case scope
    }

    public let name: String
    public let kind: Kind
    public let summary: String
}

/// What a path argument may look like. The server checks it before the
/// engine sees it, and the OpenAPI document states the same rule as a
/// pattern, so a schema-valid argument is never a 400 and an invalid one always is.
public enum ArgumentFormat: Sendable, Equatable {
    /// A year from 1900 to 2100, or "unknown".
    case year
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    case date
    /// A name, id or title: any text without control characters.
    case name

    /// The format of a question's argument, by its registry name.
    static func of(argument: String) -> ArgumentFormat {
        switch argument {
        case "year": return .year
        case "from", "to": return .date
        default: return .name
        }
    }

    static let yearPattern = "(19[0-9]{2}|20[0-9]{2}|2100)"

    /// The ECMA-262 pattern the OpenAPI document gives.
    var pattern: String {
        switch self {
        case .year: return "^(\(Self.yearPattern)|unknown)$"
        case .date: return "^\(Self.yearPattern)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        case .name: return RouteLimits.argumentPattern
        }
    }

    /// Whether `text` matches `pattern` (control characters are caught earlier, as bad encoding).
    func accepts(_ text: String) -> Bool {
        switch self {
        case .name:
            return !text.isEmpty && text.count <= RouteLimits.maxArgumentLength
        case .year:
            return text == "unknown" || Self.isYear(Substring(text))
        case .date:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), Self.isYear(parts[0]) else { return false }
            if parts.count > 1 { guard Self.isNumber(parts[1], in: 1...12) else { return false } }
            if parts.count > 2 { guard Self.isNumber(parts[2], in: 1...31) else { return false } }
            return true
        }
    }

    static func isYear(_ text: Substring) -> Bool {
        text.utf8.count == 4 && text.utf8.allSatisfy { (48...57).contains($0) } && (1900...2100).contains(Int(text) ?? 0)
    }

    private static func isNumber(_ text: Substring, in range: ClosedRange<Int>) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (48...57).contains($0) } && range.contains(Int(text) ?? 0)
    }

    /// A scope of the games list: developer:NAME, genre:NAME, user:ID or year:YYYY.
    static let scopePattern = "^((developer|genre|user):[^\\u0000-\\u001F\\u007F-\\u009F]+|year:(\(yearPattern)|unknown))$"

    static func acceptsScope(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let kind = text[..<colon]
        let rest = text[text.index(after: colon)...]
        switch kind {
        case "developer", "genre", "user": return !rest.isEmpty
        case "year": return rest == "unknown" || isYear(rest)
        default: return false
        }
    }
}
