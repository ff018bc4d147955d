import ArgumentParser
import Foundation
import SteamLensEngine
import SteamLensOutput
import StreamingCatalog

/// `steamlens query` options only the streaming questions read.
struct StreamingQueryFlags: ParsableArguments {
    @Option(name: .long, help: "Streaming will_like: \"yes\" when the predicted score is above this (0–5).")
    var threshold: Double = 4

    @Option(name: .long, help: "Streaming will_like: how many of the most correlated viewers predict.")
    var neighbours: Int = 20

    var options: StreamingQueryOptions { StreamingQueryOptions(threshold: threshold, neighbours: neighbours) }
}

/// The streaming half of `steamlens query --help`.
enum StreamingQueryHelp {
    private static let placeholders = ["year": "YYYY", "viewer": "ID", "cluster": "N"]

    static var text: String {
        StreamingQueries.all.map { "  \($0.usage.padding(toLength: 42, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n")
            + "\nStreaming lists (--sort, --offset, --limit as above):\n  "
            + StreamingListKind.allCases.filter { $0 != .titles }.map(\.rawValue).joined(separator: " | ")
            + "\n  titles [" + StreamingListKind.scopes.map { "\($0):\(placeholders[$0] ?? "NAME")" }.joined(separator: " | ") + "]"
            + "\nScores come from generated ratings (docs/streaming.md); platforms: amazon, disney, hulu, netflix."
    }
}

extension QueryCommand {
    private var streamingList: StreamingListKind? { StreamingListKind(rawValue: name.lowercased()) }

    func validateStreaming() throws {
        guard StreamingQueries.named(name) != nil || streamingList != nil else {
            let suggestions = StreamingQueries.suggestions(for: HumanOutput.sanitizedLine(name))
            let hint = suggestions.isEmpty ? "" : " Did you mean: \(suggestions.joined(separator: ", "))?"
            throw ValidationError("Unknown streaming question '\(name)'.\(hint) Run `steamlens query --help` for the list.")
        }
        if offset < 0 { throw ValidationError("--offset must be 0 or more, got \(offset).") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more, got \(limit).") }
        guard streamingOptions.threshold.isFinite, (0...5).contains(streamingOptions.threshold) else {
            throw ValidationError("--threshold must be a score from 0 to 5, got \(streamingOptions.threshold).")
        }
        if let model, ViewerModel(rawValue: model) == nil {
            throw ValidationError("--model '\(model)' is not a viewer model; choose one of: \(ViewerModel.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard streamingOptions.neighbours >= 1 else { throw ValidationError("--neighbours must be 1 or more, got \(streamingOptions.neighbours).") }
        do {
            if let query = StreamingQueries.named(name) {
                try query.validate(arguments)
            } else if arguments.count > (streamingList == .titles ? 1 : 0) {
                throw QueryError.badArgument("\(name.lowercased()) takes \(streamingList == .titles ? "at most one argument (a scope)" : "no arguments"), got \(arguments.count).")
            }
        } catch let error as QueryError {
            throw ValidationError(error.description)
        }
    }

    func runStreaming() throws {
        let engine = try dataOptions.openStreamingEngine(quiet: true)
        let definitions = streamingDefinitionOptions.definitions
        let result: StreamingResult
        do {
            if let query = StreamingQueries.named(name) {
                var options = streamingOptions.options
                options.model = model
                result = try query(engine, arguments, definitions, options)
            } else {
                let defaultLimit = format == .table ? 25 : Int.max
                result = try engine.list(streamingList!, scope: arguments.first, sort: sort, descending: ascending ? false : nil,
                                         offset: offset, limit: limit ?? defaultLimit, definitions: definitions)
            }
        } catch {
            throw CLIFailure(error)
        }
        print(try ResultPrinter.render(table: result.table, json: result.json, definitions: result.definitions, format: format), terminator: "")
    }
}
