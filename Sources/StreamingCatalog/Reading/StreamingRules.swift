import SteamLensData

/// The cleaning rules of the streaming data set (docs/definitions.md,
/// "Streaming cleaning rules"). The whole-line rules `oversizedLine`,
/// `truncatedFile` and `emptyFile` are shared with Steam.
public enum StreamingRules {
    // CSV records
    public static let unterminatedQuote = CleaningRule(
        "csv-unterminated-quote", .skipped, "a quoted field never closes (or runs past 1 MiB); its lines skipped")
    public static let wrongFieldCount = CleaningRule(
        "csv-wrong-field-count", .skipped, "record has more or fewer fields than the header; skipped")
    public static let strayQuote = CleaningRule(
        "csv-stray-quote", .noted, "a quote inside an unquoted field or after a closing quote; kept as text")
    public static let blankRecord = CleaningRule("csv-blank-line", .skipped, "blank line; skipped")
    // Titles
    public static let titleWithoutId = CleaningRule("title-without-id", .skipped, "no show_id; skipped (nothing can refer to it)")
    public static let duplicateShowId = CleaningRule("duplicate-show-id", .skipped, "show_id seen before in the file; first row kept")
    public static let titleWithoutName = CleaningRule("title-without-name", .skipped, "no title text; skipped")
    public static let typeUnknown = CleaningRule("type-unknown", .skipped, "type is neither 'Movie' nor 'TV Show'; skipped")
    public static let durationInRating = CleaningRule(
        "duration-in-rating", .repaired, "rating holds the duration ('74 min', '1 Season') and duration is empty → moved; rating unknown")
    public static let ratingMissing = CleaningRule(
        "rating-missing", .noted, "no audience rating → \"unknown\" (or \"G\" with --missing-rating g)")
    public static let durationMissing = CleaningRule("duration-missing", .noted, "no duration (nor one in rating) → unknown")
    public static let durationUnreadable = CleaningRule(
        "duration-unreadable", .repaired, "duration is not 'N min' or 'N Season(s)' → unknown")
    public static let durationUnitMismatch = CleaningRule(
        "duration-unit-mismatch", .noted, "a movie counted in seasons or a show in minutes; kept as written")
    public static let dateAddedMissing = CleaningRule("date-added-missing", .noted, "no date_added → year added unknown")
    public static let dateAddedSpaces = CleaningRule("date-added-spaces", .repaired, "date_added has leading or trailing spaces → trimmed")
    public static let dateAddedUnreadable = CleaningRule(
        "date-added-unreadable", .repaired, "date_added is not 'Month D, YYYY' (or the day does not exist) → unknown")
    public static let releaseYearMissing = CleaningRule("release-year-missing", .noted, "no release_year → unknown")
    public static let releaseYearUnreadable = CleaningRule(
        "release-year-unreadable", .repaired, "release_year is not a year in \(StreamingRules.validYears) → unknown")
    public static let castMissing = CleaningRule("cast-missing", .noted, "no cast; counts in no actor")
    public static let directorMissing = CleaningRule("director-missing", .noted, "no director")
    public static let countryMissing = CleaningRule("country-missing", .noted, "no country; counts in no country")
    public static let genresMissing = CleaningRule("listed-in-missing", .noted, "no listed_in; counts in no genre")
    public static let descriptionMissing = CleaningRule("description-missing", .noted, "no description")
    public static let invisibleCharacters = CleaningRule(
        "invisible-characters", .repaired, "zero-width or control characters in a text field → removed")
    public static let copyOnOtherPlatform = CleaningRule(
        "copy-on-other-platform", .noted, "same title, type and release year as a title of an earlier platform; kept, grouped with it")
    // Ratings file
    public static let ratingUnknownTitle = CleaningRule("rating-unknown-title", .skipped, "title id not in the catalogue; skipped")
    public static let ratingScoreInvalid = CleaningRule(
        "rating-score-invalid", .skipped, "score is not 0.5–5 in half steps; skipped")
    public static let ratingWithoutUser = CleaningRule("rating-without-user", .skipped, "no user id; skipped")
    public static let ratingDuplicate = CleaningRule("rating-duplicate", .skipped, "same user rated the same title again; first kept")
    public static let ratingTimestampInvalid = CleaningRule(
        "rating-timestamp-invalid", .repaired, "timestamp missing or not whole seconds → unknown")

    /// Release years the catalogue accepts; the oldest real title is from 1920.
    public static let validYears = 1870...2100

    /// Every streaming rule, in report order.
    public static let all: [CleaningRule] = [
        unterminatedQuote, wrongFieldCount, strayQuote, blankRecord, .oversizedLine, .truncatedFile, .emptyFile,
        titleWithoutId, duplicateShowId, titleWithoutName, typeUnknown, durationInRating, ratingMissing, durationMissing,
        durationUnreadable, durationUnitMismatch, dateAddedMissing, dateAddedSpaces, dateAddedUnreadable, releaseYearMissing,
        releaseYearUnreadable, castMissing, directorMissing, countryMissing, genresMissing, descriptionMissing,
        invisibleCharacters, copyOnOtherPlatform,
        ratingUnknownTitle, ratingScoreInvalid, ratingWithoutUser, ratingDuplicate, ratingTimestampInvalid,
    ]
}
