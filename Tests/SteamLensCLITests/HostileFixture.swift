import Foundation
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// `Fixture` with names that try to take over the terminal: a colour
/// sequence, a C1 CSI (clear screen), a bell, a carriage return and a
/// right-to-left override, and a window-title sequence in a release date
/// that the load report quotes.
enum HostileFixture {
    /// The hostile developer name as the data holds it (Café Studio's games).
    static let developer = "Evil\u{1B}[31m \u{9B}2JCorp\u{7}\r\u{202E}Studio"
    /// The hostile title (Puzzle Box's).
    static let title = "Puzzle\u{1B}[5m Box\u{202E}xob"

    /// Indie Gem's release date, which the load report quotes as an example.
    static let releaseDate = "Soon\u{1B}]0;pwned\u{7}.."

    /// What any sanitized rendering of the names shows.
    static let safeDeveloper = "Evil Corp\nStudio"
    static let safeTitle = "Puzzle Boxxob"

    /// Writes the three files into a new temporary folder.
    static func folder() throws -> String {
        let folder = try Fixture.folder()
        let games = Fixture.games
            .replacingOccurrences(of: #""developer": "Café Studio""#, with: #""developer": "\#(jsonEscaped(developer))""#)
            .replacingOccurrences(of: #""title": "Puzzle Box""#, with: #""title": "\#(jsonEscaped(title))""#)
            .replacingOccurrences(of: #""release_date": "Soon..""#, with: #""release_date": "\#(jsonEscaped(releaseDate))""#)
        try games.write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8)
        return folder
    }

    /// An engine over the fixture, built in memory as the engine tests do.
    static func engine() throws -> Engine {
        let dataset = DatasetLoader.load(try DataDirectory(folder: try folder()))
        // Fixture's five reviews: alice 10, 30, 99, bob 10, 50 (positive, positive, negative, negative, neutral).
        let contents = StoreContents(dataset: dataset, sentiment: [2, 2, 0, 0, 1], fingerprint: SourceFingerprint(value: "hostile"))
        return Engine(catalog: CatalogBuilder.build(contents))
    }

    /// Whether `text` holds anything that a terminal would act on.
    static func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A) || (v >= 0x7F && v < 0xA0)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            return control || bidi
        }
    }

    private static func jsonEscaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value > 0x7E
                ? String(format: "\\u%04x", scalar.value)
                : String(scalar)
        }.joined()
    }
}
