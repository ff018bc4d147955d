import ArgumentParser
import Foundation
import SteamLensOutput
import StreamingCatalog
import StreamingSample

/// `steamlens sample-streaming`: a synthetic streaming catalogue with
/// generated ratings, or generated ratings for an existing catalogue.
struct SampleStreamingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-streaming",
        abstract: "Write a deterministic synthetic streaming catalogue and ratings (docs/streaming.md).",
        discussion: """
            The bundled Data/streaming is `steamlens sample-streaming --out Data/streaming --sample-names`.
            Ratings for the real catalogue, about 11 M by 115 k viewers as in the original:
              steamlens sample-streaming --ratings-for ../shared/data/streaming --out DIR --viewers 115000 --min-ratings 18 --max-ratings 2000
            (then copy or link the four CSVs into DIR). The ratings are generated, never real.
            """
    )

    @Option(name: .long, help: "Folder to write into (created if needed).")
    var out: String

    @Option(name: .long, help: "Write only ratings.csv, for the catalogue in this folder (e.g. the real one).")
    var ratingsFor: String?

    @Option(name: .long, help: "Titles in the synthetic catalogue, split over the platforms as the real files are.")
    var titles = 1_110

    @Option(name: .long, help: "Viewers who rate.")
    var viewers = 1_500

    @Option(name: .long, help: "Fewest ratings a viewer makes.")
    var minRatings = 8

    @Option(name: .long, help: "Most ratings a viewer makes (activity is Pareto between the two).")
    var maxRatings = 400

    @Option(name: .long, help: "Seed: the same options and seed give byte-identical files.")
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Name the files NAME.sample.csv, so a sample is never taken for the real files (readers accept both).")
    var sampleNames = false

    func validate() throws {
        guard titles >= 4 else { throw ValidationError("--titles must be at least 4 (one per platform).") }
        guard viewers >= 1 else { throw ValidationError("--viewers must be at least 1.") }
        guard minRatings >= 1, maxRatings >= minRatings else { throw ValidationError("--min-ratings must be ≥ 1 and ≤ --max-ratings.") }
        if let ratingsFor, !StreamingLoader.recognizes(ratingsFor) {
            throw ValidationError("--ratings-for \(ratingsFor) does not hold the four platform CSVs.")
        }
    }

    func run() throws {
        let start = Date()
        var generator = RatingsGenerator(viewers: viewers, seed: seed)
        generator.minimumRatings = minRatings
        generator.maximumRatings = maxRatings
        do {
            let catalogue: String
            if let ratingsFor {
                catalogue = ratingsFor
            } else {
                // The real files' proportions: 9,668 Amazon, 1,450 Disney+, 3,073 Hulu, 8,807 Netflix.
                let shares: [Platform: Double] = [.amazon: 0.4204, .disney: 0.0630, .hulu: 0.1336, .netflix: 0.3830]
                let counts = shares.mapValues { max(1, Int(($0 * Double(titles)).rounded())) }
                try CatalogueGenerator(titlesPerPlatform: counts, seed: seed).write(to: out, sampleNames: sampleNames)
                catalogue = out
            }
            let written = try generator.write(forCatalogueIn: catalogue, to: out, fileName: sampleNames ? "ratings.sample.csv" : "ratings.csv")
            print("\(ratingsFor == nil ? "catalogue and " : "")\(written) ratings by \(viewers) viewers written to \(out) (seed \(seed))")
        } catch {
            throw CLIFailure(message: "cannot write the streaming sample to \(out): \(error)", code: 2)
        }
        print(String(format: "written in %.2f s", Date().timeIntervalSince(start)))
    }
}
