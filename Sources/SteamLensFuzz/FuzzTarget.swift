import Foundation
@testable import SteamLensData
@testable import SteamLensEngine

/// The inputs the fuzzer drives, one per raw format and per stored blob.
///
/// Each `run` must return normally for *every* byte string: a thrown error
/// is a clean rejection, while a trap, an ASan report or a failed
/// `FuzzCheck` (a wrong answer) is a finding. The same functions serve the
/// libFuzzer build (`-DFUZZING`) and the plain replay of the committed corpus.
enum FuzzTarget: String, CaseIterable {
    /// `LiteralParser` in the JSON dialect of `steam_games` (bare `NaN`).
    case json
    /// `LiteralParser` in the Python dialect of the two user files.
    case python
    /// `LineReader` over the bytes as a file: plain text, or gzip when they start with its magic.
    case lines
    /// The loader end to end with the bytes as `steam_games`.
    case games
    /// The loader end to end with the bytes as `australian_user_reviews`.
    case reviews
    /// The loader end to end with the bytes as `australian_users_items`.
    case libraries
    /// The bytes as the store's column file, then an engine and its queries on whatever it accepts.
    case snapshot
    /// The sentiment model blob.
    case models
    /// A good store with the bytes applied as patches to its column file, opened by `EngineLoader`.
    case store
    /// A good store's SQLite tables with the bytes applied as patches, read by `SteamStore.load`.
    case tables
    /// The streaming sample's store with the bytes applied as patches, loaded by `StreamingStore.load`.
    case streaming

    /// Inputs longer than this are cut: the interesting structure is small,
    /// and huge inputs only slow the search down.
    var maximumLength: Int {
        switch self {
        case .json, .python: return 4096
        case .lines, .games, .reviews, .libraries: return 16384
        case .snapshot, .models: return 65536
        case .store, .tables, .streaming: return 1024
        }
    }

    /// Builds what the target compares against (a trained store: up to a
    /// minute under ASan) before the first input, outside libFuzzer's
    /// per-input timeout, which would otherwise stop the run on it.
    func prepare() {
        switch self {
        case .models, .store, .tables: _ = Baseline.shared
        case .streaming: _ = StreamingStoreTarget.baseline
        case .json, .python, .lines, .games, .reviews, .libraries, .snapshot: break
        }
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let bytes = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, maximumLength)])
        switch self {
        case .json: _ = try? LiteralParser.parse(bytes, dialect: .json)
        case .python: _ = try? LiteralParser.parse(bytes, dialect: .python)
        case .lines: RawFileTargets.readLines(bytes)
        case .games: RawFileTargets.load(bytes, as: .games)
        case .reviews: RawFileTargets.load(bytes, as: .reviews)
        case .libraries: RawFileTargets.load(bytes, as: .libraries)
        case .snapshot: BlobTargets.openColumns(Array(bytes))
        case .models: BlobTargets.decodeModel(Array(bytes))
        case .store: StoreTarget.open(patches: Array(bytes))
        case .tables: StoreTarget.readTables(patches: Array(bytes))
        case .streaming: StreamingStoreTarget.open(patches: Array(bytes))
        }
    }
}

/// A wrong answer: a finding as real as a crash, so it stops the fuzzer.
func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("steamlens-fuzz: wrong answer: \(message())\n".utf8))
        fatalError(message(), file: file, line: line)
    }
}
