import Foundation
import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// A hand-built catalogue of six games, three users and five reviews, small
/// enough that a full-screen snapshot reads as a picture and every number
/// on it can be checked by hand:
///
/// | game | developer | publisher | year | price | tags | owners |
/// |---|---|---|---|---|---|---|
/// | Dungeon Loop | Ember Forge | Ember Forge | 2013 | 4.99 | Roguelike, Indie | 3 |
/// | Crypt Runner | Ember Forge | Iron Owl | 2015 | 9.99 | Roguelike, Action | 2 |
/// | Sky Harbor | Blue Kite | Iron Owl | 2016 | 19.99 | Simulation | 1 |
/// | Tiny Tactics | Blue Kite | Blue Kite | 2012 | free | Strategy, Roguelike | 2 |
/// | Romance of the Three Kingdoms XIII: … | Koei Tecmo | Koei Tecmo | 2016 | 39.99 | Strategy | 1 |
/// | Old Ruins | Ember Forge | none | unknown | unknown | Adventure | 0 |
///
/// Helpful votes: ben's review of Dungeon Loop 3 of 3, ana's of Crypt Runner
/// 1 of 4, cem's of Crypt Runner 1,203 of 1,500; the other two "No ratings yet".
enum TinyCatalog {
    static let games = #"""
        {"publisher": "Ember Forge", "genres": ["Indie", "Action"], "app_name": "Dungeon Loop", "title": "Dungeon Loop", "release_date": "2013-03-01", "tags": ["Roguelike", "Indie"], "specs": ["Single-player"], "price": 4.99, "early_access": false, "id": "101", "developer": "Ember Forge"}
        {"publisher": "Iron Owl", "genres": ["Action"], "app_name": "Crypt Runner", "title": "Crypt Runner", "release_date": "2015-10-20", "tags": ["Roguelike", "Action"], "specs": ["Single-player", "Steam Achievements"], "price": 9.99, "early_access": false, "id": "102", "developer": "Ember Forge"}
        {"publisher": "Iron Owl", "genres": ["Simulation"], "app_name": "Sky Harbor", "title": "Sky Harbor", "release_date": "2016-05-05", "tags": ["Simulation"], "specs": ["Single-player"], "price": 19.99, "early_access": false, "id": "103", "developer": "Blue Kite"}
        {"publisher": "Blue Kite", "genres": ["Strategy", "Free to Play"], "app_name": "Tiny Tactics", "title": "Tiny Tactics", "release_date": "2012-01-15", "tags": ["Strategy", "Roguelike"], "specs": ["Multi-player"], "price": "Free to Play", "early_access": false, "id": "104", "developer": "Blue Kite"}
        {"publisher": "Koei Tecmo", "genres": ["Strategy", "Simulation"], "app_name": "Romance of the Three Kingdoms XIII: Fame and Strategy Expansion Pack", "title": "Romance of the Three Kingdoms XIII: Fame and Strategy Expansion Pack", "release_date": "2016-11-29", "tags": ["Strategy"], "specs": ["Single-player"], "price": 39.99, "early_access": false, "id": "105", "developer": "Koei Tecmo"}
        {"publisher": NaN, "genres": ["Adventure"], "app_name": "Old Ruins", "title": "Old Ruins", "release_date": "Soon..", "tags": ["Adventure"], "specs": ["Single-player"], "price": NaN, "early_access": true, "id": "106", "developer": "Ember Forge"}
        """#

    static let libraries = """
        {'user_id': 'ana', 'items_count': 3, 'steam_id': '76561197900000011', 'user_url': 'http://steamcommunity.com/id/ana', 'items': [{'item_id': '101', 'item_name': 'Dungeon Loop', 'playtime_forever': 600, 'playtime_2weeks': 0}, {'item_id': '102', 'item_name': 'Crypt Runner', 'playtime_forever': 120, 'playtime_2weeks': 0}, {'item_id': '104', 'item_name': 'Tiny Tactics', 'playtime_forever': 3000, 'playtime_2weeks': 0}]}
        {'user_id': 'ben', 'items_count': 3, 'steam_id': '76561197900000012', 'user_url': 'http://steamcommunity.com/id/ben', 'items': [{'item_id': '101', 'item_name': 'Dungeon Loop', 'playtime_forever': 60, 'playtime_2weeks': 0}, {'item_id': '103', 'item_name': 'Sky Harbor', 'playtime_forever': 900, 'playtime_2weeks': 0}, {'item_id': '105', 'item_name': 'Romance', 'playtime_forever': 30, 'playtime_2weeks': 0}]}
        {'user_id': 'cem', 'items_count': 3, 'steam_id': '76561197900000013', 'user_url': 'http://steamcommunity.com/id/cem', 'items': [{'item_id': '101', 'item_name': 'Dungeon Loop', 'playtime_forever': 30, 'playtime_2weeks': 0}, {'item_id': '102', 'item_name': 'Crypt Runner', 'playtime_forever': 6000, 'playtime_2weeks': 0}, {'item_id': '104', 'item_name': 'Tiny Tactics', 'playtime_forever': 10, 'playtime_2weeks': 0}]}
        """

    static let reviews = """
        {'user_id': 'ana', 'user_url': 'http://steamcommunity.com/id/ana', 'reviews': [{'funny': '', 'posted': 'Posted March 2, 2014.', 'last_edited': '', 'item_id': '101', 'helpful': 'No ratings yet', 'recommend': True, 'review': 'Great loop, one more run every time'}, {'funny': '', 'posted': 'Posted May 1, 2016.', 'last_edited': '', 'item_id': '102', 'helpful': '1 of 4 people (25%) found this review helpful', 'recommend': False, 'review': 'Too hard, not fun'}]}
        {'user_id': 'ben', 'user_url': 'http://steamcommunity.com/id/ben', 'reviews': [{'funny': '', 'posted': 'Posted June 3, 2015.', 'last_edited': '', 'item_id': '101', 'helpful': '3 of 3 people (100%) found this review helpful', 'recommend': True, 'review': 'Fun roguelike with good music'}, {'funny': '', 'posted': 'Posted June 9, 2016.', 'last_edited': '', 'item_id': '103', 'helpful': 'No ratings yet', 'recommend': True, 'review': ''}]}
        {'user_id': 'cem', 'user_url': 'http://steamcommunity.com/id/cem', 'reviews': [{'funny': '', 'posted': 'Posted July 4, 2016.', 'last_edited': '', 'item_id': '102', 'helpful': '1,203 of 1,500 people (80%) found this review helpful', 'recommend': True, 'review': 'Best run based game I played'}]}
        """

    /// The three raw files in a new temporary folder.
    static func folder() -> String {
        let folder = NSTemporaryDirectory() + "steamlens-tiny-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try games.write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8)
            try reviews.write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
            try libraries.write(toFile: folder + "/australian_users_items.json", atomically: true, encoding: .utf8)
        } catch {
            fatalError("cannot write the tiny catalogue: \(error)")
        }
        return folder
    }

    static let engine: Engine = {
        let folder = TinyCatalog.folder()
        do {
            return try EngineLoader(dataFolder: folder, cacheFolder: folder + "/cache").open().engine
        } catch {
            fatalError("cannot load the tiny catalogue: \(error)")
        }
    }()

    /// Plays `keys` on the tiny catalogue and returns every line of the last frame.
    static func screen(_ keys: String, _ width: Int, _ height: Int, exportFolder: String = NSTemporaryDirectory()) -> [String] {
        replay(keys, width, height, exportFolder: exportFolder).screen
    }

    static func replay(_ keys: String, _ width: Int, _ height: Int,
                       exportFolder: String = NSTemporaryDirectory()) -> (runner: AppRunner, screen: [String]) {
        let parsed = (try? Key.parse(replay: keys)) ?? []
        let runner = AppRunner.replay(engine: engine, keys: parsed, size: Size(width: width, height: height),
                                      sourceName: "tiny", exportFolder: exportFolder)
        return (runner, (runner.terminal as! MemoryTerminal).screenLines())
    }
}

/// Compares a whole screen with its expected lines and, on a mismatch,
/// prints both pictures so the difference can be seen.
func assertScreen(_ screen: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    let trimmed = screen.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    guard trimmed != expected else { return }
    XCTFail("screen differs:\n" + trimmed.joined(separator: "\n") + "\n--- expected:\n" + expected.joined(separator: "\n"),
            file: file, line: line)
}
