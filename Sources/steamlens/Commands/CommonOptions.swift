import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensData
import SteamLensEngine

/// Where the data and the store are.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with steam_games, australian_user_reviews and australian_users_items (.json or .json.gz). Default: $STEAMLENS_DATA, else the bundled Data/.")
    var data: String?

    @Option(name: .long, help: "Folder for the SQLite store. Default: $XDG_CACHE_HOME/steamlens or ~/.cache/steamlens.")
    var cache: String?

    /// The data folder in effect: --data, $STEAMLENS_DATA, or the bundled sample.
    var resolvedData: String {
        explicitData ?? BundledSample.folder
    }

    /// --data or $STEAMLENS_DATA, when either names a folder.
    private var explicitData: String? {
        if let data, !data.isEmpty { return data }
        if let env = ProcessInfo.processInfo.environment["STEAMLENS_DATA"], !env.isEmpty { return env }
        return nil
    }

    func loader() throws -> EngineLoader {
        do {
            let folder = try explicitData ?? BundledSample.folderOrError()
            return try EngineLoader(dataFolder: folder, cacheFolder: cache)
        } catch let notFound as BundledSample.NotFound {
            throw CLIFailure.badData(notFound.description)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// Opens the engine, telling on stderr when the store had to be (re)built.
    func openEngine(quiet: Bool = false) throws -> EngineLoader.Opened {
        let loader = try loader()
        do {
            let opened = try loader.open { message in
                if !quiet { HumanOutput.writeError(message) }
            }
            for warning in opened.warnings {
                HumanOutput.writeError("steamlens: " + warning)
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

    @Option(name: .long, help: "Year of a review posted without one: crawl (the crawl year the data implies) or unknown.")
    var undatedReviews: Definitions.UndatedReviews = .crawlYear

    @Option(name: .long, help: "Playtime unit: hours or minutes.")
    var time: Definitions.TimeUnit = .hours

    @Option(name: .long, help: "Join library/review rows to games by item_id or by name (for comparison only).")
    var join: Definitions.JoinKey = .itemId

    var definitions: Definitions {
        Definitions(reviewYear: reviewYear, timeUnit: time, joinKey: join, undatedReviews: undatedReviews)
    }
}

extension Definitions.ReviewYear: ExpressibleByArgument {}
extension Definitions.TimeUnit: ExpressibleByArgument {}
extension Definitions.UndatedReviews: ExpressibleByArgument {}
extension Definitions.JoinKey: ExpressibleByArgument {}

extension OutputFormat: ExpressibleByArgument {}
