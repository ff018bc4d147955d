import Foundation
@testable import SteamLensData
@testable import SteamLensEngine

/// Targets for what a store keeps besides its tables: the column file and
/// the sentiment model blob. Decoders must reject damage, and whatever they
/// accept must be safe to query.
enum BlobTargets {
    /// The bytes as a column file, its checksums recomputed (random damage
    /// would otherwise never get past them): opened with every column checked
    /// in full as it is mapped (checksums and index values, which a start
    /// checks at first touch), then mapped into an engine whose queries must all run.
    static func openColumns(_ bytes: [UInt8]) {
        let path = NSTemporaryDirectory() + "steamlens-fuzz-\(getpid()).columns"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(ColumnFile.resealed(bytes) ?? bytes)),
              let file = try? ColumnFile(path: path, verifyEveryColumn: true),
              let columns = try? CatalogColumns(file: file) else { return }
        let catalog = Catalog(columns)
        guard let indexes = try? EngineIndexes(file: file, catalog: catalog),
              let models = try? TrainedRecommenders(file: file, catalog: catalog) else { return }
        _ = Baseline.answers(Engine(catalog: catalog, indexes: indexes, models: models))
    }

    /// The bytes as the sentiment model blob.
    static func decodeModel(_ bytes: [UInt8]) {
        guard let model = try? SentimentModel(serialized: bytes) else { return }
        for probability in model.probabilities(Baseline.shared.reviewTexts + ["", "great game", String(repeating: "bad ", count: 50)]) {
            fuzzCheck(probability.isNaN || (0...1).contains(probability), "sentiment probability \(probability)")
        }
    }
}
