import Foundation
@testable import SteamLensData
@testable import SteamLensEngine

/// A good store damaged by the input, opened the way `steamlens` opens it.
///
/// The input is a list of 4-byte patches: a 24-bit big-endian offset (modulo
/// the store's size) and the byte to write there. Mutating a real store this
/// way reaches the page, record and blob decoders far sooner than random
/// whole files would. The oracle: the loader either reads the store or
/// rebuilds it, and in both cases every answer equals the undamaged one; a
/// thrown error is also acceptable. An answer that differs is a finding.
enum StoreTarget {
    static func open(patches: [UInt8]) {
        let baseline = Baseline.shared
        var store = baseline.storeBytes
        var index = 0
        while index + 4 <= patches.count {
            let offset = (Int(patches[index]) << 16 | Int(patches[index + 1]) << 8 | Int(patches[index + 2])) % store.count
            store[offset] = patches[index + 3]
            index += 4
        }
        let path = baseline.loader.storePath
        do {
            try Data(store).write(to: URL(fileURLWithPath: path))
        } catch {
            fatalError("steamlens-fuzz: cannot write \(path): \(error)")
        }
        guard let opened = try? baseline.loader.open() else { return }
        let answers = Baseline.answers(opened.engine)
        for (position, (expected, actual)) in zip(baseline.answers, answers).enumerated() where expected != actual {
            fuzzCheck(false, "\(Baseline.queries[position].0) after patches \(patches.prefix(index)): \(actual), expected \(expected) (origin \(opened.origin))")
        }
    }
}
