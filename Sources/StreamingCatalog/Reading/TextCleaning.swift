import Foundation

/// The small text repairs every catalogue field goes through.
enum TextCleaning {
    /// `text` without zero-width characters, BOMs and control characters
    /// (line breaks inside descriptions become spaces), and whether any went.
    static func removingInvisibles(_ text: String) -> (String, Bool) {
        guard text.unicodeScalars.contains(where: isInvisible) else { return (text, false) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                scalars.append(" ")
            } else if !isInvisible(scalar) {
                scalars.append(scalar)
            }
        }
        return (String(scalars), true)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF: return true
        default: return false
        }
    }

    /// `text` without leading and trailing white space (Unicode's, so
    /// no-break spaces go too), without Foundation's slow bridging path.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return String(text) }
        return String(text[start..<end])
    }

    /// A comma list ("Brendan Gleeson, Taylor Kitsch"): trimmed, empty items
    /// dropped, repeats dropped (first kept).
    static func list(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var seen = Set<String>()
        return text.split(separator: ",").map { trimmed($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// "September 25, 2021" (or "Sep 25, 2021"): a day that exists, in the valid years.
    static func day(_ text: String) -> CalendarDay? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count == 3, let day = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let word = parts[0].lowercased()
        guard word.count >= 3, let index = months.firstIndex(where: { $0 == word || ($0.hasPrefix(word) && word.count == 3) }),
              StreamingRules.validYears.contains(year) else { return nil }
        let month = index + 1
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[index]).contains(day) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}
