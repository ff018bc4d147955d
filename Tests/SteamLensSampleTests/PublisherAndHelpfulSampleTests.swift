import Foundation
import XCTest
@testable import SteamLensSample

/// The sample's publishers and helpful texts look like the real file's:
/// publishers often the developer, else a few publishers shared by many
/// games, sometimes missing; helpful votes only in the real shapes.
final class PublisherAndHelpfulSampleTests: XCTestCase {
    private var directory: URL { SampleFixtures.standard.directory }

    /// (developer, publisher) of every game row (nil for NaN).
    private func pairs() throws -> [(developer: String?, publisher: String?)] {
        func field(_ name: String, _ line: String) -> String? {
            guard let range = line.range(of: "\"\(name)\": ") else { return nil }
            let rest = line[range.upperBound...]
            guard rest.hasPrefix("\"") else { return nil }
            return String(rest.dropFirst().prefix { $0 != "\"" })
        }
        return try SampleFixtures.lines(of: "steam_games", in: directory)
            .filter { $0.contains("\"app_name\": \"") }
            .map { (field("developer", $0), field("publisher", $0)) }
    }

    func testPublishersAreOftenTheDeveloperOftenSharedAndSometimesMissing() throws {
        let games = try pairs()
        let missing = games.filter { $0.publisher == nil }.count
        let own = games.filter { $0.publisher != nil && $0.publisher == $0.developer }.count
        let share = { (n: Int) in Double(n) / Double(games.count) }
        // The real file: 25 % without a publisher, 39 % published by their developer.
        XCTAssertEqual(share(missing), 0.25, accuracy: 0.06, "\(missing) of \(games.count)")
        XCTAssertEqual(share(own), 0.35, accuracy: 0.08, "\(own) of \(games.count)")
        var perPublisher: [String: Int] = [:]
        for game in games where game.publisher != nil && game.publisher != game.developer { perPublisher[game.publisher!, default: 0] += 1 }
        let busiest = perPublisher.values.max() ?? 0
        XCTAssertGreaterThan(busiest, games.count / 100, "one publisher shares many games, as Ubisoft's 385 of 32,132")
        XCTAssertGreaterThan(perPublisher.count, 10)
    }

    func testHelpfulTextsTakeOnlyTheRealShapes() throws {
        let text = try SampleFixtures.lines(of: "australian_user_reviews", in: directory).joined(separator: "\n")
        let helpful = text.components(separatedBy: "'helpful': '").dropFirst().map { String($0.prefix { $0 != "'" }) }
        XCTAssertGreaterThan(helpful.count, 1_000)
        let shape = #"^(No ratings yet|\d{1,3}(,\d{3})* of \d{1,3}(,\d{3})* people \(\d{1,3}%\) found this review helpful)$"#
        let odd = helpful.filter { $0.range(of: shape, options: .regularExpression) == nil }
        XCTAssertEqual(odd, [], "every helpful text is one of the real shapes")
        let none = helpful.filter { $0 == "No ratings yet" }.count
        XCTAssertEqual(Double(none) / Double(helpful.count), 30_168.0 / 59_305.0, accuracy: 0.05, "about half the real reviews have no ratings")
        for votes in helpful where votes != "No ratings yet" {
            let numbers = votes.split(separator: " ").prefix(3)
            let found = Int(numbers.first!.filter { $0 != "," })!, rated = Int(numbers.last!.filter { $0 != "," })!
            XCTAssertLessThanOrEqual(found, rated, votes)
        }
    }
}
