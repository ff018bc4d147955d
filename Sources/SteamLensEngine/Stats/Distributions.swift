import Foundation

/// What a distribution counts.
public enum DistributionKind: String, CaseIterable, Sendable {
    /// Price in dollars of each game in scope; unknown prices are left out.
    case price
    /// Release year of each game in scope; unknown years are left out.
    case releaseYear = "release-year"
    /// `playtime_forever` of each library row in scope, in the definitions' unit.
    case playtime
    /// Characters (grapheme clusters) of each review in scope.
    case reviewLength = "review-length"
    /// The engine's sentiment of each review in scope: 0, 1 or 2.
    case sentiment

    public var title: String {
        switch self {
        case .price: return "Price"
        case .releaseYear: return "Release year"
        case .playtime: return "Playtime"
        case .reviewLength: return "Review length"
        case .sentiment: return "Sentiment"
        }
    }

    /// True for the long-tailed kinds that get logarithmic bins on request.
    public var supportsLogBins: Bool {
        self == .price || self == .playtime || self == .reviewLength
    }
}

/// Which rows a distribution looks at.
public enum DistributionScope: Hashable, Sendable {
    case all
    case developer(Int32)
    case genre(Int32)
    /// Games released that year (nil: unknown year); reviews of that review year.
    case year(Int?)
    /// The user's library and the user's reviews.
    case user(Int32)
    case game(Int32)
}

/// A histogram of one variable, with honest `[a, b)` bins.
///
/// ```swift
/// let prices = engine.distribution(.price, scope: .developer(valve), logScale: true)
/// prices.bins.map(\.label)   // ["0 (free)", "[0.5, 1)", "[1, 2)", …]
/// prices.leftOut             // [("unknown price", 2)]
/// ```
///
/// Every bin is `[lower, upper)`: the top edge is chosen strictly above
/// the largest value, so no closed last bin is needed. Where zeros are a
/// category of their own (free games, never-played library rows, empty
/// reviews) they get a bin holding exactly 0, and the next bin is
/// labelled `(0, b)`: it starts just above zero.
public struct Distribution: Equatable, Sendable {
    public struct Bin: Equatable, Sendable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        /// "[a, b)", "(0, b)" after a zero bin, "0 (free)" for the zero bin,
        /// "0 negative" for a sentiment class.
        public var label: String

        public init(lower: Double, upper: Double, count: Int, label: String) {
            self.lower = lower
            self.upper = upper
            self.count = count
            self.label = label
        }
    }

    /// Rows that belong to the scope but have no value (unknown price…).
    public struct LeftOut: Equatable, Sendable {
        public var reason: String
        public var count: Int
    }

    public var kind: DistributionKind
    public var scope: DistributionScope
    /// The scope in words: "all data", "Valve", "user 7656…".
    public var scopeName: String
    /// What one row is ("games", "library rows", "reviews") and the value's unit.
    public var rowUnit: String
    public var valueUnit: String
    public var bins: [Bin]
    /// Rows counted in the bins.
    public var total: Int
    public var leftOut: [LeftOut]
    /// True when the bins grow by a constant factor (1-2-5 or 1-3 series).
    public var logBins: Bool
    public var notes: [String]
    public var definitions: Definitions

    public var title: String {
        "\(kind.title)\(valueUnit.isEmpty ? "" : " (\(valueUnit))") · \(scopeName)"
    }

    /// The bins as a table for CSV export.
    public var table: ResultTable {
        ResultTable(
            title: title,
            columns: [.init("bin"), .init("lower", .right), .init("upper", .right), .init("count", .right), .init("share%", .right)],
            rows: bins.map { bin in
                [.text(bin.label), .number(bin.lower, digits: 2), .number(bin.upper, digits: 2), .integer(bin.count),
                 .number(total > 0 ? Double(bin.count) * 100 / Double(total) : 0, digits: 1)]
            } + [[.text("total"), .missing, .missing, .integer(total), .number(total > 0 ? 100 : 0, digits: 1)]]
              + leftOut.map { [.text("left out: \($0.reason)"), .missing, .missing, .integer($0.count), .missing] },
            notes: notes
        )
    }
}

extension Engine {
    /// The distribution of `kind` over the rows of `scope`.
    ///
    /// - Parameters:
    ///   - logScale: logarithmic bins (1-2-5 per decade, or 1-3 when that
    ///     needs more than `maxBins`) for price, playtime and review length;
    ///     release year and sentiment have no long tail and keep linear bins.
    ///   - maxBins: the most bins a linear or logarithmic range is cut into
    ///     (a zero bin comes on top).
    public func distribution(_ kind: DistributionKind, scope: DistributionScope = .all, logScale: Bool = false,
                             maxBins: Int = 14, definitions: Definitions = .standard) -> Distribution {
        let rows = DistributionRows(engine: self, scope: scope, definitions: definitions)
        var result = Distribution(kind: kind, scope: scope, scopeName: rows.scopeName, rowUnit: "", valueUnit: "",
                                  bins: [], total: 0, leftOut: [], logBins: false, notes: [], definitions: definitions)
        switch kind {
        case .price:
            var values: [Double] = []
            var unknown = 0
            for item in rows.items {
                if let price = catalog.price(item) { values.append(price) } else { unknown += 1 }
            }
            result.rowUnit = "games"
            result.valueUnit = "$"
            result.leftOut = [.init(reason: "unknown price", count: unknown)]
            result.notes = ["free games (price 0 or 'free') have their own bin; unknown price is not free"]
            fill(&result, values: values, zeroLabel: "0 (free)", log: logScale, maxBins: maxBins)
        case .releaseYear:
            var values: [Double] = []
            var unknown = 0
            for item in rows.items {
                if let year = catalog.releaseYear(item) { values.append(Double(year)) } else { unknown += 1 }
            }
            result.rowUnit = "games"
            result.leftOut = [.init(reason: "unknown release year", count: unknown)]
            result.notes = logScale ? ["years have no long tail: bins stay linear"] : []
            result.bins = Self.linearBins(values, maxBins: maxBins, integral: true, startAtZero: false)
        case .playtime:
            let unit = definitions.timeUnit
            let values = rows.playtimeMinutes.map { unit.value(minutes: Int($0)) }
            result.rowUnit = "library rows"
            result.valueUnit = unit.rawValue
            result.notes = ["one value per library row (playtime_forever); never-played rows (0) have their own bin"]
            fill(&result, values: values, zeroLabel: "0 (never played)", log: logScale, maxBins: maxBins)
        case .reviewLength:
            let values = rows.reviews.map { Double(catalog.reviewText[Int($0)].count) }
            result.rowUnit = "reviews"
            result.valueUnit = "characters"
            result.notes = ["empty reviews (0 characters) have their own bin"]
            fill(&result, values: values, zeroLabel: "0 (empty)", log: logScale, maxBins: maxBins)
        case .sentiment:
            var counts = [0, 0, 0]
            for review in rows.reviews { counts[Int(min(catalog.reviewSentiment[Int(review)], 2))] += 1 }
            result.rowUnit = "reviews"
            result.bins = ["0 negative", "1 neutral", "2 positive"].enumerated().map { index, label in
                Distribution.Bin(lower: Double(index), upper: Double(index + 1), count: counts[index], label: label)
            }
            result.notes = ["sentiment: the engine's model (no text → 1)"]
        }
        result.total = result.bins.reduce(0) { $0 + $1.count }
        result.leftOut.removeAll { $0.count == 0 }
        result.logBins = logScale && kind.supportsLogBins
        return result
    }

    /// Bins for a variable whose zeros form a category: an exact-zero bin,
    /// then linear or logarithmic bins over the positive values.
    private func fill(_ result: inout Distribution, values: [Double], zeroLabel: String, log: Bool, maxBins: Int) {
        let zeros = values.filter { $0 == 0 }.count
        let positive = values.filter { $0 > 0 }
        var bins: [Distribution.Bin] = []
        if zeros > 0 || positive.isEmpty {
            bins.append(.init(lower: 0, upper: 0, count: zeros, label: zeroLabel))
        }
        let rest = log ? Self.logBins(positive, maxBins: maxBins) : Self.linearBins(positive, maxBins: maxBins, integral: false, startAtZero: true)
        for var bin in rest {
            // The first linear bin starts at 0 but holds no zero: say so.
            if bin.lower == 0 { bin.label = "(0, \(Self.format(bin.upper)))" }
            bins.append(bin)
        }
        result.bins = bins
    }

    // MARK: Binning

    /// Linear bins of a "nice" width (1, 2 or 5 × 10^k), at most `maxBins`,
    /// from a multiple of the width at or below the smallest value to an
    /// edge strictly above the largest.
    static func linearBins(_ values: [Double], maxBins: Int, integral: Bool, startAtZero: Bool) -> [Distribution.Bin] {
        guard let low = values.min(), let high = values.max() else { return [] }
        let start0 = startAtZero ? 0 : low
        var step = niceStep(span: max(high - start0, integral ? 1 : 1e-9), maxBins: maxBins)
        if integral { step = max(1, step.rounded()) }
        var start = (start0 / step).rounded(.down) * step
        if startAtZero { start = 0 }
        var count = Int(((high - start) / step).rounded(.down)) + 1
        while count > maxBins {   // rare rounding at the top edge: widen the step
            step = niceStep(span: step * Double(count), maxBins: maxBins, above: step)
            start = startAtZero ? 0 : (start0 / step).rounded(.down) * step
            count = Int(((high - start) / step).rounded(.down)) + 1
        }
        let edges = (0...count).map { start + Double($0) * step }
        return bin(values, edges: edges)
    }

    /// Logarithmic bins on a 1-2-5 series (1-3 or decades when that would
    /// exceed `maxBins`), from the series value at or below the smallest
    /// value to the first one strictly above the largest.
    static func logBins(_ values: [Double], maxBins: Int) -> [Distribution.Bin] {
        guard let low = values.min(), let high = values.max(), low > 0 else { return [] }
        for mantissas in [[1.0, 2, 5], [1.0, 3], [1.0]] {
            let edges = seriesEdges(from: low, through: high, mantissas: mantissas)
            if edges.count - 1 <= maxBins || mantissas.count == 1 {
                return bin(values, edges: edges)
            }
        }
        return []
    }

    /// Edges m × 10^k for m in `mantissas`, covering [low, high] with the
    /// last edge strictly above `high`.
    static func seriesEdges(from low: Double, through high: Double, mantissas: [Double]) -> [Double] {
        var exponent = Int(log10(low).rounded(.down))
        var edges: [Double] = []
        func value(_ mantissa: Double, _ exponent: Int) -> Double {
            // Divide for negative exponents so 3 × 10^-2 is exactly the double nearest 0.03.
            exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
        }
        while true {
            for mantissa in mantissas {
                let edge = value(mantissa, exponent)
                if edge <= low {
                    edges = [edge]   // the largest series value at or below the smallest value
                } else {
                    edges.append(edge)
                    if edge > high { return edges }
                }
            }
            exponent += 1
        }
    }

    /// The smallest nice step (1, 2, 5 × 10^k, greater than `above`) whose
    /// bins, the last ending strictly above `span`, number at most `maxBins`.
    static func niceStep(span: Double, maxBins: Int, above: Double = 0) -> Double {
        let raw = span / Double(max(1, maxBins))
        var exponent = Int(log10(max(raw, 1e-9)).rounded(.down)) - 1
        while true {
            for mantissa in [1.0, 2, 5] {
                let step = exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
                // The top edge lies strictly above the span's end, hence the + 1.
                if step > above && Int((span / step).rounded(.down)) + 1 <= maxBins { return step }
            }
            exponent += 1
        }
    }

    /// Counts values into `[edges[i], edges[i+1])`.
    static func bin(_ values: [Double], edges: [Double]) -> [Distribution.Bin] {
        guard edges.count >= 2 else { return [] }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        for value in values where value.isFinite && value >= edges[0] && value < edges[edges.count - 1] {
            var low = 0, high = counts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if edges[mid] <= value { low = mid } else { high = mid - 1 }
            }
            counts[low] += 1
        }
        return counts.indices.map { i in
            Distribution.Bin(lower: edges[i], upper: edges[i + 1], count: counts[i],
                             label: "[\(format(edges[i])), \(format(edges[i + 1])))")
        }
    }

    /// Whole numbers without decimals, others with up to 2 ("0.05", "1.5").
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = ResultTable.Cell.format(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// The rows of a scope: games, library playtimes and reviews.
struct DistributionRows {
    var scopeName: String
    var items: [Int32]
    var playtimeMinutes: [Int32]
    var reviews: [Int32]

    init(engine: Engine, scope: DistributionScope, definitions: Definitions) {
        let catalog = engine.catalog
        func owners(_ items: [Int32]) -> [Int32] {
            items.flatMap { catalog.ownersOfItem[Int($0)].map(\.minutes) }
        }
        func reviewsOf(_ items: [Int32]) -> [Int32] {
            items.flatMap { catalog.reviewsOfItem[Int($0)] }
        }
        switch scope {
        case .all:
            scopeName = "all data"
            items = (0..<Int32(catalog.gameCount)).map { $0 }
            playtimeMinutes = catalog.libraryOfUser.values.map(\.minutes)
            reviews = (0..<Int32(catalog.reviewCount)).map { $0 }
        case .developer(let developer):
            scopeName = catalog.developerNames[Int(developer)]
            items = Array(catalog.itemsOfDeveloper[Int(developer)])
            playtimeMinutes = owners(items)
            reviews = reviewsOf(items)
        case .genre(let genre):
            scopeName = catalog.genreNames[Int(genre)]
            items = Array(catalog.itemsOfGenre[Int(genre)])
            playtimeMinutes = owners(items)
            reviews = reviewsOf(items)
        case .year(let year):
            scopeName = year.map(String.init) ?? "unknown year"
            items = (0..<Int32(catalog.gameCount)).filter { Int(catalog.releaseYears[Int($0)]) == (year ?? 0) }
            playtimeMinutes = owners(items)
            reviews = engine.reviews(inYear: year, definitions: definitions)
        case .user(let user):
            scopeName = "user \(catalog.userIds[Int(user)])"
            let library = catalog.libraryOfUser[Int(user)]
            items = library.map(\.item)
            playtimeMinutes = library.map(\.minutes)
            reviews = Array(catalog.reviewsOfUser[Int(user)])
        case .game(let item):
            scopeName = catalog.displayTitle(item)
            items = [item]
            playtimeMinutes = owners([item])
            reviews = Array(catalog.reviewsOfItem[Int(item)])
        }
    }
}
