import ArgumentParser
import Foundation
import SteamLensOutput
import StreamingCatalog
import StreamingSample

/// `steamlens eval ratings`: the streaming score models on a seeded split (docs/models.md, "Streaming").
struct EvalRatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "Streaming: RMSE/MAE against the mean and bias baselines, HR@10/NDCG@10 against popularity, the \"> 4\" decision."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Seed of the held-out split and of training.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Seed the ratings were generated with, to compare the models with the generator's truth.")
    var generatorSeed: UInt64 = 42

    @Option(name: .long, help: "The \"will like\" threshold whose precision and recall are measured.")
    var threshold: Double = 4

    func run() throws {
        let catalogue = try dataOptions.openStreamingCatalogue()
        guard let ratings = catalogue.ratings, ratings.count > 0 else {
            throw CLIFailure.noResult("the catalogue has no ratings to evaluate; make some with `steamlens sample-streaming --ratings-for DIR --out DIR`.")
        }
        let start = Date()
        let truth = RatingsGenerator.truth(behind: ratings, titles: catalogue.titles, seed: generatorSeed)
        let expected: ((Int, Int) -> Double)? = truth.map { found in { v, t in found.truth.expectedScore(viewer: found.viewerIndex[v], title: t) } }
        var settings = BiasedMF.Settings()
        settings.seed = seed
        let report = RatingsEvaluation.run(ratings, groups: catalogue.groups, seed: seed, threshold: threshold, settings: settings, expected: expected)
        print(report.formatted, terminator: "")
        print(truth == nil ? "· the ratings are not the generator's with seed \(generatorSeed) (or were edited): no truth to compare with"
                           : "· the ratings match the generator with seed \(generatorSeed): 'vs truth' is each model's RMSE against its noiseless scores")
        print(String(format: "evaluated in %.1f s", Date().timeIntervalSince(start)))
    }
}
