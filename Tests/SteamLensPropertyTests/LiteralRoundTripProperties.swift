import Testing
import PropertyBased
@testable import SteamLensSample
import SteamLensData

/// The sample generator's writers and the engine's parser agree on every
/// value: what `LineBuffer` writes, `LiteralParser` reads back unchanged.
@Suite struct LiteralRoundTripProperties {
    /// Any Unicode scalar, surrogates excluded: controls, quotes, backslashes, astral planes.
    static let anyText = Gen<UInt32>.value(in: 0...0x10FFFF)
        .compactMap { Unicode.Scalar($0).map(Character.init) }
        .array(of: 0...24)
        .map { String($0) }

    @Test func anyStringWrittenAsPythonReprParsesBackToItself() async {
        await propertyCheck(count: 400, input: Self.anyText) { text in
            var line = LineBuffer()
            line.python(text)
            let parsed = try LiteralParser.parse(String(decoding: line.bytes, as: UTF8.self), dialect: .python)
            #expect(parsed.stringValue == text)
        }
    }

    @Test func anyStringWrittenAsJSONParsesBackToItself() async {
        await propertyCheck(count: 400, input: Self.anyText) { text in
            var line = LineBuffer()
            line.json(text)
            let parsed = try LiteralParser.parse(String(decoding: line.bytes, as: UTF8.self), dialect: .json)
            #expect(parsed.stringValue == text)
        }
    }

    @Test func anyIntegerWrittenInDecimalParsesBackToItself() async {
        await propertyCheck(count: 400, input: Gen.int(in: Int(Int64.min + 1)...Int(Int64.max))) { number in
            var line = LineBuffer()
            line.int(number)
            let parsed = try LiteralParser.parse(String(decoding: line.bytes, as: UTF8.self), dialect: .python)
            #expect(parsed.integerValue == Int64(number))
        }
    }

    @Test func anyFinitePriceWrittenAsAJSONFloatParsesBackToTheSameDouble() async {
        await propertyCheck(count: 400, input: Gen.double(in: -1e12...1e12)) { value in
            var line = LineBuffer()
            line.jsonFloat(value)
            let parsed = try LiteralParser.parse(String(decoding: line.bytes, as: UTF8.self), dialect: .json)
            #expect(parsed.numberValue == value)
        }
    }
}
