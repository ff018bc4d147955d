import Foundation
import OpenAPIKit30

/// The OpenAPI 3.0 document of the server, built from the same `RouteTable`
/// the server answers from, so the two cannot drift apart.
enum OpenAPIDocument {
    static func json(for table: RouteTable, settings: ServerSettings, examples: Examples? = nil) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = make(table, settings: settings, examples: examples ?? Examples(dataSets: table.dataSets))
        return ((try? encoder.encode(document)).map(Array.init) ?? Array("{}".utf8)) + [UInt8(ascii: "\n")]
    }

    static func make(_ table: RouteTable, settings: ServerSettings, examples: Examples) -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        for route in table.routes {
            let operation = OpenAPI.Operation(
                tags: [tag(route)],
                summary: route.summary,
                description: route.aliasOf.map { "Drop-in alias of `\($0)` for the original notebooks; same body." },
                operationId: route.operationId,
                parameters: parameters(route, examples: examples).map { .parameter($0) },
                responses: responses(route, settings: settings),
                // /health answers without the token (load balancers probe it).
                security: isHealth(route) && settings.token != nil ? [] : nil
            )
            paths[OpenAPI.Path(rawValue: route.template)] = .b(OpenAPI.PathItem(get: operation))
        }
        return OpenAPI.Document(
            info: .init(title: "SteamLens", description: "Every question of `steamlens query` as a GET route (docs/api.md).",
                        version: "1"),
            servers: [],
            paths: paths,
            // The problem schema is one component that every error response refers to.
            components: OpenAPI.Components(
                schemas: ["Problem": problemSchema],
                securitySchemes: settings.token == nil ? [:] : [
                    "bearer": .http(scheme: "bearer", description: "The token given to `steamlens serve --token`."),
                ]),
            security: settings.token == nil ? [] : [[.component(named: "bearer"): []]]
        )
    }

    private static func isHealth(_ route: Route) -> Bool {
        if case .health = route.target { return true }
        return false
    }

    private static func tag(_ route: Route) -> String {
        switch route.target {
        case .question(_, let dataSet, _): return route.aliasOf == nil ? dataSet : "aliases"
        case .list(_, let dataSet): return dataSet + " lists"
        case .index, .openAPI, .health, .metrics: return "service"
        }
    }

    private static func parameters(_ route: Route, examples: Examples) -> [OpenAPI.Parameter] {
        var result: [OpenAPI.Parameter] = []
        let values = examples.values(for: route)
        for (index, name) in route.pathParameters.enumerated() {
            let example = index < values.count ? values[index] : nil
            result.append(OpenAPI.Parameter(
                name: name, context: .path,
                schema: .string(minLength: 1, maxLength: RouteLimits.maxArgumentLength, pattern: route.pathFormats[index].pattern,
                                example: example.map { AnyCodable($0) }),
                description: Self.describe(route.pathFormats[index])))
        }
        for parameter in route.queryParameters {
            let schema: JSONSchema
            switch parameter.kind {
            case .choice(let choices, let fallback):
                schema = .string(required: false, allowedValues: choices.map { AnyCodable($0) }, defaultValue: AnyCodable(fallback))
            case .integer(let minimum, let maximum, let fallback):
                schema = .integer(required: false, maximum: (maximum, exclusive: false), minimum: (minimum, exclusive: false),
                                  defaultValue: AnyCodable(fallback))
            case .boolean(let fallback):
                schema = .boolean(required: false, defaultValue: AnyCodable(fallback))
            case .scope(let names):
                schema = .string(required: false, maxLength: RouteLimits.maxArgumentLength, pattern: ArgumentFormat.scopePattern(names: names))
            case .score(let fallback):
                schema = .string(required: false, pattern: ArgumentFormat.score.pattern, defaultValue: AnyCodable(fallback))
            }
            result.append(OpenAPI.Parameter(name: parameter.name, context: .query(required: false), schema: schema,
                                            description: parameter.summary))
        }
        return result
    }

    private static func describe(_ format: ArgumentFormat) -> String {
        switch format {
        case .year: return "A year (1900–2100) or \"unknown\"."
        case .date: return "A day, month or year: YYYY-MM-DD, YYYY-MM or YYYY."
        case .name: return "A name or id, not blank; matched ignoring case, accents, spaces and &amp;."
        case .game: return "An id or a title, not blank (an all-digit id runs from 1 to 2147483647)."
        case .oneOf(let words): return "One of: \(words.joined(separator: ", ")) (any letter case)."
        case .score: return "A score from 0 to 5, at most six decimals."
        }
    }

    private static func responses(_ route: Route, settings: ServerSettings) -> OpenAPI.Response.Map {
        var map: OpenAPI.Response.Map = [:]
        let problemContent: OpenAPI.Content.Map = [problemType: .init(schema: .reference(.component(named: "Problem")))]
        func problem(_ description: String) -> Either<JSONReference<OpenAPI.Response>, OpenAPI.Response> {
            .response(description: description, content: problemContent)
        }
        switch route.target {
        case .question, .list:
            map[.status(code: 200)] = .response(description: "The answer: the body of `steamlens query … --format json` (or csv).",
                                                content: [.json: .init(schema: .fragment), .csv: .init(schema: .string)])
            map[.status(code: 400)] = problem("A bad parameter or argument (code bad_parameter, unknown_parameter, bad_argument, bad_encoding).")
            map[.status(code: 404)] = problem("An unknown name (unknown_name, with suggestions), no answer (no_result) or route (unknown_route).")
            map[.status(code: 503)] = problem("Not ready, overloaded, timed out or data unavailable (not_ready, overloaded, timeout, bad_data).")
        case .index:
            map[.status(code: 200)] = .response(description: "The routes as an HTML page.", content: [.html: .init(schema: .string)])
        case .openAPI:
            map[.status(code: 200)] = .response(description: "This document.", content: [.json: .init(schema: .object)])
        case .metrics:
            map[.status(code: 200)] = .response(description: "Prometheus text format.", content: [.txt: .init(schema: .string)])
        case .health:
            map[.status(code: 200)] = .response(description: "The store is loaded.", content: [.json: .init(schema: .object)])
            map[.status(code: 503)] = problem("The store is loading (not_ready) or could not be loaded (bad_data).")
        }
        if case .health = route.target {} else {
            map[.status(code: 400)] = map[.status(code: 400)] ?? problem("Bad encoding or parameter (bad_encoding, unknown_parameter).")
            map[.status(code: 404)] = map[.status(code: 404)] ?? problem("No such route (unknown_route).")
        }
        if settings.token != nil {
            map[.status(code: 401)] = problem("A missing or wrong bearer token (unauthorized).")
        }
        map[.status(code: 414)] = problem("The request target is too long (uri_too_long).")
        map[.status(code: 431)] = problem("The request headers are too large (headers_too_large).")
        return map
    }

    static let problemType = OpenAPI.ContentType(rawValue: "application/problem+json")!

    /// RFC 9457 problem details with SteamLens' stable `code`.
    static let problemSchema = JSONSchema.object(
        properties: [
            "type": .string,
            "title": .string,
            "status": .integer,
            "detail": .string,
            "code": .string,
            "parameter": .string(required: false),
            "suggestions": .array(required: false, items: .string),
        ]
    )
}

/// Limits on path arguments, shared by the parser and the document.
enum RouteLimits {
    /// Longer names than any in the data; longer arguments are a 400.
    static let maxArgumentLength = 512
}
