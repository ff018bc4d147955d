import SteamLensData
import XCTest
@testable import StreamingCatalog

/// The real catalogues' counts (docs/streaming.md), when ../shared/data/streaming exists.
final class RealStreamingDataTests: XCTestCase {
    func testRealCataloguesLoadWithTheDocumentedCounts() throws {
        guard let folder = StreamingFixture.realFolder else {
            throw XCTSkip("../shared/data/streaming is absent: the real catalogue counts are not checked")
        }
        let catalogue = StreamingLoader.load(folder: folder)
        let report = catalogue.report
        XCTAssertFalse(report.hasProblems)
        let kept = Platform.allCases.map { report.file(named: $0.fileName)?.kept }
        XCTAssertEqual(kept, [9668, 1450, 3073, 8807])
        XCTAssertEqual(catalogue.titles.count, 22_998)
        func total(_ platform: Platform, _ rule: CleaningRule) -> Int { report.file(named: platform.fileName)?.total(rule) ?? -1 }
        XCTAssertEqual(Platform.allCases.map { total($0, StreamingRules.ratingMissing) }, [337, 3, 522, 4])
        XCTAssertEqual(Platform.allCases.map { total($0, StreamingRules.durationInRating) }, [0, 0, 290, 3])
        // 477 Hulu rows have an empty duration; 290 of them carry it in `rating`.
        XCTAssertEqual(Platform.allCases.map { total($0, StreamingRules.durationMissing) }, [0, 0, 187, 0])
        XCTAssertEqual(Platform.allCases.map { total($0, StreamingRules.dateAddedMissing) }, [9513, 3, 28, 10])
        XCTAssertEqual(total(.netflix, StreamingRules.dateAddedSpaces), 88)
        XCTAssertEqual(total(.hulu, StreamingRules.castMissing), 3073)
        XCTAssertEqual(Platform.allCases.map { report.file(named: $0.fileName)!.skipped }, [0, 0, 0, 0])
        XCTAssertEqual(catalogue.titles.filter { $0.type == .movie }.count + catalogue.titles.filter { $0.type == .show }.count, 22_998)
    }
}
