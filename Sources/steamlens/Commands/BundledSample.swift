import Foundation
import SteamLensData

/// The synthetic sample shipped with the program (`Data/`, docs/sample.md),
/// used when neither --data nor $STEAMLENS_DATA names a folder.
///
/// It is found from where the binary is, never from the working directory,
/// so `steamlens` works from any folder and as an installed copy:
/// 1. `<bin>/../share/steamlens/Data` — an install (README, "Installing");
/// 2. `Data/` in the binary's folder or any folder above it — this finds
///    `<repo>/Data` from `<repo>/.build/<triple>/release/steamlens`;
/// 3. `<repo>/Data` of the sources the binary was built from (`#filePath`),
///    for a binary copied away from both.
/// A candidate counts only if it holds the three sample files
/// (`NAME.sample.json.gz` or `NAME.sample.json`), so an unrelated `Data/`
/// folder above the binary is never taken for the sample.
enum BundledSample {
    /// The sample folder, or nil when no candidate holds it.
    static var located: String? { locate(in: candidates(executable: executablePath)) }

    /// The sample folder, or the last candidate looked at when there is none
    /// (callers that need the sample use `located` or `folderOrError`).
    static var folder: String { located ?? candidates(executable: executablePath).last! }

    /// The sample folder, or an error saying where it was looked for.
    static func folderOrError() throws -> String {
        let places = candidates(executable: executablePath)
        guard let folder = locate(in: places) else { throw NotFound(searched: places) }
        return folder
    }

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]

        var description: String {
            "the bundled sample data was not found; looked in:\n"
                + searched.map { "  " + $0 + "\n" }.joined()
                + "Pass --data DIR (a folder with steam_games, australian_user_reviews and australian_users_items"
                + " as .json or .json.gz) or set STEAMLENS_DATA."
        }
    }

    /// The folders to try, in order, for a binary at `executable`.
    static func candidates(executable: String?, sourceFile: String = #filePath) -> [String] {
        var folders: [String] = []
        if let executable {
            let binFolder = URL(fileURLWithPath: executable).standardizedFileURL.deletingLastPathComponent()
            folders.append(binFolder.deletingLastPathComponent().appendingPathComponent("share/steamlens/Data").path)
            var folder = binFolder
            while true {
                folders.append(folder.appendingPathComponent("Data").path)
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path || folder.path == "/" { break }
                folder = parent
            }
        }
        // This file is <repo>/Sources/steamlens/Commands/BundledSample.swift.
        let repository = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        folders.append(repository.appendingPathComponent("Data").path)
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The first of `folders` that holds the sample files.
    static func locate(in folders: [String]) -> String? {
        folders.first(where: holdsSample)
    }

    static func holdsSample(_ folder: String) -> Bool {
        DataDirectory.Kind.allCases.allSatisfy { kind in
            [".sample.json.gz", ".sample.json"].contains { suffix in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder + "/" + kind.rawValue + suffix, isDirectory: &isFolder)
                    && !isFolder.boolValue
            }
        }
    }

    /// The running binary with symbolic links resolved (a link in
    /// /usr/local/bin must lead to the real install): /proc/self/exe on
    /// Linux, else argv[0].
    static var executablePath: String? {
        for path in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where !path.isEmpty {
            if let resolved = realpath(path, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
        }
        return nil
    }
}
