import SteamLensData
import SteamLensEngine

/// The four platforms' titles in one catalogue, with the lookups the
/// questions need, and the viewers' ratings when the folder has them.
///
/// Titles keep the order they were read in (platform by platform, rows in
/// file order). A title that appears on several platforms stays once per
/// platform; `group(of:)` ties the copies together (same normalized name,
/// type and release year) so similar-title answers skip them.
public struct TitleCatalogue: Sendable {
    public let titles: [Title]
    public let report: LoadReport
    /// The viewers' scores, nil when the folder holds no ratings file.
    public let ratings: Ratings?
    /// Copies of one title across platforms share a group number.
    public let groups: [Int32]
    /// The titles' small fields as flat arrays, for loops over many titles.
    public let facts: TitleFacts
    let idIndex: [String: Int32]
    let names: NameIndex

    public init(titles: [Title], ratings: Ratings? = nil, report: LoadReport = LoadReport()) {
        let names = NameIndex(names: titles.map(\.name))
        self.init(titles: titles, ratings: ratings, report: report, names: names, groups: Self.copyGroups(titles, keys: names.keys),
                  facts: TitleFacts(titles))
    }

    /// With the name index, copy groups and facts as stored (`StreamingStore`), not computed again.
    init(titles: [Title], ratings: Ratings?, report: LoadReport, names: NameIndex, groups: [Int32], facts: TitleFacts) {
        self.titles = titles
        self.ratings = ratings
        self.report = report
        var index: [String: Int32] = [:]
        for i in titles.indices where index[titles[i].id] == nil { index[titles[i].id] = Int32(i) }
        idIndex = index
        self.names = names
        self.groups = groups
        self.facts = facts
    }

    /// The group key of a title: its copies on other platforms share it.
    static func copyKey(_ title: Title) -> String {
        copyKey(title, normalizedName: NameKey.normalize(title.name))
    }

    static func copyKey(_ title: Title, normalizedName: String) -> String {
        "\(normalizedName)|\(title.type.rawValue)|\(title.releaseYear.map(String.init) ?? "?")"
    }

    static func copyGroups(_ titles: [Title], keys names: StringColumn) -> [Int32] {
        var keys: [String: Int32] = [:]
        return titles.enumerated().map { i, title in
            let key = copyKey(title, normalizedName: names[i])
            if let group = keys[key] { return group }
            keys[key] = Int32(i)
            return Int32(i)
        }
    }

    public func group(of title: Int) -> Int32 { groups[title] }

    /// The title with this id ("ns1"), any case.
    public func index(ofId id: String) -> Int? {
        if let i = idIndex[id] { return Int(i) }
        return idIndex[id.lowercased().trimmingCharacters(in: .whitespaces)].map(Int.init)
    }

    /// The index of every title id, for the ratings reader.
    public var titleIndex: [String: Int32] { idIndex }

    /// Titles of `platform`, or all when nil.
    public func indices(on platform: Platform?) -> [Int] {
        guard let platform else { return Array(titles.indices) }
        return facts.onPlatform[Platform.allCases.firstIndex(of: platform)!]
    }
}
