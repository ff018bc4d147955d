#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies the exact inputs a store was built from.
///
/// Like make and ccache's direct mode, a file is identified by its path,
/// size and modification time (to the nanosecond) rather than by hashing
/// its bytes: checking costs three `stat` calls, so a start from the store
/// stays instant even for gigabyte inputs. The cleaning-rules and schema
/// versions are part of the key, so a new release never trusts an old store.
///
/// Whether a file can be opened is part of it too: a file that could not be
/// read when the store was built (permissions, a socket in its place) must
/// not look like the same file once it becomes readable, even when `chmod`
/// left its size and modification time as they were.
public struct SourceFingerprint: Equatable, Sendable, CustomStringConvertible {
    /// Bump whenever a cleaning rule changes what a row becomes.
    public static let rulesVersion = 3

    public let value: String

    public init(value: String) {
        self.value = value
    }

    public init(directory: DataDirectory, extra: String = "") {
        var parts = ["rules=\(Self.rulesVersion)", "schema=\(SteamStore.schemaVersion)"]
        for kind in DataDirectory.Kind.allCases {
            let path = directory.path(of: kind)
            var info = stat()
            if stat(path, &info) == 0 {
                #if canImport(Darwin)
                let seconds = Int(info.st_mtimespec.tv_sec), nanos = Int(info.st_mtimespec.tv_nsec)
                #else
                let seconds = Int(info.st_mtim.tv_sec), nanos = Int(info.st_mtim.tv_nsec)
                #endif
                let readable = Self.canOpen(path) ? "" : "|unreadable"
                parts.append("\(path)|\(info.st_size)|\(seconds).\(nanos)" + readable)
            } else {
                parts.append("\(path)|absent")
            }
        }
        if !extra.isEmpty { parts.append(extra) }
        value = parts.joined(separator: ";")
    }

    public var description: String { value }

    /// True when `path` opens for reading (without blocking on a FIFO).
    static func canOpen(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// A short stable hash (FNV-1a, 64 bits) for file names.
    public static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
