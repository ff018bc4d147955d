import SteamLensData

/// The synthetic store: game ids and names, the ids that appear in libraries
/// but not in the games file, and a Zipf-like popularity over all of them.
/// Each game's row is rebuilt on demand from its own random stream, so only
/// ids and names stay in memory.
///
/// ```swift
/// let catalog = GameCatalog(games: 2_000, seed: 42)
/// var rng = SplitMix64(seed: 7)
/// let item = catalog.drawItem(using: &rng)   // index into itemIDs / itemNames
/// ```
struct GameCatalog {
    /// Ids of library items that the games file does not list, per game listed.
    /// (In the real data 22 % of item rows point at such ids.)
    static let absentIDShare = 0.25

    let seed: UInt64
    let gameCount: Int
    /// Ids of items 0..<gameCount (games) then the absent ids.
    let itemIDs: [String]
    /// `app_name` of each game; "" for absent ids (as in the real items file).
    let itemNames: [String]
    /// Pre-encoded start of each item's library row, up to the playtime value
    /// (`{'item_id': '10', 'item_name': 'Sky Station', 'playtime_forever': `):
    /// 5 M rows at full scale make this the generator's hot path.
    let itemRowPrefixes: [[UInt8]]
    private let developers: [String]
    private let publishers: [String]
    private let developerPick: WeightedChoice
    private let publisherPick: WeightedChoice
    private let popularity: WeightedChoice
    private let itemAtRank: [Int32]

    init(games: Int, seed: UInt64) {
        precondition(games >= 1, "a catalog needs at least one game")
        self.seed = seed
        gameCount = games
        var rng = SplitMix64.stream(seed: seed, .catalog)
        let absent = Int(Double(games) * Self.absentIDShare)

        // Steam app ids are multiples of 10 up to ~2.03 M.
        var taken = Set<Int>()
        var ids: [String] = []
        ids.reserveCapacity(games + absent)
        while ids.count < games + absent {
            let id = 10 * rng.int(in: 1...203_000)
            if taken.insert(id).inserted { ids.append(String(id)) }
        }
        itemIDs = ids

        var usedNames = Set<String>()
        var names: [String] = []
        names.reserveCapacity(games + absent)
        for _ in 0..<games {
            var name = Self.title(using: &rng)
            while !usedNames.insert(name).inserted {
                name += " " + rng.pick(["2", "3", "II", "HD", "Plus", "Gold", "Online", "VR", "Remastered", "Zero"])
            }
            names.append(name)
        }
        names.append(contentsOf: repeatElement("", count: absent))
        itemNames = names
        itemRowPrefixes = zip(ids, names).map { id, name in
            var line = LineBuffer(capacity: 64)  // 40 k of these: no 4 KiB line buffers
            line.raw("{'item_id': "); line.python(id)
            line.raw(", 'item_name': "); line.python(name)
            line.raw(", 'playtime_forever': ")
            return line.bytes
        }

        developers = Self.studios(count: max(20, games / 3), using: &rng)
        publishers = Self.studios(count: max(10, games / 20), using: &rng)
        developerPick = .zipf(count: developers.count, offset: 2)
        publisherPick = .zipf(count: publishers.count, offset: 1)

        var ranks = (0..<(games + absent)).map { Int32($0) }
        rng.shuffle(&ranks)
        itemAtRank = ranks
        popularity = .zipf(count: ranks.count, offset: 4)
    }

    var itemCount: Int { itemIDs.count }

    /// An item index drawn by popularity (rank r has weight 1/(r+5)).
    func drawItem(using rng: inout SplitMix64) -> Int {
        Int(itemAtRank[popularity.draw(using: &rng)])
    }

    // MARK: Rows

    /// The row of game `index`, from that game's own random stream.
    func record(at index: Int) -> GameRecord {
        var rng = SplitMix64.stream(seed: seed, .gameRow, index: index)
        let id = itemIDs[index]
        let name = itemNames[index]
        let traits = GameTraits.draw(using: &rng)
        // A "stub" row: the store page was gone, only name, tags, specs and price left (6.4 % real).
        let stub = rng.chance(0.064)
        let developer = developers[developerPick.draw(using: &rng)]
        var publisher = rng.chance(0.45) ? developer : publishers[publisherPick.draw(using: &rng)]
        if rng.chance(0.03) { publisher += ", " + rng.pick(["Feral Interactive (Mac)", "Aspyr (Mac)", "Degica"]) }

        var title: String? = name
        if rng.chance(0.017) { title = name + " - " + rng.pick(NameWords.subtitles) }
        let slug = GameRecord.slug(name)
        var url = "http://store.steampowered.com/app/\(id)/" + (slug.isEmpty ? "" : slug + "/")
        if rng.chance(0.005) { url = "http://store.steampowered.com/app/\(id)" }

        return GameRecord(
            publisher: stub || rng.chance(0.2) ? nil : publisher,
            genres: stub || rng.chance(0.04) ? nil : traits.genres,
            appName: name,
            title: stub ? nil : title,
            url: url,
            releaseDate: stub ? nil : ReleaseDates.draw(earlyAccess: traits.earlyAccess, using: &rng),
            tags: rng.chance(0.005) ? nil : traits.tags,
            reviewsURL: "http://steamcommunity.com/app/\(id)/reviews/?browsefilter=mostrecent&p=1",
            specs: rng.chance(0.021) ? nil : traits.specs,
            price: traits.price,
            earlyAccess: traits.earlyAccess,
            id: id,
            developer: stub || rng.chance(0.04) ? nil : developer,
            metascore: rng.chance(0.02) ? rng.int(in: 35...96) : nil
        )
    }

    // MARK: Names

    private static func title(using rng: inout SplitMix64) -> String {
        let adjective = rng.pick(NameWords.adjectives), noun = rng.pick(NameWords.nouns)
        let roll = rng.below(100)
        switch roll {
        case 0..<30: return "\(adjective) \(noun)"
        case 30..<44: return "The \(adjective) \(noun)"
        case 44..<54: return "\(noun) of the \(adjective) \(rng.pick(NameWords.nouns))"
        case 54..<64: return "\(noun) \(rng.pick(NameWords.genreWords))"
        case 64..<72: return "\(adjective) \(noun): \(rng.pick(NameWords.subtitles))"
        case 72..<79: return "\(adjective) \(noun) \(rng.pick(["2", "3", "II", "III", "4"]))"
        case 79..<84: return "\(rng.pick(NameWords.firstNames))'s \(adjective) \(noun)"
        case 84..<89: return "\(adjective) \(noun) - \(rng.pick(NameWords.subtitles))"
        case 89..<92: return "\(adjective) \(noun)\(rng.pick(["™", "®", "™: Online"]))"
        case 92..<94: return rng.pick(NameWords.nonLatinTitles) + (rng.chance(0.5) ? String(rng.int(in: 2...2222)) : "")
        case 94..<97: return "\(noun) \(rng.int(in: 1995...2018))"
        default: return "\(adjective.uppercased()) \(noun.uppercased())"
        }
    }

    private static func studios(count: Int, using rng: inout SplitMix64) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        while result.count < count {
            var name: String
            switch rng.below(20) {
            case 0: name = rng.pick(["彼岸领域", "Студия Север", "Ñandú Games", "Pétanque Soft"]) + " " + String(rng.int(in: 1...99))
            case 1: name = "\(rng.pick(NameWords.firstNames).lowercased())\(rng.int(in: 1...99)),\(rng.pick(NameWords.handleWords))"
            case 2...4: name = rng.pick(NameWords.studioStems) + rng.pick(NameWords.nouns)
            default: name = "\(rng.pick(NameWords.studioStems)) \(rng.pick(NameWords.studioSuffixes))"
            }
            if seen.contains(name) { name += " \(rng.int(in: 2...999))" }
            if seen.insert(name).inserted { result.append(name) }
        }
        return result
    }
}
