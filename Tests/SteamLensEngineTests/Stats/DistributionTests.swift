@testable import SteamLensEngine
import XCTest

final class EngineDistributionTests: XCTestCase {
    func testLinearBinsAreNiceHalfOpenAndCoverTheMaximum() {
        let bins = Engine.linearBins([0.5, 3, 9.99, 10, 47], maxBins: 10, integral: false, startAtZero: true)
        XCTAssertEqual(bins.first?.lower, 0)
        XCTAssertEqual(bins.first?.upper, 5)
        XCTAssertGreaterThan(bins.last!.upper, 47, "the top edge lies strictly above the largest value")
        XCTAssertLessThanOrEqual(bins.count, 10)
        XCTAssertEqual(bins.reduce(0) { $0 + $1.count }, 5)
        XCTAssertEqual(bins[1].label, "[5, 10)")
        XCTAssertEqual(bins[2].count, 1, "10 falls in [10, 15), not [5, 10)")
    }

    func testYearBinsUseWholeYearSteps() {
        let years = (1990...2017).map(Double.init)
        let bins = Engine.linearBins(years, maxBins: 14, integral: true, startAtZero: false)
        XCTAssertEqual(bins.first?.lower, 1990)
        XCTAssertEqual(bins.first?.upper, 1992)
        XCTAssertEqual(bins.last?.label, "[2016, 2018)")
        XCTAssertEqual(bins.reduce(0) { $0 + $1.count }, years.count)
    }

    func testLogBinsFollowAOneTwoFiveSeries() {
        let bins = Engine.logBins([0.49, 0.99, 1, 4.99, 19.99, 59.99, 995], maxBins: 14)
        XCTAssertEqual(bins.map(\.lower), [0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500])
        XCTAssertEqual(bins.last?.upper, 1000)
        XCTAssertEqual(bins.map(\.count), [1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1])
        XCTAssertEqual(bins[0].label, "[0.2, 0.5)")
    }

    func testLogBinsFallBackToOneThreeWhenTooMany() {
        let bins = Engine.logBins([1.0 / 60, 10_000], maxBins: 14)
        XCTAssertLessThanOrEqual(bins.count, 14)
        XCTAssertEqual(bins.first?.lower, 0.01)
        XCTAssertEqual(bins[1].lower, 0.03)
        XCTAssertEqual(bins.reduce(0) { $0 + $1.count }, 2)
    }

    func testBoundaryValuesLandInTheUpperBin() {
        let bins = Engine.bin([0.1, 0.2, 0.3], edges: [0.1, 0.2, 0.3, 0.5])
        XCTAssertEqual(bins.map(\.count), [1, 1, 1])
    }

    func testSampleDistributionsCountEveryRowOrSayWhyNot() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("steamlens-enginetests-cache").path
        let engine = try EngineLoader(dataFolder: root.appendingPathComponent("Data").path, cacheFolder: cache).open().engine
        let catalog = engine.catalog

        let price = engine.distribution(.price)
        XCTAssertEqual(price.total + (price.leftOut.first?.count ?? 0), catalog.gameCount)
        XCTAssertEqual(price.bins[0].label, "0 (free)")
        XCTAssertEqual(price.bins[0].count, (0..<catalog.gameCount).filter { catalog.prices[$0] == 0 }.count)
        XCTAssertTrue(price.bins[1].label.hasPrefix("(0, "), price.bins[1].label)

        let playtime = engine.distribution(.playtime, logScale: true, definitions: Definitions(timeUnit: .minutes))
        XCTAssertEqual(playtime.total, catalog.libraryOfUser.values.count)
        XCTAssertEqual(playtime.bins[0].count, catalog.libraryOfUser.values.filter { $0.minutes == 0 }.count)
        XCTAssertTrue(playtime.logBins)

        let years = engine.distribution(.releaseYear)
        XCTAssertEqual(years.total + (years.leftOut.first?.count ?? 0), catalog.gameCount)
        XCTAssertTrue(years.leftOut.allSatisfy { $0.reason == "unknown release year" })

        let sentiment = engine.distribution(.sentiment)
        XCTAssertEqual(sentiment.bins.map(\.label), ["0 negative", "1 neutral", "2 positive"])
        XCTAssertEqual(sentiment.total, catalog.reviewCount)

        let lengths = engine.distribution(.reviewLength, logScale: true)
        XCTAssertEqual(lengths.total, catalog.reviewCount)

        let user = Int32(0)
        let library = engine.distribution(.playtime, scope: .user(user))
        XCTAssertEqual(library.total, catalog.libraryOfUser.rowCount(0))
        XCTAssertTrue(price.table.csv().hasPrefix("bin,lower,upper,count,share%"))
    }
}
