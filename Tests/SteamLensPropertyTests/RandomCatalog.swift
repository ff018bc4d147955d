import Foundation
import PropertyBased
@testable import SteamLensSample

/// A small random catalogue written with the sample generator's own line
/// writers, with the facts the queries must reproduce kept beside it.
struct RandomCatalog: Sendable, CustomStringConvertible {
    struct Game: Sendable {
        var id: Int
        var developer: String
        var year: Int?
        var price: Double?
        var genre: String
    }
    struct Owned: Sendable {
        var game: Int
        var minutes: Int
    }
    struct Posted: Sendable {
        var game: Int
        var year: Int
        var recommend: Bool
        var text: String
    }
    struct User: Sendable {
        var id: String
        var library: [Owned]
        var reviews: [Posted]
    }

    var games: [Game]
    var users: [User]

    static let developers = ["Alpha Works", "Beta", "Gamma Studio"]
    static let genres = ["Action", "Indie", "RPG"]
    static let words = ["great", "fun", "bad", "boring", "love", "broken", ""]

    var description: String { "\(games.count) games, \(users.count) users" }

    static var generator: Generator<RandomCatalog, some Sequence & SendableMetatype> { zip(
        zip(Gen.element(of: developers), Gen.int(in: 1995...2018).optional(), Gen.int(in: 0...3000).optional(), Gen.element(of: genres))
            .array(of: 1...12),
        zip(
            zip(Gen.int(in: 0...11), Gen.int(in: 0...100_000)).array(of: 0...6),
            zip(Gen.int(in: 0...11), Gen.int(in: 2010...2016), Gen.bool, Gen.element(of: words)).array(of: 0...4)
        ).array(of: 1...6)
    ).map { rawGames, rawUsers in
        let games = rawGames.enumerated().map { index, raw in
            // Prices in cents, so every amount has an exact decimal form; 0 is free.
            Game(id: 10 * (index + 1), developer: raw.0!, year: raw.1, price: raw.2.map { Double($0) / 100 }, genre: raw.3!)
        }
        let users = rawUsers.enumerated().map { index, raw in
            User(
                id: "user\(index)",
                library: raw.0.map { Owned(game: games[$0.0 % games.count].id, minutes: $0.1) },
                reviews: raw.1.map { Posted(game: games[$0.0 % games.count].id, year: $0.1, recommend: $0.2, text: $0.3!) }
            )
        }
        return RandomCatalog(games: games, users: users)
    } }

    /// Writes the three files as plain `.json` into `folder`.
    func write(to folder: String) throws {
        var lines: [[UInt8]] = []
        var line = LineBuffer()
        for game in games {
            line.removeAll()
            line.raw("{\"publisher\": NaN, \"genres\": "); line.json([game.genre])
            line.raw(", \"app_name\": "); line.json("Game \(game.id)")
            line.raw(", \"title\": "); line.json("Game \(game.id)")
            line.raw(", \"release_date\": "); line.jsonOrNaN(game.year.map { "\($0)-06-01" })
            line.raw(", \"tags\": [], \"specs\": [], \"price\": ")
            if let price = game.price { line.jsonFloat(price) } else { line.raw("NaN") }
            line.raw(", \"early_access\": false, \"id\": "); line.json(String(game.id))
            line.raw(", \"developer\": "); line.json(game.developer)
            line.raw("}")
            lines.append(line.bytes)
        }
        try Self.save(lines, to: folder + "/steam_games.json")

        lines = []
        for user in users {
            line.removeAll()
            line.raw("{'user_id': "); line.python(user.id)
            line.raw(", 'items_count': "); line.int(user.library.count)
            line.raw(", 'steam_id': "); line.python("7656119\(user.id.count)")
            line.raw(", 'user_url': "); line.python("http://steamcommunity.com/id/\(user.id)")
            line.raw(", 'items': [")
            for (index, owned) in user.library.enumerated() {
                if index > 0 { line.raw(", ") }
                line.raw("{'item_id': "); line.python(String(owned.game))
                line.raw(", 'item_name': "); line.python("Game \(owned.game)")
                line.raw(", 'playtime_forever': "); line.int(owned.minutes)
                line.raw(", 'playtime_2weeks': 0}")
            }
            line.raw("]}")
            lines.append(line.bytes)
        }
        try Self.save(lines, to: folder + "/australian_users_items.json")

        lines = []
        for user in users {
            line.removeAll()
            line.raw("{'user_id': "); line.python(user.id)
            line.raw(", 'user_url': "); line.python("http://steamcommunity.com/id/\(user.id)")
            line.raw(", 'reviews': [")
            for (index, review) in user.reviews.enumerated() {
                if index > 0 { line.raw(", ") }
                line.raw("{'funny': '', 'posted': "); line.python("Posted March \(index + 1), \(review.year).")
                line.raw(", 'last_edited': '', 'item_id': "); line.python(String(review.game))
                line.raw(", 'helpful': 'No ratings yet', 'recommend': "); line.python(review.recommend)
                line.raw(", 'review': "); line.python(review.text)
                line.raw("}")
            }
            line.raw("]}")
            lines.append(line.bytes)
        }
        try Self.save(lines, to: folder + "/australian_user_reviews.json")
    }

    private static func save(_ lines: [[UInt8]], to path: String) throws {
        try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path))
    }
}
