import ArgumentParser
import Foundation
import SteamLensEngine

struct EvalSentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "80/20 split of the de-duplicated reviews: accuracy, macro-F1 and ROC AUC against `recommend`, with baselines."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Seed of the split and of training.")
    var seed: UInt64 = 42

    func run() throws {
        let engine = try dataOptions.openEngine().engine
        print(engine.evaluateSentiment(seed: seed), terminator: "")
    }
}
