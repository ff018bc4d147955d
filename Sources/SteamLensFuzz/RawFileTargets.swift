import Foundation
import SteamLensData
import SteamLensTestSupport

/// Targets that write the input as a data file and read it back.
enum RawFileTargets {
    /// One folder for the whole run; each input overwrites its files.
    static let folder: String = Fixture.temporaryFolder()

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
        guard let file = fopen(path, "wb") else { fatalError("steamlens-fuzz: cannot write \(path)") }
        if bytes.count > 0 { fwrite(bytes.baseAddress, 1, bytes.count, file) }
        fclose(file)
    }

    static func readLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = folder + "/lines.bin"
        write(bytes, to: path)
        var reader = LineReader(path: path)
        // Small chunks and a small line limit reach the splitter's edge cases with small inputs.
        reader.chunkSize = 7
        reader.maximumLineLength = 256
        var last = 0
        try? reader.forEachLine(onOversizedLine: { line in
            fuzzCheck(line > last, "oversized line \(line) reported after line \(last)")
            last = line
        }) { line, number in
            fuzzCheck(number > last, "line \(number) (\(line.count) bytes: \(String(decoding: line.prefix(40), as: UTF8.self).debugDescription)) delivered after line \(last)")
            fuzzCheck(line.count <= 256, "a line of \(line.count) bytes passed the 256-byte limit")
            fuzzCheck(!line.contains(0x0A), "line \(number) still holds a newline")
            last = number
        }
    }

    /// The input as one file of a data folder whose other two files are empty.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, as kind: DataDirectory.Kind) {
        for other in DataDirectory.Kind.allCases {
            let path = folder + "/\(other.rawValue).json"
            if other == kind { write(bytes, to: path) } else { write(UnsafeBufferPointer(start: nil, count: 0), to: path) }
        }
        guard let directory = try? DataDirectory(folder: folder) else { fatalError("steamlens-fuzz: no data folder at \(folder)") }
        let dataset = DatasetLoader.load(directory)
        for file in dataset.report.files {
            fuzzCheck(file.kept >= 0 && file.lines >= 0 && file.skipped >= 0, "\(file.file): negative counts")
        }
        // Plain text only: a gzip input holds more lines than its bytes show.
        guard bytes.count < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B else { return }
        let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        for file in dataset.report.files {
            fuzzCheck(file.lines <= lines, "\(file.file): \(file.lines) lines read from \(lines)")
        }
        fuzzCheck(dataset.games.count <= lines, "\(dataset.games.count) games from \(lines) lines")
    }
}
