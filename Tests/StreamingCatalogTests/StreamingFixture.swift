import StreamingCatalog
import Foundation
import SteamLensTestSupport

/// A hand-made streaming folder: four small catalogues with the real files'
/// quirks, and a ratings file whose answers are worked out in the tests.
enum StreamingFixture {
    static let header = "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description"

    static let netflix = """
        \(header)
        s1,Movie,The Love Boat,Ann Lee,"Tom Hanks, Meg Ryan","United States, Canada","September 25, 2021",2020,PG-13,90 min,"Comedies, Romantic Movies","A boat, a love, ""a dream""."
        s2,TV Show,Love Is Blind,,Meg Ryan,United States," August 1, 2019",2020,TV-MA,2 Seasons,Reality TV,"Strangers meet
        in pods."
        s3,Movie,Lovely Day,Bo Kim,Tom Hanks,India,,2020,,120 min,Dramas,A day.
        s4,Movie,Dark Night,Bo Kim,"Tom Hanks, Ann Lee",India,"March 3, 2020",2019,R,,Thrillers,
        s5,Movie,Glove Story,,,,"February 30, 2020",2020,74 min,,Dramas,Gloves.
        s1,Movie,Dup,,,,,2020,PG,90 min,Dramas,dup
        s7,Film,Odd Type,,,,,2020,PG,90 min,Dramas,odd
        s8,Movie,Short

        """

    static let hulu = """
        \(header)
        s1,Movie,The Love Boat,,,United States,"October 24, 2021",2020,PG-13,90 min,Comedy,A boat again.
        s2,TV Show,Snow Days,,,,"October 1, 2021",2020,,,Drama,\u{200B}Zero width.
        s3,TV Show,Long Show,,,Japan,,2018,1 Season,,Anime,A show.

        """

    static let amazon = """
        \(header)
        s1,Movie,Love Actually Love,Richard Curtis,Hugh Grant,,,2003,13+,135 min,"Comedy, Romance",Love.
        s2,TV Show,Jack Ryan,,John Krasinski,,,2018,18+,3 Seasons,"Action, Drama",Spy.

        """

    static let disney = """
        \(header)
        s1,Movie,Frozen,"Chris Buck, Jennifer Lee","Kristen Bell, Idina Menzel",United States,"November 12, 2019",2013,PG,102 min,"Animation, Family",Sisters.

        """

    /// Writes the four catalogues (and `ratings` when given) into a new folder.
    static func folder(ratings: String? = nil) throws -> String {
        let folder = Fixture.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = ["netflix_titles.csv": netflix, "hulu_titles.csv": hulu, "amazon_prime_titles.csv": amazon, "disney_plus_titles.csv": disney]
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        if let ratings { try ratings.write(toFile: folder + "/ratings.csv", atomically: true, encoding: .utf8) }
        return folder
    }

    /// ../shared/data/streaming beside the repository, when it exists.
    static var realFolder: String? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/data/streaming").path
        return FileManager.default.fileExists(atPath: folder + "/netflix_titles.csv") ? folder : nil
    }
}

extension StreamingFixture {
    /// Scores worked out by hand in `StreamingQuestionTests`: ns1 4.5, ns3 3.5,
    /// ns4 4.5, ns5 4.5, hs1 2.5, ns2 5; the last six rows are each skipped or repaired by one rule.
    static let ratings = """
        user_id,title_id,score,timestamp
        u1,ns1,5,100
        u2,ns1,4,100
        u1,ns3,3,100
        u2,ns3,4,100
        u1,ns4,4.5,100
        u3,ns5,4.5,100
        u3,hs1,2,100
        u3,ns2,5,100
        u1,ns1,1,100
        u4,zz9,3,100
        u4,ns1,7,100
        u4,ns1,3.3,100
        ,ns1,3,100
        u4,hs1,3,abc

        """

    static func engine(ratings: String? = StreamingFixture.ratings) throws -> StreamingEngine {
        StreamingEngine(catalogue: StreamingLoader.load(folder: try folder(ratings: ratings)))
    }
}
