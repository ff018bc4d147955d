import Foundation
import SteamLensData
import XCTest
@testable import StreamingCatalog
@testable import StreamingSample
import SteamLensTestSupport

final class SampleGeneratorTests: XCTestCase {
    private func sampleFolder(seed: UInt64 = 42, viewers: Int = 600) throws -> String {
        let folder = Fixture.temporaryFolder()
        var generator = CatalogueGenerator.sample
        generator.seed = seed
        try generator.write(to: folder)
        _ = try RatingsGenerator(viewers: viewers, seed: seed).write(forCatalogueIn: folder)
        return folder
    }

    /// A sample named NAME.sample.csv (as the bundled one) reads exactly like one under the real names.
    func testSampleNamesAreReadLikeTheRealNames() throws {
        let real = try sampleFolder()
        let named = Fixture.temporaryFolder()
        try CatalogueGenerator.sample.write(to: named, sampleNames: true)
        _ = try RatingsGenerator(viewers: 600, seed: 42).write(forCatalogueIn: named, fileName: "ratings.sample.csv")
        XCTAssertTrue(StreamingLoader.recognizes(named))
        XCTAssertEqual(StreamingLoader.catalogueFile(of: .netflix, in: named), named + "/netflix_titles.sample.csv")
        let a = StreamingLoader.load(folder: real), b = StreamingLoader.load(folder: named)
        XCTAssertEqual(a.titles, b.titles)
        XCTAssertEqual(a.ratings?.count, b.ratings?.count)
        XCTAssertEqual(b.report.files.map(\.file), Platform.allCases.map(\.fileNames[1]) + ["ratings.sample.csv"])
    }

    func testTheSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws {
        let a = try sampleFolder(), b = try sampleFolder(), c = try sampleFolder(seed: 7)
        for name in Platform.allCases.map(\.fileName) + ["ratings.csv"] {
            XCTAssertEqual(FileManager.default.contents(atPath: a + "/" + name), FileManager.default.contents(atPath: b + "/" + name), name)
            XCTAssertNotEqual(FileManager.default.contents(atPath: a + "/" + name), FileManager.default.contents(atPath: c + "/" + name), name)
        }
    }

    func testTheSampleGoesThroughTheRealFilesQuirks() throws {
        let catalogue = StreamingLoader.load(folder: try sampleFolder())
        let report = catalogue.report
        XCTAssertFalse(report.hasProblems)
        func total(_ platform: Platform, _ rule: CleaningRule) -> Int { report.file(named: platform.fileName)?.total(rule) ?? 0 }
        XCTAssertEqual(total(.hulu, StreamingRules.castMissing), report.file(named: Platform.hulu.fileName)?.kept)
        XCTAssertGreaterThan(total(.hulu, StreamingRules.durationInRating), 0)
        XCTAssertGreaterThan(total(.hulu, StreamingRules.ratingMissing), 0)
        XCTAssertGreaterThan(total(.hulu, StreamingRules.durationMissing), 0)
        XCTAssertGreaterThan(total(.amazon, StreamingRules.dateAddedMissing), report.file(named: Platform.amazon.fileName)!.kept * 9 / 10)
        XCTAssertGreaterThan(total(.netflix, StreamingRules.dateAddedSpaces), 0)
        XCTAssertGreaterThan(Platform.allCases.map { total($0, StreamingRules.copyOnOtherPlatform) }.reduce(0, +), 0)
        XCTAssertEqual(Platform.allCases.map { report.file(named: $0.fileName)!.skipped }, [0, 0, 0, 0], "every generated row is readable")
        XCTAssertEqual(report.file(named: "ratings.csv")?.skipped, 0)
    }

    func testActivityAndPopularityAreLongTailed() throws {
        let ratings = try XCTUnwrap(StreamingLoader.load(folder: try sampleFolder()).ratings)
        let perViewer = (0..<ratings.viewers.count).map(ratings.ratingCount(ofViewer:)).sorted()
        XCTAssertGreaterThanOrEqual(perViewer.first!, 8)
        XCTAssertGreaterThan(perViewer.last!, 10 * perViewer[perViewer.count / 2], "the busiest viewer rates ten times the median")
        let perTitle = (0..<ratings.titleCount).map(ratings.ratingCount(ofTitle:)).sorted()
        XCTAssertGreaterThan(perTitle.last!, 10 * max(1, perTitle[perTitle.count / 2]))
    }

    func testScoresFollowTheDocumentedModel() throws {
        let folder = try sampleFolder()
        let catalogue = StreamingLoader.load(folder: folder)
        let generator = RatingsGenerator(viewers: 600)
        let truth = generator.truth(for: catalogue.titles)
        let ratings = try XCTUnwrap(catalogue.ratings)
        // Residuals against the noiseless score are the noise plus rounding: SD ≈ √(0.45² + 0.25²/3) ≈ 0.47, a little less where clamped.
        var squares = 0.0, count = 0.0
        for v in 0..<ratings.viewers.count {
            let u = Int(ratings.viewers[v].dropFirst())! - 1
            let row = ratings.ratings(of: v)
            for (t, halves) in zip(row.titles, row.halves) {
                let residual = Double(halves) / 2 - truth.expectedScore(viewer: u, title: Int(t))
                squares += residual * residual
                count += 1
            }
        }
        let rmse = (squares / count).squareRoot()
        XCTAssertGreaterThan(rmse, 0.3)
        XCTAssertLessThan(rmse, 0.55)
        // Titles with a higher hidden bias score higher on average.
        let scored = (0..<ratings.titleCount).filter { ratings.ratingCount(ofTitle: $0) >= 20 }
        let correlation = pearson(scored.map { truth.titleBias[$0] }, scored.map { ratings.meanScore(ofTitle: $0)! })
        XCTAssertGreaterThan(correlation, 0.6)
    }

    private func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        return sxy / (sxx * syy).squareRoot()
    }
}
