import XCTest
@testable import SteamLensData
import SteamLensTestSupport

final class ColumnFileTests: XCTestCase {
    private func written(_ build: (inout ColumnFileWriter) -> Void) throws -> String {
        let path = Fixture.temporaryFolder() + "/test.columns"
        var writer = ColumnFileWriter()
        build(&writer)
        try writer.write(to: path)
        return path
    }

    private func sample() throws -> String {
        try written { out in
            out.add("ids", [570, 730, 10] as [Int32])
            out.add("prices", [0.99, .nan, 19.99] as [Double])
            out.add("big", (0..<100_000).map { Int64($0 * 7) })
            out.add("names", ["Dota 2", "", "Counter-Strike: ąę 🎮"])
            out.add("empty", [] as [UInt8])
            out.add("note", text: "built today")
        }
    }

    func testColumnsReadBackInPlaceAsWritten() throws {
        let file = try ColumnFile(path: try sample())
        XCTAssertEqual(Array(try file.column("ids", of: Int32.self)), [570, 730, 10])
        let prices = try file.column("prices", of: Double.self)
        XCTAssertEqual(prices[0], 0.99)
        XCTAssertTrue(prices[1].isNaN)
        let big = try file.column("big", of: Int64.self)
        XCTAssertEqual(big.count, 100_000)
        XCTAssertEqual(big[99_999], 699_993)
        XCTAssertEqual(try file.strings("names").array, ["Dota 2", "", "Counter-Strike: ąę 🎮"])
        XCTAssertTrue(try file.strings("names").utf8Equals(0, Array("Dota 2".utf8)))
        XCTAssertEqual(try file.column("empty", of: UInt8.self).count, 0)
        XCTAssertEqual(try file.text("note"), "built today")
        XCTAssertNoThrow(try file.verifyAll())
    }

    func testTheSameColumnsGiveTheSameBytes() throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try sample()))
        let second = try Data(contentsOf: URL(fileURLWithPath: try sample()))
        XCTAssertEqual(first, second)
    }

    func testAMissingColumnOrAnotherElementSizeIsDamage() throws {
        let file = try ColumnFile(path: try sample())
        XCTAssertThrowsError(try file.column("nope", of: Int32.self)) { XCTAssertTrue("\($0)".contains("column 'nope' is missing"), "\($0)") }
        XCTAssertThrowsError(try file.column("ids", of: Int64.self)) { XCTAssertTrue("\($0)".contains("elements of 4 bytes, expected 8"), "\($0)") }
    }

    func testEveryTruncationIsRejectedAtOpen() throws {
        let path = try sample()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            try bytes.prefix(length).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try ColumnFile(path: path), "length \(length)") { error in
                guard case ColumnFile.OpenError.damaged = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testEveryFlippedHeaderByteIsRejectedAtOpen() throws {
        let path = try sample()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let headerLength = Int(bytes[16]) | Int(bytes[17]) << 8 | Int(bytes[18]) << 16
        for position in 0..<headerLength {
            var damaged = bytes
            damaged[position] ^= 0x01
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try ColumnFile(path: path), "byte \(position)")
        }
    }

    func testAFlippedBitInAnyBlockFailsThatBlocksCheckOnly() throws {
        let path = try sample()
        let entry = try XCTUnwrap(try ColumnFile(path: path).entries["big"])
        XCTAssertEqual(entry.blockCount, 13, "800,000 bytes in 64 KiB blocks")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[entry.offset + 5 * 65_536 + 17] ^= 0x80
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try ColumnFile(path: path)
        XCTAssertThrowsError(try file.verify("big")) { XCTAssertTrue("\($0)".contains("checksum of column 'big' block 5 does not match"), "\($0)") }
        XCTAssertNoThrow(try file.verify("ids"))
        XCTAssertThrowsError(try file.verifyAll())
        // Blocks before the damaged one read (and verify) normally.
        XCTAssertEqual(try file.column("big", of: Int64.self)[65_536 / 8 * 5 - 1], Int64((65_536 / 8 * 5 - 1) * 7))
    }

    /// The fuzzer's reseal: an intact file comes back byte for byte, and a
    /// file damaged past its checksums opens and verifies once resealed.
    func testResealingRecomputesEveryChecksum() throws {
        let path = try sample()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(ColumnFile.resealed(bytes), bytes)
        let entry = try XCTUnwrap(try ColumnFile(path: path).entries["big"])
        var damaged = bytes
        damaged[entry.offset + 5 * 65_536 + 17] ^= 0x80
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ColumnFile(path: path).verifyAll())
        try Data(try XCTUnwrap(ColumnFile.resealed(damaged))).write(to: URL(fileURLWithPath: path))
        XCTAssertNoThrow(try ColumnFile(path: path).verifyAll())
        // The flipped byte is byte 1 of element 5 × 8,192 + 2: its value reads back damaged, not refused.
        let index = 5 * 8_192 + 2
        let expected: Int64 = Int64(index * 7) ^ 0x8000
        XCTAssertEqual(try ColumnFile(path: path).column("big", of: Int64.self)[index], expected)
        XCTAssertNil(ColumnFile.resealed(Array(bytes.prefix(20))))
        XCTAssertNil(ColumnFile.resealed(Array("not a column file at all, just text".utf8)))
    }

    /// A checksum only says the bytes are the ones written: an index column
    /// also has its values checked against the table they point into, at
    /// first read, even when another view of the same bytes verified them.
    func testIndexValuesOutsideTheirTableAreDamageEvenWithMatchingChecksums() throws {
        let path = try written { out in
            out.add("rows", (0..<40_000).map { Int32($0 % 10) })
            out.add("flags", [0, 1, 1, 0] as [UInt8])
        }
        XCTAssertNoThrow(try ColumnFile(path: path).column("rows", verifyNow: true, valid: { (0..<10).contains($0) } as @Sendable (Int32) -> Bool))
        let entry = try XCTUnwrap(try ColumnFile(path: path).entries["rows"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[entry.offset + 4 * 30_000] = 10
        let flags = try XCTUnwrap(try ColumnFile(path: path).entries["flags"])
        bytes[flags.offset + 2] = 7
        try Data(try XCTUnwrap(ColumnFile.resealed(bytes))).write(to: URL(fileURLWithPath: path))

        let file = try ColumnFile(path: path)
        XCTAssertNoThrow(try file.verifyAll(), "the checksums match")
        let plain = try file.column("rows", of: Int32.self)
        XCTAssertEqual(plain[30_000], 10, "without a check the value reads as stored")
        XCTAssertThrowsError(try file.column("rows", verifyNow: true, valid: { (0..<10).contains($0) } as @Sendable (Int32) -> Bool)) {
            XCTAssertTrue("\($0)".contains("column 'rows' block 1 holds values its table cannot have"), "\($0)")
        }
        XCTAssertNoThrow(try file.column("rows", verifyNow: true, valid: { (0..<11).contains($0) } as @Sendable (Int32) -> Bool))
        XCTAssertThrowsError(try file.column("flags", of: Bool.self, verifyNow: true), "a Bool byte other than 0 or 1") {
            XCTAssertTrue("\($0)".contains("column 'flags' block 0 holds values"), "\($0)")
        }
        XCTAssertEqual(Array(try file.column("flags", of: UInt8.self, verifyNow: true)), [0, 1, 7, 0], "the same bytes as UInt8 are fine")
    }

    /// The range form of the value check (`within:`, checked by C loops)
    /// finds values out of place at either end, as the closure form does;
    /// at first touch it is the same check (`BlockGuard`).
    func testARangeCheckRefusesValuesOutsideIt() throws {
        let path = try written { out in
            out.add("rows", (0..<40_000).map { Int32($0 % 10) - 3 })
            out.add("halves", (0..<70_000).map { UInt8(1 + $0 % 10) })
        }
        XCTAssertNoThrow(try ColumnFile(path: path).column("rows", verifyNow: true, within: Int32(-3)...6))
        XCTAssertNoThrow(try ColumnFile(path: path).column("halves", verifyNow: true, within: UInt8(1)...10))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let rows = try XCTUnwrap(try ColumnFile(path: path).entries["rows"]), halves = try XCTUnwrap(try ColumnFile(path: path).entries["halves"])
        withUnsafeBytes(of: Int32(-4).littleEndian) { bytes.replaceSubrange(rows.offset + 4 * 30_000..<rows.offset + 4 * 30_001, with: $0) }
        bytes[halves.offset + 69_999] = 11
        try Data(try XCTUnwrap(ColumnFile.resealed(bytes))).write(to: URL(fileURLWithPath: path))

        let file = try ColumnFile(path: path)
        XCTAssertThrowsError(try file.column("rows", verifyNow: true, within: Int32(-3)...6)) {
            XCTAssertTrue("\($0)".contains("column 'rows' block 1 holds values its table cannot have"), "\($0)")
        }
        XCTAssertNoThrow(try file.column("rows", verifyNow: true, within: Int32(-4)...6))
        XCTAssertThrowsError(try file.column("halves", verifyNow: true, within: UInt8(1)...10)) {
            XCTAssertTrue("\($0)".contains("column 'halves' block 1 holds values its table cannot have"), "\($0)")
        }
        XCTAssertNoThrow(try file.column("halves", verifyNow: true, within: UInt8(1)...11))
        XCTAssertNoThrow(try file.column("halves", of: UInt8.self, verifyNow: true), "without a check the bytes are fine")
    }

    /// `index(below:)`: row numbers of a table, -1 too with `orNone`; a
    /// table of no rows takes no values (no range can say that).
    func testAnIndexColumnHoldsRowsOfItsTable() throws {
        let path = try written { out in
            out.add("rows", [0, 4, 2] as [Int32])
            out.add("slots", [-1, 3] as [Int32])
            out.add("none", [] as [Int32])
        }
        let file = try ColumnFile(path: path)
        XCTAssertEqual(Array(try file.index("rows", verifyNow: true, below: 5)), [0, 4, 2])
        XCTAssertThrowsError(try file.index("rows", verifyNow: true, below: 4), "4 is past a table of 4")
        XCTAssertThrowsError(try file.index("slots", verifyNow: true, below: 4), "-1 only with orNone")
        XCTAssertNoThrow(try file.index("slots", verifyNow: true, below: 4, orNone: true))
        XCTAssertThrowsError(try file.index("rows", verifyNow: true, below: 0), "an empty table takes no rows")
        XCTAssertThrowsError(try file.index("slots", verifyNow: true, below: 0, orNone: true), "nor anything but none")
        XCTAssertEqual(try file.index("none", verifyNow: true, below: 0).count, 0)
    }

    func testOffsetsRunFromZeroToTheValuesNeverBackwards() {
        XCTAssertTrue(Column<Int32>([0, 2, 2, 5]).areOffsets(over: 5))
        XCTAssertTrue(Column<Int64>([0]).areOffsets(over: 0), "no rows")
        XCTAssertFalse(Column<Int32>([]).areOffsets(over: 0), "at least one offset")
        XCTAssertFalse(Column<Int32>([1, 2, 5]).areOffsets(over: 5), "from 0")
        XCTAssertFalse(Column<Int32>([0, 3, 2, 5]).areOffsets(over: 5), "never backwards")
        XCTAssertFalse(Column<Int32>([0, 2, 4]).areOffsets(over: 5), "to the values")
        XCTAssertFalse(Column<Int64>([0, -1, 5]).areOffsets(over: 5))
    }

    /// Mapped lazily a string column is checked at its ends only (a string
    /// out of order reads as empty); read now, every offset is checked.
    func testStringsReadNowHaveEveryOffsetChecked() throws {
        let path = try written { out in out.add("names", ["ab", "cd", "ef"]) }
        let entry = try XCTUnwrap(try ColumnFile(path: path).entries["names.offsets"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        withUnsafeBytes(of: Int64(5).littleEndian) { bytes.replaceSubrange(entry.offset + 8..<entry.offset + 16, with: $0) }
        try Data(try XCTUnwrap(ColumnFile.resealed(bytes))).write(to: URL(fileURLWithPath: path))
        let file = try ColumnFile(path: path)
        XCTAssertEqual(try file.strings("names").array, ["abcde", "", "ef"], "offsets 0, 5, 4, 6: the second reads as empty")
        XCTAssertThrowsError(try file.strings("names", verifyNow: true)) {
            XCTAssertTrue("\($0)".contains("strings 'names' have offsets that do not match their bytes"), "\($0)")
        }
    }

    func testAnotherFormatVersionIsStale() throws {
        let path = try sample()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[8] = UInt8(ColumnFile.formatVersion + 1)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ColumnFile(path: path)) { error in
            XCTAssertEqual(error as? ColumnFile.OpenError,
                           .stale(path, reason: "format version \(ColumnFile.formatVersion + 1), expected \(ColumnFile.formatVersion)"))
        }
    }

    func testAnAbsentFileSaysSo() throws {
        let path = Fixture.temporaryFolder() + "/none.columns"
        XCTAssertThrowsError(try ColumnFile(path: path)) { XCTAssertEqual($0 as? ColumnFile.OpenError, .absent(path)) }
    }
}
