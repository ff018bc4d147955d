import SteamLensEngine

/// The streaming data set's engine: the catalogue, the lookups its
/// questions resolve names with, and the trained models.
/// It knows nothing of terminals; every answer is a `StreamingResult`.
public struct StreamingEngine: Sendable {
    public let catalogue: TitleCatalogue
    /// Each title's name in `NameKey` form, for `word_count` and name order.
    let normalizedNames: [String]
    /// The trained models; nil for an engine opened without them (the model questions then say so).
    public let models: StreamingModels?

    public init(catalogue: TitleCatalogue, models: StreamingModels? = nil) {
        self.catalogue = catalogue
        self.models = models
        normalizedNames = catalogue.names.keys.array  // the name index's keys: each title's name normalized once
    }

    public var titles: [Title] { catalogue.titles }

    /// An engine with every model trained on `catalogue`.
    public static func trained(_ catalogue: TitleCatalogue) -> StreamingEngine {
        StreamingEngine(catalogue: catalogue, models: StreamingModels.train(catalogue))
    }

    func requireModels() throws -> StreamingModels {
        guard let models else { throw QueryError.noResult("the models are not trained in this engine (open it with StreamingEngine.trained).") }
        return models
    }

    /// A title's words: runs of letters and digits. ASCII names (most) are
    /// split on their bytes: a start splits every name, and grapheme breaking was a tenth of it.
    static func words(_ normalized: String) -> [Substring] {
        let utf8 = normalized.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) }
        return utf8.split(whereSeparator: { !(0x30...0x39 ~= $0 || 0x41...0x5A ~= $0 || 0x61...0x7A ~= $0) }).map { Substring($0) }
    }

    // MARK: Resolving arguments

    public func platform(_ text: String) throws -> Platform {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "platform", expected: "amazon, disney, hulu or netflix")
        if let platform = Platform(forgiving: trimmed) { return platform }
        let names = Platform.allCases.map(\.rawValue)
        let suggestions = NameIndex(names: names).suggestions(for: trimmed).map { names[Int($0)] }
        throw QueryError.unknownName(kind: "platform", name: trimmed, suggestions: suggestions.isEmpty ? names : suggestions)
    }

    /// One of `names` matched forgivingly, or an unknown-name error with suggestions.
    func resolve(_ text: String, among names: [String], kind: String, argument: String) throws -> String {
        let trimmed = try QueryArguments.nonEmpty(text, argument: argument)
        let index = NameIndex(names: names)
        if let found = index.find(trimmed) { return names[Int(found)] }
        throw QueryError.unknownName(kind: kind, name: trimmed, suggestions: index.suggestions(for: trimmed).map { names[Int($0)] })
    }

    /// The title with this id ("ns1") or name; among same-named titles the
    /// first in platform order. Unknown names get suggestions.
    public func title(_ text: String) throws -> Int {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "title", expected: "a title id such as ns1, or a title")
        if let index = catalogue.index(ofId: trimmed) { return index }
        if let found = catalogue.names.find(trimmed) { return Int(found) }
        let suggestions = catalogue.names.suggestions(for: trimmed).map { catalogue.titles[Int($0)].name }
        throw QueryError.unknownName(kind: "title", name: trimmed, suggestions: suggestions)
    }

    /// The viewer with this id, or an error saying how to get ratings.
    public func viewer(_ text: String) throws -> Int {
        let ratings = try requireRatings()
        let trimmed = try QueryArguments.nonEmpty(text, argument: "viewer", expected: "a viewer id (`steamlens query viewers --dataset streaming` lists them)")
        if let index = ratings.index(ofViewer: trimmed) { return index }
        let suggestions = NameIndex(names: ratings.viewers).suggestions(for: trimmed).map { ratings.viewers[Int($0)] }
        throw QueryError.unknownName(kind: "viewer", name: trimmed, suggestions: suggestions)
    }

    /// The ratings, or a no-result error telling how to generate them.
    public func requireRatings() throws -> Ratings {
        guard let ratings = catalogue.ratings, ratings.count > 0 else { throw Self.noRatings }
        return ratings
    }

    static let noRatings = QueryError.noResult(
        "This catalogue has no ratings file (ratings.csv), so no title has a score. Generate one with "
            + "`steamlens sample-streaming --ratings-for DIR --out DIR` (docs/streaming.md, \"Ratings\"); the real ratings are not published.")
}
