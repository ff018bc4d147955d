import ArgumentParser
import Foundation
import SteamLensEngine

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load, start and query times and memory; prints figures against the targets.",
        subcommands: [BenchServeCommand.self]
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Repetitions per query.")
    var repeats = 200

    func run() throws {
        try Bench(dataOptions: dataOptions, repeats: repeats).run()
    }
}
