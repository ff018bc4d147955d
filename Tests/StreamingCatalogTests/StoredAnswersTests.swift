import Foundation
import XCTest
import SteamLensEngine
@testable import StreamingCatalog
@testable import StreamingSample
import SteamLensTestSupport

/// A store reopened by a later start answers every streaming question
/// exactly as the engine that was just trained: every question of
/// `StreamingQueries`, over arguments drawn from the data, under both
/// definitions, and every list.
final class StoredAnswersTests: XCTestCase {
    /// The bundled sample beside the repository.
    private var bundledSample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/streaming").path
    }

    func testTheBundledSampleReopenedAnswersEveryQuestionAsWhenTrained() throws {
        try assertReopenedAnswersMatch(folder: bundledSample)
    }

    func testAGeneratedSetWithRatingsReopenedAnswersEveryQuestionAsWhenTrained() throws {
        let folder = Fixture.temporaryFolder()
        var generator = CatalogueGenerator.sample
        generator.seed = 7
        try generator.write(to: folder)
        _ = try RatingsGenerator(viewers: 400, seed: 7).write(forCatalogueIn: folder)
        try assertReopenedAnswersMatch(folder: folder)
    }

    func testACatalogueWithoutRatingsReopenedSaysTheSameAboutScores() throws {
        try assertReopenedAnswersMatch(folder: try StreamingFixture.folder())
    }

    private func assertReopenedAnswersMatch(folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let cache = Fixture.temporaryFolder()
        let fresh = StreamingStore.open(folder: folder, cacheFolder: cache)
        var messages: [String] = []
        let reopened = StreamingStore.open(folder: folder, cacheFolder: cache) { messages.append($0) }
        XCTAssertEqual(messages, [], "the second open reads the store", file: file, line: line)
        XCTAssertEqual(reopened.catalogue.titles, fresh.catalogue.titles, file: file, line: line)
        XCTAssertEqual(reopened.catalogue.groups, fresh.catalogue.groups, file: file, line: line)
        XCTAssertEqual(reopened.catalogue.report, fresh.catalogue.report, file: file, line: line)
        XCTAssertEqual(reopened.catalogue.ratings?.viewers, fresh.catalogue.ratings?.viewers, file: file, line: line)
        var asked = 0
        for definitions in [StreamingDefinitions.standard, Self.alternative] {
            for query in StreamingQueries.all {
                for arguments in Self.argumentSets(query, fresh) {
                    for options in Self.options(query) {
                        XCTAssertEqual(Self.answer(query, fresh, arguments, definitions, options),
                                       Self.answer(query, reopened, arguments, definitions, options),
                                       "\(query.name) \(arguments)", file: file, line: line)
                        asked += 1
                    }
                }
            }
            for kind in StreamingListKind.allCases {
                for sort in [ListPage.Sort.count, .name] {
                    XCTAssertEqual(Self.list(kind, fresh, sort, definitions), Self.list(kind, reopened, sort, definitions),
                                   "list \(kind)", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(asked, 200, file: file, line: line)
    }

    private static var alternative: StreamingDefinitions {
        var definitions = StreamingDefinitions.standard
        definitions.titleYear = .added
        definitions.wordMatch = .substring
        definitions.missingRating = .g
        return definitions
    }

    /// Sorted keys: the JSON of one answer is the same text every time.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// The answer, or the error's text: a question that fails must fail the same way.
    private static func answer(_ query: StreamingQuery, _ engine: StreamingEngine, _ arguments: [String],
                               _ definitions: StreamingDefinitions, _ options: StreamingQueryOptions) -> String {
        do {
            let result = try query(engine, arguments, definitions, options)
            return String(decoding: try encoder.encode(result), as: UTF8.self)
        } catch {
            return "error: \(error)"
        }
    }

    private static func list(_ kind: StreamingListKind, _ engine: StreamingEngine, _ sort: ListPage.Sort, _ definitions: StreamingDefinitions) -> String {
        do {
            return String(decoding: try encoder.encode(try engine.list(kind, sort: sort, limit: 50, definitions: definitions)), as: UTF8.self)
        } catch {
            return "error: \(error)"
        }
    }

    private static func options(_ query: StreamingQuery) -> [StreamingQueryOptions] {
        switch query.name {
        case "recommend_viewer": return ViewerModel.allCases.map { StreamingQueryOptions(model: $0.rawValue) }
        case "will_like": return [StreamingQueryOptions(), StreamingQueryOptions(threshold: 3, neighbours: 5)]
        default: return [StreamingQueryOptions()]
        }
    }

    /// Every combination of a few values per parameter, taken from the data
    /// (titles, viewers, ratings, years) plus one that names nothing.
    private static func argumentSets(_ query: StreamingQuery, _ engine: StreamingEngine) -> [[String]] {
        let titles = engine.titles
        let picks = Array(Set([0, 1, titles.count / 3, titles.count / 2, titles.count - 1].filter { $0 >= 0 && $0 < titles.count })).sorted()
        let viewers = engine.catalogue.ratings?.viewers ?? []
        let ratings = Array(Set(titles.compactMap(\.rating))).sorted().prefix(3)
        func values(_ name: String) -> [String] {
            switch name {
            case "platform": return ["netflix", "amazon", "hulu", "disney", "nowhere"]
            case "word": return ["love", "the", "night", picks.first.map { titles[$0].name } ?? "x"]
            case "score": return ["3.5", "4"]
            case "year": return ["2020", "2019", "2015", "1900"]
            case "unit": return ["min", "season"]
            case "rating": return Array(ratings) + ["unknown", "XX"]
            case "type": return ["movie", "show"]
            case "country": return ["United States", "India", "Atlantis"]
            case "title id or name": return picks.map { titles[$0].id } + picks.prefix(1).map { titles[$0].name } + ["no such title"]
            case "viewer": return Array(viewers.prefix(3)) + viewers.suffix(1) + ["nobody"]
            default: return ["x"]
            }
        }
        return query.arguments.reduce([[]]) { sets, name in sets.flatMap { set in values(name).map { set + [$0] } } }
    }
}
