import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensEngine

struct ETLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etl",
        abstract: "Parse the raw files into the store and print the load report."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let loader = try dataOptions.loader()
        let opened: EngineLoader.Opened
        do {
            opened = try loader.open(forceRebuild: true, progress: ProgressBar.phases())
        } catch {
            throw CLIFailure(error)
        }
        let catalog = opened.engine.catalog
        if json {
            print(try ResultPrinter.json(catalog.report), terminator: "")
        } else {
            print(HumanOutput.sanitized(catalog.report.formatted()))
            print("catalogue: \(catalog.gameCount) games, \(catalog.itemCount - catalog.gameCount) unknown item ids, \(catalog.userCount) users, \(catalog.reviewCount) reviews, \(catalog.libraryOfUser.values.count) library rows")
            print(HumanOutput.sanitized("store: \(opened.storePath)"))
            print(String(format: "built in %.2f s: ", opened.seconds)
                  + opened.stages.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", "))
        }
        // The save failure, if any, is told once, as the reason etl fails.
        for warning in opened.warnings where !(opened.saveFailure.map(warning.hasSuffix) ?? false) {
            HumanOutput.writeError("steamlens: " + warning)
        }
        // Saving is what etl is for: a store that is not on disk is a failure, whatever was parsed.
        if let failure = opened.saveFailure {
            throw CLIFailure.badData("the store could not be saved: \(failure)")
        }
        if catalog.report.hasProblems {
            throw CLIFailure.badData("some files could not be read to the end; see the report above")
        }
    }
}
