import XCTest
import SteamLensData
@testable import SteamLensEngine

final class SentimentModelTests: XCTestCase {
    /// Reviews built from clearly positive or negative phrases plus filler.
    static let corpus: (texts: [String], labels: [Bool]) = {
        let good = ["great fun", "awesome story", "really great", "fun with friends", "love it", "masterpiece"]
        let bad = ["boring grind", "broken mess", "refund this", "crashes constantly", "boring and broken", "waste of money"]
        let filler = ["the game", "i played", "after ten hours", "on my laptop", "with a controller", "this weekend"]
        var rng = SplitMix64(seed: 7)
        var texts: [String] = [], labels: [Bool] = []
        for i in 0..<240 {
            let positive = i % 3 != 0  // two thirds recommend, like the real data's imbalance
            let phrase = (positive ? good : bad)[Int(rng.next() % 6)]
            let extra = filler[Int(rng.next() % 6)]
            texts.append(rng.next() % 2 == 0 ? "\(extra) \(phrase)" : "\(phrase), \(extra)")
            labels.append(positive)
        }
        return (texts, labels)
    }()

    static var options: SentimentModel.Options {
        var options = SentimentModel.Options()
        options.features = .init(bits: 14, charMin: 2, charMax: 4)
        return options
    }

    static let model = SentimentModel.train(texts: corpus.texts, labels: corpus.labels, seed: 1, options: options)

    func testLearnsClearlyPositiveAndNegativeWords() {
        let model = Self.model
        XCTAssertGreaterThan(model.probabilityPositive("great fun"), 0.8)
        XCTAssertLessThan(model.probabilityPositive("boring and broken"), 0.2)
        XCTAssertEqual(model.score("an awesome masterpiece"), 2)
        XCTAssertEqual(model.score("broken, refund this"), 0)
    }

    func testEmptyOrBlankTextIsNeutral() {
        XCTAssertEqual(Self.model.score(""), 1)
        XCTAssertEqual(Self.model.score("  \n\t\u{0}"), 1)
    }

    func testScoreMapsProbabilityThroughTheNeutralBand() {
        var model = Self.model
        model.neutralBand = 0.4...0.7
        XCTAssertEqual(model.score(probability: 0.39), 0)
        XCTAssertEqual(model.score(probability: 0.4), 1)
        XCTAssertEqual(model.score(probability: 0.7), 1)
        XCTAssertEqual(model.score(probability: 0.71), 2)
    }

    func testThresholdLiesInsideTheNeutralBand() {
        XCTAssertTrue(Self.model.neutralBand.contains(Self.model.threshold))
    }

    func testTrainingIsDeterministicForASeed() {
        let again = SentimentModel.train(texts: Self.corpus.texts, labels: Self.corpus.labels, seed: 1, options: Self.options)
        XCTAssertEqual(again.serialized(), Self.model.serialized())
    }

    /// Training and scoring from one featurization is the same model and the
    /// same probabilities, to the bit, as training and then scoring the texts.
    func testTrainAndScoreIsTrainThenProbabilities() {
        let (model, probabilities) = SentimentModel.trainAndScore(texts: Self.corpus.texts, labels: Self.corpus.labels,
                                                                  seed: 1, options: Self.options)
        XCTAssertEqual(model.serialized(), Self.model.serialized())
        XCTAssertEqual(probabilities, Self.model.probabilities(Self.corpus.texts))
        XCTAssertEqual(probabilities.count, Self.corpus.texts.count)
    }

    func testSerializationRoundTripGivesIdenticalProbabilities() throws {
        let bytes = Self.model.serialized()
        let restored = try SentimentModel(serialized: bytes)
        XCTAssertEqual(restored.threshold, Self.model.threshold)
        XCTAssertEqual(restored.neutralBand, Self.model.neutralBand)
        for text in Self.corpus.texts.prefix(40) + ["", "unseen words entirely", "♥♥♥ не плохо"] {
            XCTAssertEqual(restored.probabilityPositive(text), Self.model.probabilityPositive(text), text)
        }
        XCTAssertEqual(restored.serialized(), bytes)
    }

    func testDeserializingForeignOrTruncatedBytesThrows() {
        XCTAssertThrowsError(try SentimentModel(serialized: Array("hello".utf8))) {
            XCTAssertEqual($0 as? SentimentModel.SerializationError, .notAModel)
        }
        let bytes = Self.model.serialized()
        XCTAssertThrowsError(try SentimentModel(serialized: Array(bytes.dropLast(3)))) {
            XCTAssertEqual($0 as? SentimentModel.SerializationError, .truncated)
        }
    }

    func testBatchProbabilitiesMatchOneByOne() {
        let texts = Array(Self.corpus.texts.prefix(25))
        XCTAssertEqual(Self.model.probabilities(texts), texts.map(Self.model.probabilityPositive))
    }
}
