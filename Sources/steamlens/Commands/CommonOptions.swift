import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensData
import SteamLensEngine
import StreamingCatalog

/// Where the data and the store are.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with steam_games, australian_user_reviews and australian_users_items (.json or .json.gz), or the four streaming platform CSVs (+ ratings.csv). Default: $STEAMLENS_DATA, else the bundled Data/.")
    var data: String?

    @Option(name: .long, help: "Folder for the SQLite store. Default: $XDG_CACHE_HOME/steamlens or ~/.cache/steamlens.")
    var cache: String?

    @Option(name: .long, help: "steam or streaming. Default: the data set --data holds (the four platform CSVs: streaming), else steam; with no --data, that data set's bundled sample.")
    var dataset: DataSetChoice?

    /// The data set in effect: --dataset, else the one the data folder holds.
    var effectiveDataSet: DataSetChoice {
        if let dataset { return dataset }
        if let folder = explicitData, StreamingLoader.recognizes(folder) { return .streaming }
        return .steam
    }

    /// The streaming folder: --data, else $STEAMLENS_DATA when it holds the
    /// four catalogues, else the bundled sample's `streaming/` folder.
    func streamingFolder() throws -> String {
        if let data, !data.isEmpty {
            guard StreamingLoader.recognizes(data) else {
                throw CLIFailure.badData("\(data) is not a streaming folder: it needs \(Platform.allCases.map(\.fileName).joined(separator: ", ")) (and ratings.csv for the score questions).")
            }
            return data
        }
        if let env = ProcessInfo.processInfo.environment["STEAMLENS_DATA"], !env.isEmpty, StreamingLoader.recognizes(env) { return env }
        do {
            let folder = try BundledSample.folderOrError() + "/streaming"
            guard StreamingLoader.recognizes(folder) else { throw CLIFailure.badData("the bundled streaming sample is missing from \(folder); pass --data DIR.") }
            return folder
        } catch let notFound as BundledSample.NotFound {
            throw CLIFailure.badData(notFound.description)
        }
    }

    /// Opens the streaming engine from its store (built and saved on the
    /// first start), failing with exit 2 when a catalogue file could not be read.
    func openStreamingEngine(quiet: Bool = false) throws -> StreamingEngine {
        try openStreamingEngine(folder: try streamingFolder(), quiet: quiet)
    }

    /// The same for the streaming catalogue in `folder` (`serve --streaming-data`).
    func openStreamingEngine(folder: String, quiet: Bool = false) throws -> StreamingEngine {
        let cacheFolder = StoreLocation(cacheFolder: cache, environment: ProcessInfo.processInfo.environment).cacheFolder
        let engine = StreamingStore.open(folder: folder, cacheFolder: cacheFolder) { message in
            if !quiet { HumanOutput.writeError(message) }
        }
        let problems = engine.catalogue.report.files.compactMap(\.problem)
        guard problems.isEmpty else { throw CLIFailure.badData(problems.joined(separator: "\n")) }
        return engine
    }

    /// The streaming catalogue alone (no models), failing with exit 2 when a file could not be read.
    func openStreamingCatalogue() throws -> TitleCatalogue {
        let catalogue = StreamingLoader.load(folder: try streamingFolder())
        let problems = catalogue.report.files.compactMap(\.problem)
        guard problems.isEmpty else { throw CLIFailure.badData(problems.joined(separator: "\n")) }
        return catalogue
    }

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
            let opened = try loader.open(progress: ProgressBar.phases(enabled: !quiet && isatty(STDERR_FILENO) != 0))
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

/// The switchable definitions of the streaming data set (docs/definitions.md, "Streaming definitions").
struct StreamingDefinitionOptions: ParsableArguments {
    @Option(name: .long, help: "Streaming: the year of a title, release (release_year) or added (date_added).")
    var titleYear: StreamingDefinitions.TitleYear = .release

    @Option(name: .long, help: "Streaming word_count: word (whole words) or substring.")
    var wordMatch: StreamingDefinitions.WordMatch = .word

    @Option(name: .long, help: "Streaming: a missing audience rating counts as unknown or g (the original brief's rule).")
    var missingRating: StreamingDefinitions.MissingRating = .unknown

    var definitions: StreamingDefinitions {
        StreamingDefinitions(titleYear: titleYear, wordMatch: wordMatch, missingRating: missingRating)
    }
}

/// Which data set a command works on.
enum DataSetChoice: String, CaseIterable, ExpressibleByArgument {
    case steam, streaming
}

extension StreamingDefinitions.TitleYear: ExpressibleByArgument {}
extension StreamingDefinitions.WordMatch: ExpressibleByArgument {}
extension StreamingDefinitions.MissingRating: ExpressibleByArgument {}
extension Definitions.ReviewYear: ExpressibleByArgument {}
extension Definitions.TimeUnit: ExpressibleByArgument {}
extension Definitions.UndatedReviews: ExpressibleByArgument {}
extension Definitions.JoinKey: ExpressibleByArgument {}

extension OutputFormat: ExpressibleByArgument {}
