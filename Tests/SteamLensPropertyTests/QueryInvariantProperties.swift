import Foundation
import Testing
import PropertyBased
import SteamLensEngine
import SteamLensTestSupport

/// On any small catalogue, every query's answer keeps the invariants of its
/// definition: per-year items sum to the developer's games, shares are
/// percentages, counts are never negative, every answer encodes as JSON.
@Suite struct QueryInvariantProperties {
    @Test func everyQueryKeepsItsInvariantsOnRandomCatalogs() async throws {
        await propertyCheck(count: 25, input: RandomCatalog.generator) { catalog in
            let folder = Fixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try catalog.write(to: folder)
            let engine = try EngineLoader(dataFolder: folder, cacheFolder: folder + "/cache", environment: [:]).open().engine

            for developer in Set(catalog.games.map(\.developer)) {
                let answer = try engine.developer(developer)
                let games = catalog.games.filter { $0.developer == developer }
                #expect(answer.rows.map(\.items).reduce(0, +) == games.count, "developer \(developer)")
                for row in answer.rows {
                    let ofYear = games.filter { $0.year == row.year }
                    let free = ofYear.filter { $0.price == 0 }.count
                    #expect(row.items == ofYear.count, "developer \(developer), year \(String(describing: row.year))")
                    #expect(abs(row.freePercent - 100 * Double(free) / Double(ofYear.count)) < 1e-9)
                }
            }
            for (name, arguments) in Self.calls(catalog) {
                guard let query = QueryRegistry.named(name) else {
                    Issue.record("no query named \(name)")
                    continue
                }
                let result: any QueryResult
                do {
                    result = try query(engine, arguments, Definitions())
                } catch is QueryError {
                    continue  // a clean "no such year/user" is an answer too
                }
                let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(result.jsonValue), options: [.fragmentsAllowed])
                Self.checkNumbers(in: json, path: name + " " + arguments.joined(separator: " "))
            }
        }
    }

    /// Every query over every name and year the catalogue holds, plus one of each it does not.
    static func calls(_ catalog: RandomCatalog) -> [(String, [String])] {
        var calls: [(String, [String])] = []
        for developer in RandomCatalog.developers + ["Nobody"] {
            calls += [("developer", [developer]), ("developer_reviews_analysis", [developer])]
        }
        for genre in RandomCatalog.genres + ["Opera"] {
            calls += [("user_for_genre", [genre]), ("play_time_genre", [genre]), ("genre_rank", [genre])]
        }
        for year in ["2009", "2011", "2015", "2016"] {
            calls += [("best_developer_year", [year]), ("users_recommend", [year]),
                      ("users_not_recommend", [year]), ("sentiment_by_year", [year])]
        }
        calls.append(("count_reviews", ["2010-01-01", "2016-12-31"]))
        for user in catalog.users.map(\.id) + ["stranger"] {
            calls += [("userdata", [user]), ("recommend_user", [user])]
        }
        for game in catalog.games.prefix(3) {
            calls.append(("recommend_game", [String(game.id)]))
        }
        return calls
    }

    /// Shares (keys naming a percent or share) lie in [0, 100]; every other number is ≥ 0.
    static func checkNumbers(in json: Any, path: String, key: String = "") {
        switch json {
        case let object as [String: Any]:
            for (name, value) in object { checkNumbers(in: value, path: path, key: name) }
        case let array as [Any]:
            for value in array { checkNumbers(in: value, path: path, key: key) }
        case let number as NSNumber:  // booleans arrive as 0 and 1, which pass both checks
            let value = number.doubleValue
            let name = key.lowercased()
            #expect(value.isFinite, "\(path): \(key) = \(value)")
            if name.contains("percent") || name.contains("share") {
                #expect((0...100).contains(value), "\(path): \(key) = \(value)")
            } else if !["score", "similarity", "correlation", "weight"].contains(where: name.contains) {
                #expect(value >= 0, "\(path): \(key) = \(value)")
            }
        default:
            break
        }
    }
}
