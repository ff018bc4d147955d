import SteamLensData

/// Review texts whose words carry the sentiment of `recommend`, with the
/// noise a classifier meets in the real file: negations ("not good"),
/// mixed and sarcastic reviews, non-English texts, "♥♥♥" censoring, control
/// characters, empty texts, and quotes of both kinds (which switch Python's
/// repr to double quotes or to `\'` escapes).
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let text = ReviewText.make(recommend: false, rng: &rng)   // e.g. "Not worth it. Constant crashes."
/// ```
enum ReviewText {
    /// Rates, per review. The real file has 38 empty texts and 48 with
    /// control characters in 59,305; ours are higher so a 2,000-user sample shows them.
    static let emptyRate = 0.003
    static let controlCharacterRate = 0.003
    static let nonEnglishRate = 0.04
    static let censoredRate = 0.08
    /// Share of reviews whose words mostly say the opposite of `recommend`.
    static let flippedVoiceRate = 0.07

    static func make(recommend: Bool, rng: inout SplitMix64) -> String {
        if rng.chance(emptyRate) { return rng.chance(0.5) ? "" : " " }
        let positive = rng.chance(flippedVoiceRate) ? !recommend : recommend
        if rng.chance(nonEnglishRate) {
            let language = rng.pick(foreign)
            return oneOrTwo(positive ? language.positive : language.negative, rng: &rng)
        }
        if rng.chance(0.02) { return rng.pick(positive ? shortPositive : shortNegative) }

        // Sentence count is log-normal (median 3, long tail to 80): the real
        // texts have a median of 78 characters and a 99th percentile near 2,200.
        let count = max(1, min(80, Int(rng.logNormal(mu: 1.1, sigma: 1.4))))
        var sentences: [String] = []
        sentences.reserveCapacity(count + 2)
        for index in 0..<count {
            // The first sentence always carries the (possibly flipped) verdict.
            let roll = index == 0 ? rng.nextUnit() * 0.60 : rng.nextUnit()
            if roll < 0.45 {
                sentences.append(rng.pick(positive ? praise : complaints))
            } else if roll < 0.60 {
                sentences.append(rng.pick(positive ? negatedComplaints : negatedPraise))
            } else if roll < 0.95 {
                sentences.append(rng.pick(neutral))
            } else {
                sentences.append(rng.pick(positive ? complaints : praise))  // mixed reviews
            }
        }
        if rng.chance(censoredRate) {
            sentences.insert(rng.pick(positive ? censoredPositive : censoredNegative), at: rng.below(sentences.count + 1))
        }
        var text = sentences.joined(separator: rng.chance(0.1) ? "" : " ")
        if rng.chance(controlCharacterRate) {
            let scalars = Array(text.unicodeScalars)
            let cut = rng.below(scalars.count + 1)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<cut])
            view.append(rng.pick(controlCharacters))
            view.append(contentsOf: scalars[cut...])
            text = String(view)
        }
        return text
    }

    private static func oneOrTwo(_ pool: [String], rng: inout SplitMix64) -> String {
        let first = rng.pick(pool)
        guard rng.chance(0.4) else { return first }
        return first + " " + rng.pick(pool)
    }

    static let praise = [
        "Great game.", "Really fun with friends.", "One of the best games I have ever played.",
        "Amazing soundtrack and beautiful art.", "Highly recommend it!", "10/10 would play again.",
        "Worth every penny.", "Awesome co-op.", "The story is excellent.", "Simple yet addictive.",
        "I love this game.", "Super relaxing.", "Fantastic level design.", "Very gud. Do Recommend.",
        "Enjoyable and polished.", "It's unique and worth a playthrough.", "Brilliant puzzles, great atmosphere.",
        "Does \"zombie\" hordes and team work better than most.", "Best purchase I've made this year.",
        "Fun, fun, fun!", "A masterpiece.", "Great value for the price.", "Addictive gameplay loop.",
        "Excellent controls and a fair challenge.", "Beautiful world to explore.",
    ]
    static let complaints = [
        "Terrible game.", "Boring after an hour.", "Waste of money.", "Constant crashes and bugs.",
        "Do not buy this.", "Awful controls.", "The developers abandoned it.", "Pay to win garbage.",
        "I regret buying it.", "Broken multiplayer.", "Refund requested.", "Unplayable on my PC.",
        "Worst port ever.", "Poor optimization.", "It's a cash grab.", "Boring and repetitive.",
        "The servers are dead.", "Awful \"story\" and worse voice acting.", "Buggy mess.", "Total disappointment.",
    ]
    static let negatedComplaints = [
        "Not bad at all.", "Never boring.", "Not a waste of time.", "No bugs so far.",
        "Can't stop playing.", "Not too hard, not too easy.", "I don't regret it.",
    ]
    static let negatedPraise = [
        "Not good.", "Not worth it.", "Not fun anymore.", "I can't recommend it.", "Don't buy it.",
        "Not worth the price.", "Not even close to the trailer.", "Never again.", "Not great.",
    ]
    static let neutral = [
        "Bought it on sale.", "My friend gifted me this.", "Played it on a laptop.", "The graphics are okay.",
        "Some levels are long.", "Early access, so expect changes.", "I finished it in a weekend.",
        "Playing on simple (or easy?) it's just WASD keys.", "There are achievements and trading cards.",
        "It has a level editor.", "Install it to C:\\Games if the launcher complains.", "Reviewed after the update.",
        "Controller works fine.", "Single player only.", "Multiplayer needs a friend.", "Took me 12 hours.",
        "The price went up since.", "Tried it at a LAN party.", "Reminds me of older games.", "The ending was unexpected.",
    ]
    static let censoredPositive = [
        "This game is a ♥♥♥♥♥♥♥ masterpiece.", "Show them your bad ♥♥♥ dance moves.",
        "Hard as ♥♥♥♥ but worth it.", "Holy ♥♥♥♥ this is good.",
    ]
    static let censoredNegative = [
        "What a piece of ♥♥♥♥.", "This is ♥♥♥♥♥♥♥ broken.", "Reversing is a ♥♥♥♥♥ and so is the rest.",
        "Complete ♥♥♥♥♥♥♥♥.",
    ]
    static let shortPositive = ["10/10", "good", "Great!", ":)", "yes", "gud game", "8/8", "A+"]
    static let shortNegative = ["no", "bad", "0/10", ":(", "nope", "meh.", "trash", "1/10"]
    static let foreign: [(positive: [String], negative: [String])] = [
        (["Muy buen juego, lo recomiendo.", "¡Excelente! Muy divertido."], ["No lo recomiendo, es aburrido.", "Una pérdida de dinero."]),
        (["Jogo muito bom!", "Vale muito a pena."], ["Não vale a pena.", "Jogo ruim e cheio de bugs."]),
        (["Отличная игра, всем советую.", "Очень атмосферно."], ["Не рекомендую, скучно.", "Сплошные баги."]),
        (["Sehr gutes Spiel.", "Macht richtig Spaß."], ["Nicht empfehlenswert.", "Langweilig und teuer."]),
        (["非常好玩的游戏", "强烈推荐！"], ["不推荐，太无聊了", "优化太差"]),
        (["Très bon jeu.", "Génial, à essayer."], ["Pas terrible.", "Je ne recommande pas."]),
        (["最高のゲームです", "とても楽しい"], ["おすすめしません", "つまらない"]),
    ]
    /// Tab, newline, carriage return, a raw C0 control, DEL, a C1 control,
    /// zero-width space and BOM: the last five are escaped by Python's repr.
    static let controlCharacters: [Unicode.Scalar] = ["\t", "\n", "\r", "\u{01}", "\u{7F}", "\u{85}", "\u{200B}", "\u{FEFF}"]
}
