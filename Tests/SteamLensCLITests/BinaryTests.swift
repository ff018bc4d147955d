import XCTest
@testable import SteamLensData
import SteamLensTestSupport

/// Runs the built `steamlens` binary (beside the test bundle) the way a
/// person does: from another folder, as an installed copy, on hostile data.
/// Skipped with a message when the binary has not been built.
final class BinaryTests: XCTestCase {
    private var binary: String!

    override func setUpWithError() throws {
        guard let built = Self.builtBinary else {
            throw XCTSkip("no built steamlens beside the test bundle; run `swift build -c release` first")
        }
        binary = built
    }

    /// `query recommend_user` for the busiest user of the bundled sample, with its cache in `cwd`.
    private func recommendUserArguments(in cwd: String) throws -> [String] {
        let users = try Self.run(binary, ["query", "users", "--limit", "1", "--format", "csv", "--cache", cwd + "/cache"], in: cwd)
        XCTAssertEqual(users.status, 0, users.stderr)
        let user = try XCTUnwrap(users.stdout.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        return ["query", "recommend_user", user, "--cache", cwd + "/cache"]
    }

    /// The one column file of the store in `cache`.
    private func columnFile(in cache: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        return cache + "/" + (try XCTUnwrap(names.first { $0.hasSuffix(".columns") }, "\(names)"))
    }

    func testTheMainCommandFindsTheBundledSampleFromAnyFolder() throws {
        let cwd = Fixture.temporaryFolder()
        let run = try Self.run(binary, ["query", "developers", "--limit", "3", "--cache", cwd + "/cache"], in: cwd)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("Developers (1–3 of ") == true, run.stdout)
        XCTAssertEqual(lines.count, 1 + 2 + 3 + 1, "title, header, rule, three rows, definitions: \(run.stdout)")
    }

    func testACopiedBinaryFindsTheSampleInstalledBesideIt() throws {
        // A 40-user sample in PREFIX/share/steamlens/Data tells it apart from the repository's 3000-user one.
        let prefix = Fixture.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: prefix) }  // the copy is ~30 MB
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: prefix + "/bin/steamlens")
        let sample = try Self.run(binary, ["sample", "--out", prefix + "/share/steamlens/Data", "--users", "40", "--sample-names"], in: prefix)
        XCTAssertEqual(sample.status, 0, sample.stderr)
        let run = try Self.run(prefix + "/bin/steamlens", ["query", "users", "--format", "csv", "--cache", prefix + "/cache"],
                               in: Fixture.temporaryFolder())
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 1 + 40, "header and the installed sample's 40 users")
    }

    func testHostileNamesNeverReachTheTerminalButPipedCSVKeepsThem() throws {
        let data = try HostileFixture.folder()
        let cache = Fixture.temporaryFolder()
        let common = ["--data", data, "--cache", cache]
        let table = try Self.run(binary, ["query", "developers"] + common)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(HostileFixture.isTerminalSafe(table.stdout), table.stdout.debugDescription)
        XCTAssertTrue(table.stdout.contains("Evil Corp Studio"), table.stdout)

        let csv = try Self.run(binary, ["query", "developers", "--format", "csv"] + common)
        XCTAssertTrue(csv.stdout.contains(HostileFixture.developer), "CSV to a pipe is faithful: \(csv.stdout.debugDescription)")

        let unknown = try Self.run(binary, ["query", "developer", "Evil"] + common)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(HostileFixture.isTerminalSafe(unknown.stderr), unknown.stderr.debugDescription)
        XCTAssertTrue(unknown.stderr.contains("Did you mean: \"Evil Corp\nStudio\"?"), unknown.stderr)

        let etl = try Self.run(binary, ["etl"] + common)
        XCTAssertTrue(HostileFixture.isTerminalSafe(etl.stdout), etl.stdout.debugDescription)
        XCTAssertTrue(HostileFixture.isTerminalSafe(etl.stderr), etl.stderr.debugDescription)
        XCTAssertEqual(etl.status, 0, etl.stderr)
        XCTAssertTrue(etl.stdout.contains("e.g. steam_games.json:5: \"Soon..\""), "the report quotes the date, sanitized: \(etl.stdout)")
    }

    /// A damaged block the start does not read is caught when a query first
    /// touches it: the answer is never printed, the column file is removed
    /// with a message, and the next run rebuilds and answers as before.
    func testADamagedBlockFirstTouchedByAQueryStopsAndTheNextRunRebuilds() throws {
        let cwd = Fixture.temporaryFolder()
        let arguments = ["query", "games", "--limit", "3", "--cache", cwd + "/cache"]
        let first = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(first.status, 0, first.stderr)
        let columns = try columnFile(in: cwd + "/cache")
        let titles = try XCTUnwrap(try ColumnFile(path: columns).byteRange(of: "catalog.titles.bytes"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: columns)))
        bytes[titles.lowerBound + min(titles.count, 65_536) / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: columns))

        let damaged = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(damaged.status, 2, damaged.stdout)
        XCTAssertEqual(damaged.stdout, "", "nothing is answered from damaged bytes")
        XCTAssertTrue(damaged.stderr.contains("is damaged (checksum of column 'catalog.titles.bytes' block 0 does not match); it was removed"),
                      damaged.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: columns))

        let rebuilt = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(rebuilt.stdout, first.stdout)
        XCTAssertTrue(rebuilt.stderr.contains("Rebuilding the store: there is no column file at \(columns)"), rebuilt.stderr)
    }

    /// A column file whose checksums match but whose library rows point past
    /// the items (a writer bug, or bytes made to fool the checksums) is damage
    /// too: the query that first reads them stops with a message instead of
    /// trapping, and the next run rebuilds.
    func testIndexValuesPastTheirTableStopAQueryLikeABadChecksum() throws {
        let cwd = Fixture.temporaryFolder()
        let arguments = try recommendUserArguments(in: cwd)
        let first = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(first.status, 0, first.stderr)
        let columns = try columnFile(in: cwd + "/cache")
        let library = try XCTUnwrap(try ColumnFile(path: columns).byteRange(of: "catalog.libraryOfUser.values"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: columns)))
        // Each row is (item: Int32, minutes: Int32): make every item 0x7fff_0000.
        for row in stride(from: library.lowerBound, to: library.upperBound, by: 8) { bytes[row + 2] = 0xff; bytes[row + 3] = 0x7f }
        try Data(try XCTUnwrap(ColumnFile.resealed(bytes))).write(to: URL(fileURLWithPath: columns))
        XCTAssertNoThrow(try ColumnFile(path: columns).verifyAll(), "the checksums match")

        let damaged = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(damaged.status, 2, damaged.stdout)
        XCTAssertEqual(damaged.stdout, "", "nothing is answered from values past their table")
        XCTAssertNotNil(damaged.stderr.range(of: #"\(column 'catalog\.libraryOfUser\.values' block \d+ holds values its table cannot have\); it was removed"#,
                                              options: .regularExpression), damaged.stderr)
        let rebuilt = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(rebuilt.stdout, first.stdout)
    }

    func testTwoProcessesReadingOneStoreAtOnceAgree() throws {
        let cwd = Fixture.temporaryFolder()
        let arguments = try recommendUserArguments(in: cwd)
        let alone = try Self.run(binary, arguments, in: cwd)
        XCTAssertEqual(alone.status, 0, alone.stderr)
        final class Runs: @unchecked Sendable {
            let lock = NSLock()
            var outputs: [String] = []
        }
        let runs = Runs()
        let binary = self.binary!
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let run = try? Self.run(binary, arguments, in: cwd)
            runs.lock.withLock { runs.outputs.append(run.map { "\($0.status) \($0.stdout)" } ?? "failed to run") }
        }
        XCTAssertEqual(runs.outputs, ["0 " + alone.stdout, "0 " + alone.stdout])
    }

    func testBadArgumentsExitOneWithAMessageNamingTheArgument() throws {
        let cwd = Fixture.temporaryFolder()
        let cases: [([String], String)] = [
            (["query", "developers", "--offset", "5", "--limit", "9223372036854775806"], "--offset 5 plus --limit 9223372036854775806"),
            (["query", "reviews", ""], "reviews: <item_id or title> is empty"),
            (["query", "developer", ""], "developer: <developer> is empty"),
            (["query", "userdata", " "], "userdata: <user_id> is empty"),
            (["query", "count_reviews", "2014-02-31", "2015"], "count_reviews: <from> \"2014-02-31\" is not a date"),
            (["query", "best_developer_year", "3000"], "<year> 3000 is out of range"),
            (["query", "developers", "--format", "xml"], "'xml' is invalid for '--format"),
            (["query", "develpoer", "Valve"], "Unknown question 'develpoer'. Did you mean: developer"),
            (["query", "recommend_user", "u", "--model", "magic"], "--model 'magic' is not a model"),
        ]
        for (arguments, expected) in cases {
            // No --data and no cache: the checks run before any data is looked for.
            let run = try Self.run(binary, arguments + ["--cache", cwd + "/never-created"], in: cwd)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cwd + "/never-created"), "nothing was loaded")
    }

    // MARK: Running the binary

    /// `steamlens` in the folder of the running test bundle (`.build/<triple>/release`).
    static var builtBinary: String? {
        guard let resolved = realpath("/proc/self/exe", nil) ?? realpath(CommandLine.arguments[0], nil) else { return nil }
        defer { free(resolved) }
        let candidate = URL(fileURLWithPath: String(cString: resolved)).deletingLastPathComponent().appendingPathComponent("steamlens").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments` in `folder` (a new temporary one by
    /// default), without $STEAMLENS_DATA, capturing both streams.
    static func run(_ executable: String, _ arguments: [String], in folder: String = Fixture.temporaryFolder()) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["STEAMLENS_DATA"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread so neither pipe can fill and block the child.
        let errorData = DrainedData()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.value = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                   stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Bytes read on another thread; the semaphore orders the write before the read.
private final class DrainedData: @unchecked Sendable {
    var value = Data()
}
