import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read to its end.
public enum ReadProblem: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    /// The gzip stream ended before its trailer: everything up to `afterLine` was read.
    case truncatedGzip(path: String, afterLine: Int)
    case corruptGzip(path: String, afterLine: Int, reason: String)
    /// The path is a FIFO, a directory, a device, a symlink loop …: `kind` says which.
    case notRegularFile(path: String, kind: String)
    /// The name ends in `.gz` but the bytes do not start with the gzip magic.
    case notGzip(path: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read (\(reason))"
        case .truncatedGzip(let path, let line): return "\(path): gzip stream is truncated after line \(line); the lines before it were kept"
        case .corruptGzip(let path, let line, let reason): return "\(path): gzip data is corrupt after line \(line) (\(reason)); the lines before it were kept"
        case .notRegularFile(let path, let kind): return "\(path) is \(kind), not a regular file"
        case .notGzip(let path): return "\(path): the name ends in .gz but the file is not gzip (damaged or renamed); nothing was read"
        }
    }
}

/// Streams the lines of a plain or gzip-compressed text file.
///
/// Neither the compressed nor the decompressed file is held in memory: bytes
/// are inflated chunk by chunk and each complete line is handed to the caller
/// as a borrowed buffer (valid only during the call). Gzip is detected from
/// the magic bytes, so a `.json` that is really gzip still reads; a `.gz`
/// whose magic is missing is an error, not a plain text of garbage lines.
/// Only regular files are read: a FIFO or device is refused before it can block.
///
/// ```swift
/// try LineReader(path: "steam_games.json.gz").forEachLine { bytes, lineNumber in
///     print(lineNumber, bytes.count)
/// }
/// ```
public struct LineReader {
    public let path: String
    /// The default line limit: 16 MiB. The longest real line is 30 KB (a
    /// user's reviews) and a full library of 7,000 items is about 1 MB; a
    /// parsed line takes at most about 3 times its size, so the limit keeps
    /// a hostile line to some 50 MB of memory.
    public static let defaultMaximumLineLength = 16 << 20

    /// Lines longer than this are reported through `onOversizedLine` and skipped.
    public var maximumLineLength = LineReader.defaultMaximumLineLength
    public var chunkSize = 1 << 18
    /// Hears the bytes taken from the file (compressed, for gzip) as they are read.
    public var progress: ReadProgress?
    /// Only these bytes of a plain file, its first line numbered
    /// `firstLineNumber`: one part of a file read on several cores
    /// (`FileParts`). A gzip file cannot be read from the middle.
    public var byteRange: Range<Int>?
    public var firstLineNumber = 1
    /// A gzip file of at least this many bytes is inflated on a thread of
    /// its own while its lines are handed to `body` (`ChunkPipe`).
    public var inflateAheadMinimumBytes = 4 << 20

    public init(path: String) {
        self.path = path
    }

    /// Calls `body` for every line (without its `\n` or `\r\n`), numbered from 1.
    ///
    /// A truncated or corrupt gzip stream throws *after* every complete line
    /// before the damage has been delivered, so callers keep the good rows.
    public func forEachLine(
        onOversizedLine: (Int) -> Void = { _ in },
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        let file = try openRegularFile()
        defer { fclose(file) }

        var splitter = LineSplitter(maximumLineLength: maximumLineLength, firstLineNumber: firstLineNumber)
        var input = [UInt8](repeating: 0, count: max(chunkSize, 2))
        let firstCount = input.withUnsafeMutableBytes { fread($0.baseAddress, 1, 2, file) }
        let isGzip = firstCount == 2 && input[0] == 0x1F && input[1] == 0x8B
        if !isGzip, firstCount > 0, path.hasSuffix(".gz") { throw ReadProblem.notGzip(path: path) }

        if isGzip {
            guard byteRange == nil else { throw ReadProblem.unreadable(path: path, reason: "a gzip file cannot be read in parts") }
            try inflateLines(file: file, input: &input, prefix: 2, splitter: &splitter, onOversizedLine: onOversizedLine, body)
        } else {
            var pending = firstCount
            var left = Int.max
            if let byteRange {
                guard fseeko(file, off_t(byteRange.lowerBound), SEEK_SET) == 0 else {
                    throw ReadProblem.unreadable(path: path, reason: "cannot seek to byte \(byteRange.lowerBound)")
                }
                pending = 0
                left = byteRange.count
            }
            while true {
                let count = input.withUnsafeMutableBytes { raw in
                    pending + fread(raw.baseAddress! + pending, 1, min(left, raw.count - pending), file)
                }
                left -= count - pending
                progress?.add(count)
                pending = 0
                if count == 0 { break }
                try input.withUnsafeBufferPointer { buffer in
                    try splitter.feed(UnsafeBufferPointer(rebasing: buffer[0..<count]), onOversizedLine: onOversizedLine, body)
                }
            }
            if ferror(file) != 0 {
                throw ReadProblem.unreadable(path: path, reason: "read error after line \(splitter.lineNumber)")
            }
        }
        try splitter.finish(onOversizedLine: onOversizedLine, body)
    }

    /// About how many bytes of text the file holds, for sizing what its
    /// lines will fill: a plain file's size, or a gzip file's own record of
    /// its inflated size (the trailer's, which wraps at 4 GiB and is capped
    /// at 64 times the compressed size, so a damaged one cannot ask for
    /// absurd memory). nil when the file cannot be read.
    public static func textSizeEstimate(path: String) -> Int? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var magic: [UInt8] = [0, 0]
        guard size >= 18, fread(&magic, 1, 2, file) == 2, magic == [0x1F, 0x8B] else { return size }
        var trailer: [UInt8] = [0, 0, 0, 0]
        guard fseeko(file, off_t(size - 4), SEEK_SET) == 0, fread(&trailer, 1, 4, file) == 4 else { return nil }
        let inflated = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
        return min(inflated, size * 64)
    }

    /// Opens the file without blocking (a FIFO would block `fopen` until a
    /// writer came) and refuses anything but a regular file.
    private func openRegularFile() throws -> UnsafeMutablePointer<FILE> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch FileKind(path: path) {
            case .missing: throw ReadProblem.missing(path: path)
            case .other(let kind) where code == ELOOP || code == ENOENT: throw ReadProblem.notRegularFile(path: path, kind: kind)
            default: throw ReadProblem.unreadable(path: path, reason: String(cString: strerror(code)))
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ReadProblem.unreadable(path: path, reason: reason)
        }
        if case .other(let kind) = FileKind(mode: info.st_mode) {
            close(descriptor)
            throw ReadProblem.notRegularFile(path: path, kind: kind)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(descriptor, "rb") else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ReadProblem.unreadable(path: path, reason: reason)
        }
        return file
    }

    /// "16 MiB", "100 bytes": a line limit for messages.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }

    private func inflateLines(
        file: UnsafeMutablePointer<FILE>,
        input: inout [UInt8],
        prefix: Int,
        splitter: inout LineSplitter,
        onOversizedLine: (Int) -> Void,
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        let ending: InflateEnding
        var info = stat()
        if fstat(fileno(file), &info) == 0, Int(info.st_size) >= inflateAheadMinimumBytes {
            let reader = self, first = input, sendableFile = SendableFile(file: file)
            ending = try ChunkPipe.run(capacity: chunkSize * 4) { send in
                var input = first
                return try reader.inflateChunks(file: sendableFile.file, input: &input, prefix: prefix, send)
            } consume: { chunk in
                try splitter.feed(chunk, onOversizedLine: onOversizedLine, body)
            }
        } else {
            ending = try inflateChunks(file: file, input: &input, prefix: prefix) { chunk in
                try splitter.feed(chunk, onOversizedLine: onOversizedLine, body)
            }
        }
        switch ending {
        case .complete:
            return
        case .truncated:
            // Hand over the complete lines; a final partial line is still
            // delivered so that the caller reports it as malformed, not lost.
            try splitter.finish(onOversizedLine: onOversizedLine, body)
            throw ReadProblem.truncatedGzip(path: path, afterLine: splitter.lineNumber)
        case .corrupt(let reason):
            try splitter.finish(onOversizedLine: onOversizedLine, body)
            throw ReadProblem.corruptGzip(path: path, afterLine: splitter.lineNumber, reason: reason)
        }
    }

    /// How a gzip stream ended.
    private enum InflateEnding: Sendable {
        case complete
        case truncated
        case corrupt(String)
    }

    /// The file pointer, handed to the inflating thread while the reader waits for it.
    private struct SendableFile: @unchecked Sendable {
        let file: UnsafeMutablePointer<FILE>
    }

    /// Inflates the rest of the file (its first `prefix` bytes already in
    /// `input`), handing each inflated chunk to `emit`.
    private func inflateChunks(
        file: UnsafeMutablePointer<FILE>,
        input: inout [UInt8],
        prefix: Int,
        _ emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> InflateEnding {
        var stream = z_stream()
        guard sl_inflate_init_auto(&stream) == Z_OK else {
            throw ReadProblem.unreadable(path: path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: chunkSize * 4)
        var pending = prefix
        var streamEnded = false
        while true {
            let readCount = input.withUnsafeMutableBytes { raw in
                pending + fread(raw.baseAddress! + pending, 1, raw.count - pending, file)
            }
            progress?.add(readCount)
            pending = 0
            if readCount == 0 { break }
            let corruption: String? = try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(readCount)
                while stream.avail_in > 0 {
                    if streamEnded {
                        // Concatenated gzip members are legal: start the next one.
                        inflateReset(&stream)
                        streamEnded = false
                    }
                    let produced: Int
                    let status: Int32
                    (status, produced) = output.withUnsafeMutableBufferPointer { outBuffer in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = UInt32(outBuffer.count)
                        let status = inflate(&stream, Z_NO_FLUSH)
                        return (status, outBuffer.count - Int(stream.avail_out))
                    }
                    if produced > 0 {
                        try output.withUnsafeBufferPointer { try emit(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
                    }
                    switch status {
                    case Z_OK, Z_BUF_ERROR:
                        continue
                    case Z_STREAM_END:
                        streamEnded = true
                    default:
                        return stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    }
                }
                return nil
            }
            if let corruption { return .corrupt(corruption) }
        }
        return streamEnded ? .complete : .truncated
    }
}

/// Cuts a byte stream into lines, carrying a partial line between chunks.
struct LineSplitter {
    let maximumLineLength: Int
    private(set) var lineNumber: Int
    private var carry: [UInt8] = []
    private var skippingOversized = false

    init(maximumLineLength: Int, firstLineNumber: Int = 1) {
        self.maximumLineLength = maximumLineLength
        lineNumber = firstLineNumber - 1
    }

    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>,
        onOversizedLine: (Int) -> Void,
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        var start = 0
        let count = chunk.count
        while start < count {
            guard let newline = memchrIndex(chunk, from: start) else {
                // The line goes on in the next chunk: it is not counted yet.
                appendCarry(chunk, from: start, to: count, line: lineNumber + 1, onOversizedLine: onOversizedLine)
                return
            }
            lineNumber += 1
            if skippingOversized {
                skippingOversized = false
            } else if carry.isEmpty {
                // A line inside one chunk is held to the limit too (it only matters when the limit is below the chunk size).
                if newline - start > maximumLineLength {
                    onOversizedLine(lineNumber)
                } else {
                    try body(trimmed(UnsafeBufferPointer(rebasing: chunk[start..<newline])), lineNumber)
                }
            } else {
                appendCarry(chunk, from: start, to: newline, line: lineNumber, onOversizedLine: onOversizedLine)
                if skippingOversized {
                    skippingOversized = false
                } else {
                    try carry.withUnsafeBufferPointer { try body(trimmed($0), lineNumber) }
                }
                // Keep the buffer for ordinary lines, but give a huge line's memory back.
                carry.removeAll(keepingCapacity: carry.capacity <= 1 << 20)
            }
            start = newline + 1
        }
    }

    /// Delivers a last line that had no trailing newline.
    mutating func finish(onOversizedLine: (Int) -> Void, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        if skippingOversized {
            // The oversized last line was already reported; it still counts as a line.
            skippingOversized = false
            lineNumber += 1
            return
        }
        guard !carry.isEmpty else { return }
        lineNumber += 1
        try carry.withUnsafeBufferPointer { try body(trimmed($0), lineNumber) }
        carry.removeAll()
    }

    /// Adds bytes of line number `line` to the carried partial line, or
    /// reports that line as oversized once it passes the limit.
    private mutating func appendCarry(_ chunk: UnsafeBufferPointer<UInt8>, from: Int, to: Int, line: Int, onOversizedLine: (Int) -> Void) {
        if skippingOversized { return }
        if carry.count + (to - from) > maximumLineLength {
            skippingOversized = true
            carry.removeAll()
            onOversizedLine(line)
            return
        }
        carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[from..<to]))
    }

    private func memchrIndex(_ chunk: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = chunk.baseAddress, from < chunk.count else { return nil }
        guard let hit = memchr(base + from, 0x0A, chunk.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D {
            return UnsafeBufferPointer(rebasing: line[0..<(line.count - 1)])
        }
        return line
    }
}
