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

        public var description: String {
            switch self {
            case .folderMissing(let folder):
                return "data folder '\(folder)' does not exist (set --data or STEAMLENS_DATA)"
            case .fileMissing(let folder, let kind):
                return "data folder '\(folder)' has no \(kind.rawValue).json.gz or \(kind.rawValue).json"
            }
        }
    }

    public let folder: String
    public let games: String
    public let reviews: String
    public let libraries: String

    /// Finds the files in `folder`, or in its `steam/` subfolder (the layout of `../shared/data`).
    /// A generated sample may name them `NAME.sample.json.gz` (as the bundled
    /// `Data/` does) so it can never be mistaken for the real files.
    public init(folder: String) throws {
        var isFolder = false
        guard Self.exists(folder, isFolder: &isFolder), isFolder else { throw LocateError.folderMissing(folder) }
        let nested = folder + "/steam"
        var nestedIsFolder = false
        let root = Self.find(.games, in: folder) == nil && Self.exists(nested, isFolder: &nestedIsFolder) && nestedIsFolder ? nested : folder
        func locate(_ kind: Kind) throws -> String {
            guard let path = Self.find(kind, in: root) else { throw LocateError.fileMissing(folder: root, kind: kind) }
            return path
        }
        self.folder = root
        games = try locate(.games)
        reviews = try locate(.reviews)
        libraries = try locate(.libraries)
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

    private static func find(_ kind: Kind, in folder: String) -> String? {
        for suffix in [".json.gz", ".json", ".gz", ".sample.json.gz", ".sample.json"] {
            let candidate = folder + "/" + kind.rawValue + suffix
            var isFolder = false
            if exists(candidate, isFolder: &isFolder), !isFolder { return candidate }
        }
        return nil
    }

    static func exists(_ path: String, isFolder: inout Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        return true
    }
}
