import XCTest
@testable import SteamLensEngine

final class LexiconSentimentTests: XCTestCase {
    let lexicon = LexiconSentiment()

    func testPolarWordsScorePositiveOrNegative() {
        XCTAssertEqual(lexicon.score("A great, fun game"), 2)
        XCTAssertEqual(lexicon.score("Boring and buggy"), 0)
    }

    func testNegationFlipsPolarity() {
        XCTAssertGreaterThan(lexicon.compound("good"), 0.05)
        XCTAssertLessThan(lexicon.compound("not good"), -0.05)
        XCTAssertEqual(lexicon.score("I don't recommend it"), 0)
    }

    func testTextWithoutPolarWordsOrBlankIsNeutral() {
        XCTAssertEqual(lexicon.compound("I played it on a Tuesday"), 0)
        XCTAssertEqual(lexicon.score("I played it on a Tuesday"), 1)
        XCTAssertEqual(lexicon.score("   "), 1)
    }

    func testBoostersExclamationsAndButStrengthen() {
        XCTAssertGreaterThan(lexicon.compound("very good"), lexicon.compound("good"))
        XCTAssertGreaterThan(lexicon.compound("good!!"), lexicon.compound("good"))
        XCTAssertLessThan(lexicon.compound("good but boring"), 0)
    }

    func testCompoundStaysWithinUnitRange() {
        let c = lexicon.compound(String(repeating: "amazing ", count: 200))
        XCTAssertLessThan(c, 1)
        XCTAssertGreaterThan(c, 0.99)
    }
}
