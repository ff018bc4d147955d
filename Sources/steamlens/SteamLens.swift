import ArgumentParser
import Foundation
import SteamLensOutput

/// `steamlens`: the explorer by default, and scriptable subcommands beside it.
struct SteamLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steamlens",
        abstract: "Explore the Steam games market from the terminal.",
        discussion: """
            Data: --data DIR, else $STEAMLENS_DATA, else the bundled sample (Data/ found from the binary: README, "Installing").
            Definitions used by every answer: docs/definitions.md.
            Exit codes: 0 ok, 1 no result or bad argument, 2 bad or missing data.
            """,
        version: "0.1.0",
        subcommands: [ExploreCommand.self, QueryCommand.self, ETLCommand.self, SampleCommand.self, SampleStreamingCommand.self, EvalCommand.self, BenchCommand.self, ServeCommand.self],
        defaultSubcommand: ExploreCommand.self
    )
}

/// Runs the command line, mapping failures to the documented exit codes.
@main
enum Main {
    static func main() {
        do {
            var command = try SteamLens.parseAsRoot()
            try command.run()
            PeakMemory.writeIfRequested()
        } catch let failure as CLIFailure {
            HumanOutput.writeError("steamlens: " + failure.message)
            exit(failure.code)
        } catch {
            let code = SteamLens.exitCode(for: error)
            if code == .success {
                SteamLens.exit(withError: error)  // --help, --version
            }
            // Usage mistakes are "bad argument": exit 1, as documented. The
            // message may quote the argument, so it is sanitized like data.
            HumanOutput.writeError(SteamLens.fullMessage(for: error))
            exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }
}
