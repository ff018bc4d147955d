import Foundation
import Testing
import PropertyBased
import SteamLensData
import SteamLensTestSupport

/// No byte string traps a reader: damage is a counted skip or a thrown
/// error, never a crash. The fuzzers (scripts/fuzz.sh) search the same
/// ground for far longer; these keep a quick random sweep in every test run.
@Suite struct ReaderRobustnessProperties {
    /// Random bytes biased towards the literals' own punctuation, so the parser gets past the first character.
    static let lineBytes = Gen<UInt8?>.element(of: Array("{}[]()'\":, \\NaTrueFalsNone0123456789.-+eExu\n\r\t".utf8))
        .compactMap { $0 }
        .array(of: 0...80)
    static let anyBytes = Gen<UInt8>.value(in: 0...255).array(of: 0...200)

    @Test func anyBytesParseOrThrowInBothDialects() async {
        await propertyCheck(count: 2000, input: Self.lineBytes, Self.anyBytes) { punctuation, bytes in
            for input in [punctuation, bytes] {
                for dialect in [LiteralParser.Dialect.json, .python] {
                    _ = input.withUnsafeBufferPointer { try? LiteralParser.parse($0, dialect: dialect) }
                }
            }
        }
    }

    @Test func anyBytesAsADataFileLoadWithCountsThatAddUp() async throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await propertyCheck(count: 150, input: Self.lineBytes, Gen.int(in: 0...2)) { bytes, which in
            let kinds = DataDirectory.Kind.allCases
            for (index, kind) in kinds.enumerated() {
                let content = index == which ? bytes : []
                try Data(content).write(to: URL(fileURLWithPath: folder + "/\(kind.rawValue).json"))
            }
            let dataset = DatasetLoader.load(try DataDirectory(folder: folder))
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            for file in dataset.report.files {
                #expect(file.lines <= lines)
                #expect(file.kept >= 0 && file.skipped >= 0)
            }
        }
    }
}
