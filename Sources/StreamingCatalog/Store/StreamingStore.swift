import Foundation
import SteamLensData

/// The streaming data set's store: the cleaned catalogue, the ratings and
/// every trained model in one versioned, checksummed file in the cache
/// folder, so later starts skip the CSVs and the training
/// (docs/store.md, "The streaming store").
///
/// Layout: the magic `SLSTREAM`, the format version, the fingerprint of the
/// source files, the CRC-32 of the payload, then the payload (`BinaryWriter`
/// columns). A file whose magic, version or fingerprint differ is stale; one
/// whose checksum or decoding fails is damaged. Either is rebuilt, never trusted.
public enum StreamingStore {
    public static let formatVersion = 2
    /// Bumped when a cleaning rule or a model changes what a store holds.
    public static let contentVersion = 1
    static let magic = Array("SLSTREAM".utf8)

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

    public static func save(_ engine: StreamingEngine, fingerprint: String, to path: String) throws {
        var payload = BinaryWriter()
        encode(engine, into: &payload)
        var header = BinaryWriter()
        header.write(magic)
        header.write(formatVersion)
        header.write(fingerprint)
        header.write(Int(StoreChecksum.of(payload.bytes)))
        // Written aside and renamed, so a reader never sees half a store;
        // header and payload go out separately so the payload is never copied.
        let temporary = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw Problem.damaged("cannot create \(temporary)")
        }
        do {
            try handle.write(contentsOf: header.bytes)
            try handle.write(contentsOf: payload.bytes)
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw Problem.damaged("cannot move the new store into place: \(reason)")
        }
    }

    /// The bytes of the header before the payload (magic, version, fingerprint, checksum).
    static func headerLength(fingerprint: String) -> Int { 8 + magic.count + 8 + 8 + fingerprint.utf8.count + 8 }

    public static func load(path: String, fingerprint: String) throws -> StreamingEngine {
        let bytes = try readFile(path)
        var reader = BinaryReader(bytes)
        do {
            guard try reader.readArray(of: UInt8.self) == magic else { throw Problem.stale("not a streaming store") }
            let version = try reader.readInt()
            guard version == formatVersion else { throw Problem.stale("format \(version), this build reads \(formatVersion)") }
            guard try reader.readString() == fingerprint else { throw Problem.stale("the source files changed") }
            let checksum = try reader.readInt()
            let start = headerLength(fingerprint: fingerprint)
            let actual = bytes.withUnsafeBytes { Int(StoreChecksum.of(UnsafeRawBufferPointer(rebasing: $0[start...]))) }
            guard checksum == actual else { throw Problem.damaged("checksum does not match") }
            let engine = try decode(&reader)
            guard reader.isAtEnd else { throw Problem.damaged("bytes after the models") }
            return engine
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem.damaged("\(error)")
        }
    }

    /// The whole file in one array, read without a `Data` in between.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw Problem.damaged("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Problem.damaged("\(path) is not a regular file") }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = fread(buffer.baseAddress, 1, size, file)
        }
        guard bytes.count == size else { throw Problem.damaged("\(path) was cut short while read") }
        return bytes
    }

    // MARK: Encoding

    private static let separator = "\u{1F}"  // never in a cleaned field: control characters are removed

    static func encode(_ engine: StreamingEngine, into w: inout BinaryWriter) {
        let titles = engine.titles
        w.write(titles.map(\.id))
        w.write(titles.map { $0.platform.rawValue })
        w.write(titles.map { $0.type.rawValue })
        w.write(titles.map(\.name))
        w.write(titles.map { $0.directors.joined(separator: separator) })
        w.write(titles.map { $0.cast.joined(separator: separator) })
        w.write(titles.map { $0.countries.joined(separator: separator) })
        w.write(titles.map { $0.genres.joined(separator: separator) })
        w.write(titles.map(\.description))
        w.write(titles.map { $0.rating ?? separator })
        w.write(titles.map { Int32($0.releaseYear ?? -1) })
        w.write(titles.map { $0.dateAdded.map { Int32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? -1 })
        w.write(titles.map { Int32($0.duration?.value ?? -1) })
        w.write(titles.map { $0.duration?.unit == .seasons ? UInt8(1) : UInt8(0) })
        w.write(String(decoding: (try? JSONEncoder().encode(engine.catalogue.report)) ?? Data(), as: UTF8.self))
        let ratings = engine.catalogue.ratings
        w.write(ratings == nil ? 0 : 1)
        if let r = ratings {
            w.write(r.viewers); w.write(r.titleCount)
            w.write(r.viewerOffsets); w.write(r.viewerTitles); w.write(r.viewerHalves)
            w.write(r.titleOffsets); w.write(r.titleViewers); w.write(r.titleHalves)
        }
        let models = engine.models!
        let vectors = models.similar.vectors
        w.write(models.similar.tokenCount)
        w.write(vectors.map { Int32($0.count) })
        w.write(vectors.flatMap { $0.map(\.token) })
        w.write(vectors.flatMap { $0.map(\.weight) })
        let c = models.clusters
        w.write(c.k); w.write(c.assignment); w.write(c.sweep.map(\.k)); w.write(c.sweep.map(\.inertia)); w.write(c.sweep.map(\.silhouette))
        w.write(c.featureNames); w.write(c.centroids)
        if let b = models.baseline, let mf = models.factorisation {
            w.write(1)
            w.write(b.globalMean); w.write(b.viewerBias); w.write(b.titleBias)
            w.write(mf.factors); w.write(Double(mf.globalMean)); w.write(mf.viewerBias); w.write(mf.titleBias)
            w.write(mf.viewerFactors); w.write(mf.titleFactors)
        } else {
            w.write(0)
        }
    }

    static func decode(_ r: inout BinaryReader) throws -> StreamingEngine {
        let ids = try r.readStrings(), platforms = try r.readStrings(), types = try r.readStrings(), names = try r.readStrings()
        let directors = try r.readStrings(), cast = try r.readStrings(), countries = try r.readStrings(), genres = try r.readStrings()
        let descriptions = try r.readStrings(), ratingsText = try r.readStrings()
        let years = try r.readArray(of: Int32.self), added = try r.readArray(of: Int32.self)
        let durations = try r.readArray(of: Int32.self), units = try r.readArray(of: UInt8.self)
        let n = ids.count
        guard [platforms.count, types.count, names.count, directors.count, cast.count, countries.count, genres.count, descriptions.count,
               ratingsText.count, years.count, added.count, durations.count, units.count].allSatisfy({ $0 == n }) else {
            throw Problem.damaged("title columns of different lengths")
        }
        func list(_ text: String) -> [String] { text.isEmpty ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        var titles: [Title] = []
        titles.reserveCapacity(n)
        for i in 0..<n {
            guard let platform = Platform(rawValue: platforms[i]), let type = TitleType(rawValue: types[i]) else {
                throw Problem.damaged("title \(i) has an unknown platform or type")
            }
            let day = Int(added[i])
            titles.append(Title(
                id: ids[i], platform: platform, type: type, name: names[i], directors: list(directors[i]), cast: list(cast[i]),
                countries: list(countries[i]), dateAdded: day < 0 ? nil : CalendarDay(year: day / 10_000, month: day / 100 % 100, day: day % 100),
                releaseYear: years[i] < 0 ? nil : Int(years[i]), rating: ratingsText[i] == separator ? nil : ratingsText[i],
                duration: durations[i] < 0 ? nil : Duration(value: Int(durations[i]), unit: units[i] == 1 ? .seasons : .minutes),
                genres: list(genres[i]), description: descriptions[i]))
        }
        let report = try JSONDecoder().decode(LoadReport.self, from: Data(try r.readString().utf8))
        var ratings: Ratings? = nil
        if try r.readInt() == 1 {
            let viewers = try r.readStrings(), titleCount = try r.readInt()
            let vo = try r.readArray(of: Int.self), vt = try r.readArray(of: Int32.self), vh = try r.readArray(of: UInt8.self)
            let to = try r.readArray(of: Int.self), tv = try r.readArray(of: Int32.self), th = try r.readArray(of: UInt8.self)
            guard titleCount == n, vo.count == viewers.count + 1, to.count == n + 1, vo.last == vt.count, to.last == tv.count,
                  vt.count == vh.count, tv.count == th.count, vt.count == tv.count,
                  vt.allSatisfy({ $0 >= 0 && Int($0) < n }), tv.allSatisfy({ $0 >= 0 && Int($0) < viewers.count }),
                  zip(vo, vo.dropFirst()).allSatisfy({ $0 <= $1 }), zip(to, to.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw Problem.damaged("the ratings' offsets do not fit their rows")
            }
            ratings = Ratings(viewers: viewers, titleCount: titleCount, viewerOffsets: vo, viewerTitles: vt, viewerHalves: vh,
                              titleOffsets: to, titleViewers: tv, titleHalves: th)
        }
        let tokenCount = try r.readInt()
        let lengths = try r.readArray(of: Int32.self), tokens = try r.readArray(of: Int32.self), weights = try r.readArray(of: Float.self)
        guard lengths.count == n, tokens.count == weights.count, lengths.reduce(0, { $0 + Int($1) }) == tokens.count,
              tokens.allSatisfy({ $0 >= 0 && Int($0) < tokenCount }) else { throw Problem.damaged("the similar-titles vectors do not fit") }
        var vectors: [[(token: Int32, weight: Float)]] = []
        var start = 0
        for length in lengths {
            vectors.append((start..<(start + Int(length))).map { (tokens[$0], weights[$0]) })
            start += Int(length)
        }
        let k = try r.readInt(), assignment = try r.readArray(of: Int32.self)
        let ks = try r.readArray(of: Int.self), inertias = try r.readArray(of: Double.self), silhouettes = try r.readArray(of: Double.self)
        let featureNames = try r.readStrings(), centroids = try r.readArray(of: Double.self)
        guard assignment.count == n, assignment.allSatisfy({ $0 >= 0 && Int($0) < max(1, k) }), ks.count == inertias.count,
              ks.count == silhouettes.count, centroids.count == k * featureNames.count || n == 0 else {
            throw Problem.damaged("the clusters do not fit the titles")
        }
        let clusters = TitleClusters(assignment: assignment, k: k, sweep: (0..<ks.count).map { (ks[$0], inertias[$0], silhouettes[$0]) },
                                     featureNames: featureNames, centroids: centroids)
        var baseline: BiasBaseline? = nil, mf: BiasedMF? = nil
        if try r.readInt() == 1 {
            let mean = try r.readDouble(), bu = try r.readArray(of: Double.self), bt = try r.readArray(of: Double.self)
            let factors = try r.readInt(), mu = try r.readDouble()
            let mbu = try r.readArray(of: Float.self), mbt = try r.readArray(of: Float.self)
            let p = try r.readArray(of: Float.self), q = try r.readArray(of: Float.self)
            let viewers = ratings?.viewers.count ?? -1
            guard bu.count == viewers, mbu.count == viewers, bt.count == n, mbt.count == n, p.count == viewers * factors, q.count == n * factors else {
                throw Problem.damaged("the score models do not fit the ratings")
            }
            baseline = BiasBaseline(globalMean: mean, viewerBias: bu, titleBias: bt)
            mf = BiasedMF(factors: factors, globalMean: Float(mu), viewerBias: mbu, titleBias: mbt, viewerFactors: p, titleFactors: q)
        }
        let catalogue = TitleCatalogue(titles: titles, ratings: ratings, report: report)
        let models = StreamingModels(similar: SimilarTitles(vectors: vectors, tokenCount: tokenCount), clusters: clusters, baseline: baseline,
                                     pearson: ratings.map(PearsonViewers.init), factorisation: mf)
        return StreamingEngine(catalogue: catalogue, models: models)
    }
}
