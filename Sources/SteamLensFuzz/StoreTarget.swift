import Foundation
@testable import SteamLensData
@testable import SteamLensEngine

/// A good store whose column file is damaged by the input, opened the way
/// `steamlens` opens it (the column file is all a start reads; the SQLite
/// tables are for analysts and only their identity is checked).
///
/// The input is a list of 4-byte patches: a 24-bit big-endian offset (modulo
/// the column file's size) and the byte to write there. Unlike `snapshot`,
/// nothing is resealed: this is the damage a disk or a stray write does, and
/// it must be caught by the header and block checksums. The loader checks
/// every column as it maps it (a start would stop at first touch with exit
/// 2, which would end the run). The oracle: the loader's store path either
/// throws (where `open` rebuilds) or gives an engine whose every answer
/// equals the undamaged one. An answer that differs is a finding.
enum StoreTarget {
    static func open(patches: [UInt8]) {
        let baseline = Baseline.shared
        let (columns, index) = apply(patches, to: baseline.columnBytes)
        let loader = baseline.loader
        do {
            try Data(columns).write(to: URL(fileURLWithPath: loader.columnsPath))
        } catch {
            fatalError("steamlens-fuzz: cannot write \(loader.columnsPath): \(error)")
        }
        // The store path of `open` alone: a throw is where it would rebuild
        // (always right, and seconds per input here), so only what it reads is checked.
        var stages = StageClock()
        let fingerprint = SourceFingerprint(directory: loader.directory, extra: EngineLoader.derivedVersions)
        guard let engine = try? loader.openColumns(fingerprint: fingerprint, stages: &stages) else {
            fuzzCheck(index > 0, "the undamaged store was not read")
            return
        }
        let answers = Baseline.answers(engine)
        for (position, (expected, actual)) in zip(baseline.answers, answers).enumerated() where expected != actual {
            fuzzCheck(false, "\(Baseline.queries[position].0) after patches \(patches.prefix(index)): \(actual), expected \(expected)")
        }
    }

    /// The SQLite tables patched the same way (offsets modulo their size),
    /// read by `SteamStore.load`, the reader of the analysts' store: it throws
    /// or gives back exactly what was saved.
    static func readTables(patches: [UInt8]) {
        let baseline = Baseline.shared
        let tables = apply(patches, to: baseline.storeBytes)
        let path = NSTemporaryDirectory() + "steamlens-fuzz-\(getpid()).sqlite"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(tables.bytes)),
              let contents = try? SteamStore.load(from: path, expected: nil) else { return }
        // `==` first (fast); as text only when it fails, where NaN prices are
        // equal as they are not under `==` (describing a dataset takes most of a second under ASan).
        let sameDataset = contents.dataset == baseline.tables.dataset || "\(contents.dataset)" == baseline.tablesText
        fuzzCheck(sameDataset && contents.sentiment == baseline.tables.sentiment,
                  "the tables read back differently after patches \(patches.prefix(tables.used))")
    }

    /// `bytes` with each 4-byte patch (24-bit big-endian offset modulo the size, then the byte) written in.
    static func apply(_ patches: [UInt8], to bytes: [UInt8]) -> (bytes: [UInt8], used: Int) {
        var bytes = bytes
        var index = 0
        while index + 4 <= patches.count {
            let offset = (Int(patches[index]) << 16 | Int(patches[index + 1]) << 8 | Int(patches[index + 2])) % bytes.count
            bytes[offset] = patches[index + 3]
            index += 4
        }
        return (bytes, index)
    }
}
