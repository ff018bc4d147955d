import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input file that cannot be read while the store is built, and can be
/// afterwards, with the same size and modification time (as `chmod` leaves
/// them).
///
/// Tests run as root, which `chmod 000` does not stop; so, under root, the
/// unreadable spell runs with the effective user id of `nobody` (the real
/// and saved ids stay 0, so root comes back at the end, for every thread).
public enum UnreadableFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private static let nobody: uid_t = 65_534

    /// Runs `body` while `path` has mode 000 and the process cannot read it;
    /// then gives the file mode 644 back. Folders `body` writes into must be
    /// writable by `nobody` (see `openFolder`).
    public static func whileUnreadable<T>(_ path: String, _ body: () throws -> T) throws -> T {
        try begin(path)
        defer { end(path) }
        return try body()
    }

    /// From here on, `path` cannot be read by this process (until `end`).
    public static func begin(_ path: String) throws {
        guard chmod(path, 0) == 0 else { throw Failure(description: "chmod \(path): \(String(cString: strerror(errno)))") }
        if getuid() == 0, seteuid(nobody) != 0 {
            chmod(path, 0o644)
            throw Failure(description: "seteuid: \(String(cString: strerror(errno)))")
        }
    }

    /// Root again (when the tests run as root) and `path` readable, with its size and time unchanged.
    public static func end(_ path: String) {
        if getuid() == 0 { _ = seteuid(0) }
        chmod(path, 0o644)
    }

    /// Makes `folder` writable by anyone, so a store can be saved into it while unprivileged.
    public static func openFolder(_ folder: String) {
        chmod(folder, 0o777)
    }
}
