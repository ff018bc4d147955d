import ArgumentParser
import Foundation
import SteamLensEngine

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the learned parts against baselines with a fixed, seeded protocol (docs/models.md).",
        subcommands: [EvalSentimentCommand.self, EvalRecsCommand.self, EvalRatingsCommand.self]
    )
}

struct EvalRecsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recs",
        abstract: "Leave-one-out HR@10, NDCG@10, precision@5 and coverage for every user → games model."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Seed of the held-out split.")
    var seed: UInt64 = 42

    @Option(name: .long, parsing: .upToNextOption, help: "Models to evaluate.")
    var models: [String] = ["popularity", "item-knn", "pearson-user", "ease"]

    func run() throws {
        let engine = try dataOptions.openEngine().engine
        let start = Date()
        print(engine.evaluateRecommenders(models: models, seed: seed), terminator: "")
        print(String(format: "evaluated in %.1f s", Date().timeIntervalSince(start)))
    }
}
