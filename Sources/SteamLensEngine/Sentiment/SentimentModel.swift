import CKernels
import Foundation
import SteamLensData

/// A review sentiment classifier trained on the reviews' own `recommend`
/// labels: TF-IDF of hashed words, bigrams and character n-grams, and an
/// L2-regularised logistic regression.
///
/// ```swift
/// let model = SentimentModel.train(texts: texts, labels: recommends, seed: 42)
/// model.probabilityPositive("Great game, ten out of ten")  // P(recommend), 0…1
/// model.score("")                                           // 1 (neutral)
/// let blob = model.serialized()                             // store in SQLite
/// let again = try SentimentModel(serialized: blob)
/// ```
///
/// `score` maps the probability to 0 (negative), 1 (neutral) or 2
/// (positive); the neutral band and the binary `threshold` are chosen on a
/// validation slice of the training data (see `SentimentCalibration`).
public struct SentimentModel: Sendable {
    /// Bump when features, training or the serialized layout change.
    public static let version = 1

    /// Training settings; the defaults are the ones measured in docs/sentiment.md.
    public struct Options: Sendable {
        public var features = SentimentFeatures.Configuration.standard
        /// liblinear-style inverse regularisation strength.
        public var c = 2.0
        /// Fraction of the training texts held out to choose threshold and band.
        public var validationFraction = 0.1
        /// Passes of the dual solver over the held-out fit's texts.
        public var maxPasses = 6
        /// Passes over all texts after the held-out fit (warm-started).
        public var refitPasses = 3
        public init() {}
    }

    let vectorizer: TfidfVectorizer
    /// (idf, weight) per bucket side by side: scoring touches one cache line
    /// per feature instead of two.
    let lookup: [SIMD2<Float>]
    let bias: Float
    public internal(set) var threshold: Double
    public internal(set) var neutralBand: ClosedRange<Double>

    /// `weights`: one per bucket, then the bias.
    init(vectorizer: TfidfVectorizer, weights: [Float], threshold: Double, neutralBand: ClosedRange<Double>) {
        self.vectorizer = vectorizer
        lookup = (0..<(weights.count - 1)).map { SIMD2(vectorizer.idf(UInt32($0)), weights[$0]) }
        bias = weights[weights.count - 1]
        self.threshold = threshold
        self.neutralBand = neutralBand
    }

    // MARK: Training

    /// Trains on `texts` with `labels` (true = recommended).
    ///
    /// A seeded 10% of the texts is held out first; a model fitted on the
    /// rest scores it to choose `threshold` and `neutralBand`; training then
    /// continues from that model on all texts.
    public static func train(texts: [String], labels: [Bool], seed: UInt64, options: Options = Options()) -> SentimentModel {
        precondition(texts.count == labels.count, "one label per text")
        let hasher = SentimentFeatures(configuration: options.features)
        return train(counts: TfidfVectorizer.counts(texts, hasher: hasher), hasher: hasher, labels: labels, seed: seed, options: options).model
    }

    /// Trains as `train` does and scores the same texts, from features
    /// computed once for both: the probabilities are `probabilities(texts)`'s
    /// to the bit (a cold start featurized every review twice).
    public static func trainAndScore(texts: [String], labels: [Bool], seed: UInt64,
                                     options: Options = Options()) -> (model: SentimentModel, probabilities: [Double]) {
        precondition(texts.count == labels.count, "one label per text")
        let hasher = SentimentFeatures(configuration: options.features)
        let (model, training, seen) = train(counts: TfidfVectorizer.counts(texts, hasher: hasher), hasher: hasher,
                                            labels: labels, seed: seed, options: options)
        return (model, inParallel(texts.count) { index, _ in model.probability(training: training, seen: seen, row: index) })
    }

    /// The model, the rows it was trained on, and each of their columns' bucket.
    private static func train(counts: consuming [SentimentFeatures.Counts], hasher: SentimentFeatures, labels: [Bool],
                              seed: UInt64, options: Options) -> (model: SentimentModel, training: TrainingRows, seen: [UInt32]) {
        let (vectorizer, seen) = TfidfVectorizer.fitted(hasher: hasher, counts: counts)
        var columns = [UInt32](repeating: 0, count: 1 << options.features.bits)
        for (column, bucket) in seen.enumerated() { columns[Int(bucket)] = UInt32(column) }
        let training = vectorizer.rows(counts, columns: columns)
        // The counts' many small blocks are free now; hand their pages back
        // before the solver's passes, the longest part of the training.
        sl_release_freed_memory()
        let rows = training.rows
        let dimension = seen.count
        /// Column weights (then the bias) back to one weight per bucket.
        func bucketWeights(_ w: [Double]) -> [Float] {
            var out = [Float](repeating: 0, count: (1 << options.features.bits) + 1)
            for (column, bucket) in seen.enumerated() { out[Int(bucket)] = Float(w[column]) }
            out[out.count - 1] = Float(w[dimension])
            return out
        }

        var rng = SplitMix64(seed: seed ^ 0x5E47_1E75)
        let order = seededPermutation(rows.count, using: &rng)
        let held = min(rows.count / 2, Int((Double(rows.count) * options.validationFraction).rounded()))
        let validation = Array(order[..<held]).sorted(), fit = Array(order[held...]).sorted()

        let lr = LogisticRegression(c: options.c, maxPasses: options.maxPasses)
        var calibration = SentimentCalibration.fallback
        var start: [Double?]? = nil
        if held >= 10 {
            let state = lr.fit(rows, selection: fit, fit.map { labels[$0] }, dimension: dimension, seed: rng.next())
            let probabilities = state.weights.withUnsafeBufferPointer { w in
                validation.map { 1 / (1 + exp(-(rows.dot($0, w) + w[dimension]))) }
            }
            calibration = SentimentCalibration(probabilities: probabilities, labels: validation.map { labels[$0] })
            // Continue from the held-out fit: its dual values are a good start.
            var warm = [Double?](repeating: nil, count: rows.count)
            for (k, r) in fit.enumerated() { warm[r] = state.alpha[k] }
            start = warm
        }
        var refit = lr
        if start != nil { refit.maxPasses = options.refitPasses }
        let state = refit.fit(rows, labels, dimension: dimension, seed: rng.next(), start: start)
        let model = SentimentModel(vectorizer: vectorizer, weights: bucketWeights(state.weights),
                                   threshold: calibration.threshold, neutralBand: calibration.neutralBand)
        return (model, training, seen)
    }

    // MARK: Scoring

    /// P(recommended | text) under the model.
    public func probabilityPositive(_ text: String) -> Double {
        let scratch = SentimentFeatures.Scratch()
        return probability(text, scratch: scratch)
    }

    /// Probabilities for many texts, in parallel.
    public func probabilities(_ texts: [String]) -> [Double] {
        Self.inParallel(texts.count) { index, scratch in probability(texts[index], scratch: scratch) }
    }

    /// `probability(index, scratch)` for every index below `count`, on both
    /// cores in fixed chunks, in index order.
    private static func inParallel(_ count: Int, _ probability: (Int, SentimentFeatures.Scratch) -> Double) -> [Double] {
        let parts = ChunkResults<[Double]>(count: 2)
        parallelChunks(count: count) { chunk, range in
            let scratch = SentimentFeatures.Scratch()
            parts.set(chunk, range.map { probability($0, scratch) })
        }
        return parts.values.flatMap { $0 }
    }

    /// 0 negative, 1 neutral (inside `neutralBand`, or no text), 2 positive.
    public func score(_ text: String) -> Int {
        if Self.isBlank(text) { return 1 }
        return score(probability: probabilityPositive(text))
    }

    /// The 0/1/2 class of a probability from this model.
    public func score(probability p: Double) -> Int {
        p < neutralBand.lowerBound ? 0 : p > neutralBand.upperBound ? 2 : 1
    }

    /// The binary decision used for accuracy and F1: recommended or not.
    public func isPositive(probability p: Double) -> Bool { p >= threshold }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    func probability(_ text: String, scratch: SentimentFeatures.Scratch) -> Double {
        probability(counts: vectorizer.hasher.counts(text, scratch: scratch))
    }

    func probability(counts: SentimentFeatures.Counts) -> Double {
        let z = Double(bias) + block(counts.words.count, length: 1) { counts.words[$0] }
            + block(counts.chars.count, length: vectorizer.hasher.configuration.charWeight) { counts.chars[$0] }
        return 1 / (1 + exp(-z))
    }

    /// `probability(counts:)` of training row `row`, from the (bucket, count)
    /// pairs its entries were weighted from, in the same order: the same bits.
    func probability(training: TrainingRows, seen: [UInt32], row: Int) -> Double {
        let start = training.rows.offsets[row], chars = training.charStarts[row], end = training.rows.offsets[row + 1]
        func feature(_ k: Int) -> (bucket: UInt32, count: UInt16) {
            (seen[Int(training.rows.indices[k])], training.termCounts[k])
        }
        let z = Double(bias) + block(chars - start, length: 1) { feature(start + $0) }
            + block(end - chars, length: vectorizer.hasher.configuration.charWeight) { feature(chars + $0) }
        return 1 / (1 + exp(-z))
    }

    /// One block's w·x = (Σ tfidf·w) · length / ‖tfidf‖, in one pass over
    /// its `count` features.
    @inline(__always)
    private func block(_ count: Int, length: Float, _ feature: (Int) -> (bucket: UInt32, count: UInt16)) -> Double {
        guard count > 0 else { return 0 }
        let sublinear = TfidfVectorizer.sublinear
        var norm: Float = 0, dot: Float = 0
        for k in 0..<count {
            let (b, c) = feature(k)
            let entry = lookup[Int(b)]
            let v = sublinear[Int(c)] * entry.x
            norm += v * v
            dot += v * entry.y
        }
        return Double(dot * (length / norm.squareRoot()))
    }
}

extension SentimentModel {
    /// A Fisher–Yates shuffle of `0..<count` drawn from `rng`; the bounded draw
    /// is written out so the order never depends on the standard library.
    static func seededPermutation(_ count: Int, using rng: inout SplitMix64) -> [Int] {
        var a = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = Int(rng.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}
