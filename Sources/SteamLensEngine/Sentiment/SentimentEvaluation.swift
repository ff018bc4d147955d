import Foundation
import SteamLensData

/// Measures the sentiment model on a held-out split, against the majority
/// class and the lexicon baseline.
///
/// ```swift
/// let report = SentimentEvaluation.run(texts: texts, labels: recommends, seed: 42)
/// print(report)
/// ```
///
/// The texts are shuffled by `seed` (SplitMix64, Fisher–Yates); the first
/// 80% train the model (which holds out its own validation slice for the
/// threshold and neutral band), the last 20% are scored once. Binary
/// decisions: the model says "recommended" at `p ≥ threshold`; the majority
/// baseline always says "recommended" (constant score, AUC 0.5); the lexicon
/// says "not recommended" only at score 0 (compound ≤ −0.05), because a
/// review without polarity words is most likely a recommendation; its AUC
/// ranks by compound.
public enum SentimentEvaluation {
    public static let testFraction = 0.2

    /// CPU time of this process so far, all threads.
    private static func processCPUSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }

    /// The train and test positions of a seeded 80/20 split of `count` items.
    public static func split(count: Int, seed: UInt64) -> (train: [Int], test: [Int]) {
        var rng = SplitMix64(seed: seed)
        let order = SentimentModel.seededPermutation(count, using: &rng)
        let testCount = Int((Double(count) * testFraction).rounded())
        return (Array(order[testCount...]).sorted(), Array(order[..<testCount]).sorted())
    }

    public static func run(texts: [String], labels: [Bool], seed: UInt64,
                           options: SentimentModel.Options = SentimentModel.Options()) -> SentimentReport {
        precondition(texts.count == labels.count, "one label per text")
        let (train, test) = split(count: texts.count, seed: seed)
        let clock = ContinuousClock()
        var model: SentimentModel!
        let cpuBefore = processCPUSeconds()
        let trainTime = clock.measure {
            model = SentimentModel.train(texts: train.map { texts[$0] }, labels: train.map { labels[$0] },
                                         seed: seed, options: options)
        }
        let testTexts = test.map { texts[$0] }, y = test.map { labels[$0] }
        var probabilities: [Double] = []
        let trainCPU = processCPUSeconds() - cpuBefore
        let scoreTime = clock.measure { probabilities = model.probabilities(testTexts) }

        let blank = testTexts.map(SentimentModel.isBlank)
        let classes = zip(probabilities, blank).map { $1 ? 1 : model.score(probability: $0) }
        let modelRow = SentimentReport.Row(
            name: "model", predicted: probabilities.map(model.isPositive), scores: probabilities, labels: y)
        let majority = SentimentReport.Row(
            name: "majority", predicted: y.map { _ in true }, scores: y.map { _ in 0 }, labels: y)
        let lexicon = LexiconSentiment()
        let compounds = testTexts.map(lexicon.compound)
        let lexiconClasses = zip(compounds, blank).map { $1 ? 1 : $0 >= 0.05 ? 2 : $0 <= -0.05 ? 0 : 1 }
        let lexiconRow = SentimentReport.Row(
            name: "lexicon", predicted: lexiconClasses.map { $0 != 0 }, scores: compounds, labels: y)

        return SentimentReport(
            seed: seed, trainCount: train.count, testCount: test.count,
            testPositiveRate: Double(y.filter { $0 }.count) / Double(max(1, y.count)),
            rows: [modelRow, majority, lexiconRow],
            threshold: model.threshold, neutralBand: model.neutralBand,
            modelDistribution: SentimentReport.distribution(classes),
            lexiconDistribution: SentimentReport.distribution(lexiconClasses),
            trainSeconds: trainTime.sentimentSeconds, trainCPUSeconds: trainCPU, scoreSeconds: scoreTime.sentimentSeconds,
            modelBytes: model.serialized().count)
    }
}

/// What `SentimentEvaluation.run` measured; `description` prints a table.
public struct SentimentReport: CustomStringConvertible, Sendable {
    public struct Row: Sendable {
        public var name: String
        public var accuracy: Double
        public var macroF1: Double
        public var auc: Double

        init(name: String, predicted: [Bool], scores: [Double], labels: [Bool]) {
            self.name = name
            accuracy = BinaryMetrics.accuracy(predicted: predicted, labels: labels)
            macroF1 = BinaryMetrics.macroF1(predicted: predicted, labels: labels)
            auc = BinaryMetrics.rocAUC(scores: scores, labels: labels)
        }
    }

    public var seed: UInt64
    public var trainCount: Int
    public var testCount: Int
    public var testPositiveRate: Double
    public var rows: [Row]
    public var threshold: Double
    public var neutralBand: ClosedRange<Double>
    /// Share of test reviews scored 0, 1, 2.
    public var modelDistribution: [Double]
    public var lexiconDistribution: [Double]
    /// Wall-clock training time, and the CPU time (both cores) it used:
    /// on a shared machine the second is the steadier figure.
    public var trainSeconds: Double
    public var trainCPUSeconds: Double
    public var scoreSeconds: Double
    public var modelBytes: Int

    static func distribution(_ classes: [Int]) -> [Double] {
        let n = Double(max(1, classes.count))
        return (0...2).map { c in Double(classes.filter { $0 == c }.count) / n }
    }

    public var description: String {
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        func pct(_ d: [Double]) -> String { d.map { String(format: "%.1f%%", $0 * 100) }.joined(separator: " / ") }
        var lines = [
            "Sentiment evaluation — seed \(seed), train \(trainCount), test \(testCount) "
                + "(\(f(testPositiveRate * 100, 1))% recommend)",
            "  " + "".padding(toLength: 10, withPad: " ", startingAt: 0) + "accuracy  macro-F1  ROC AUC",
        ]
        for row in rows {
            lines.append("  " + row.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + f(row.accuracy, 4) + "    " + f(row.macroF1, 4) + "    " + f(row.auc, 4))
        }
        lines.append("  threshold \(f(threshold)), neutral band \(f(neutralBand.lowerBound))…\(f(neutralBand.upperBound))")
        lines.append("  0/1/2 model   \(pct(modelDistribution))")
        lines.append("  0/1/2 lexicon \(pct(lexiconDistribution))")
        lines.append("  train \(f(trainSeconds, 2)) s (\(f(trainCPUSeconds, 2)) s CPU), score \(testCount) in \(f(scoreSeconds, 2)) s, model \(modelBytes / 1024) KiB")
        return lines.joined(separator: "\n")
    }
}


private extension Duration {
    var sentimentSeconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
