import ArgumentParser
import Foundation
import SteamLensData
import SteamLensEngine

/// Where the data and the store are.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with steam_games, australian_user_reviews and australian_users_items (.json or .json.gz). Default: $STEAMLENS_DATA, else the bundled Data/.")
    var data: String?

    @Option(name: .long, help: "Folder for the SQLite store. Default: $XDG_CACHE_HOME/steamlens or ~/.cache/steamlens.")
    var cache: String?

    /// The data folder in effect: --data, $STEAMLENS_DATA, or the sample bundled with the sources.
    var resolvedData: String {
        if let data, !data.isEmpty { return data }
        if let env = ProcessInfo.processInfo.environment["STEAMLENS_DATA"], !env.isEmpty { return env }
        return BundledSample.folder
    }

    func loader() throws -> EngineLoader {
        do {
            return try EngineLoader(dataFolder: resolvedData, cacheFolder: cache)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// Opens the engine, telling on stderr when the store had to be (re)built.
    func openEngine(quiet: Bool = false) throws -> EngineLoader.Opened {
        let loader = try loader()
        do {
            let opened = try loader.open { message in
                if !quiet { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            for warning in opened.warnings {
                FileHandle.standardError.write(Data(("steamlens: " + warning + "\n").utf8))
            }
            return opened
        } catch {
            throw CLIFailure(error)
        }
    }
}

/// The switchable definitions of docs/definitions.md.
struct DefinitionOptions: ParsableArguments {
    @Option(name: .long, help: "Year of a review: posted (year in 'posted') or release (the game's release year).")
    var reviewYear: Definitions.ReviewYear = .posted

    @Option(name: .long, help: "Playtime unit: hours or minutes.")
    var time: Definitions.TimeUnit = .hours

    @Option(name: .long, help: "Join library/review rows to games by item_id or by name (for comparison only).")
    var join: Definitions.JoinKey = .itemId

    var definitions: Definitions {
        Definitions(reviewYear: reviewYear, timeUnit: time, joinKey: join)
    }
}

extension Definitions.ReviewYear: ExpressibleByArgument {}
extension Definitions.TimeUnit: ExpressibleByArgument {}
extension Definitions.JoinKey: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The sample bundled in the repository's Data/ folder, found from the
/// working directory or, failing that, from where the sources were built.
enum BundledSample {
    static var folder: String {
        let candidates = [
            FileManager.default.currentDirectoryPath + "/Data",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/Data",
        ]
        return candidates.first { (try? DataDirectory(folder: $0)) != nil } ?? candidates[0]
    }
}
