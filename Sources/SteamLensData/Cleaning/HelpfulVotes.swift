/// What a review's `helpful` text says: how many people found it helpful
/// and, when the site said so, how many rated it.
///
/// ```
/// HelpfulVotes("2 of 3 people (67%) found this review helpful")   // found 2, rated 3
/// HelpfulVotes("1,594 of 1,739 people (92%) found this review helpful")
/// HelpfulVotes("1 person found this review helpful")             // found 1, rated unknown
/// HelpfulVotes("No ratings yet")                                 // found 0, rated 0
/// HelpfulVotes("lots")                                           // nil: rule helpful-unreadable
/// ```
///
/// The real file holds only the first, second and fourth shapes (Steam
/// groups thousands with commas); the third is how the site words a count
/// without a total, so it is read too rather than called unreadable.
public struct HelpfulVotes: Equatable, Sendable {
    /// People who found the review helpful.
    public var found: Int
    /// People who rated it (found it helpful or not); nil when the text gives no total.
    public var rated: Int?

    public init(found: Int, rated: Int?) {
        self.found = found
        self.rated = rated
    }

    /// Counts are kept in 32-bit columns; anything larger is not a real vote count.
    static let largest = Int(Int32.max)

    /// Parses one `helpful` text; nil when it is in no known shape, when a
    /// count is out of range, or when more found it helpful than rated it.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        if words == ["no", "ratings", "yet"] {
            self.init(found: 0, rated: 0)
            return
        }
        guard words.count >= 5, words.suffix(4) == ["found", "this", "review", "helpful"],
              let found = Self.count(words[0]) else { return nil }
        var rest = words.dropFirst().dropLast(4)
        var rated: Int?
        if rest.first == "of" {
            guard rest.count >= 2, let total = Self.count(rest[rest.startIndex + 1]), total >= found else { return nil }
            rated = total
            rest = rest.dropFirst(2)
        }
        guard let noun = rest.first, noun == "people" || noun == "person" else { return nil }
        rest = rest.dropFirst()
        // The percent is the site's rounding of found / rated: checked for shape only.
        if let percent = rest.first {
            guard rated != nil, rest.count == 1, percent.hasPrefix("("), percent.hasSuffix("%)"),
                  percent.dropFirst().dropLast(2).allSatisfy(\.isASCIIDigitCharacter),
                  percent.count > 3 else { return nil }
        }
        self.init(found: found, rated: rated)
    }

    /// "1,594" → 1594. Commas only between digits, as the site groups thousands.
    private static func count(_ word: String) -> Int? {
        guard let first = word.first, let last = word.last, first != ",", last != ",",
              word.allSatisfy({ $0 == "," || $0.isASCIIDigitCharacter }), !word.contains(",,") else { return nil }
        guard let value = Int(word.filter { $0 != "," }), value <= largest else { return nil }
        return value
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
