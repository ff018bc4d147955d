import CZlib
import Foundation
import XCTest
@testable import SteamLensSample

/// Small generated samples shared by the tests, and a gunzip for reading them back.
enum SampleFixtures {
    /// A fresh temporary directory (removed by the caller's teardown or the OS).
    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("steamlens-sample-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// 2,000 users and the default catalog, written once per test process.
    static let standard: (directory: URL, summary: SampleSummary) = {
        let directory = temporaryDirectory("standard")
        let summary = try! SampleGenerator(users: 2_000, seed: 42).write(to: directory)
        return (directory, summary)
    }()

    static func lines(of file: String, in directory: URL) throws -> [String] {
        let data = try gunzip(Data(contentsOf: directory.appendingPathComponent(file + ".json.gz")))
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        XCTAssertEqual(lines.last, "", "every file ends with a newline")
        lines.removeLast()
        return lines
    }

    static func gunzip(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard sl_inflate_init_auto(&stream) == Z_OK else { throw CocoaError(.fileReadCorruptFile) }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var code = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    code = inflate(&stream, Z_NO_FLUSH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while code == Z_OK
        }
        guard code == Z_STREAM_END else { throw CocoaError(.fileReadCorruptFile) }
        return output
    }

    /// Path of python3, if this machine has one.
    static let python3: String? = {
        for path in ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        guard let paths = ProcessInfo.processInfo.environment["PATH"] else { return nil }
        for dir in paths.split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Runs python3 with `script` and arguments; returns its standard output.
    static func runPython(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3!)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 failed")
        return String(decoding: data, as: UTF8.self)
    }
}
