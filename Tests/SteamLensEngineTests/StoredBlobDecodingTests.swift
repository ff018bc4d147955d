import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// The decoders of the store's blobs meet bytes that passed their checksum
/// but are not what this version wrote (a writer bug, an old layout): they
/// must throw, never trap and never build a catalogue that traps later.
final class StoredBlobDecodingTests: XCTestCase {
    private func fixtureCatalog() throws -> Catalog {
        let directory = try DataDirectory(folder: try Fixture.folder())
        let dataset = DatasetLoader.load(directory)
        return CatalogBuilder.build(StoreContents(dataset: dataset, sentiment: [2, 2, 0, 0, 1], fingerprint: SourceFingerprint(directory: directory)))
    }

    func testASnapshotDecodesToTheCatalogItWasMadeFrom() throws {
        let catalog = try fixtureCatalog()
        let decoded = try CatalogSnapshot.decode(try CatalogSnapshot.encode(catalog), reviewTexts: catalog.reviewText)
        XCTAssertEqual(decoded.titles, catalog.titles)
        XCTAssertEqual(decoded.itemIndexById, catalog.itemIndexById)
        XCTAssertEqual(decoded.libraryOfUser.values, catalog.libraryOfUser.values)
        XCTAssertEqual(decoded.reviewSentiment, catalog.reviewSentiment)
    }

    func testEveryTruncationOfASnapshotThrows() throws {
        let catalog = try fixtureCatalog()
        let bytes = try CatalogSnapshot.encode(catalog)
        for length in 0..<bytes.count {
            XCTAssertThrowsError(try CatalogSnapshot.decode(Array(bytes.prefix(length)), reviewTexts: catalog.reviewText), "length \(length)")
        }
    }

    func testASnapshotOfAnotherVersionThrows() throws {
        let catalog = try fixtureCatalog()
        var bytes = try CatalogSnapshot.encode(catalog)
        // The version follows the magic: an 8-byte count, 9 bytes "SLCATALOG".
        bytes[17] &+= 1
        XCTAssertThrowsError(try CatalogSnapshot.decode(bytes, reviewTexts: catalog.reviewText)) { error in
            XCTAssertTrue("\(error)".contains("not a catalog snapshot of version \(CatalogSnapshot.version)"), "\(error)")
        }
    }

    func testSnapshotsWithAnyByteChangedThrowOrGiveACatalogueThatAnswersWithoutTrapping() throws {
        let catalog = try fixtureCatalog()
        let models = TrainedRecommenders.train(catalog)
        let bytes = try CatalogSnapshot.encode(catalog)
        var rejected = 0, answered = 0
        for position in 0..<bytes.count {
            for value: UInt8 in [0x00, 0x7F, 0xFF] where bytes[position] != value {
                var damaged = bytes
                damaged[position] = value
                guard let decoded = try? CatalogSnapshot.decode(damaged, reviewTexts: catalog.reviewText) else {
                    rejected += 1
                    continue
                }
                // Whatever decodes has every index inside its tables: following them all must not trap.
                for user in 0..<decoded.userCount { _ = decoded.libraryOfUser[user].map { decoded.titles[Int($0.item)] } }
                for item in 0..<decoded.itemCount { _ = decoded.reviewsOfItem[item].map { decoded.userIds[Int(decoded.reviewUser[Int($0)])] } }
                guard models.fits(decoded) else { continue }
                let engine = Engine(catalog: decoded, models: models)
                _ = try? engine.recommendGame("10")
                _ = try? engine.developer("Valve")
                answered += 1
            }
        }
        XCTAssertGreaterThan(rejected, 0)
        XCTAssertGreaterThan(answered, 0, "changed titles or prices still decode: only the store's checksum can catch those")
    }

    func testNeighbourListsWhoseOffsetsGoBackwardsThrow() throws {
        let lists = NeighbourLists(rows: [[(1, 0.5), (2, 0.25)], [(0, 1)]])
        var bytes = [UInt8](lists.serialized())
        // Offsets start at byte 16 as [0, 2, 3]; [0, 4, 3] still starts at 0 and ends at the entry count.
        bytes[20] = 4
        XCTAssertThrowsError(try NeighbourLists(serialized: Data(bytes)))
        XCTAssertEqual(try NeighbourLists(serialized: lists.serialized()), lists)
    }
}
