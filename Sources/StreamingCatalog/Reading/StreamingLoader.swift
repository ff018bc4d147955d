import Foundation
import SteamLensData

/// Finds and reads a streaming data folder: the four platform CSVs and,
/// when present, `ratings.csv` (or `ratings.csv.gz`); a generated sample's
/// are `NAME.sample.csv`.
public enum StreamingLoader {
    public static let ratingsFileNames = ["ratings.csv", "ratings.csv.gz", "ratings.sample.csv"]

    /// Whether `folder` holds a streaming catalogue (all four platform files).
    public static func recognizes(_ folder: String) -> Bool {
        Platform.allCases.allSatisfy { catalogueFile(of: $0, in: folder) != nil }
    }

    /// The catalogue file of `platform` in `folder`, under any of its names.
    public static func catalogueFile(of platform: Platform, in folder: String) -> String? {
        platform.fileNames.map { folder + "/" + $0 }.first(where: isRegularFile)
    }

    /// The ratings file in `folder`, if any.
    public static func ratingsFile(in folder: String) -> String? {
        ratingsFileNames.map { folder + "/" + $0 }.first(where: isRegularFile)
    }

    /// Reads every file of `folder`. A missing platform file is a problem of
    /// its report (the load is incomplete); a missing ratings file is not,
    /// the score questions then say how to make one.
    public static func load(folder: String) -> TitleCatalogue {
        var titles: [Title] = []
        var files: [LoadReport.FileReport] = []
        for platform in Platform.allCases {
            let path = catalogueFile(of: platform, in: folder) ?? folder + "/" + platform.fileName
            let read = TitleFileReader(platform: platform, path: path, reportName: (path as NSString).lastPathComponent).read()
            titles += read.titles
            files.append(read.report)
        }
        noteCopies(titles, in: &files)
        let catalogue = TitleCatalogue(titles: titles, report: LoadReport(files: files))
        guard let ratingsPath = ratingsFile(in: folder) else { return catalogue }
        let read = RatingsFileReader(path: ratingsPath, reportName: (ratingsPath as NSString).lastPathComponent)
            .read(titleIndex: catalogue.titleIndex)
        // The name index, copy groups and facts are the catalogue's own: computed once.
        return TitleCatalogue(titles: catalogue.titles, ratings: read.ratings, report: LoadReport(files: files + [read.report]),
                              names: catalogue.names, groups: catalogue.groups, facts: catalogue.facts)
    }

    /// Counts, in the later platform's report, each title that copies one
    /// of an earlier platform (same name, type and release year).
    static func noteCopies(_ titles: [Title], in files: inout [LoadReport.FileReport]) {
        var first: [String: Platform] = [:]
        for title in titles {
            let key = TitleCatalogue.copyKey(title)
            if let earlier = first[key] {
                if earlier != title.platform, let f = Platform.allCases.firstIndex(of: title.platform) {
                    files[f].record(StreamingRules.copyOnOtherPlatform, line: 0, detail: "\(title.id) '\(title.name.prefix(40))' also on \(earlier.displayName)")
                }
            } else {
                first[key] = title.platform
            }
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
