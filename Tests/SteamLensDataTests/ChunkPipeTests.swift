import XCTest
@testable import SteamLensData

final class ChunkPipeTests: XCTestCase {
    struct Broken: Error, Equatable {}

    /// Chunks larger than a buffer are split across buffers; the reader gets
    /// every byte in order and then what the producer returned.
    func testChunksLargerThanABufferArriveWholeAndInOrder() throws {
        let sent = (0..<5).map { chunk in (0..<(37 * chunk + 5)).map { UInt8(truncatingIfNeeded: $0 * 7 + chunk) } }
        var received: [UInt8] = []
        let ending = try ChunkPipe<String>.run(buffers: 2, capacity: 16) { send in
            for chunk in sent { try chunk.withUnsafeBufferPointer { try send($0) } }
            return "done"
        } consume: { chunk in
            XCTAssertLessThanOrEqual(chunk.count, 16)
            received += chunk
        }
        XCTAssertEqual(ending, "done")
        XCTAssertEqual(received, sent.flatMap { $0 })
    }

    /// A producer that fails hands over what it sent before, then its error.
    func testAProducerErrorComesThroughAfterItsChunks() {
        var received: [UInt8] = []
        XCTAssertThrowsError(try ChunkPipe<Int>.run(buffers: 1, capacity: 4) { send in
            try [UInt8](1...10).withUnsafeBufferPointer { try send($0) }
            throw Broken()
        } consume: { received += $0 }) { error in
            XCTAssertEqual(error as? Broken, Broken())
        }
        XCTAssertEqual(received, Array(1...10))
    }
}
