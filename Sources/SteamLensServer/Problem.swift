import Foundation
import SteamLensOutput

/// An error answer as RFC 9457 problem details (`application/problem+json`).
///
/// Every problem has a stable `code` (documented in docs/api.md) that
/// clients can switch on; `detail` is a sentence for people. A 500 never
/// carries the underlying error: that goes to the log only.
///
/// ```json
/// {"code":"unknown_name","detail":"No developer named \"valv\". Did you mean: \"Valve\"?",
///  "status":404,"suggestions":["Valve"],"title":"No such name","type":"urn:steamlens:problem:unknown_name"}
/// ```
public struct Problem: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var title: String
    public var detail: String
    /// The path or query parameter at fault, when there is one.
    public var parameter: String?
    /// Did-you-mean candidates (names or routes).
    public var suggestions: [String]?
    /// Extra response headers (`Allow`, `Retry-After`, `WWW-Authenticate`).
    public var headers: [(String, String)] = []

    public init(status: Int, code: String, title: String, detail: String, parameter: String? = nil,
                suggestions: [String]? = nil, headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.parameter = parameter
        self.suggestions = suggestions
        self.headers = headers
    }

    public static func == (a: Problem, b: Problem) -> Bool {
        a.status == b.status && a.code == b.code && a.title == b.title && a.detail == b.detail
            && a.parameter == b.parameter && a.suggestions == b.suggestions
            && a.headers.map { $0.0 + ":" + $0.1 } == b.headers.map { $0.0 + ":" + $0.1 }
    }

    /// The JSON body; keys sorted so bodies are stable.
    public var body: Data {
        struct Body: Encodable {
            var type: String
            var title: String
            var status: Int
            var detail: String
            var code: String
            var parameter: String?
            var suggestions: [String]?
        }
        let body = Body(type: "urn:steamlens:problem:" + code, title: title, status: status, detail: detail,
                        code: code, parameter: parameter, suggestions: suggestions)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(body)) ?? Data(#"{"code":"internal","status":500}"#.utf8)) + Data("\n".utf8)
    }
}

extension Problem {
    /// An engine or data error, classified once in `SteamLensOutput`. For a
    /// bad argument of a one-argument question the argument is the parameter.
    init(_ failure: Failure, parameter: String? = nil) {
        switch failure.kind {
        case .internalError:
            self = .internalError
        case .badData:
            self.init(status: 503, code: failure.kind.rawValue, title: failure.kind.title,
                      detail: "The data is not available: \(failure.message)", headers: [("Retry-After", "30")])
        case .unknownName:
            self.init(status: failure.kind.httpStatus, code: failure.kind.rawValue, title: failure.kind.title,
                      detail: failure.message, parameter: parameter, suggestions: failure.suggestions)
        case .badArgument:
            self.init(status: failure.kind.httpStatus, code: failure.kind.rawValue, title: failure.kind.title,
                      detail: failure.message, parameter: parameter)
        case .noResult:
            self.init(status: failure.kind.httpStatus, code: failure.kind.rawValue, title: failure.kind.title,
                      detail: failure.message)
        }
    }

    static let internalError = Problem(status: 500, code: "internal", title: "Internal error",
                                       detail: "The server could not answer this request; the error is in its log.")

    static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(status: 400, code: "bad_parameter", title: "Bad parameter", detail: detail, parameter: name)
    }

    static func unknownParameter(_ name: String, allowed: [String]) -> Problem {
        let list = allowed.isEmpty ? "This route takes no query parameters." : "This route takes: " + allowed.joined(separator: ", ") + "."
        return Problem(status: 400, code: "unknown_parameter", title: "Unknown parameter",
                       detail: "Unknown query parameter \"\(Sanitize.forMessage(name))\". \(list)",
                       parameter: Sanitize.forMessage(name), suggestions: allowed.isEmpty ? nil : allowed)
    }

    static func badEncoding(_ detail: String, parameter: String? = nil) -> Problem {
        Problem(status: 400, code: "bad_encoding", title: "Bad encoding", detail: detail, parameter: parameter)
    }

    static func unknownRoute(_ path: String, suggestions: [String]) -> Problem {
        let hint = suggestions.isEmpty ? " See / or /openapi.json for the routes." : " Did you mean: " + suggestions.joined(separator: ", ") + "?"
        return Problem(status: 404, code: "unknown_route", title: "No such route",
                       detail: "No route \(Sanitize.forMessage(path)).\(hint)", suggestions: suggestions)
    }

    static func methodNotAllowed(_ method: String, allow: String) -> Problem {
        Problem(status: 405, code: "method_not_allowed", title: "Method not allowed",
                detail: "\(Sanitize.forMessage(method)) is not allowed here; use \(allow).", headers: [("Allow", allow)])
    }

    static func uriTooLong(_ length: Int, limit: Int) -> Problem {
        Problem(status: 414, code: "uri_too_long", title: "URI too long",
                detail: "The request target is \(length) bytes; the limit is \(limit).")
    }

    static func headersTooLarge(_ size: Int, limit: Int) -> Problem {
        Problem(status: 431, code: "headers_too_large", title: "Request header fields too large",
                detail: "The request headers are \(size) bytes; the limit is \(limit).")
    }

    static let unauthorized = Problem(status: 401, code: "unauthorized", title: "Unauthorized",
                                      detail: "This server needs a bearer token: send Authorization: Bearer TOKEN.",
                                      headers: [("WWW-Authenticate", "Bearer realm=\"steamlens\"")])

    static let notReady = Problem(status: 503, code: "not_ready", title: "Not ready",
                                  detail: "The store is still loading; try again in a moment.", headers: [("Retry-After", "1")])

    static let overloaded = Problem(status: 503, code: "overloaded", title: "Overloaded",
                                    detail: "Too many requests in flight; try again in a moment.", headers: [("Retry-After", "1")])

    static func timeout(seconds: Double) -> Problem {
        Problem(status: 503, code: "timeout", title: "Timed out",
                detail: "The answer took longer than \(seconds) s.", headers: [("Retry-After", "1")])
    }
}

/// Makes client-supplied text safe to echo in a message: control and
/// escape characters become `\u{…}`, and very long text is cut.
enum Sanitize {
    static func forMessage(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
