import XCTest
import SteamLensData

final class PartitioningIndexTests: XCTestCase {
    /// A lower bound: the first place whose element is at least the value,
    /// the end when none is, on whole collections and on slices (whose
    /// indices are the base's).
    func testTheFirstIndexWhereThePredicateHolds() {
        let sorted = [1, 3, 3, 3, 7, 9]
        for value in 0...10 {
            XCTAssertEqual(sorted.partitioningIndex { $0 >= value }, sorted.firstIndex { $0 >= value } ?? sorted.endIndex, "\(value)")
        }
        XCTAssertEqual([Int]().partitioningIndex { $0 >= 1 }, 0)
        let slice = sorted[2..<5]
        XCTAssertEqual(slice.partitioningIndex { $0 >= 4 }, 4, "an index of the base")
        XCTAssertEqual(slice.partitioningIndex { $0 >= 10 }, 5, "the slice's end")
        XCTAssertEqual(slice.partitioningIndex { _ in true }, 2)
    }
}
