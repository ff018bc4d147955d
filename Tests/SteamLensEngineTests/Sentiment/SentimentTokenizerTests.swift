import XCTest
@testable import SteamLensEngine

final class SentimentTokenizerTests: XCTestCase {
    let tokenizer = SentimentTokenizer()

    func testLowerCasesAndKeepsExclamationAndQuestionMarks() {
        XCTAssertEqual(tokenizer.tokens("GREAT Game!?"), ["great", "game", "!", "?"])
    }

    func testNegationMarksWordsUntilClausePunctuation() {
        XCTAssertEqual(tokenizer.tokens("This is not good, but fun."),
                       ["this", "is", "not", "NEG_good", "but", "fun"])
        XCTAssertEqual(tokenizer.tokens("I don't like it. Great though"),
                       ["i", "dont", "NEG_like", "NEG_it", "great", "though"])
    }

    func testNegationScopeEndsAtBut() {
        XCTAssertEqual(tokenizer.tokens("not fast but fun"), ["not", "NEG_fast", "but", "fun"])
    }

    func testTypographicApostropheIsDroppedLikeAnAsciiOne() {
        XCTAssertEqual(tokenizer.tokens("Don’t buy"), ["dont", "NEG_buy"])
    }

    func testCensoredWordsBecomeOneHeartTokenAndControlCharactersSeparate() {
        XCTAssertEqual(tokenizer.tokens("bad ♥♥♥♥ game\u{1}ever"), ["bad", "♥", "game", "ever"])
    }

    func testNonLatinScriptsAreLowerCasedAndIdeographsSplit() {
        XCTAssertEqual(tokenizer.tokens("ОЧЕНЬ хорошо"), ["очень", "хорошо"])
        XCTAssertEqual(tokenizer.tokens("好玩"), ["好", "玩"])
    }

    func testEmptyAndBlankTextHaveNoTokens() {
        XCTAssertEqual(tokenizer.tokens(""), [])
        XCTAssertEqual(tokenizer.tokens(" \n\t "), [])
    }

    func testTokenHashesIgnoreCase() {
        XCTAssertEqual(tokenizer.scan("Good").map(\.hash), tokenizer.scan("gOOD").map(\.hash))
        XCTAssertNotEqual(tokenizer.scan("good").map(\.hash), tokenizer.scan("food").map(\.hash))
    }
}
