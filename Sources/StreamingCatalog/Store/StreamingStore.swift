import Foundation
import SteamLensData

/// The streaming data set's store: the cleaned catalogue, the ratings and
/// every trained model in one `ColumnFile` in the cache folder, so later
/// starts skip the CSVs and the training (docs/streaming-store.md).
///
/// A later start maps the file: the titles (23 k), the report and the
/// clusters are decoded at open, their blocks verified then; the ratings'
/// two views, the similar-titles index and the score models stay mapped and
/// are verified block by block as queries first read them. A file whose
/// version or fingerprint differ is stale; one whose checksums or values fail
/// at open is damaged. Either is rebuilt, never trusted. A block that fails
/// later, mid-query, stops the process as for Steam (`ColumnFile.removeAndExit`).
public enum StreamingStore {
    /// 3: a mapped column file (2 was one checksummed payload read whole);
    /// 4: each title's score sum stored (`ratings.titleHalfSums`);
    /// 5: the cast and countries interned (`cast.*`, `countries.*`);
    /// 6: their entry counts derived from the ids, no longer stored.
    public static let formatVersion = 6
    /// Bumped when a cleaning rule or a model changes what a store holds
    /// (2: the factorisation trained 15 epochs, two viewers in turn).
    public static let contentVersion = 2
    /// The magic of format 2 and before, told apart so such a file reads as stale.
    static let payloadMagic = Array("SLSTREAM".utf8)

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case stale(String)
        case damaged(String)

        public var description: String {
            switch self {
            case .stale(let why): return "the streaming store is out of date (\(why))"
            case .damaged(let why): return "the streaming store is damaged (\(why))"
            }
        }
    }

    /// What the store of `folder` depends on: the folder's real path, each
    /// source file's name, size and modification time, and the versions.
    public static func fingerprint(folder: String) -> String {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) ?? folder
        let canonical = URL(fileURLWithPath: real).standardizedFileURL.resolvingSymlinksInPath().path
        var parts = ["format=\(formatVersion)", "content=\(contentVersion)", "folder=\(canonical)"]
        for name in Platform.allCases.flatMap(\.fileNames) + StreamingLoader.ratingsFileNames {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            parts.append("\(name):\(size):\(Int(time * 1_000_000))")
        }
        return parts.joined(separator: ";")
    }

    /// The store file of `folder` in `cacheFolder`, named after its real path.
    public static func path(folder: String, cacheFolder: String) -> String {
        let canonical = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return cacheFolder + "/streaming-" + SourceFingerprint.shortHash(canonical) + ".store"
    }

    /// Opens the engine of `folder`: from its store when the store is
    /// current and sound, else from the CSVs with every model trained, then
    /// saved (unless a file could not be read: such a store is never written).
    /// `onMessage` hears why the store was rebuilt or could not be saved.
    public static func open(folder: String, cacheFolder: String, onMessage: (String) -> Void = { _ in }) -> StreamingEngine {
        let storePath = path(folder: folder, cacheFolder: cacheFolder)
        let print = fingerprint(folder: folder)
        if FileManager.default.fileExists(atPath: storePath) {
            do {
                return try load(path: storePath, fingerprint: print)
            } catch {
                onMessage("steamlens: \(error); rebuilding it from \(folder)")
            }
        } else {
            onMessage("steamlens: building the streaming store from \(folder) (the catalogue and the models; later starts read the store)")
        }
        let catalogue = StreamingLoader.load(folder: folder)
        let engine = StreamingEngine.trained(catalogue)
        guard !catalogue.report.hasProblems else { return engine }
        // Files that changed while they were read must not be stored under the new fingerprint.
        guard fingerprint(folder: folder) == print else {
            onMessage("steamlens: the data changed while it was read; not storing it")
            return engine
        }
        do {
            try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
            try save(engine, fingerprint: print, to: storePath)
        } catch {
            onMessage("steamlens: the streaming store could not be saved to \(storePath) (\(error)); the next start reads the CSVs again")
        }
        return engine
    }

    /// Writes the engine's columns beside `path` and renames them into place,
    /// so a reader sees the old store or the new one, whole.
    public static func save(_ engine: StreamingEngine, fingerprint: String, to path: String) throws {
        guard let models = engine.models else { throw Problem.damaged("an engine without trained models is not stored") }
        var out = ColumnFileWriter()
        out.add("meta.fingerprint", text: fingerprint)
        CatalogueColumns.write(engine.catalogue, into: &out)
        if let ratings = engine.catalogue.ratings { RatingsColumns.write(ratings, into: &out) }
        ModelColumns.write(models, into: &out)
        try out.write(to: path)
    }

    /// The engine of the store at `path`, mapped. Throws `Problem` when the
    /// store is stale or what a start reads at open is damaged; `onDamage` is
    /// what a block that fails at first touch does later. `verifyEveryColumn`
    /// checks every column in full as it is mapped, so damage always throws
    /// (the fuzzer, which must not exit).
    public static func load(path: String, fingerprint: String, verifyEveryColumn: Bool = false,
                            onDamage: @escaping @Sendable (_ path: String, _ message: String) -> Never = ColumnFile.removeAndExit) throws -> StreamingEngine {
        if hasPayloadMagic(path) { throw Problem.stale("format 2 or older, this build reads \(formatVersion)") }
        do {
            let file = try ColumnFile(path: path, verifyEveryColumn: verifyEveryColumn, onDamage: onDamage)
            guard try file.text("meta.fingerprint") == fingerprint else { throw Problem.stale("the source files changed") }
            let stored = try CatalogueColumns.read(file)
            let ratings = try RatingsColumns.read(file, titleCount: stored.titles.count)
            let models = try ModelColumns.read(file, titleCount: stored.titles.count, ratings: ratings)
            let catalogue = TitleCatalogue(titles: stored.titles, ratings: ratings, report: stored.report, names: stored.names, groups: stored.groups,
                                           facts: stored.facts)
            return StreamingEngine(catalogue: catalogue, models: models)
        } catch let problem as Problem {
            throw problem
        } catch ColumnFile.OpenError.stale(_, let reason) {
            throw Problem.stale(reason)
        } catch ColumnFile.OpenError.damaged(_, let reason) {
            throw Problem.damaged(reason)
        } catch {
            throw Problem.damaged("\(error)")
        }
    }

    /// True when the file starts as a store of format 2 or before did.
    static func hasPayloadMagic(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: payloadMagic.count)).map { Array($0) == payloadMagic } ?? false
    }
}
