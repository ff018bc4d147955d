import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensData
import SteamLensSample

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a deterministic synthetic data set in the raw Steam formats (docs/sample.md).",
        discussion: "The bundled Data/ folder is `steamlens sample --out Data --users 3000 --seed 42 --sample-names`."
    )

    @Option(name: .long, help: "Folder to write the three files into (created if needed).")
    var out: String

    @Option(name: .long, help: "Number of users; 88310 matches the real data's scale.")
    var users = 3_000

    @Option(name: .long, help: "Seed: the same seed and users give byte-identical files.")
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Write plain .json instead of .json.gz.")
    var plain = false

    @Flag(name: .long, help: "Name the files NAME.sample.json(.gz), so a sample is never taken for the real files (readers accept both).")
    var sampleNames = false

    func validate() throws {
        guard users >= 1 else { throw ValidationError("--users must be at least 1.") }
    }

    func run() throws {
        let start = Date()
        do {
            let summary = try SampleGenerator(users: users, seed: seed).write(to: URL(fileURLWithPath: out), compressed: !plain)
            if sampleNames { try markAsSample() }
            print(summary)
        } catch {
            throw CLIFailure(message: "cannot write the sample to \(out): \(error)", code: 2)
        }
        print(String(format: "written in %.2f s", Date().timeIntervalSince(start)))
    }

    /// Renames `NAME.json(.gz)` to `NAME.sample.json(.gz)`, replacing an older sample.
    private func markAsSample() throws {
        let suffix = plain ? ".json" : ".json.gz"
        for kind in DataDirectory.Kind.allCases {
            let from = out + "/" + kind.rawValue + suffix
            let to = out + "/" + kind.rawValue + ".sample" + suffix
            try? FileManager.default.removeItem(atPath: to)
            try FileManager.default.moveItem(atPath: from, toPath: to)
        }
    }
}
