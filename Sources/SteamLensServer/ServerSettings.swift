/// How `steamlens serve` runs: where it listens, who may call it, and the
/// limits that keep it answering under load and hostile input.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// When set, every route but `/health` needs `Authorization: Bearer TOKEN`.
    public var token: String?
    /// Allows a non-loopback address without a token.
    public var allowPublic = false
    /// When set, answers carry `Access-Control-Allow-Origin` for this origin (or `*`).
    public var corsOrigin: String?
    /// Seconds an answer may take before the request gets 503 `timeout`.
    public var requestTimeout = 10.0
    /// Requests answered at once; more get 503 `overloaded`.
    public var maxConcurrentRequests = 512
    /// Open connections at once; more wait in the listen backlog.
    public var maxConnections = 10_240
    /// Seconds before an idle connection (no bytes either way) is closed.
    public var idleTimeout = 30.0
    /// Longest request target (path and query) in bytes; longer is 414.
    public var maxTargetBytes = 8 * 1024
    /// Largest request header block in bytes; larger is 431.
    public var maxHeaderBytes = 16 * 1024
    /// Bytes of answers kept for repeated requests.
    public var cacheBytes = 64 * 1024 * 1024
    /// Serve `/metrics` (Prometheus text format).
    public var metrics = true
    /// Write one access-log line per request.
    public var accessLog = true

    public init() {}

    /// Why these settings must not run, or nil: a non-loopback address
    /// needs a token or an explicit `--public`.
    public var refusal: String? {
        if let token, token.isEmpty { return "--token must not be empty." }
        if let corsOrigin, corsOrigin.isEmpty { return "--cors must name an origin (or *)." }
        if !Self.isLoopback(host) && token == nil && !allowPublic {
            return "Refusing to listen on \(host), which is not a loopback address, without --token TOKEN (or --public to serve anyone)."
        }
        return nil
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" || lower == "[::1]" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
