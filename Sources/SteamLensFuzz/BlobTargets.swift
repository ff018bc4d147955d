import Foundation
@testable import SteamLensData
@testable import SteamLensEngine

/// Targets for the blobs a store keeps: decoders must reject damage, and
/// whatever they accept must be safe to query.
enum BlobTargets {
    static func decodeSnapshot(_ bytes: [UInt8]) {
        let baseline = Baseline.shared
        guard let catalog = try? CatalogSnapshot.decode(bytes, reviewTexts: baseline.reviewTexts) else { return }
        // Accepted: the engine and every query must still run without trapping.
        _ = Baseline.answers(Engine(catalog: catalog, models: TrainedRecommenders(blobs: baseline.blobs).flatMap { $0.fits(catalog) ? $0 : nil }))
    }

    /// The first byte picks the blob to replace, the rest is its new content.
    static func decodeModels(_ bytes: [UInt8]) {
        let baseline = Baseline.shared
        let names = [DerivedModels.sentimentBlob] + TrainedRecommenders.Blob.all
        guard let first = bytes.first else { return }
        let name = names[Int(first) % names.count]
        let content = Array(bytes.dropFirst())
        if name == DerivedModels.sentimentBlob {
            guard let model = try? SentimentModel(serialized: content) else { return }
            for probability in model.probabilities(baseline.reviewTexts + ["", "great game", String(repeating: "bad ", count: 50)]) {
                fuzzCheck(probability.isNaN || (0...1).contains(probability), "sentiment probability \(probability)")
            }
            return
        }
        var blobs = baseline.blobs
        blobs[name] = content
        // The loader's own gate: models that do not fit the catalogue are never served.
        guard let models = TrainedRecommenders(blobs: blobs), models.fits(baseline.catalog) else { return }
        _ = Baseline.answers(Engine(catalog: baseline.catalog, models: models))
    }
}
