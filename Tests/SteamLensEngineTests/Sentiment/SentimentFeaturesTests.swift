import XCTest
@testable import SteamLensEngine

final class SentimentFeaturesTests: XCTestCase {
    let features = SentimentFeatures(configuration: .standard)

    func testReusedScratchCountsLikeAFreshOne() {
        // Short, then long enough to grow the table, then short again.
        let long = (0..<400).map { "word\($0)" }.joined(separator: " ")
        let texts = ["good game", long, "not good", long + " extra", "good game"]
        let scratch = SentimentFeatures.Scratch(capacity: 64)
        for text in texts {
            let reused = features.counts(text, scratch: scratch), fresh = features.counts(text)
            XCTAssertEqual(reused.words.map(\.bucket), fresh.words.map(\.bucket))
            XCTAssertEqual(reused.words.map(\.count), fresh.words.map(\.count))
            XCTAssertEqual(reused.chars.map(\.bucket), fresh.chars.map(\.bucket))
            XCTAssertEqual(reused.chars.map(\.count), fresh.chars.map(\.count))
        }
    }

    func testRepeatedWordsAreCountedNotDuplicated() {
        let counts = features.counts("fun fun fun")
        // unigram "fun" ×3, bigrams start-fun, fun-fun ×2, fun-end.
        XCTAssertEqual(counts.words.map(\.count).sorted(), [1, 1, 2, 3])
    }

    func testNegatedWordIsADifferentFeature() {
        let plain = Set(features.counts("good").words.map(\.bucket))
        let negated = Set(features.counts("not good").words.map(\.bucket))
        XCTAssertTrue(plain.isDisjoint(with: negated))
    }

    func testWordsOnlyConfigurationHasNoCharacterBlock() {
        XCTAssertTrue(SentimentFeatures(configuration: .wordsOnly).counts("great game").chars.isEmpty)
        XCTAssertFalse(features.counts("great game").chars.isEmpty)
    }
}
