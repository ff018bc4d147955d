import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain text file cut at line ends, so that its parts can be parsed on
/// separate cores (`LineReader.byteRange`) and their lines still carry the
/// numbers they have in the whole file.
public enum FileParts {
    public struct Part: Equatable, Sendable {
        public var bytes: Range<Int>
        public var firstLine: Int
    }

    /// The first line alone (a header), then the rest in `count` parts of
    /// about equal size. Nil for a gzip file (it cannot be read from the
    /// middle), a file that cannot be read, one smaller than `minimumBytes`
    /// (not worth cutting) or too short to cut.
    public static func split(path: String, count: Int, minimumBytes: Int = 0) -> [Part]? {
        guard count >= 1, let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size >= minimumBytes else { return nil }
        var magic = [UInt8](repeating: 0, count: 2)
        guard fread(&magic, 1, 2, file) == 2, magic != [0x1F, 0x8B] else { return nil }
        // Each cut is just past the first line end at or after its share of the bytes.
        var cuts = [0]
        for k in 0..<count {
            // Past the last cut: a line end is at least one byte on.
            guard let end = lineEnd(in: file, from: max(cuts.last!, k * size / count)), end < size else { return nil }
            cuts.append(end)
        }
        cuts.append(size)
        var parts: [Part] = []
        var line = 1
        for (low, high) in zip(cuts, cuts.dropFirst()) {
            if !parts.isEmpty {
                // The lines before this part (the last part's own need no counting).
                guard let lines = newlines(in: file, parts[parts.count - 1].bytes) else { return nil }
                line += lines
            }
            parts.append(Part(bytes: low..<high, firstLine: line))
        }
        return parts
    }

    /// The offset just past the first `\n` at or after `offset`.
    private static func lineEnd(in file: UnsafeMutablePointer<FILE>, from offset: Int) -> Int? {
        guard fseeko(file, off_t(offset), SEEK_SET) == 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            guard count > 0 else { return nil }
            if let index = chunk[0..<count].firstIndex(of: 0x0A) { return position + index + 1 }
            position += count
        }
    }

    /// How many `\n` the bytes hold (a vectorised count in C: a Swift loop
    /// here was not vectorised, 0.5 s for 160 MB).
    private static func newlines(in file: UnsafeMutablePointer<FILE>, _ range: Range<Int>) -> Int? {
        guard fseeko(file, off_t(range.lowerBound), SEEK_SET) == 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var left = range.count, lines = 0
        while left > 0 {
            let count = fread(&chunk, 1, min(left, chunk.count), file)
            guard count > 0 else { return nil }
            lines += chunk.withUnsafeBufferPointer { sl_count_byte($0.baseAddress, count, 0x0A) }
            left -= count
        }
        return lines
    }
}
