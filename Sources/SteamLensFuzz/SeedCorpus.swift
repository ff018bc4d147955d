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
        // The stored model has 2^20 buckets (about 1 MB, past the input
        // limit): fold it to 2^10 so the seed is a whole, valid model the
        // decoder accepts and the target runs predictions on.
        let model = folded(baseline.sentimentBlob, bits: 10)
        guard (try? SentimentModel(serialized: model)) != nil else { fatalError("steamlens-fuzz: the folded sentiment model does not decode") }
        seeds.append((.models, "fixture-sentiment-folded", model))
        // Patches: none, one in the header, a few across the file.
        for target in [FuzzTarget.store, .tables, .streaming] {
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

    /// A serialized sentiment model with its hash buckets folded to `2^bits`
    /// (bucket b → b mod 2^bits: weights summed, the largest idf code kept),
    /// the layout of `SentimentModel+Serialization` otherwise unchanged.
    static func folded(_ blob: [UInt8], bits: Int) -> [UInt8] {
        let header = 40, from = Int(blob[8])
        guard blob.count > header + (1 << from), bits < from else { fatalError("steamlens-fuzz: unexpected sentiment blob") }
        let codes = blob[header..<(header + (1 << from))]
        var weights = [Float](repeating: 0, count: 1 << bits), foldedCodes = [UInt8](repeating: 0, count: 1 << bits)
        var at = header + (1 << from)
        func float() -> Float {
            defer { at += 4 }
            return Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(blob[at + $1]) << (8 * $1) })
        }
        for (bucket, code) in codes.enumerated() where code != 0 {
            weights[bucket & ((1 << bits) - 1)] += float()
            foldedCodes[bucket & ((1 << bits) - 1)] = max(foldedCodes[bucket & ((1 << bits) - 1)], code)
        }
        let bias = float()
        var out = Array(blob[0..<header])
        out[8] = UInt8(bits)
        out += foldedCodes
        for (bucket, code) in foldedCodes.enumerated() where code != 0 { withUnsafeBytes(of: weights[bucket].bitPattern.littleEndian) { out += $0 } }
        withUnsafeBytes(of: bias.bitPattern.littleEndian) { out += $0 }
        return out
    }
}
