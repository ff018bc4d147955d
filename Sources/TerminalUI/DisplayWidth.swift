// Display width in terminal columns, computed in pure Swift so layout and
// tests do not depend on the C library's locale tables (wcwidth returns -1
// for everything non-ASCII under the "C" locale that test runners use).

/// Columns a Unicode scalar takes on a terminal: 0 for combining marks,
/// format characters and controls, 2 for East Asian Wide/Fullwidth
/// characters and emoji shown as pictures, 1 otherwise.
public func displayWidth(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Fast path: printable ASCII and Latin-1 are the bulk of Steam data.
    if v >= 0x20 && v < 0x7F { return 1 }
    if isControl(scalar) { return 0 }
    if v < 0x300 { return 1 }
    // Fast paths for what every frame is full of (Unicode property lookups
    // are slow): combining diacritics, box drawing, blocks and shapes
    // except the two emoji squares U+25FD/U+25FE, CJK ideographs, Hangul.
    if v <= 0x36F { return 0 }
    if v >= 0x2500 && v <= 0x25FC { return 1 }
    if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3) { return 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
        return 0
    default:
        break
    }
    // Hangul medial vowels and final consonants join the preceding syllable.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
    if isEastAsianWide(v) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

/// Columns a grapheme cluster takes: the width of its first visible scalar,
/// widened to 2 when an emoji is followed by the emoji presentation
/// selector U+FE0F. Clusters holding a control character count 0 because
/// ``Buffer`` strips them.
public func displayWidth(of character: Character) -> Int {
    var width = 0
    var base: Unicode.Scalar?
    var emojiPresentation = false
    for scalar in character.unicodeScalars {
        if isControl(scalar) { return 0 }
        if scalar.value == 0xFE0F { emojiPresentation = true }
        if base == nil {
            let w = displayWidth(of: scalar)
            if w > 0 {
                base = scalar
                width = w
            }
        }
    }
    if width == 1, emojiPresentation, let base, base.properties.isEmoji { return 2 }
    return width
}

/// Columns a string takes (controls count 0).
public func displayWidth(of string: some StringProtocol) -> Int {
    var total = 0
    for character in string {
        total += displayWidth(of: character)
    }
    return total
}

/// C0 and C1 control characters, DEL included. Printing these to a
/// terminal moves the cursor or starts escape sequences, so they are never
/// drawn.
@inline(__always)
public func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (v >= 0x7F && v < 0xA0)
}

/// East Asian Width W and F ranges (Unicode 15), excluding emoji which are
/// handled through `isEmojiPresentation`.
private func isEastAsianWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F,        // Hangul Jamo initial consonants
         0x2329...0x232A,        // angle brackets
         0x2E80...0x303E,        // CJK radicals, Kangxi, CJK symbols and punctuation
         0x3041...0x33FF,        // Hiragana, Katakana, Bopomofo, compatibility Jamo, CJK compat
         0x3400...0x4DBF,        // CJK Extension A
         0x4E00...0x9FFF,        // CJK Unified Ideographs
         0xA000...0xA4CF,        // Yi
         0xA960...0xA97F,        // Hangul Jamo Extended-A
         0xAC00...0xD7A3,        // Hangul syllables
         0xF900...0xFAFF,        // CJK Compatibility Ideographs
         0xFE10...0xFE19,        // vertical forms
         0xFE30...0xFE6F,        // CJK compatibility forms, small forms
         0xFF00...0xFF60,        // fullwidth forms
         0xFFE0...0xFFE6,        // fullwidth signs
         0x16FE0...0x16FE4,      // ideographic symbols
         0x17000...0x18AFF,      // Tangut
         0x1B000...0x1B2FF,      // Kana supplement, Nushu
         0x1F200...0x1F2FF,      // enclosed ideographic supplement
         0x20000...0x2FFFD,      // CJK Extensions B–F
         0x30000...0x3FFFD:      // CJK Extension G
        return true
    default:
        return false
    }
}

extension StringProtocol {
    /// Columns this string takes on a terminal. Never use `count` for layout:
    /// "東京" is 2 characters but 4 columns.
    public var displayWidth: Int { TerminalUI.displayWidth(of: self) }
}

extension String {
    /// The longest prefix that fits in `width` columns, with `ellipsis`
    /// appended when something had to be cut. The result never exceeds
    /// `width` columns, even when a wide character would straddle the edge.
    ///
    /// ```swift
    /// "Counter-Strike".truncated(toWidth: 8)   // "Counter…"
    /// ```
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let ellipsisWidth = TerminalUI.displayWidth(of: ellipsis)
        let budget = width - ellipsisWidth
        guard budget >= 0 else { return String(repeating: ".", count: width) }
        var result = ""
        var used = 0
        for character in self {
            let w = TerminalUI.displayWidth(of: character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Pads with spaces (or truncates) to exactly `width` columns.
    public func padded(toWidth width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let text = truncated(toWidth: width, ellipsis: ellipsis)
        let gap = max(0, width - text.displayWidth)
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }
}

/// Horizontal alignment of text in a column.
public enum Alignment: Hashable, Sendable {
    case left, right, center
}
