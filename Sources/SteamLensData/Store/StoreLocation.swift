import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the store of a data folder lives: one SQLite file per folder in the cache folder.
public struct StoreLocation: Sendable {
    public let cacheFolder: String

    /// `--cache` if given, else `$XDG_CACHE_HOME/steamlens`, else `~/.cache/steamlens`.
    public init(cacheFolder: String? = nil, environment: [String: String]) {
        if let cacheFolder, !cacheFolder.isEmpty {
            self.cacheFolder = cacheFolder
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            self.cacheFolder = xdg + "/steamlens"
        } else {
            self.cacheFolder = (environment["HOME"] ?? "/tmp") + "/.cache/steamlens"
        }
    }

    /// The store file for a data folder, named after a hash of its real path.
    public func storePath(for directory: DataDirectory) -> String {
        let real = realpath(directory.folder, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? directory.folder
        return cacheFolder + "/store-" + SourceFingerprint.shortHash(real) + ".sqlite"
    }

    /// Creates the cache folder and its parents, failing with the system's
    /// reason ("Not a directory", "Permission denied") for the first that cannot be.
    public func createFolder() throws {
        var path = cacheFolder.hasPrefix("/") ? "" : "."
        for component in cacheFolder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw StoreError.cannotCreateFolder(cacheFolder, reason: "\(path): \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard stat(cacheFolder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError.cannotCreateFolder(cacheFolder, reason: "it exists and is not a folder")
        }
    }
}
