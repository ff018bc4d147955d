import SteamLensData
import SteamLensEngine
import XCTest
@testable import StreamingCatalog

/// `word_count`'s byte matcher against the definition: the name split into
/// words (`StreamingEngine.words`), the phrase found as consecutive words.
final class TitleWordsTests: XCTestCase {
    func testTheByteMatcherAgreesWithSplittingIntoWords() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["a", "b", "ab", "ba", "1", " ", "  ", "-", ": ", "'", "é", "love", "Love"]
        func text(_ parts: Int) -> String { (0..<parts).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
        var found = 0
        for _ in 0..<4_000 {
            let name = NameKey.normalize(text(1 + Int(rng.next() % 8))), phrase = StreamingEngine.words(NameKey.normalize(text(1 + Int(rng.next() % 3))))
            let expected = StreamingEngine.contains(StreamingEngine.words(name), phrase)
            XCTAssertEqual(StreamingEngine.holds(name, phrase: phrase.map { Array($0.utf8) }), expected, "\"\(name)\" holds \(phrase)?")
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 200, "the draw finds phrases often enough to test both answers")
    }

    func testWholeWordsOnly() {
        let phrase = [Array("love".utf8)]
        XCTAssertTrue(StreamingEngine.holds("love, actually", phrase: phrase))
        XCTAssertTrue(StreamingEngine.holds("i love you", phrase: phrase))
        XCTAssertFalse(StreamingEngine.holds("lovely", phrase: phrase))
        XCTAssertFalse(StreamingEngine.holds("glove", phrase: phrase))
        XCTAssertTrue(StreamingEngine.holds("amélie: love", phrase: phrase), "a non-ASCII name is split into words")
        XCTAssertTrue(StreamingEngine.holds("crazy, stupid, love", phrase: [Array("stupid".utf8), Array("love".utf8)]))
        XCTAssertFalse(StreamingEngine.holds("stupid crazy love", phrase: [Array("stupid".utf8), Array("love".utf8)]))
    }
}
