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

    /// `word_count`'s search over all names' bytes finds exactly the titles
    /// that reading each name word by word finds, across name boundaries too.
    func testSearchingAllNamesFindsWhatReadingEachFinds() {
        var rng = SplitMix64(seed: 23)
        let pieces = ["lo", "ve", "love", " ", "-", "ly", "g", "é", "1", "story", "Love"]
        let platforms = Platform.allCases
        let titles = (0..<600).map { i in
            Title(id: "t\(i)", platform: platforms[Int(rng.next() % 4)], type: .movie,
                  name: (0..<(1 + Int(rng.next() % 5))).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        let engine = StreamingEngine(catalogue: TitleCatalogue(titles: titles))
        var found = 0
        for words in [["love"], ["lo"], ["ve"], ["love", "story"], ["g", "love"], ["1"], ["loly"]] {
            let phrase = words.map { Array($0.utf8) }
            for platform in platforms {
                let expected = engine.catalogue.indices(on: platform).filter { StreamingEngine.holds(engine.normalizedNames[$0], phrase: phrase) }
                XCTAssertEqual(engine.titles(holding: phrase, on: platform), expected, "\(words) on \(platform)")
                found += expected.count
            }
        }
        XCTAssertGreaterThan(found, 100, "the draw holds the phrases often enough")
    }
}
