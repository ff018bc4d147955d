import Foundation
import SteamLensData
import XCTest
@testable import StreamingCatalog

final class TitleLoadingTests: XCTestCase {
    private func load() throws -> TitleCatalogue {
        StreamingLoader.load(folder: try StreamingFixture.folder())
    }

    func testIdsArePlatformLetterPlusShowIdInPlatformOrder() throws {
        let catalogue = try load()
        XCTAssertEqual(catalogue.titles.map(\.id), ["as1", "as2", "ds1", "hs1", "hs2", "hs3", "ns1", "ns2", "ns3", "ns4", "ns5"])
        XCTAssertEqual(catalogue.index(ofId: "NS2"), 7)
    }

    func testQuotedFieldsBecomeListsDatesAndDurations() throws {
        let catalogue = try load()
        let boat = catalogue.titles[catalogue.index(ofId: "ns1")!]
        XCTAssertEqual(boat.cast, ["Tom Hanks", "Meg Ryan"])
        XCTAssertEqual(boat.countries, ["United States", "Canada"])
        XCTAssertEqual(boat.genres, ["Comedies", "Romantic Movies"])
        XCTAssertEqual(boat.description, "A boat, a love, \"a dream\".")
        XCTAssertEqual(boat.dateAdded, CalendarDay(year: 2021, month: 9, day: 25))
        XCTAssertEqual(boat.duration, Duration(value: 90, unit: .minutes))
        let blind = catalogue.titles[catalogue.index(ofId: "ns2")!]
        XCTAssertEqual(blind.dateAdded, CalendarDay(year: 2019, month: 8, day: 1), "leading space trimmed")
        XCTAssertEqual(blind.duration, Duration(value: 2, unit: .seasons))
        XCTAssertEqual(blind.description, "Strangers meet in pods.")
    }

    func testADurationInTheRatingColumnMovesAndLeavesTheRatingUnknown() throws {
        let catalogue = try load()
        let glove = catalogue.titles[catalogue.index(ofId: "ns5")!]
        XCTAssertEqual(glove.duration, Duration(value: 74, unit: .minutes))
        XCTAssertNil(glove.rating)
        XCTAssertNil(glove.dateAdded, "February 30 does not exist")
        let long = catalogue.titles[catalogue.index(ofId: "hs3")!]
        XCTAssertEqual(long.duration, Duration(value: 1, unit: .seasons))
    }

    func testTheNetflixReportCountsEveryRule() throws {
        let report = try XCTUnwrap(try load().report.file(named: "netflix_titles.csv"))
        XCTAssertEqual(report.lines, 10)
        XCTAssertEqual(report.kept, 5)
        XCTAssertEqual(report.skipped, 3)
        let expected: [(CleaningRule, Int)] = [
            (StreamingRules.duplicateShowId, 1), (StreamingRules.typeUnknown, 1), (StreamingRules.wrongFieldCount, 1),
            (StreamingRules.directorMissing, 2), (StreamingRules.castMissing, 1), (StreamingRules.countryMissing, 1),
            (StreamingRules.descriptionMissing, 1), (StreamingRules.dateAddedMissing, 1), (StreamingRules.dateAddedSpaces, 1),
            (StreamingRules.dateAddedUnreadable, 1), (StreamingRules.durationInRating, 1), (StreamingRules.ratingMissing, 1),
            (StreamingRules.durationMissing, 1), (StreamingRules.invisibleCharacters, 1), (StreamingRules.copyOnOtherPlatform, 1),
        ]
        for (rule, count) in expected { XCTAssertEqual(report.total(rule), count, rule.rawValue) }
        XCTAssertEqual(report.rules.reduce(0) { $0 + $1.count }, expected.reduce(0) { $0 + $1.1 }, "no other rule fired")
        XCTAssertEqual(report.rules.first { $0.rule == StreamingRules.duplicateShowId }?.samples, ["netflix_titles.csv:8: s1"])
        XCTAssertEqual(report.rules.first { $0.rule == StreamingRules.wrongFieldCount }?.samples, ["netflix_titles.csv:10: 3 fields, header has 12"])
    }

    func testTheHuluReportCountsMissingCastRatingAndDuration() throws {
        let report = try XCTUnwrap(try load().report.file(named: "hulu_titles.csv"))
        XCTAssertEqual(report.kept, 3)
        XCTAssertEqual(report.total(StreamingRules.castMissing), 3)
        XCTAssertEqual(report.total(StreamingRules.ratingMissing), 1)
        XCTAssertEqual(report.total(StreamingRules.durationInRating), 1)
        XCTAssertEqual(report.total(StreamingRules.durationMissing), 1)
        XCTAssertEqual(report.total(StreamingRules.invisibleCharacters), 1)
        XCTAssertEqual(report.total(StreamingRules.copyOnOtherPlatform), 0, "Hulu comes before Netflix")
    }

    func testCopiesAcrossPlatformsShareAGroup() throws {
        let catalogue = try load()
        XCTAssertEqual(catalogue.group(of: catalogue.index(ofId: "ns1")!), catalogue.group(of: catalogue.index(ofId: "hs1")!))
        XCTAssertNotEqual(catalogue.group(of: catalogue.index(ofId: "ns2")!), catalogue.group(of: catalogue.index(ofId: "ns1")!))
    }

    func testAMissingFileOrHeaderColumnIsAProblemOfItsFile() throws {
        let folder = try StreamingFixture.folder()
        try FileManager.default.removeItem(atPath: folder + "/disney_plus_titles.csv")
        try "show_id,title\ns1,x\n".write(toFile: folder + "/hulu_titles.csv", atomically: true, encoding: .utf8)
        XCTAssertFalse(StreamingLoader.recognizes(folder))
        let report = StreamingLoader.load(folder: folder).report
        XCTAssertTrue(report.file(named: "disney_plus_titles.csv")?.problem?.contains("no such file") ?? false)
        XCTAssertTrue(report.file(named: "hulu_titles.csv")?.problem?.contains("lacks type, director") ?? false)
        XCTAssertTrue(report.hasProblems)
    }

    func testStreamingRulesSurviveTheStoredReportsJSONAndSteamRulesKeepTheirBareIds() throws {
        var file = LoadReport.FileReport(file: "x.csv", unit: "titles")
        file.record(StreamingRules.durationInRating, line: 3)
        file.record(.malformedLine, line: 4)
        let data = try JSONEncoder().encode(LoadReport(files: [file]))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"rule\":\"malformed-line\""))
        let back = try JSONDecoder().decode(LoadReport.self, from: data)
        XCTAssertEqual(back.files[0].rules[0].rule.summary, StreamingRules.durationInRating.summary)
        XCTAssertEqual(back.files[0].rules[0].rule.effect, .repaired)
    }

    func testRuleIdsAreUniqueAcrossBothDataSets() {
        let ids = (CleaningRule.allCases + StreamingRules.all).map(\.rawValue)
        XCTAssertEqual(Set(ids).count, Set(CleaningRule.allCases.map(\.rawValue)).count + StreamingRules.all.count - 3,
                       "only the three shared whole-line rules appear in both")
    }
}
