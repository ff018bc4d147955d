import CKernels
import Foundation
import SteamLensData

/// Opens an engine for a data folder: from the store when it is current,
/// else by parsing the raw files, deriving the models and saving a new store.
///
/// ```swift
/// let opened = try EngineLoader(dataFolder: "Data", cacheFolder: nil).open { print($0) }
/// print(opened.engine.catalog.gameCount)
/// ```
public struct EngineLoader: Sendable {
    /// How the engine came to be, for the header line and `etl`.
    public enum Origin: Equatable, Sendable {
        case store
        case built(reason: String)
    }

    public struct Opened: Sendable {
        public var engine: Engine
        public var origin: Origin
        public var storePath: String
        /// Things the user should know, for stderr or the status line: a store
        /// rebuilt, a store that could not be saved, answers from incomplete input.
        public var warnings: [String]
        public var seconds: Double
        /// Seconds spent in each stage, in order ("read store", "index", …), for `bench`.
        public var stages: [(name: String, seconds: Double)]
        /// Why the store built by this open could not be saved; `etl` fails on it.
        public var saveFailure: String? = nil
    }

    /// A data folder the engine cannot answer anything from.
    public struct EmptyDataError: Error, CustomStringConvertible {
        public var folder: String
        public var missing: String
        public var report: LoadReport

        public var description: String {
            let problems = report.files.compactMap { file in file.problem.map { "\(file.file): \($0)" } }
            return "the data folder \(folder) yields no \(missing)"
                + (problems.isEmpty ? "" : " (" + problems.joined(separator: "; ") + ")")
        }
    }

    public let directory: DataDirectory
    public let location: StoreLocation
    /// Check every column in full as the store is mapped, so that damage
    /// anywhere rebuilds at open instead of stopping a query at first touch
    /// (the store fuzz target; a start leaves it off and pays per page).
    public var checksEveryColumnAtOpen = false

    /// Throws `DataDirectory.LocateError` when the folder or a file is missing.
    public init(dataFolder: String, cacheFolder: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        directory = try DataDirectory(folder: dataFolder)
        location = StoreLocation(cacheFolder: cacheFolder, environment: environment)
    }

    public var storePath: String { location.storePath(for: directory) }

    /// The engine's mapped columns, beside the SQLite tables (docs/store.md).
    public var columnsPath: String { Self.columnsPath(forStore: storePath) }

    static func columnsPath(forStore path: String) -> String {
        (path.hasSuffix(".sqlite") ? String(path.dropLast(".sqlite".count)) : path) + ".columns"
    }

    /// Loads from the store, rebuilding it when absent, stale, unreadable or
    /// damaged. Throws `EmptyDataError` when the files yield no games or no users.
    /// `progress` hears each phase of a rebuild as it starts and as it ends.
    public func open(forceRebuild: Bool = false, progress: (LoadProgress) -> Void = { _ in }) throws -> Opened {
        let start = DispatchTime.now()
        let path = storePath
        let fingerprint = SourceFingerprint(directory: directory, extra: Self.derivedVersions)
        var reason = "forced rebuild"
        if !forceRebuild {
            do {
                var stages = StageClock()
                let engine = try openColumns(fingerprint: fingerprint, stages: &stages)
                return Opened(engine: engine, origin: .store, storePath: path, warnings: Self.incompleteInputWarnings(engine.catalog.report),
                              seconds: elapsed(since: start), stages: stages.laps)
            } catch ColumnFile.OpenError.absent where !FileManager.default.fileExists(atPath: path) {
                reason = "first load of this data folder"
            } catch {
                reason = "\(error)"
            }
        }
        var warnings: [String] = []
        if reason != "first load of this data folder" && reason != "forced rebuild" {
            warnings.append("Rebuilding the store: \(reason).")
        }
        sl_map_large_blocks()
        var stages = StageClock()
        let phases = ["parse raw files", "build catalog", "train content neighbours", "train EASE", "train item-kNN",
                      "wait for sentiment", "save store (after training)"]
        func phase(_ name: String, done: Bool) {
            progress(LoadProgress(phase: name, step: (phases.firstIndex(of: name) ?? 0) + 1, steps: phases.count, fraction: done ? 1 : 0))
        }
        func lap(_ name: String) {
            // Each phase frees what the next does not need; without this glibc
            // keeps most of it resident in the arenas of the threads that freed it.
            sl_release_freed_memory()
            stages.lap(name)
            phase(name, done: true)
            if let next = phases.firstIndex(of: name).map({ $0 + 1 }), next < phases.count { phase(phases[next], done: false) }
        }
        phase(phases[0], done: false)
        // The sentiment model needs only the reviews: it starts training as
        // soon as their file is read, while the library file is still parsed.
        let reviews = Handoff<[Review]>()
        let derived = BackgroundWork { DerivedModels.compute(reviews.take()) }
        let dataset = withoutActuallyEscaping(progress) { progress in
            DatasetLoader.load(directory, reviewsRead: reviews.send) {
                progress(LoadProgress(phase: phases[0], step: 1, steps: phases.count, fraction: $0))
            }
        }
        lap("parse raw files")
        // Nothing useful can be answered, so nothing is saved: the next start tries the files again.
        if dataset.games.isEmpty || dataset.users.isEmpty {
            throw EmptyDataError(folder: directory.folder, missing: dataset.games.isEmpty ? "games" : "users", report: dataset.report)
        }
        warnings += Self.incompleteInputWarnings(dataset.report)
        // A file that changed, or became readable or unreadable, while it was
        // read: what was read matches neither fingerprint, so the next start must read again.
        let saved = SourceFingerprint(directory: directory, extra: Self.derivedVersions) == fingerprint
            ? fingerprint : SourceFingerprint(value: fingerprint.value + ";changed-while-read")
        let builtAt = ISO8601DateFormatter().string(from: Date())
        // Three lines of work side by side: the sentiment model (above), the
        // SQLite tables (single-threaded inserts; the reviews wait for the
        // sentiment), and the catalogue and recommenders on the cores. The
        // dataset is handed over rather than captured, so it is freed as soon
        // as the tables and the catalogue are done with it, not at the end.
        let tableRows = Handoff<Dataset>()
        let tables = BackgroundWork { [location] in
            try location.createFolder()
            try SteamStore.save(tableRows.take(), fingerprint: saved, builtAt: builtAt, to: path) { try derived.value() }
        }
        tableRows.send(dataset)
        let unrated = CatalogBuilder.build(StoreContents(dataset: consume dataset, sentiment: [], fingerprint: saved, builtAt: builtAt))
        let indexes = EngineIndexes(unrated)
        lap("build catalog")
        let models = TrainedRecommenders.train(unrated) { lap("train \($0)") }
        let catalog = unrated.withReviewSentiment(try derived.value().sentiment)
        lap("wait for sentiment")
        var saveFailure: String?
        do {
            try tables.value()
            try Self.saveColumns(catalog: catalog, indexes: indexes, models: models, storePath: path)
        } catch {
            saveFailure = "\(error)"
            warnings.append("The store could not be saved, so the next start parses again: \(error)")
        }
        lap("save store (after training)")
        stages.note("sentiment (alongside)", seconds: derived.seconds)
        stages.note("SQLite tables (alongside)", seconds: tables.seconds)
        let engine = Engine(catalog: catalog, indexes: indexes, models: models)
        return Opened(engine: engine, origin: .built(reason: reason), storePath: path, warnings: warnings,
                      seconds: elapsed(since: start), stages: stages.laps, saveFailure: saveFailure)
    }

    /// Writes the column file after the SQLite store, recording which SQLite
    /// file it belongs to: a start that finds another one (rewritten, cut,
    /// replaced, gone) rebuilds both rather than serve a mismatched pair.
    static func saveColumns(catalog: Catalog, indexes: EngineIndexes, models: TrainedRecommenders, storePath: String) throws {
        var writer = ColumnFileWriter()
        try CatalogColumns(catalog).write(into: &writer)
        indexes.write(into: &writer)
        models.write(into: &writer)
        writer.add("store.sqlite", text: sqliteIdentity(storePath))
        let path = columnsPath(forStore: storePath)
        do {
            try writer.write(to: path)
        } catch {
            throw StoreError.cannotWrite(path, reason: "\(error)")
        }
    }

    /// Size and modification time of the SQLite store, "absent" when there is none.
    static func sqliteIdentity(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "absent" }
        return "\(status.st_size)|\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    /// Versions of everything the engine derives and stores: a new model or
    /// catalog layout makes every older store stale.
    static let derivedVersions = "columns=\(ColumnFile.formatVersion);catalog=\(CatalogColumns.version);indexes=\(EngineIndexes.version);sentiment=\(SentimentModel.version);recommenders=\(TrainedRecommenders.version)"

    /// One warning per input file that could not be read to the end when the
    /// store was built. Such a store is kept (its answers cover what was
    /// read) but every answer from it says so; the file's fingerprint makes
    /// the next start rebuild once the file changes or becomes readable.
    static func incompleteInputWarnings(_ report: LoadReport) -> [String] {
        report.files.compactMap { file in
            file.problem.map { "built from incomplete input: \(file.file): \($0) — run `steamlens etl` once the file is fixed" }
        }
    }

    /// The engine mapped from the column file: the header is checked, the
    /// fingerprint and the SQLite file's identity compared, the small tables
    /// read and verified; everything else stays mapped and is verified block
    /// by block as queries first read it.
    func openColumns(fingerprint: SourceFingerprint, stages: inout StageClock) throws -> Engine {
        let file = try ColumnFile(path: columnsPath, verifyEveryColumn: checksEveryColumnAtOpen)
        guard try file.text("catalog.fingerprint") == fingerprint.value else {
            throw StoreError.stale("the data files changed since it was built")
        }
        guard try file.text("store.sqlite") == Self.sqliteIdentity(storePath) else {
            throw StoreError.stale("its tables \(storePath) were changed, replaced or removed after it was built")
        }
        stages.lap("map store")
        let catalog = Catalog(try CatalogColumns(file: file))
        stages.lap("map catalog")
        let indexes = try EngineIndexes(file: file, catalog: catalog)
        let models = try TrainedRecommenders(file: file, catalog: catalog)
        stages.lap("map indexes and models")
        return Engine(catalog: catalog, indexes: indexes, models: models)
    }

    private func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// Work started on a thread of its own; `value()` waits for it (from any
/// number of threads) and returns its result or rethrows its error.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<Value, Error>?
    private var runSeconds = 0.0

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        Thread.detachNewThread { [self] in
            let start = DispatchTime.now().uptimeNanoseconds
            result = Result(catching: work)
            runSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            done.leave()
        }
    }

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }

    /// How long the work ran (waits for it).
    var seconds: Double {
        done.wait()
        return runSeconds
    }
}

/// One value handed from the thread that makes it to threads that wait for it.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stored: Value?

    /// Hands `value` over; call it once.
    func send(_ value: Value) {
        lock.withLock { stored = value }
        ready.signal()
    }

    /// Waits for the value and takes it (one waiter): the handoff keeps no copy.
    func take() -> Value {
        ready.wait()
        return lock.withLock { stored.take()! }
    }
}

/// Times consecutive stages of a load.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// Work that ran alongside the laps, by its own duration, listed after them (the laps alone add up to the whole).
    mutating func note(_ name: String, seconds: Double) {
        laps.append((name, seconds))
    }
}

/// What the engine derives from the clean rows before they are stored:
/// the sentiment of every review, from a classifier trained on the reviews'
/// own `recommend` flags (docs/sentiment.md).
enum DerivedModels {
    static let sentimentSeed: UInt64 = 42
    static let sentimentBlob = "sentiment.model"

    static func compute(_ reviews: [Review]) -> (sentiment: [UInt8], blobs: [String: [UInt8]]) {
        let texts = reviews.map(\.text)
        guard !texts.isEmpty else { return ([], [:]) }
        let (model, probabilities) = SentimentModel.trainAndScore(texts: texts, labels: reviews.map(\.recommend), seed: sentimentSeed)
        let sentiment = zip(texts, probabilities).map { text, probability in
            UInt8(SentimentModel.isBlank(text) ? 1 : model.score(probability: probability))
        }
        return (sentiment, [sentimentBlob: model.serialized()])
    }
}
