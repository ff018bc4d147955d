import Dispatch

/// Reads a data folder's three raw files into a clean `Dataset`.
///
/// The files are parsed in parallel (one per core), then merged: users are
/// numbered across both user files, and rows pointing at items missing from
/// the catalogue are counted (and kept).
public enum DatasetLoader {
    /// `progress` hears the share of the three files' bytes read so far (see
    /// `ReadProgress`); `reviewsRead` gets the clean reviews, in file order,
    /// as soon as their file is read (their `user` is still the file's own
    /// numbering, which the merge renumbers; nothing else changes), once, on
    /// the reading thread.
    public static func load(_ directory: DataDirectory, reviewsRead: ((_ reviews: [Review]) -> Void)? = nil,
                            progress: ((Double) -> Void)? = nil) -> Dataset {
        final class Results: @unchecked Sendable {
            var games: (games: [Game], report: LoadReport.FileReport)?
            var reviews: UserFileRows<[Review]>?
            var libraries: UserFileRows<LibraryColumns>?
        }
        let results = Results()
        let read = progress.map { ReadProgress(totalBytes: ReadProgress.size(of: [directory.games, directory.reviews, directory.libraries]), report: $0) }
        // Libraries and reviews first: they are the larger parses, so the
        // games file fills the gap on whichever core frees up first.
        DispatchQueue.concurrentPerform(iterations: 3) { task in
            switch task {
            case 0: results.libraries = LibrariesFileReader(path: directory.libraries, displayName: DataDirectory.fileName(directory.libraries), progress: read).read()
            case 1:
                results.reviews = ReviewsFileReader(path: directory.reviews, displayName: DataDirectory.fileName(directory.reviews), progress: read).read()
                reviewsRead?(results.reviews!.rows)
            default: results.games = GamesFileReader(path: directory.games, displayName: DataDirectory.fileName(directory.games), progress: read).read()
            }
        }
        // Taken out of `results`, so the merge renumbers the rows in place instead of copying them.
        var dataset = merge(games: results.games.take()!, reviews: results.reviews.take()!, libraries: results.libraries.take()!)
        for (index, kind) in [DataDirectory.Kind.games, .reviews, .libraries].enumerated() {
            dataset.report.files[index].choice = directory.choice(of: kind)
        }
        return dataset
    }

    static func merge(
        games: (games: [Game], report: LoadReport.FileReport),
        reviews: consuming UserFileRows<[Review]>,
        libraries: consuming UserFileRows<LibraryColumns>
    ) -> Dataset {
        var dataset = Dataset(games: games.games)
        let catalogue = Set(games.games.map(\.id))

        // Users with a library come first, then those who only reviewed.
        var userIndex: [String: Int32] = [:]
        func globalIndexes(_ users: [User]) -> [Int32] {
            users.map { user in
                if let known = userIndex[user.id] {
                    if dataset.users[Int(known)].steamId == nil { dataset.users[Int(known)].steamId = user.steamId }
                    return known
                }
                let index = Int32(dataset.users.count)
                userIndex[user.id] = index
                dataset.users.append(user)
                return index
            }
        }
        let libraryUsers = globalIndexes(libraries.users)
        let reviewUsers = globalIndexes(reviews.users)

        var reviewsReport = reviews.report
        dataset.reviews = reviews.rows
        reviews.rows = []
        for index in dataset.reviews.indices { dataset.reviews[index].user = reviewUsers[Int(dataset.reviews[index].user)] }
        recordUnknownItems(dataset.reviews.lazy.map(\.itemId), catalogue: catalogue, firstLines: reviews.firstLineOfItem, report: &reviewsReport)

        var librariesReport = libraries.report
        dataset.library = libraries.rows
        libraries.rows = LibraryColumns()
        for index in dataset.library.user.indices { dataset.library.user[index] = libraryUsers[Int(dataset.library.user[index])] }
        recordUnknownItems(dataset.library.itemId.lazy.map { Int($0) }, catalogue: catalogue, firstLines: libraries.firstLineOfItem, report: &librariesReport)
        for (item, name) in libraries.itemNames where !catalogue.contains(item) {
            dataset.unknownItemNames[item] = name
        }

        dataset.report = LoadReport(files: [games.report, reviewsReport, librariesReport])
        return dataset
    }

    /// Counts rows whose item is not in the catalogue, sampling the first
    /// line each such item appeared on.
    private static func recordUnknownItems<S: Sequence>(
        _ items: S, catalogue: Set<Int>, firstLines: [Int: Int], report: inout LoadReport.FileReport
    ) where S.Element == Int {
        var sampled = Set<Int>()
        for item in items where !catalogue.contains(item) {
            if sampled.count < LoadReport.sampleLimit, sampled.insert(item).inserted {
                report.record(.unknownItem, line: firstLines[item] ?? 0, detail: "item \(item)")
            } else {
                report.count(.unknownItem)
            }
        }
    }
}
