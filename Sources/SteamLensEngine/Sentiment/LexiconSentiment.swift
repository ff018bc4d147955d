import Foundation

/// A small VADER-like lexicon scorer, the baseline the trained model must beat.
///
/// ```swift
/// let lexicon = LexiconSentiment()
/// lexicon.compound("not good")   // < 0
/// lexicon.score("great fun!")    // 2
/// ```
///
/// Each of ~275 English polarity words has a valence in −4…4. A word
/// in a negation scope (see `SentimentTokenizer`) has its valence multiplied
/// by −0.74; a booster just before ("very good") adds 0.293 in the word's
/// direction; words after "but" count 1.5×, words before it 0.5×; each "!"
/// (up to four) adds 0.292 to a non-zero sum. The sum `s` is squashed to the
/// compound `s / √(s² + 15)` in −1…1, and `score` is 2 at ≥ 0.05, 0 at
/// ≤ −0.05, else 1 (also for blank text).
public struct LexiconSentiment: Sendable {
    public init() {}

    public func compound(_ text: String) -> Double {
        let bytes = SentimentTokenizer.lowercasedUTF8(text)
        let tokens = SentimentTokenizer().scan(bytes)
        var valences: [Double] = []
        var butAt: Int? = nil
        var exclamations = 0
        var boost = 0.0
        for token in tokens {
            if token.isPunctuation {
                if bytes[token.utf8Range.lowerBound] == UInt8(ascii: "!") { exclamations += 1 }
                boost = 0
                continue
            }
            if token.hash == Self.but { butAt = valences.count; boost = 0; continue }
            if let b = Self.boosters[token.hash] { boost += b; continue }
            guard var v = Self.valences[token.hash] else { boost = 0; continue }
            if boost != 0 { v += v > 0 ? boost : -boost }
            if token.negated { v *= -0.74 }
            valences.append(v)
            boost = 0
        }
        if let butAt {
            for k in valences.indices { valences[k] *= k < butAt ? 0.5 : 1.5 }
        }
        var sum = valences.reduce(0, +)
        if sum != 0 { sum += (sum > 0 ? 1 : -1) * 0.292 * Double(min(exclamations, 4)) }
        return sum / (sum * sum + 15).squareRoot()
    }

    public func score(_ text: String) -> Int {
        if SentimentModel.isBlank(text) { return 1 }
        let c = compound(text)
        return c >= 0.05 ? 2 : c <= -0.05 ? 0 : 1
    }

    static let but = SentimentHash.hash("but")
    static let boosters: [UInt64: Double] = Dictionary(uniqueKeysWithValues: [
        "very", "really", "extremely", "so", "super", "incredibly", "totally", "absolutely",
        "highly", "truly", "completely", "utterly", "most", "quite", "especially", "insanely",
    ].map { (SentimentHash.hash($0), 0.293) } + ["slightly", "somewhat", "kinda", "kind", "barely", "little"].map {
        (SentimentHash.hash($0), -0.293)
    })

    static let valences: [UInt64: Double] = {
        var table: [UInt64: Double] = [:]
        for (valence, words) in lexicon {
            for word in words.split(separator: " ") { table[SentimentHash.hash(String(word))] = valence }
        }
        return table
    }()

    /// Valence → words. Written for game reviews: "addictive" and "grind"
    /// carry the meaning players give them.
    static let lexicon: [(Double, String)] = [
        (3.2, "masterpiece amazing awesome excellent fantastic brilliant superb outstanding incredible perfect phenomenal wonderful epic best loved"),
        (3.0, "love great beautiful gorgeous stunning goty flawless favorite favourite favourites masterful magnificent spectacular marvelous marvellous breathtaking legendary genius"),
        (2.5, "fun enjoy enjoyed enjoyable enjoying good nice cool recommend recommended addictive addicting awsome amazin loving lovely must mustplay glorious terrific"),
        (2.3, "happy glad pleasant impressive impressed satisfying satisfied polished charming delightful hilarious funny smooth gorgeously fascinating captivating atmospheric intense"),
        (2.0, "like liked likes fine solid worth worthwhile interesting engaging immersive relaxing entertaining exciting thrilling unique clever creative recommendation beauty win wins winning success successful"),
        (1.8, "better well decent deep rich fresh innovative challenging rewarding beautifully cute addicted gem classic improvement fixed optimized responsive intuitive"),
        (1.5, "ok okay alright easy helpful friendly fair balanced stable improved improve nostalgia nostalgic wow yay thanks thank pros calm peaceful lol haha"),
        (1.2, "playable pretty cheap free recommendable adorable memorable replayability replayable"),
        (-1.2, "confusing repetitive grindy grind slow clunky dated outdated expensive overpriced short difficult hard cons unfair clumsy generic bland"),
        (-1.5, "meh mediocre lacking lack lacks missing lag laggy glitch glitches glitchy bug bugs buggy unfinished unbalanced tedious overrated forgettable empty unresponsive stuttering freezes freeze"),
        (-1.8, "annoying frustrating frustrated boring bored dull shallow weak poor problem problems issues crash crashes crashing cheaters hackers cheater hacker p2w paywall microtransactions unoptimized sad angry sucky"),
        (-2.0, "bad sucks sucked disappointing disappointed disappointment unplayable broken waste wasted regret regrets refund refunded abandoned scam greedy greed fail failed failure dead lame"),
        (-2.5, "hate hated terrible horrible awful stupid ugly worse trash garbage rubbish pointless useless ruined ruin ripoff cancer toxic lazy hateful dumb idiotic insulting unacceptable"),
        (-3.0, "worst crap crappy shit shitty pathetic disgusting atrocious abysmal dreadful joke avoid horrendous unbearable fraud"),
    ]
}
