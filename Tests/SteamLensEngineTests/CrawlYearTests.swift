import SteamLensEngine
import XCTest

final class CrawlYearTests: XCTestCase {
    func testYearlessPostsAfterADatedRecordReachingDecemberBelongToTheNextYear() {
        let crawl = CrawlYear(postedYears: [2014, 2015, 0, 0], postedMonths: [3, 12, 1, 9])
        XCTAssertEqual(crawl.year, 2016)
        XCTAssertEqual(crawl.undatedCount, 2)
        XCTAssertEqual(crawl.undatedMonths, 1...9)
        XCTAssertEqual(crawl.evidence, "2016: latest explicit year 2015 + 1; year-less posts run January–September")
    }

    func testNoYearIsInferredWhenTheDatedRecordStopsBeforeDecember() {
        let crawl = CrawlYear(postedYears: [2015, 0], postedMonths: [5, 6])
        XCTAssertNil(crawl.year)
        XCTAssertTrue(crawl.evidence.hasPrefix("not inferred: the latest explicit post is May 2015"), crawl.evidence)
    }

    func testNoYearIsInferredWithoutYearlessOrWithoutDatedPosts() {
        XCTAssertNil(CrawlYear(postedYears: [2015], postedMonths: [12]).year)
        XCTAssertNil(CrawlYear(postedYears: [0, 0], postedMonths: [1, 2]).year)
    }
}
