import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensEngine

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer one market question as a table, JSON or CSV.",
        discussion: """
            Questions:
            \(QueryRegistry.all.map { "  \(($0.name + " " + $0.arguments.map { "<\($0)>" }.joined(separator: " ")).padding(toLength: 42, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))
            Lists (sortable with --sort name|count|secondary, paged with --offset/--limit):
              developers | users | genres | years
              games [developer:NAME | genre:NAME | year:YYYY | user:ID]
              reviews <game id or title>
            Names are matched ignoring case, accents, spaces and &amp;.

            Streaming questions (--dataset streaming, or --data with the four platform CSVs):
            \(StreamingQueryHelp.text)
            """
    )

    @Argument(help: "The question (see the list below).")
    var name: String

    @Argument(help: "Its arguments.")
    var arguments: [String] = []

    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Lists: sort by name, count or secondary.")
    var sort: ListPage.Sort = .count

    @Flag(name: .long, help: "Lists: ascending order (default: descending for numbers, ascending for names).")
    var ascending = false

    @Option(name: .long, help: "Lists: rows to skip.")
    var offset = 0

    @Option(name: .long, help: "Lists: rows to show (table default 25; json/csv default all).")
    var limit: Int?

    @Option(name: .long, help: "recommend_user: the model (ease, item-knn, pearson-user, popularity); streaming recommend_viewer: mf, pearson, popularity.")
    var model: String?

    @Flag(name: .long, help: "recommend_game: also list the game's own DLC, soundtracks and editions.")
    var showEditions = false

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var definitionOptions: DefinitionOptions
    @OptionGroup var streamingDefinitionOptions: StreamingDefinitionOptions
    @OptionGroup var streamingOptions: StreamingQueryFlags

    /// Every argument is checked here, before the data is loaded, so a
    /// mistake costs nothing and exits 1 with a message naming the argument.
    func validate() throws {
        if dataOptions.effectiveDataSet == .streaming { return try validateStreaming() }
        guard QueryRegistry.named(name) != nil || listKind != nil else {
            throw ValidationError(Self.unknownQuestionMessage(name))
        }
        if offset < 0 { throw ValidationError("--offset must be 0 or more, got \(offset).") }
        if let limit {
            if limit < 1 { throw ValidationError("--limit must be 1 or more, got \(limit).") }
            if offset.addingReportingOverflow(limit).overflow {
                throw ValidationError("--offset \(offset) plus --limit \(limit) is past the last possible row (\(Int.max)); leave out --limit to show every row after --offset.")
            }
        }
        if let model, RecModel(rawValue: model) == nil {
            throw ValidationError("--model '\(model)' is not a model; choose one of: \(RecModel.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        do {
            if let query = QueryRegistry.named(name) {
                try query.validate(arguments)
            } else if let listKind {
                guard arguments.count <= 1 else {
                    throw QueryError.badArgument("\(listKind.rawValue) takes at most one argument (a scope), got \(arguments.count).")
                }
                try ListPage.validate(listKind, scope: arguments.first)
            }
        } catch let error as QueryError {
            throw ValidationError(error.description)
        }
    }

    private var listKind: ListPage.Kind? { ListPage.Kind(rawValue: name.lowercased()) }

    /// "Unknown question 'develper'. Did you mean: developer, developers? …"
    static func unknownQuestionMessage(_ name: String) -> String {
        let known = QueryRegistry.all.map(\.name) + ListPage.Kind.allCases.map(\.rawValue)
        let typed = HumanOutput.sanitizedLine(name).replacingOccurrences(of: "-", with: "_")
        let suggestions = NameIndex(names: known).suggestions(for: typed).map { known[Int($0)] }
        let hint = suggestions.isEmpty ? "" : " Did you mean: \(suggestions.joined(separator: ", "))?"
        return "Unknown question '\(name)'.\(hint) Run `steamlens query --help` for the list."
    }

    func run() throws {
        if dataOptions.effectiveDataSet == .streaming { return try runStreaming() }
        let engine = try dataOptions.openEngine(quiet: true).engine
        let definitions = definitionOptions.definitions
        let result: any QueryResult
        do {
            if let query = QueryRegistry.named(name) {
                result = try query(engine, arguments, definitions, QueryOptions(model: model, showOwnEditions: showEditions))
            } else {
                let kind = listKind!
                let defaultLimit = format == .table ? 25 : Int.max
                result = try engine.list(kind, of: arguments.first, sort: sort, descending: ascending ? false : nil,
                                         offset: offset, limit: limit ?? defaultLimit, definitions: definitions)
            }
        } catch {
            throw CLIFailure(error)
        }
        print(try ResultPrinter.render(result, format: format), terminator: "")
    }
}

extension ListPage.Sort: ExpressibleByArgument {}
