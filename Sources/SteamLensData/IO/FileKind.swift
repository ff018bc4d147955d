#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, for the one question the readers ask: is it a regular
/// file? Reading a FIFO blocks forever and a directory or device yields
/// nonsense, so anything else is refused with a message that says what it is.
public enum FileKind: Equatable, Sendable {
    case regular
    case missing
    /// Anything else, described for messages: "a FIFO", "a directory", "a symlink loop".
    case other(String)

    /// Follows symlinks, like `open` does.
    public init(path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            self = Self(mode: info.st_mode)
            return
        }
        let code = errno
        var link = stat()
        if code == ELOOP {
            self = .other("a symlink loop")
        } else if code == ENOENT, lstat(path, &link) == 0 {
            self = .other("a broken symlink")
        } else if code == ENOENT || code == ENOTDIR {
            self = .missing
        } else {
            self = .other("not accessible (\(String(cString: strerror(code))))")
        }
    }

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .other("a directory")
        case S_IFIFO: self = .other("a FIFO")
        case S_IFCHR: self = .other("a character device")
        case S_IFBLK: self = .other("a block device")
        case S_IFSOCK: self = .other("a socket")
        default: self = .other("not a regular file")
        }
    }

    public var exists: Bool { self != .missing }
}
