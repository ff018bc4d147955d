import Foundation
import SteamLensData
@testable import StreamingCatalog

/// The streaming store of the bundled sample (Data/streaming, with ratings)
/// with the input applied as patches (as `store`: 4-byte patches, a 24-bit
/// offset modulo the file's size and the byte), not resealed, so the
/// header and block checksums must catch it. It is loaded with every column
/// checked as it is mapped (a start would stop at first touch with exit 2,
/// which would end the run). The oracle: the load throws (where a start
/// rebuilds) or every question answers as the undamaged store does.
enum StreamingStoreTarget {
    struct Baseline {
        let bytes: [UInt8]
        let fingerprint: String
        let answers: [String]
    }

    static let baseline: Baseline = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/streaming").path
        let cache = NSTemporaryDirectory() + "steamlens-fuzz-streaming-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let engine = StreamingStore.open(folder: folder, cacheFolder: cache)
        let path = StreamingStore.path(folder: folder, cacheFolder: cache)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            fatalError("steamlens-fuzz: the streaming sample's store was not written at \(path)")
        }
        let fingerprint = StreamingStore.fingerprint(folder: folder)
        return Baseline(bytes: [UInt8](bytes), fingerprint: fingerprint, answers: answers(engine, questions: questions(engine)))
    }()

    static func open(patches: [UInt8]) {
        let baseline = Self.baseline
        let (bytes, used) = StoreTarget.apply(patches, to: baseline.bytes)
        let path = NSTemporaryDirectory() + "steamlens-fuzz-\(getpid()).store"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("steamlens-fuzz: cannot write \(path)")
        }
        guard let engine = try? StreamingStore.load(path: path, fingerprint: baseline.fingerprint, verifyEveryColumn: true) else {
            fuzzCheck(used > 0, "the undamaged streaming store was not read")
            return
        }
        let answers = answers(engine, questions: questions(engine))
        for (position, (expected, actual)) in zip(baseline.answers, answers).enumerated() where expected != actual {
            fuzzCheck(false, "question \(position) after patches \(patches.prefix(used)): \(actual), expected \(expected)")
        }
    }

    /// Every question once, with arguments from the data: the first and last
    /// titles and viewers, a platform, a year, a word.
    static func questions(_ engine: StreamingEngine) -> [(StreamingQuery, [String])] {
        let titles = engine.titles
        let viewers = engine.catalogue.ratings?.viewers ?? []
        func value(_ name: String) -> String {
            switch name {
            case "platform": return "netflix"
            case "word": return "love"
            case "score": return "3.5"
            case "year": return "2019"
            case "unit": return "min"
            case "rating": return titles.lazy.compactMap(\.rating).first ?? "unknown"
            case "type": return "movie"
            case "country": return "United States"
            case "title id or name": return titles.last?.id ?? "x"
            case "viewer": return viewers.last ?? "nobody"
            default: return "x"
            }
        }
        return StreamingQueries.all.map { ($0, $0.arguments.map(value)) }
    }

    /// Each answer's JSON (sorted keys), or its error.
    static func answers(_ engine: StreamingEngine, questions: [(StreamingQuery, [String])]) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return questions.map { query, arguments in
            do {
                let result = try query(engine, arguments, .standard, StreamingQueryOptions())
                return query.name + " " + String(decoding: try encoder.encode(result), as: UTF8.self)
            } catch {
                return query.name + " error: \(error)"
            }
        }
    }
}
