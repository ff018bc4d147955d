import Foundation
import SteamLensData

/// A hand-made data folder whose answers are worked out by hand in the
/// engine tests. Every line exercises a quirk of the real files.
public enum Fixture {
    public static let games = """
        {"publisher": NaN, "genres": NaN, "app_name": NaN, "title": NaN, "url": NaN, "release_date": NaN, "tags": NaN, "reviews_url": NaN, "specs": NaN, "price": NaN, "early_access": NaN, "id": NaN, "developer": NaN}
        {"publisher": "Valve", "genres": ["Action"], "app_name": "Counter-Strike", "title": "Counter-Strike", "release_date": "2000-11-01", "tags": ["FPS", "Multiplayer"], "specs": ["Multi-player"], "price": 9.99, "early_access": false, "id": "10", "developer": "Valve"}
        {"publisher": "Valve", "genres": ["Action"], "app_name": "Team Fortress Classic", "title": "Team Fortress Classic", "release_date": "1999-04-01", "tags": ["FPS", "Classic"], "specs": ["Multi-player"], "price": "Free to Play", "early_access": false, "id": "20", "developer": "Valve"}
        {"publisher": "Valve", "genres": ["Action", "Adventure"], "app_name": "Half-Life 2", "title": NaN, "release_date": "Nov 2004", "tags": ["FPS", "Story Rich"], "specs": ["Single-player"], "price": 19.99, "early_access": false, "id": "30", "developer": "Valve"}
        {"publisher": NaN, "genres": ["Indie", "Design &amp; Illustration"], "app_name": "Indie Gem", "title": "Indie Gem", "release_date": "Soon..", "tags": ["Indie"], "specs": ["Single-player"], "price": NaN, "early_access": true, "id": "40", "developer": "Café Studio"}
        {"publisher": NaN, "genres": ["Indie"], "app_name": "Puzzle Box", "title": "Puzzle Box", "release_date": "2015-06-01", "tags": ["Puzzle", "Indie"], "specs": ["Single-player"], "price": 0.0, "early_access": false, "id": "50", "developer": "Café Studio"}
        {"publisher": "Valve", "genres": ["Action"], "app_name": "Counter-Strike again", "title": "Counter-Strike again", "release_date": "2000-11-01", "tags": [], "specs": [], "price": 9.99, "early_access": false, "id": "10", "developer": "Valve"}
        {"publisher": NaN, "genres": ["Action"], "app_name": "No Id Edition", "title": "No Id Edition", "release_date": "2010-01-01", "tags": [], "specs": [], "price": 1.0, "early_access": false, "id": NaN, "developer": "Nobody"}
        {"id": "60", "title": "Broken
        """

    public static let reviews = """
        {'user_id': 'alice', 'user_url': 'http://steamcommunity.com/id/alice', 'reviews': [{'funny': '', 'posted': 'Posted November 5, 2011.', 'last_edited': '', 'item_id': '10', 'helpful': 'No ratings yet', 'recommend': True, 'review': 'great game, I love it'}, {'funny': '', 'posted': 'Posted June 3.', 'last_edited': '', 'item_id': '30', 'helpful': 'No ratings yet', 'recommend': True, 'review': "It's the best \\xe9pisode"}, {'funny': '', 'posted': 'Posted March 1, 2015.', 'last_edited': '', 'item_id': '99', 'helpful': 'No ratings yet', 'recommend': False, 'review': 'bad and boring'}]}
        {'user_id': 'bob', 'user_url': 'http://steamcommunity.com/id/bob', 'reviews': [{'funny': '', 'posted': 'Posted January 2, 2011.', 'last_edited': '', 'item_id': '10', 'helpful': 'No ratings yet', 'recommend': False, 'review': 'terrible, not fun'}, {'funny': '', 'posted': 'Posted May 5, 2015.', 'last_edited': '', 'item_id': '50', 'helpful': 'No ratings yet', 'recommend': True, 'review': ''}]}
        {'user_id': 'alice', 'user_url': 'http://steamcommunity.com/id/alice', 'reviews': [{'funny': '', 'posted': 'Posted November 5, 2011.', 'last_edited': '', 'item_id': '10', 'helpful': 'No ratings yet', 'recommend': True, 'review': 'great game, I love it'}]}
        """

    public static let libraries = """
        {'user_id': 'alice', 'items_count': 4, 'steam_id': '76561197900000001', 'user_url': 'http://steamcommunity.com/id/alice', 'items': [{'item_id': '10', 'item_name': 'Counter-Strike', 'playtime_forever': 600, 'playtime_2weeks': 0}, {'item_id': '30', 'item_name': 'Half-Life 2', 'playtime_forever': 120, 'playtime_2weeks': 0}, {'item_id': '99', 'item_name': 'Lost Game', 'playtime_forever': 30, 'playtime_2weeks': 0}, {'item_id': '10', 'item_name': 'Counter-Strike', 'playtime_forever': 900, 'playtime_2weeks': 5}]}
        {'user_id': 'bob', 'items_count': 2, 'steam_id': '76561197900000002', 'user_url': 'http://steamcommunity.com/id/bob', 'items': [{'item_id': '20', 'item_name': 'Team Fortress Classic', 'playtime_forever': 6000, 'playtime_2weeks': 0}, {'item_id': '50', 'item_name': 'Puzzle Box', 'playtime_forever': 60, 'playtime_2weeks': 0}]}
        {'user_id': 'carol', 'items_count': 3, 'steam_id': '76561197900000003', 'user_url': 'http://steamcommunity.com/id/carol', 'items': [{'item_id': '10', 'item_name': 'Counter-Strike', 'playtime_forever': 60, 'playtime_2weeks': 0}, {'item_id': '20', 'item_name': 'Team Fortress Classic', 'playtime_forever': 60, 'playtime_2weeks': 0}, {'item_id': '30', 'item_name': 'Half-Life 2', 'playtime_forever': 6000, 'playtime_2weeks': 0}]}
        """

    /// Writes the fixture as plain `.json` files into a new temporary folder.
    public static func folder() throws -> String {
        let folder = temporaryFolder()
        try games.write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8)
        try reviews.write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
        try libraries.write(toFile: folder + "/australian_users_items.json", atomically: true, encoding: .utf8)
        return folder
    }

    /// A new empty folder inside this process's own temporary root, which
    /// is removed when the process exits: a test run used to leave
    /// thousands of folders in /tmp.
    public static func temporaryFolder() -> String {
        let path = temporaryRoot + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static let temporaryRoot: String = {
        let root = NSTemporaryDirectory() + "steamlens-test-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        atexit { try? FileManager.default.removeItem(atPath: Fixture.temporaryRoot) }
        return root
    }()
}

/// The real data folder for tests that need it: `$STEAMLENS_DATA`, else
/// `../shared/data/steam` beside the repository; nil when absent.
public enum RealData {
    public static var folder: String? {
        if let env = ProcessInfo.processInfo.environment["STEAMLENS_DATA"], !env.isEmpty,
           FileManager.default.fileExists(atPath: env) {
            return env
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/data/steam").path
        return FileManager.default.fileExists(atPath: shared + "/steam_games.json.gz") ? shared : nil
    }

    /// The bundled synthetic sample in the repository's Data/ folder.
    public static var bundledSample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
    }
}
