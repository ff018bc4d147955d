import SteamLensData

/// Broken lines slipped into each file so readers can prove they skip them:
/// a record cut short (a crashed writer) or garbage (an HTML error page, a
/// stray fragment, an empty line). Each is an *extra* line after a good
/// record, so skipping it loses no data.
///
/// Rate: 1 in 1,000 record lines, and at least one per file.
struct MalformedLines {
    static let rate = 0.001
    static let garbage = [
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        "}{",
        "",
        "NaN",
        "null",
        "\u{FFFD}\u{FFFD}\u{FFFD} garbage \u{FFFD}",
        "{'user_id': '7656119",
        "{\"publisher\": \"Valve\", \"genres\": [\"Action\"",
        "Traceback (most recent call last):",
    ]

    private var rng: SplitMix64
    private var forcedAt: Int
    private var records = 0
    private(set) var count = 0

    /// `expectedRecords` only places the guaranteed one; the file may be shorter.
    init(seed: UInt64, file: Int, expectedRecords: Int) {
        rng = SplitMix64.stream(seed: seed, .malformed, index: file)
        forcedAt = rng.below(max(1, expectedRecords / 2))
    }

    /// A malformed line to write after `line`, or nil.
    mutating func after(_ line: [UInt8]) -> [UInt8]? {
        defer { records += 1 }
        guard records == forcedAt || rng.chance(Self.rate) else { return nil }
        count += 1
        return make(from: line)
    }

    /// The guaranteed line if the file ended before its planned place.
    mutating func finish(lastLine: [UInt8]) -> [UInt8]? {
        guard count == 0 else { return nil }
        count += 1
        return make(from: lastLine)
    }

    private mutating func make(from line: [UInt8]) -> [UInt8] {
        if rng.chance(0.5), line.count > 4 {
            // Cut before an ASCII byte so the file stays valid UTF-8.
            var cut = 1 + rng.below(line.count - 3)
            while cut > 1, line[cut] >= 0x80 { cut -= 1 }
            return Array(line[..<cut])
        }
        return Array(rng.pick(Self.garbage).utf8)
    }
}
