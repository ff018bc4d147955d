import ArgumentParser
import Foundation
import SteamLensOutput

/// `steamlens bench serve`: throughput, latency and memory of `steamlens
/// serve` under wrk on loopback, over a mix of every question (not a test;
/// docs/performance.md records the figures).
struct BenchServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Load the HTTP API with wrk (apt install wrk) and print requests/s, latency percentiles and memory."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Requests to send in total (RSS is sampled as they go).")
    var requests = 1_000_000

    // 32 keep both cores busy; at 64 the tail is only waiting in line (p99 6 ms for the same throughput).
    @Option(name: .long, help: "Open connections.")
    var connections = 32

    @Option(name: .long, help: "wrk threads.")
    var threads = 2

    func validate() throws {
        guard requests > 0, connections > 0, threads > 0, threads <= connections else {
            throw ValidationError("--requests, --connections and --threads must be positive, with no more threads than connections.")
        }
    }

    func run() throws {
        guard let wrk = Self.which("wrk") else {
            throw CLIFailure(message: "wrk is not installed (apt-get install wrk).", code: 1)
        }
        let folder = NSTemporaryDirectory() + "steamlens-bench-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // The server is a child process, as users run it.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var arguments = ["serve", "--port", "0", "--no-access-log", "--data", dataOptions.resolvedData]
        if let cache = dataOptions.cache { arguments += ["--cache", cache] }
        server.arguments = arguments
        let serverErrors = Pipe()
        server.standardError = serverErrors
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let base = try Self.waitForListening(serverErrors, server: server, line: "steamlens: listening on ")
        try Self.waitForHealth(base)
        let paths = try Self.questionMix(base)
        print("steamlens bench serve: \(paths.count) routes in the mix, \(connections) connections, \(threads) wrk threads, \(base)")
        let script = folder + "/mix.lua"
        try Self.luaScript(paths).write(toFile: script, atomically: true, encoding: .utf8)

        // Warm up (fills the answer cache and the allocator), then measure in rounds until `requests`.
        _ = try Self.runWrk(wrk, base: base, script: script, seconds: 5, threads: threads, connections: connections)
        let startRSS = Self.rssMB(server.processIdentifier)
        var total = 0
        var rounds: [WrkResult] = []
        var samples = [startRSS]
        while total < requests {
            let round = try Self.runWrk(wrk, base: base, script: script, seconds: 10, threads: threads, connections: connections)
            rounds.append(round)
            total += round.requests
            samples.append(Self.rssMB(server.processIdentifier))
            print(String(format: "  round %d: %.0f req/s, p99 %.2f ms, %d errors, RSS %.1f MB", rounds.count, round.perSecond,
                         round.p99Milliseconds, round.errors, samples.last!))
        }
        let seconds = rounds.reduce(0) { $0 + $1.seconds }
        let errors = rounds.reduce(0) { $0 + $1.errors }
        let worstP99 = rounds.map(\.p99Milliseconds).max() ?? 0
        let medianP50 = rounds.map(\.p50Milliseconds).sorted()[rounds.count / 2]
        let drift = (samples.max()! - samples.min()!) / max(samples.first!, 1) * 100
        print(String(format: """
            steamlens serve, %d requests in %.0f s:
              throughput   %.0f requests/s (target ≥ 20,000)
              latency      p50 %.2f ms, worst round p99 %.2f ms (target p99 ≤ 5 ms)
              errors       %d (non-2xx or socket; target 0)
              RSS          %.1f MB after warm-up, %.1f–%.1f MB over the run: %.1f %% spread (target ±10 %%)
            """, total, seconds, Double(total) / seconds, medianP50, worstP99, errors, startRSS,
                         samples.min()!, samples.max()!, drift))
        try compareWithFastAPI(wrk, base: base, mix: paths, folder: folder)
    }

    /// The same load on one endpoint of the kind of server the notebooks
    /// called, FastAPI + pandas (scripts/api/fastapi_baseline.py), beside
    /// `steamlens serve` on that endpoint, when a Python with both is there.
    func compareWithFastAPI(_ wrk: String, base: String, mix: [String], folder: String) throws {
        guard let endpoint = mix.first(where: { $0.hasPrefix("/developer/") }) else { return }
        guard let python = Self.baselinePython() else {
            print("FastAPI + pandas: not measured (no Python with fastapi, pandas and uvicorn; "
                + "`scripts/install-deps.sh --baseline` adds them to the test venv).")
            return
        }
        let baseline = Process()
        baseline.executableURL = URL(fileURLWithPath: python)
        baseline.arguments = [Self.baselineScript, dataOptions.resolvedData, "0"]
        let errors = Pipe()
        baseline.standardError = errors
        baseline.standardOutput = FileHandle.nullDevice
        try baseline.run()
        defer { if baseline.isRunning { baseline.terminate(); baseline.waitUntilExit() } }
        let baselineBase = try Self.waitForListening(errors, server: baseline, line: "fastapi_baseline: listening on ")
        let script = folder + "/one.lua"
        try Self.luaScript([endpoint]).write(toFile: script, atomically: true, encoding: .utf8)
        print("one endpoint, \(endpoint), \(connections) connections, 10 s each after 3 s of warm-up:")
        for (name, url, pid) in [("steamlens serve", base, Int32(0)), ("FastAPI + pandas", baselineBase, baseline.processIdentifier)] {
            _ = try Self.runWrk(wrk, base: url, script: script, seconds: 3, threads: threads, connections: connections)
            let round = try Self.runWrk(wrk, base: url, script: script, seconds: 10, threads: threads, connections: connections)
            let rss = pid == 0 ? "" : String(format: ", RSS %.1f MB", Self.rssMB(pid))
            print(String(format: "  %-17@ %8.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%@", name as NSString, round.perSecond,
                         round.p50Milliseconds, round.p99Milliseconds, round.errors, rss as NSString))
        }
    }

    /// This checkout's baseline server (a bench tool: it runs from a checkout).
    static let baselineScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/api/fastapi_baseline.py").path

    /// $STEAMLENS_BASELINE_PYTHON, the test venv's Python or python3, whichever imports fastapi, pandas and uvicorn.
    static func baselinePython() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        let venv = environment["STEAMLENS_PYENV"] ?? (cache + "/steamlens/pyenv")
        let candidates = [environment["STEAMLENS_BASELINE_PYTHON"], venv + "/bin/python", which("python3")].compactMap { $0 }
        return candidates.first { python in
            FileManager.default.isExecutableFile(atPath: python)
                && ((try? capture(python, ["-c", "import fastapi, pandas, uvicorn; print('ok')"])) ?? "").contains("ok")
        }
    }

    struct WrkResult {
        var requests: Int
        var seconds: Double
        var errors: Int
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var perSecond: Double { Double(requests) / seconds }
    }

    static func runWrk(_ wrk: String, base: String, script: String, seconds: Int, threads: Int, connections: Int) throws -> WrkResult {
        let output = try capture(wrk, ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script, base])
        // A label starts its line ("    99%   4.10ms"); "50%" also ends Stdev columns ("75.50%").
        func number(after label: String) -> Double? {
            guard let line = output.split(separator: "\n").first(where: { $0.drop { $0 == " " }.hasPrefix(label) }),
                  let range = line.range(of: label) else { return nil }
            let rest = line[range.upperBound...].drop { $0 == " " }
            let token = rest.prefix { !$0.isWhitespace && $0 != "," }
            return Self.milliseconds(String(token)) ?? Double(token)
        }
        // "1234567 requests in 10.00s, …"
        let summary = output.split(separator: "\n").first { $0.contains(" requests in ") } ?? ""
        let parts = summary.split(separator: " ")
        let count = Int(parts.first ?? "0") ?? 0
        let elapsed = Double(parts.count > 3 ? parts[3].trimmingCharacters(in: CharacterSet(charactersIn: "s,")) : "0") ?? Double(seconds)
        var errors = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        if let line = output.split(separator: "\n").first(where: { $0.contains("Socket errors:") }) {
            errors += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
        }
        return WrkResult(requests: count, seconds: elapsed, errors: errors,
                         p50Milliseconds: number(after: "50%") ?? .nan, p99Milliseconds: number(after: "99%") ?? .nan)
    }

    /// wrk prints "812.00us", "1.20ms", "2.01s".
    static func milliseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)) { return value * scale }
        }
        return nil
    }

    /// Every question route and alias of /openapi.json, with its documented example arguments.
    static func questionMix(_ base: String) throws -> [String] {
        // Foundation on Linux reads only file URLs; curl is there (install-deps.sh).
        let data = Data(try capture(which("curl") ?? "/usr/bin/curl", ["-sf", base + "/openapi.json"]).utf8)
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { throw CLIFailure(message: "no OpenAPI document", code: 2) }
        var mix: [String] = []
        for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
            guard let get = item["get"] as? [String: Any], let tags = get["tags"] as? [String],
                  !tags.contains("service") else { continue }
            var path = template
            for parameter in get["parameters"] as? [[String: Any]] ?? [] where parameter["in"] as? String == "path" {
                guard let name = parameter["name"] as? String, let example = (parameter["schema"] as? [String: Any])?["example"] as? String
                else { continue }
                let encoded = example.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? example
                path = path.replacingOccurrences(of: "{\(name)}", with: encoded)
            }
            if tags.contains(where: { $0.hasSuffix(" lists") }) { path += "?limit=20" }
            mix.append(path)
        }
        return mix
    }

    static func luaScript(_ paths: [String]) -> String {
        let list = paths.map { "\"\($0)\"" }.joined(separator: ",\n  ")
        return """
            -- Cycles through every question route; each wrk thread starts at another place.
            local paths = {
              \(list)
            }
            local counter = 0
            function init(args) counter = math.random(#paths) end
            function request()
              counter = counter % #paths + 1
              return wrk.format("GET", paths[counter])
            end

            """
    }

    /// The URL the server prints after `line` (its own line: Hummingbird logs
    /// "listening on HOST:PORT" first, without a scheme).
    static func waitForListening(_ pipe: Pipe, server: Process, line: String) throws -> String {
        var seen = ""
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty && !server.isRunning { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: line), let end = seen[range.upperBound...].firstIndex(of: "\n") {
                let url = String(seen[range.upperBound..<end])
                // Keep draining the server's stderr so it never blocks on a full pipe.
                pipe.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                return url.hasSuffix("/") ? String(url.dropLast()) : url
            }
        }
        throw CLIFailure(message: "the server did not start: \(seen)", code: 2)
    }

    static func waitForHealth(_ base: String) throws {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            if let output = try? capture("/usr/bin/curl", ["-sf", base + "/health"]), output.contains("ready") { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw CLIFailure(message: "the server never became ready", code: 2)
    }

    static func rssMB(_ pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (Double(line.split(separator: " ")[1]) ?? 0) / 1024
    }

    static func which(_ tool: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func capture(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
