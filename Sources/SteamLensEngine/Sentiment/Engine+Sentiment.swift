extension Engine {
    /// The fixed 80/20 protocol of `SentimentEvaluation` on this engine's
    /// de-duplicated reviews (in load order), as printable text.
    public func evaluateSentiment(seed: UInt64) -> String {
        let report = SentimentEvaluation.run(texts: catalog.reviewText.array, labels: catalog.reviewRecommend.array, seed: seed)
        return "\(report)"
    }
}
