import Foundation
import SteamLensData
import XCTest
@testable import StreamingCatalog

/// The ratings reader's byte fast path and its general path agree.
final class RatingsReaderTests: XCTestCase {
    private func read(_ text: String) throws -> (ratings: Ratings, catalogue: TitleCatalogue) {
        let catalogue = StreamingLoader.load(folder: try StreamingFixture.folder(ratings: text))
        return (try XCTUnwrap(catalogue.ratings), catalogue)
    }

    func testQuotedFieldsOddIdsAndOddScoresReadLikeThePlainOnes() throws {
        let (ratings, catalogue) = try read("""
            user_id,title_id,score,timestamp
            u1,ns1,4.5,10
            "u1","ns3","3",11
            u01,ns1,4.50,12
            viewer-x, as1 ,5.0,13
            u2,NS2,2,14
            u2,ns2,2,-15

            """)
        XCTAssertEqual(ratings.viewers, ["u1", "u01", "viewer-x", "u2"], "u01 is not u1: ids are text")
        XCTAssertEqual(ratings.score(viewer: 0, title: catalogue.index(ofId: "ns1")!), 4.5)
        XCTAssertEqual(ratings.score(viewer: 0, title: catalogue.index(ofId: "ns3")!), 3, "a quoted line takes the general path")
        XCTAssertEqual(ratings.score(viewer: 1, title: catalogue.index(ofId: "ns1")!), 4.5, "4.50 is a half step")
        XCTAssertEqual(ratings.score(viewer: 2, title: catalogue.index(ofId: "as1")!), 5, "spaces around an id are trimmed")
        let report = try XCTUnwrap(catalogue.report.file(named: "ratings.csv"))
        XCTAssertEqual(report.total(StreamingRules.ratingUnknownTitle), 1, "NS2: title ids are exact")
        XCTAssertEqual(report.total(StreamingRules.ratingTimestampInvalid), 0, "a negative timestamp is whole seconds")
        XCTAssertEqual(report.kept, 5)
    }

    func testRepeatsKeepTheFirstRatingWhereverTheyAre() throws {
        let (ratings, catalogue) = try read("""
            user_id,title_id,score,timestamp
            u1,ns1,1,10
            u2,ns1,3,11
            u1,ns3,2,12
            u1,ns1,5,13
            u2,ns1,4,14

            """)
        XCTAssertEqual(ratings.score(viewer: 0, title: catalogue.index(ofId: "ns1")!), 1)
        XCTAssertEqual(ratings.score(viewer: 1, title: catalogue.index(ofId: "ns1")!), 3)
        let report = try XCTUnwrap(catalogue.report.file(named: "ratings.csv"))
        XCTAssertEqual(report.rules.first { $0.rule == StreamingRules.ratingDuplicate }?.samples,
                       ["ratings.csv:5: u1 ns1", "ratings.csv:6: u2 ns1"])
        XCTAssertEqual(ratings.raters(of: catalogue.index(ofId: "ns1")!).viewers.map { $0 }, [0, 1], "the by-title view agrees")
    }

    func testABadHeaderOrAnOpenQuoteIsReported() throws {
        let bad = StreamingLoader.load(folder: try StreamingFixture.folder(ratings: "user,movie,stars\nu1,ns1,4\n"))
        XCTAssertTrue(bad.report.file(named: "ratings.csv")?.problem?.contains("the header must be") ?? false)
        let (_, open) = try read("user_id,title_id,score,timestamp\nu1,\"ns1,4,10\nu2,ns1,4,10\n")
        XCTAssertEqual(open.report.file(named: "ratings.csv")?.total(StreamingRules.unterminatedQuote), 1)
        XCTAssertEqual(open.report.file(named: "ratings.csv")?.kept, 1)
    }
    /// A big file is read in two parts on two cores: the same ratings,
    /// viewer numbers and report (counts, samples, line numbers) as one
    /// pass, with quirks, repeats and first appearances on both sides of the cut.
    func testAFileReadInPartsGivesWhatOnePassGives() throws {
        let ids = StreamingLoader.load(folder: try StreamingFixture.folder(ratings: "user_id,title_id,score,timestamp\n")).titleIndex.keys.sorted()
        var rng = SplitMix64(seed: 3)
        var lines = ["user_id,title_id,score,timestamp"]
        for n in 0..<3_000 {
            let viewer = "u\(rng.next() % UInt64(20 + n / 10))", title = ids[Int(rng.next() % UInt64(ids.count))]
            // Once on each side of the cut, and a rule seen only after it: the reports' merge is what is checked.
            if n == 100 || n == 2_900 { lines.append(",\(title),4,1"); continue }
            if n > 2_500, n % 97 == 0 { lines.append("\"\(viewer),\(title),4,1"); continue }
            switch rng.next() % 40 {
            case 0: lines.append("\(viewer),xs9,4,1")
            case 1: lines.append("\(viewer),\(title),4.2,1")
            case 2: lines.append("\(viewer),\(title),4")
            case 3: lines.append("")
            case 4: lines.append("\"\(viewer)\",\"\(title)\",\"3.5\",2")
            case 5: lines.append("\(viewer),\(title),2,x")
            default: lines.append("\(viewer),\(title),\(1 + rng.next() % 5),\(n)")
            }
        }
        let folder = try StreamingFixture.folder(ratings: lines.joined(separator: "\n") + "\n")
        let titleIndex = StreamingLoader.load(folder: folder).titleIndex
        var onePass = RatingsFileReader(path: folder + "/ratings.csv")
        onePass.partBytes = .max
        var inParts = onePass
        inParts.partBytes = 0
        XCTAssertNotNil(FileParts.split(path: folder + "/ratings.csv", count: 2), "the file is cut")
        let (a, b) = (onePass.read(titleIndex: titleIndex), inParts.read(titleIndex: titleIndex))
        XCTAssertEqual(b.report, a.report)
        XCTAssertEqual(b.ratings.viewers, a.ratings.viewers)
        XCTAssertEqual(b.ratings.viewerOffsets, a.ratings.viewerOffsets)
        XCTAssertEqual(b.ratings.viewerTitles, a.ratings.viewerTitles)
        XCTAssertEqual(b.ratings.viewerHalves, a.ratings.viewerHalves)
        XCTAssertEqual(a.report.lines, 3_001)
        XCTAssertEqual(a.report.rules.first { $0.rule == StreamingRules.ratingWithoutUser }?.samples.count, 2, "one sample from each side")
        XCTAssertGreaterThan(a.report.total(StreamingRules.unterminatedQuote), 1, "a rule only the later part meets")
        for rule in [StreamingRules.ratingUnknownTitle, StreamingRules.ratingScoreInvalid, StreamingRules.wrongFieldCount, StreamingRules.ratingDuplicate] {
            XCTAssertGreaterThan(a.report.total(rule), 3, "\(rule) on both sides of the cut")
        }
    }
}
