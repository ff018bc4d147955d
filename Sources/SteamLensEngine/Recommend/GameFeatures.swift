/// The catalogue side of the content recommender: for every game its
/// genre, tag and spec ids, its developer id and its title. Ids are dense
/// per field (genre 0, 1, … independent of tag 0, 1, …).
///
/// ```swift
/// let f = GameFeatures(itemCount: 2, genres: [[0], [0]], tags: [[3], []],
///                      specs: [[], [1]], developer: [7, nil],
///                      titles: ["Portal", "Portal - Soundtrack"],
///                      isAddOn: [false, true])
/// ```
public struct GameFeatures: Sendable {
    public let itemCount: Int
    public let genres: [[Int32]]
    public let tags: [[Int32]]
    public let specs: [[Int32]]
    public let developer: [Int32?]
    public let titles: [String]
    /// Store flag for downloadable content (the Steam spec "Downloadable
    /// Content" marks the DLC itself, not a game that has DLC). Empty when
    /// unknown; then only the title words decide.
    public let isAddOn: [Bool]

    public init(itemCount: Int, genres: [[Int32]], tags: [[Int32]], specs: [[Int32]],
                developer: [Int32?], titles: [String], isAddOn: [Bool] = []) {
        precondition(genres.count == itemCount && tags.count == itemCount && specs.count == itemCount
                     && developer.count == itemCount && titles.count == itemCount,
                     "every GameFeatures array needs one entry per item")
        precondition(isAddOn.isEmpty || isAddOn.count == itemCount)
        self.itemCount = itemCount
        self.genres = genres
        self.tags = tags
        self.specs = specs
        self.developer = developer
        self.titles = titles
        self.isAddOn = isAddOn
    }

    func addOn(_ item: Int) -> Bool { isAddOn.isEmpty ? false : isAddOn[item] }

    /// The Steam spec that marks a store item as downloadable content.
    public static let addOnSpec = "Downloadable Content"

    /// Builds dense ids from names, in order of first appearance per field,
    /// and sets `isAddOn` from the "Downloadable Content" spec. Empty names
    /// are skipped (the raw data has "" genres and developers).
    ///
    /// ```swift
    /// let f = GameFeatures(titles: ["Portal"], genres: [["Action"]], tags: [["Puzzle"]],
    ///                      specs: [["Single-player"]], developers: ["Valve"])
    /// ```
    public init(titles: [String], genres: [[String]], tags: [[String]], specs: [[String]], developers: [String?]) {
        func encoder() -> (String) -> Int32? {
            var ids: [String: Int32] = [:]
            return { name in
                guard !name.isEmpty else { return nil }
                if let id = ids[name] { return id }
                let id = Int32(ids.count)
                ids[name] = id
                return id
            }
        }
        let genre = encoder(), tag = encoder(), spec = encoder(), developer = encoder()
        self.init(itemCount: titles.count,
                  genres: genres.map { $0.compactMap(genre) },
                  tags: tags.map { $0.compactMap(tag) },
                  specs: specs.map { $0.compactMap(spec) },
                  developer: developers.map { $0.flatMap(developer) },
                  titles: titles,
                  isAddOn: specs.map { $0.contains(Self.addOnSpec) })
    }
}
