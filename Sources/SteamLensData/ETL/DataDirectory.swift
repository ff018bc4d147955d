#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The three raw files of a data folder, found by name with or without `.gz`.
public struct DataDirectory: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case games = "steam_games"
        case reviews = "australian_user_reviews"
        case libraries = "australian_users_items"
    }

    public enum LocateError: Error, Equatable, CustomStringConvertible {
        case folderMissing(String)
        case fileMissing(folder: String, kind: Kind)
        /// The folder path names a file, a FIFO, a symlink loop …
        case notAFolder(String, kind: String)
        /// The only candidate for a file is a FIFO, a directory, a device, a symlink loop …
        case notARegularFile(path: String, kind: String)

        public var description: String {
            switch self {
            case .folderMissing(let folder):
                return "data folder '\(folder)' does not exist (set --data or STEAMLENS_DATA)"
            case .fileMissing(let folder, let kind):
                return "data folder '\(folder)' has no \(kind.rawValue).json.gz or \(kind.rawValue).json"
            case .notAFolder(let folder, let kind):
                return "data folder '\(folder)' is \(kind), not a folder"
            case .notARegularFile(let path, let kind):
                return "\(path) is \(kind), not a regular file"
            }
        }
    }

    /// The folder the files were found in, as a canonical absolute path
    /// (symlinks, `.`, `..` and trailing slashes resolved), so every spelling
    /// of one folder gives the same paths and the same store fingerprint.
    public let folder: String
    public let games: String
    public let reviews: String
    public let libraries: String
    /// Other candidates found for a file besides the one used (`NAME.json`
    /// beside `NAME.json.gz`, …), in the order they would be tried.
    public let alsoFound: [Kind: [String]]

    /// The names tried for each file, in order of preference.
    public static let suffixes = [".json.gz", ".json", ".gz", ".sample.json.gz", ".sample.json"]

    /// Finds the files in `folder`, or in its `steam/` subfolder (the layout of `../shared/data`).
    /// A generated sample may name them `NAME.sample.json.gz` (as the bundled
    /// `Data/` does) so it can never be mistaken for the real files.
    public init(folder: String) throws {
        switch FileKind(path: folder) {
        case .missing: throw LocateError.folderMissing(folder)
        case .other("a directory"): break
        case .other(let kind): throw LocateError.notAFolder(folder, kind: kind)
        case .regular: throw LocateError.notAFolder(folder, kind: "a regular file")
        }
        let canonical = Self.canonical(folder)
        let nested = canonical + "/steam"
        let root = Self.candidates(.games, in: canonical).isEmpty && FileKind(path: nested) == .other("a directory") ? nested : canonical
        var alsoFound: [Kind: [String]] = [:]
        func locate(_ kind: Kind) throws -> String {
            let found = Self.candidates(kind, in: root)
            // A regular file wins over a FIFO or folder of a preferred name; only if there is none is that an error.
            guard let used = found.first(where: { $0.kind == .regular }) else {
                if let first = found.first, case .other(let what) = first.kind {
                    throw LocateError.notARegularFile(path: first.path, kind: what)
                }
                throw LocateError.fileMissing(folder: root, kind: kind)
            }
            let others = found.filter { $0.path != used.path }.map { candidate -> String in
                guard case .other(let what) = candidate.kind else { return candidate.path }
                return candidate.path + " (" + what + ", ignored)"
            }
            if !others.isEmpty { alsoFound[kind] = others }
            return used.path
        }
        self.folder = root
        games = try locate(.games)
        reviews = try locate(.reviews)
        libraries = try locate(.libraries)
        self.alsoFound = alsoFound
    }

    /// "using steam_games.json.gz (also found steam_games.json)" when the choice was not the only one.
    public func choice(of kind: Kind) -> String? {
        guard let others = alsoFound[kind], !others.isEmpty else { return nil }
        return "using \(Self.fileName(path(of: kind))) (also found \(others.map(Self.fileName).joined(separator: ", ")))"
    }

    public func path(of kind: Kind) -> String {
        switch kind {
        case .games: return games
        case .reviews: return reviews
        case .libraries: return libraries
        }
    }

    /// The file name alone, for messages and the report.
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Every existing path a file of `kind` could have, in order of preference.
    private static func candidates(_ kind: Kind, in folder: String) -> [(path: String, kind: FileKind)] {
        suffixes.compactMap { suffix in
            let candidate = folder + "/" + kind.rawValue + suffix
            let found = FileKind(path: candidate)
            return found.exists ? (candidate, found) : nil
        }
    }

    /// The real path, or the path made absolute when `realpath` cannot resolve it.
    static func canonical(_ path: String) -> String {
        if let pointer = realpath(path, nil) {
            defer { free(pointer) }
            return String(cString: pointer)
        }
        return path
    }
}
