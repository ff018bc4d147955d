import CZlib
import Foundation

/// Streams lines into a file, gzip-compressed through zlib or plain.
///
/// The gzip header is pinned (mtime 0, no name, OS byte 255 "unknown") so the
/// same bytes in give the same file out; zlib would otherwise stamp the host
/// OS. Output is buffered and flushed in 256 KiB chunks, never held whole.
///
/// ```swift
/// let out = try GzipFileWriter(url: dir.appendingPathComponent("a.json.gz"), compressed: true)
/// try out.write(line.bytes); try out.write([0x0A])
/// let bytesOnDisk = try out.finish()
/// ```

enum SampleWriteError: Error, CustomStringConvertible {
    case cannotCreate(String, errno: Int32)
    case zlib(String, code: Int32)
    case io(String, errno: Int32)

    var description: String {
        switch self {
        case let .cannotCreate(path, e):
            return "cannot create \(path): \(String(cString: strerror(e))); check that the --out directory is writable"
        case let .zlib(step, code):
            return "zlib failed in \(step) (code \(code)); is zlib1g-dev installed and matching the runtime library?"
        case let .io(path, e):
            return "write to \(path) failed: \(String(cString: strerror(e))); is the disk full?"
        }
    }
}

final class GzipFileWriter {
    private let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let compressed: Bool
    private var stream = z_stream()
    private let header: UnsafeMutablePointer<gz_header>
    private var pending: [UInt8] = []
    private var outBuffer = [UInt8](repeating: 0, count: 1 << 18)
    private(set) var bytesWritten = 0
    private var finished = false
    private static let chunk = 1 << 18

    init(url: URL, compressed: Bool, level: Int32 = 6) throws {
        path = url.path
        guard let handle = fopen(path, "wb") else { throw SampleWriteError.cannotCreate(path, errno: errno) }
        file = handle
        self.compressed = compressed
        header = .allocate(capacity: 1)
        header.initialize(to: gz_header())
        header.pointee.os = 255
        pending.reserveCapacity(Self.chunk + 8192)
        if compressed {
            var code = sl_deflate_init_gzip(&stream, level)
            guard code == Z_OK else { fclose(file); throw SampleWriteError.zlib("deflateInit2", code: code) }
            code = deflateSetHeader(&stream, header)
            guard code == Z_OK else { fclose(file); throw SampleWriteError.zlib("deflateSetHeader", code: code) }
        }
    }

    deinit {
        if !finished {
            if compressed { deflateEnd(&stream) }
            fclose(file)
        }
        header.deallocate()
    }

    /// Appends bytes; they reach the disk (compressed) in large chunks.
    func write(_ bytes: [UInt8]) throws {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunk { try drain(final: false) }
    }

    /// Flushes everything, writes the gzip trailer, closes the file and
    /// returns the size on disk.
    @discardableResult
    func finish() throws -> Int {
        precondition(!finished, "finish() called twice")
        try drain(final: true)
        finished = true
        if compressed { deflateEnd(&stream) }
        guard fclose(file) == 0 else { throw SampleWriteError.io(path, errno: errno) }
        return bytesWritten
    }

    private func drain(final: Bool) throws {
        guard compressed else {
            try put(pending, count: pending.count)
            pending.removeAll(keepingCapacity: true)
            return
        }
        let flush = final ? Z_FINISH : Z_NO_FLUSH
        let inputCount = pending.count
        try pending.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(inputCount)
            repeat {
                let produced: Int = try outBuffer.withUnsafeMutableBufferPointer { output in
                    stream.next_out = output.baseAddress
                    stream.avail_out = uInt(output.count)
                    let code = deflate(&stream, flush)
                    guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                        throw SampleWriteError.zlib("deflate", code: code)
                    }
                    return output.count - Int(stream.avail_out)
                }
                try put(outBuffer, count: produced)
            } while stream.avail_out == 0 || (final && stream.avail_in > 0)
            stream.next_in = nil
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8], count: Int) throws {
        guard count > 0 else { return }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, count, file) }
        guard written == count else { throw SampleWriteError.io(path, errno: errno) }
        bytesWritten += count
    }
}
