import Foundation
import SteamLensData
import SteamLensEngine
import StreamingCatalog

/// Generates viewers' ratings of a catalogue (the real one or the sample)
/// from a known model, so recommenders can be checked against the truth
/// (docs/streaming.md, "Ratings").
///
/// The score viewer u gives title t is
///
///     clamp(round½(μ + b_u + b_t + w_u · f_t + ε), 0.5, 5)
///
/// - μ = `globalMean`; b_u ~ N(0, `viewerBiasSD`²); b_t ~ N(0, `titleBiasSD`²);
/// - f_t, the title's content vector (`TasteAxes`): its genres spread over
///   six genre axes, +1/−1 for movie/show, and its era ((year − 2010) / 10, within ±2);
/// - w_u ~ N(0, `tasteSD`²) per genre axis and N(0, (`tasteSD`/2)²) for type and era;
/// - ε ~ N(0, `noiseSD`²).
///
/// Who rates what: each viewer rates a Pareto(1) count of titles (at least
/// `minimumRatings`, at most `maximumRatings`), drawn without repeats with
/// weight 1 / (popularity rank + 10); titles with a higher b_t rank higher
/// on average, as good titles are watched more.
public struct RatingsGenerator: Sendable {
    public var viewers: Int
    public var seed: UInt64
    public var minimumRatings = 8
    public var maximumRatings = 400
    public var globalMean = 3.4
    public var viewerBiasSD = 0.35
    public var titleBiasSD = 0.45
    public var tasteSD = 0.6
    public var noiseSD = 0.45

    public init(viewers: Int, seed: UInt64 = 42) {
        self.viewers = viewers
        self.seed = seed
    }

    /// The generator's hidden parameters for one catalogue.
    public struct Truth: Sendable {
        public let titleBias: [Double]
        public let viewerBias: [Double]
        /// `viewerTaste[u]` has `TasteAxes.count` weights.
        public let viewerTaste: [[Double]]
        public let titleAxes: [[Double]]
        public let globalMean: Double

        /// The score without noise or rounding: what a perfect model predicts.
        public func expectedScore(viewer u: Int, title t: Int) -> Double {
            var dot = 0.0
            for k in 0..<TasteAxes.count { dot += viewerTaste[u][k] * titleAxes[t][k] }
            return globalMean + viewerBias[u] + titleBias[t] + dot
        }
    }

    public func truth(for titles: [Title]) -> Truth {
        var biases = SplitMix64.stream(seed: seed, .titleBiases)
        let titleBias = titles.map { _ in biases.normal() * titleBiasSD }
        var viewerBias: [Double] = []
        var tastes: [[Double]] = []
        for u in 0..<viewers {
            var rng = SplitMix64.stream(seed: seed, .tastes, index: u)
            viewerBias.append(rng.normal() * viewerBiasSD)
            tastes.append((0..<TasteAxes.count).map { k in rng.normal() * (k < TasteAxes.genreAxes ? tasteSD : tasteSD / 2) })
        }
        return Truth(titleBias: titleBias, viewerBias: viewerBias, viewerTaste: tastes, titleAxes: titles.map(TasteAxes.vector),
                     globalMean: globalMean)
    }

    /// Calls `body` with every rating, viewer by viewer: (viewer, title index, half-stars, timestamp).
    public func forEachRating(of titles: [Title], truth: Truth, viewers range: Range<Int>? = nil, _ body: (_ viewer: Int, _ title: Int, _ halves: Int, _ timestamp: Int) throws -> Void) rethrows {
        guard !titles.isEmpty else { return }
        // Popularity: titles ordered by bias plus noise, weight 1 / (rank + 10).
        var picks = SplitMix64.stream(seed: seed, .picks)
        let order = titles.indices.map { ($0, truth.titleBias[$0] + picks.normal() * 0.5) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var weight = [Double](repeating: 0, count: titles.count)
        for (rank, entry) in order.enumerated() { weight[entry.0] = 1 / Double(rank + 10) }
        var cumulative: [Double] = []
        var sum = 0.0
        for w in weight { sum += w; cumulative.append(sum) }

        var stamp = [Int](repeating: -1, count: titles.count)
        var chosen: [Int] = []
        for u in range ?? 0..<viewers {
            var rng = SplitMix64.stream(seed: seed, .viewers, index: u)
            let count = min(rng.paretoCount(minimum: minimumRatings, maximum: maximumRatings), titles.count / 2 + 1)
            chosen.removeAll(keepingCapacity: true)
            var attempts = 0
            while chosen.count < count, attempts < count * 20 {
                attempts += 1
                let t = rng.weighted(cumulative: cumulative)
                if stamp[t] == u { continue }
                stamp[t] = u
                chosen.append(t)
            }
            var noise = SplitMix64.stream(seed: seed, .noise, index: u)
            var time = 1_420_070_400 + rng.below(150_000_000)
            for t in chosen {
                let raw = truth.expectedScore(viewer: u, title: t) + noise.normal() * noiseSD
                time += 1 + rng.below(200_000)
                try body(u, t, min(10, max(1, Int((raw * 2).rounded()))), time)
            }
        }
    }

    /// The ratings file's text (`RatingsFileReader.columns`); viewers are "u1", "u2", ….
    public func csv(for titles: [Title]) -> String {
        var text = ""
        try? write(for: titles) { text += $0 }
        return text
    }

    /// Hands the file's text to `sink` in pieces of about 1 MB, so 11 M
    /// ratings never sit in memory as one string.
    public func write(for titles: [Title], _ sink: (String) throws -> Void) throws {
        var text = RatingsFileReader.columns.joined(separator: ",") + "\n"
        try forEachRating(of: titles, truth: truth(for: titles)) { u, t, halves, timestamp in
            text += "u\(u + 1),\(titles[t].id),\(halves / 2)\(halves % 2 == 1 ? ".5" : ""),\(timestamp)\n"
            if text.utf8.count > 1 << 20 {
                try sink(text)
                text = ""
            }
        }
        try sink(text)
    }

    /// Writes `ratings.csv` (or `fileName`) for the catalogue in `folder` (read with the
    /// catalogue's own rules) into `output` (default: `folder`); returns the ratings written.
    public func write(forCatalogueIn folder: String, to output: String? = nil, fileName: String = "ratings.csv") throws -> Int {
        let titles = StreamingLoader.load(folder: folder).titles
        let target = output ?? folder
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let path = target + "/" + fileName
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var lines = 0
        try write(for: titles) { piece in
            lines += piece.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            try handle.write(contentsOf: Data(piece.utf8))
        }
        return lines - 1
    }
}

extension RatingsGenerator {
    /// The truth behind `ratings` when they are this generator's for
    /// `titles` (checked exactly on the first viewers' ratings), else nil.
    /// Viewer "uN" is the generator's viewer N − 1.
    public static func truth(behind ratings: Ratings, titles: [Title], seed: UInt64, minimumRatings: Int = 8, maximumRatings: Int = 400)
        -> (truth: Truth, viewerIndex: [Int])? {
        let indices = ratings.viewers.map { name -> Int in
            guard name.first == "u", let n = Int(name.dropFirst()), n >= 1 else { return -1 }
            return n - 1
        }
        guard let largest = indices.max(), largest >= 0, !indices.contains(-1) else { return nil }
        var generator = RatingsGenerator(viewers: largest + 1, seed: seed)
        generator.minimumRatings = minimumRatings
        generator.maximumRatings = maximumRatings
        let truth = generator.truth(for: titles)
        let checked = Array(ratings.viewers.indices.prefix(3))
        for v in checked {
            var made: [Int32: UInt8] = [:]
            generator.forEachRating(of: titles, truth: truth, viewers: indices[v]..<(indices[v] + 1)) { _, t, halves, _ in made[Int32(t)] = UInt8(halves) }
            let row = ratings.ratings(of: v)
            guard made.count == row.titles.count, zip(row.titles, row.halves).allSatisfy({ made[$0.0] == $0.1 }) else { return nil }
        }
        return (truth, indices)
    }
}

/// The content axes viewers' tastes are defined on (docs/streaming.md):
/// six genre axes (each genre name hashed onto one), type and era.
public enum TasteAxes {
    public static let genreAxes = 6
    public static let count = genreAxes + 2

    /// The genre axis of a genre name: a stable hash (FNV-1a of its forgiving key).
    public static func axis(ofGenre genre: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in NameKey.normalize(genre).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(hash % UInt64(genreAxes))
    }

    public static func vector(_ title: Title) -> [Double] {
        var v = [Double](repeating: 0, count: count)
        for genre in title.genres { v[axis(ofGenre: genre)] += 1 / Double(title.genres.count) }
        v[genreAxes] = title.type == .movie ? 1 : -1
        v[genreAxes + 1] = min(2, max(-2, Double((title.releaseYear ?? 2010) - 2010) / 10))
        return v
    }
}
