import Foundation
@testable import SteamLensEngine

/// Seeds for the column, model and store targets, made by the project's own encoders
/// from the hand-made fixture (`steamlens-fuzz --write-seeds Tests/FuzzCorpus`).
/// The line targets' seeds are lines of the synthetic sample in Data/,
/// cut by scripts/fuzz.sh; real data is never committed.
enum SeedCorpus {
    static func write(to corpus: String) {
        let baseline = Baseline.shared
        var seeds: [(FuzzTarget, String, [UInt8])] = []
        seeds.append((.snapshot, "fixture-columns", baseline.columnBytes))
        // The sentiment model holds a fixed-size weight table (about 1 MB):
        // its head reaches the header checks and keeps the corpus small.
        seeds.append((.models, "fixture-sentiment", Array(baseline.sentimentBlob.prefix(512))))
        // Patches: none, one in the header, a few across the file.
        for target in [FuzzTarget.store, .tables] {
            seeds.append((target, "no-patch", []))
            seeds.append((target, "header-byte", [0, 0, 18, 0xFF]))
            seeds.append((target, "spread", [0, 16, 0, 0x00, 0, 40, 0, 0x7F, 0, 90, 0, 0xAA]))
        }
        for (target, name, bytes) in seeds {
            let folder = corpus + "/" + target.rawValue
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                fatalError("steamlens-fuzz: cannot write \(path)")
            }
            print("\(path): \(bytes.count) bytes")
        }
    }
}
