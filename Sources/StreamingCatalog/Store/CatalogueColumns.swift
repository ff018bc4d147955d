import Foundation
import SteamLensData
import SteamLensEngine

/// The catalogue's columns in the store (`titles.*`, `report`): every title
/// field as a column, lists joined by U+001F, plus what a start would
/// otherwise recompute from them — the normalized names the name index and
/// `word_count` use, the copy groups, and the cast and countries interned
/// (`InternedNames`, `cast.*`, `countries.*`). All of it is read at open
/// (23 k titles), so every block is verified then and damage throws.
enum CatalogueColumns {
    /// Never in a cleaned field: control characters are removed.
    static let separator: UInt8 = 0x1F

    static func write(_ catalogue: TitleCatalogue, into out: inout ColumnFileWriter) {
        let titles = catalogue.titles
        let joined = String(UnicodeScalar(separator))
        out.add("titles.id", titles.map(\.id))
        out.add("titles.platform", titles.map { UInt8(Platform.allCases.firstIndex(of: $0.platform)!) })
        out.add("titles.type", titles.map { UInt8(TitleType.allCases.firstIndex(of: $0.type)!) })
        out.add("titles.name", titles.map(\.name))
        out.add("titles.directors", titles.map { $0.directors.joined(separator: joined) })
        out.add("titles.cast", titles.map { $0.cast.joined(separator: joined) })
        out.add("titles.countries", titles.map { $0.countries.joined(separator: joined) })
        out.add("titles.genres", titles.map { $0.genres.joined(separator: joined) })
        out.add("titles.description", titles.map(\.description))
        out.add("titles.rating", titles.map { $0.rating ?? "" })
        out.add("titles.hasRating", titles.map { $0.rating != nil })
        out.add("titles.releaseYear", titles.map { Int32($0.releaseYear ?? -1) })
        out.add("titles.added", titles.map { $0.dateAdded.map { Int32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? -1 })
        out.add("titles.duration", titles.map { Int32($0.duration?.value ?? -1) })
        out.add("titles.seasons", titles.map { $0.duration?.unit == .seasons })
        out.add("titles.nameKeys", catalogue.names.keys)
        out.add("titles.groups", catalogue.groups)
        for (prefix, interned) in [("cast", catalogue.facts.cast), ("countries", catalogue.facts.countries)] {
            out.add("\(prefix).names", interned.names)
            out.add("\(prefix).offsets", interned.offsets)
            out.add("\(prefix).ids", interned.ids)
        }
        // Sorted keys: the same input gives the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        out.add("report", text: String(decoding: (try? encoder.encode(catalogue.report)) ?? Data(), as: UTF8.self))
    }

    struct Stored {
        var titles: [Title]
        var report: LoadReport
        var names: NameIndex
        var groups: [Int32]
        var facts: TitleFacts
    }

    static func read(_ file: ColumnFile) throws -> Stored {
        func damaged(_ reason: String) -> StreamingStore.Problem { .damaged(reason) }
        let ids = try strings(file, "titles.id")
        let n = ids.count
        let platforms: [UInt8] = try file.column("titles.platform", verifyNow: true, within: 0...UInt8(Platform.allCases.count - 1)).array
        let types: [UInt8] = try file.column("titles.type", verifyNow: true, within: 0...UInt8(TitleType.allCases.count - 1)).array
        let names = try strings(file, "titles.name"), descriptions = try strings(file, "titles.description")
        let directors = try lists(file, "titles.directors"), cast = try lists(file, "titles.cast")
        let countries = try lists(file, "titles.countries"), genres = try lists(file, "titles.genres")
        let ratings = try strings(file, "titles.rating")
        let hasRating: [Bool] = try file.column("titles.hasRating", verifyNow: true).array
        let years: [Int32] = try file.column("titles.releaseYear", verifyNow: true).array
        // A day is -1 or a real yyyymmdd, a duration -1 or what the reader accepts (`Duration(parsing:)`).
        let added: [Int32] = try file.column("titles.added", verifyNow: true, valid: { $0 == -1 || (1...12 ~= $0 / 100 % 100 && 1...31 ~= $0 % 100) }).array
        let durations: [Int32] = try file.column("titles.duration", verifyNow: true, within: -1...100_000).array
        let seasons: [Bool] = try file.column("titles.seasons", verifyNow: true).array
        // `word_count` finds a name by its bytes' place among the offsets: read now, they are checked to ascend.
        let keys = try file.strings("titles.nameKeys", verifyNow: true)
        let groups: [Int32] = try file.index("titles.groups", verifyNow: true, below: n).array
        guard [platforms.count, types.count, names.count, descriptions.count, directors.count, cast.count, countries.count, genres.count,
               ratings.count, hasRating.count, years.count, added.count, durations.count, seasons.count, keys.count, groups.count]
            .allSatisfy({ $0 == n }) else { throw damaged("title columns of different lengths") }
        var titles: [Title] = []
        titles.reserveCapacity(n)
        for i in 0..<n {
            let day = Int(added[i])
            titles.append(Title(
                id: ids[i], platform: Platform.allCases[Int(platforms[i])], type: TitleType.allCases[Int(types[i])], name: names[i],
                directors: directors[i], cast: cast[i], countries: countries[i],
                dateAdded: day < 0 ? nil : CalendarDay(year: day / 10_000, month: day / 100 % 100, day: day % 100),
                releaseYear: years[i] < 0 ? nil : Int(years[i]), rating: hasRating[i] ? ratings[i] : nil,
                duration: durations[i] < 0 ? nil : Duration(value: Int(durations[i]), unit: seasons[i] ? .seasons : .minutes),
                genres: genres[i], description: descriptions[i]))
        }
        let report = try JSONDecoder().decode(LoadReport.self, from: Data(try file.text("report").utf8))
        let facts = TitleFacts(
            platform: platforms.map { Platform.allCases[Int($0)] }, type: types.map { TitleType.allCases[Int($0)] }, releaseYear: years,
            addedYear: added.map { $0 < 0 ? -1 : $0 / 10_000 }, duration: durations,
            durationUnit: zip(durations, seasons).map { (duration, seasons) -> DurationUnit? in duration < 0 ? nil : seasons ? .seasons : .minutes },
            ratings: zip(hasRating, ratings).map { $0 ? $1 : nil },
            cast: try interned(file, "cast", titles: n), countries: try interned(file, "countries", titles: n))
        return Stored(titles: titles, report: report, names: NameIndex(keys: keys), groups: groups, facts: facts)
    }

    static func interned(_ file: ColumnFile, _ prefix: String, titles: Int) throws -> InternedNames {
        let names = try file.strings("\(prefix).names", verifyNow: true)
        let ids = try file.index("\(prefix).ids", verifyNow: true, below: names.count)
        return InternedNames(names: names, offsets: try StoredIndex.offsets(file, "\(prefix).offsets", rows: titles, values: ids.count), ids: ids)
    }

    /// Every string of a column, decoded in one pass over its verified bytes.
    static func strings(_ file: ColumnFile, _ name: String) throws -> [String] {
        try withStrings(file, name) { bytes, range in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
    }

    /// Every list of a column (U+001F-joined strings), split on the UTF-8
    /// bytes: a `Character` split would run grapheme breaking over every name.
    static func lists(_ file: ColumnFile, _ name: String) throws -> [[String]] {
        try withStrings(file, name) { bytes, range in
            guard !range.isEmpty else { return [] }
            var items: [String] = []
            var start = range.lowerBound
            for i in range where bytes[i] == separator {
                items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self))
            return items
        }
    }

    /// `decode` over each string's byte range (read now, so the offsets
    /// are checked to ascend: every range is in order and inside the bytes).
    private static func withStrings<T>(_ file: ColumnFile, _ name: String,
                                       _ decode: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T) throws -> [T] {
        try file.strings(name, verifyNow: true).withUTF8Buffers { bytes, offsets in
            (0..<offsets.count - 1).map { decode(bytes, Int(offsets[$0])..<Int(offsets[$0 + 1])) }
        }
    }
}
