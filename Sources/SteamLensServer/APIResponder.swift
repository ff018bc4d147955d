import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SteamLensEngine

/// Answers every request of `steamlens serve`: checks the request's size,
/// token and encoding, finds its route in the generated `RouteTable`, and
/// answers from the shared engine (through a bounded cache, a cap on
/// requests in flight and a deadline). Every failure is a problem-details
/// answer with a stable code; nothing thrown escapes to Hummingbird.
public struct APIResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let table: RouteTable
    let state: EngineState
    let settings: ServerSettings
    let cache: AnswerCache
    let inFlight: InFlight
    let metrics: ServerMetrics?
    let logger: Logger
    private let documents: Documents

    public init(state: EngineState, settings: ServerSettings, dataSets: [APIDataSet] = [.steam], logger: Logger) {
        table = RouteTable(dataSets: dataSets, metrics: settings.metrics)
        self.state = state
        self.settings = settings
        cache = AnswerCache(budget: settings.cacheBytes)
        inFlight = InFlight(limit: settings.maxConcurrentRequests)
        metrics = settings.metrics ? ServerMetrics() : nil
        self.logger = logger
        documents = Documents()
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        var route: Route?
        var response: Response
        do throws(Problem) {
            response = try await answer(request, route: &route)
        } catch {
            response = Self.response(for: error)
        }
        if let origin = settings.corsOrigin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = "X-Total-Count, SteamLens-Definitions, Retry-After"
            if origin != "*" { response.headers[.vary] = "Origin" }
        }
        if request.method == .head {
            response = response.createHeadResponse()
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics?.record(route: route?.template ?? "unmatched", status: response.status.code, seconds: seconds)
        if settings.accessLog {
            logger.info("request", metadata: [
                "method": .string(request.method.rawValue),
                "target": .string(Sanitize.forMessage(request.uri.string, limit: 300)),
                "route": .string(route?.template ?? "-"),
                "status": .stringConvertible(response.status.code),
                "bytes": .stringConvertible(response.body.contentLength ?? 0),
                "ms": .string(String(format: "%.3f", seconds * 1000)),
            ])
        }
        return response
    }

    /// The route and response for a request, or the problem that stops it.
    private func answer(_ request: Request, route matched: inout Route?) async throws(Problem) -> Response {
        let target = request.uri.string
        if target.utf8.count > settings.maxTargetBytes {
            throw Problem.uriTooLong(target.utf8.count, limit: settings.maxTargetBytes)
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > settings.maxHeaderBytes {
            throw Problem.headersTooLarge(headerBytes, limit: settings.maxHeaderBytes)
        }
        let decoded = try RequestTarget.parse(target)
        guard let (route, values) = table.match(decoded.segments) else {
            try authorize(request)  // do not tell strangers which routes exist
            throw Problem.unknownRoute("/" + decoded.segments.joined(separator: "/"), suggestions: table.suggestions(for: decoded.segments))
        }
        matched = route
        // A browser's preflight never carries the token, so it is answered first.
        if request.method == .options, settings.corsOrigin != nil {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD, OPTIONS"
            headers[.accessControlAllowMethods] = "GET, HEAD, OPTIONS"
            headers[.accessControlAllowHeaders] = "Authorization"
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        if case .health = route.target {} else { try authorize(request) }
        for (index, value) in values.enumerated() where !route.pathFormats[index].accepts(value) {
            let name = route.pathParameters[index]
            let detail: String
            switch route.pathFormats[index] {
            case .name, .game:
                if !ArgumentFormat.isWithinLength(value) {
                    detail = "\(name) is longer than \(RouteLimits.maxArgumentLength) characters."
                } else if ArgumentFormat.isBlank(value) {
                    detail = "\(name) is blank."
                } else {
                    detail = "\(name) \"\(Sanitize.forMessage(value))\" is not an app id (ids run from 1 to \(Int32.max))."
                }
            case .oneOf(let words): detail = "\(name) must be one of \(words.joined(separator: ", ")), not \"\(Sanitize.forMessage(value))\"."
            case .score: detail = "\(name) must be a score from 0 to 5 (at most six decimals), not \"\(Sanitize.forMessage(value))\"."
            case .year: detail = "\(name) must be a year from 1900 to 2100 or \"unknown\", not \"\(Sanitize.forMessage(value))\"."
            case .date: detail = "\(name) must be YYYY-MM-DD, YYYY-MM or YYYY, not \"\(Sanitize.forMessage(value))\"."
            }
            throw Problem(status: 400, code: "bad_argument", title: "Bad argument", detail: detail, parameter: name)
        }
        switch request.method {
        case .get, .head:
            break
        default:
            throw Problem.methodNotAllowed(request.method.rawValue, allow: settings.corsOrigin == nil ? "GET, HEAD" : "GET, HEAD, OPTIONS")
        }
        let query = try QueryValues(decoded.query, accepted: route.queryParameters)
        switch route.target {
        case .index:
            return Self.response(200, "text/html; charset=utf-8", documents.get(self).index)
        case .openAPI:
            return Self.response(200, "application/json; charset=utf-8", documents.get(self).openAPI)
        case .metrics:
            return Self.response(200, "text/plain; version=0.0.4; charset=utf-8", metrics?.text() ?? [])
        case .health:
            return try health()
        case .question, .list:
            let answer = try await answerFromEngine(route, values: values, query: query)
            var headers = HTTPFields()
            for (name, value) in answer.headers { if let name = HTTPField.Name(name) { headers[name] = value } }
            return Self.response(200, answer.contentType, answer.body, headers: headers)
        }
    }

    private func answerFromEngine(_ route: Route, values: [String], query: QueryValues) async throws(Problem) -> Answer {
        let engines: LoadedEngines
        switch state.phase {
        case .loading: throw Problem.notReady
        case .failed(let failure): throw Problem(failure)
        case .ready(let ready): engines = ready
        }
        // An alias shares its v1 route's answers: the key holds the question's
        // arguments in the question's order, whatever order the path has them in.
        var arguments = values
        if case .question(_, _, let order) = route.target { arguments = order.map { values[$0] } }
        let cacheKey = (route.aliasOf ?? route.template) + "\u{1}" + arguments.joined(separator: "\u{1}") + "\u{1}" + query.key
        guard inFlight.tryAcquire() else { throw Problem.overloaded }
        if let hit = cache.get(cacheKey) {
            inFlight.release()
            return hit
        }
        let inFlight = self.inFlight
        let answer = try await Deadline.run(seconds: settings.requestTimeout, onFinish: { inFlight.release() }) { () throws(Problem) -> Answer in
            try Answer.compute(route, values: values, query: query, engines: engines)
        }
        cache.put(cacheKey, answer)
        return answer
    }

    private func health() throws(Problem) -> Response {
        switch state.phase {
        case .loading:
            throw Problem.notReady
        case .failed(let failure):
            throw Problem(failure)
        case .ready(let engines):
            // Keys sorted, as every JSON body: each data set's figures, then the status.
            var figures: [(String, String)] = [("status", "\"ready\"")]
            for dataSet in table.dataSets {
                guard let engine = engines.byDataSet[dataSet.id] else { continue }
                let counts = dataSet.health(engine).map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
                figures.append((dataSet.id, "{\(counts)}"))
            }
            let body = "{" + figures.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
            return Self.response(200, "application/json; charset=utf-8", Array(body.utf8))
        }
    }

    /// The index page and OpenAPI document, with examples from the data once it is loaded.
    final class Documents: @unchecked Sendable {
        private let lock = NSLock()
        private var ready: (index: [UInt8], openAPI: [UInt8])?

        func get(_ responder: APIResponder) -> (index: [UInt8], openAPI: [UInt8]) {
            lock.lock()
            defer { lock.unlock() }
            if let ready { return ready }
            var examples = Examples(dataSets: responder.table.dataSets)
            var loaded = false
            if case .ready(let engines) = responder.state.phase {
                examples = Examples(engines, dataSets: responder.table.dataSets)
                loaded = true
            }
            let built = (Array(IndexPage.html(for: responder.table, examples: examples).utf8),
                         OpenAPIDocument.json(for: responder.table, settings: responder.settings, examples: examples))
            if loaded { ready = built }
            return built
        }
    }

    /// Checks the bearer token, in time independent of where it differs.
    private func authorize(_ request: Request) throws(Problem) {
        guard let token = settings.token else { return }
        // The scheme is case-insensitive (RFC 9110); the token is not.
        var given = request.headers[.authorization] ?? ""
        if given.prefix(7).lowercased() == "bearer " { given = "Bearer " + given.dropFirst(7) }
        let expected = Array(("Bearer " + token).utf8)
        let actual = Array(given.utf8)
        var difference = UInt8(expected.count == actual.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < actual.count ? actual[index] : 0)
        }
        if difference != 0 { throw Problem.unauthorized }
    }

    static func response(_ status: Int, _ contentType: String, _ body: [UInt8], headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        var buffer = ByteBuffer()
        buffer.writeBytes(body)
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    static func response(for problem: Problem) -> Response {
        var headers = HTTPFields()
        for (name, value) in problem.headers { if let name = HTTPField.Name(name) { headers[name] = value } }
        if problem.status == 414 || problem.status == 431 { headers[.connection] = "close" }
        return response(problem.status, "application/problem+json", Array(problem.body), headers: headers)
    }
}
