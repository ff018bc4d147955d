/// Accuracy, macro-F1 and ROC AUC of a binary decision against true labels.
///
/// ```swift
/// BinaryMetrics.accuracy(predicted: [true, false], labels: [true, true])  // 0.5
/// BinaryMetrics.rocAUC(scores: [0.9, 0.1, 0.5], labels: [true, false, true])  // 1.0
/// ```
public enum BinaryMetrics {
    /// Fraction of predictions equal to the label (0 for no data).
    public static func accuracy(predicted: [Bool], labels: [Bool]) -> Double {
        precondition(predicted.count == labels.count)
        guard !labels.isEmpty else { return 0 }
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Mean of the F1 of the positive class and the F1 of the negative class.
    /// A class with no true and no predicted members scores F1 = 0.
    public static func macroF1(predicted: [Bool], labels: [Bool]) -> Double {
        precondition(predicted.count == labels.count)
        var tp = 0, fp = 0, fn = 0, tn = 0
        for (p, y) in zip(predicted, labels) {
            switch (p, y) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): tn += 1
            }
        }
        return (f1(tp: tp, fp: fp, fn: fn) + f1(tp: tn, fp: fn, fn: fp)) / 2
    }

    static func f1(tp: Int, fp: Int, fn: Int) -> Double {
        let denominator = 2 * tp + fp + fn
        return denominator == 0 ? 0 : Double(2 * tp) / Double(denominator)
    }

    /// Area under the ROC curve: the probability that a random positive
    /// scores above a random negative, ties counting one half
    /// (Mann–Whitney U with average ranks). 0.5 when a class is missing.
    public static func rocAUC(scores: [Double], labels: [Bool]) -> Double {
        precondition(scores.count == labels.count)
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        var rankSum = 0.0  // sum of 1-based average ranks of the positives
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j + 2) / 2
            for k in i...j where labels[order[k]] { rankSum += averageRank }
            i = j + 1
        }
        let u = rankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }
}
