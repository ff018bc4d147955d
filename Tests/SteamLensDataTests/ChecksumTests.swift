import CKernels
import XCTest
@testable import SteamLensData

final class ChecksumTests: XCTestCase {
    /// The check values of the CRC catalogue (reveng.sourceforge.io): CRC-32C
    /// and CRC-32 of "123456789".
    func testTheCatalogueCheckValues() {
        let digits = Array("123456789".utf8)
        XCTAssertEqual(StoreChecksum.castagnoli(digits), 0xE306_9283)
        XCTAssertEqual(StoreChecksum.of(digits), 0xCBF4_3926)
        XCTAssertEqual(StoreChecksum.castagnoli([UInt8]()), 0)
    }

    /// RFC 3720 (iSCSI) B.4: 32 bytes of zeros, of ones, and counting up.
    func testTheISCSIVectors() {
        XCTAssertEqual(StoreChecksum.castagnoli([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(StoreChecksum.castagnoli([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(StoreChecksum.castagnoli((0..<32).map(UInt8.init)), 0x46DD_794E)
    }

    /// The instruction path and the table path agree on every length and
    /// alignment, and a sum continued piece by piece equals the whole.
    func testTheHardwareAndTablePathsAgree() {
        var random = SplitMix64(seed: 7)
        let bytes = (0..<4099).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        bytes.withUnsafeBytes { raw in
            for start in 0..<9 {
                for length in [0, 1, 7, 8, 9, 15, 16, 63, 64, 65, 1000, 4090 - start] {
                    let piece = raw.baseAddress! + start
                    XCTAssertEqual(sl_crc32c(0, piece, length), sl_crc32c_portable(0, piece, length), "start \(start), length \(length)")
                }
            }
            let whole = sl_crc32c(0, raw.baseAddress!, raw.count)
            let half = sl_crc32c(0, raw.baseAddress!, 1001)
            XCTAssertEqual(sl_crc32c(half, raw.baseAddress! + 1001, raw.count - 1001), whole)
            XCTAssertEqual(sl_crc32c_portable(sl_crc32c_portable(0, raw.baseAddress!, 13), raw.baseAddress! + 13, raw.count - 13), whole)
        }
    }
}
