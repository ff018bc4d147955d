/// Makes untrusted text (review bodies, game names) safe to draw.
///
/// Review text in the Steam dumps contains tabs, carriage returns, form
/// feeds, stray ESC bytes and whole ANSI colour sequences pasted from other
/// terminals. Printed raw, these move the cursor or recolour the screen, so
/// they are removed before text reaches the grid.
public enum TextSanitizer {
    /// Returns `text` with escape sequences (CSI `ESC [ … final`, OSC
    /// `ESC ] … BEL/ST`, and two-byte `ESC x`) removed, tabs turned into
    /// `tabWidth` spaces, `\r\n` and `\r` turned into `\n`, and every other
    /// control character and bidi control dropped. Newlines are kept only when
    /// `keepNewlines` is true; otherwise they become spaces.
    ///
    /// ```swift
    /// TextSanitizer.sanitize("\u{1B}[31mred\u{1B}[0m\tok")   // "red    ok"
    /// ```
    public static func sanitize(_ text: String, keepNewlines: Bool = false, tabWidth: Int = 4) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x9B:  // C1 CSI: same as ESC [
                skipUntilFinalByte(&scalars)
            case 0x09:
                output.append(contentsOf: String(repeating: " ", count: max(0, tabWidth)).unicodeScalars)
            case 0x0D:
                if scalars.first?.value == 0x0A { scalars.removeFirst() }
                output.append(keepNewlines ? "\n" : " ")
            case 0x0A:
                output.append(keepNewlines ? "\n" : " ")
            default:
                if !isControl(scalar) && !isBidiControl(scalar) { output.append(scalar) }
            }
        }
        return String(output)
    }

    /// LRM, RLM, ALM and the embedding, override and isolate controls
    /// (U+202A–U+202E, U+2066–U+2069): invisible, but they flip the order of
    /// the text after them, so a name could display as something else.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func skipEscapeSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.first else { return }
        switch next {
        case "[":
            scalars.removeFirst()
            skipUntilFinalByte(&scalars)
        case "]", "P", "_", "^":
            // OSC / DCS / APC / PM: run until BEL or ST (ESC \).
            scalars.removeFirst()
            while let s = scalars.popFirst() {
                if s.value == 0x07 { break }
                if s.value == 0x1B {
                    if scalars.first == "\\" { scalars.removeFirst() }
                    break
                }
            }
        default:
            // Two-byte sequences such as ESC c or ESC 7: drop the letter too,
            // but keep a following newline or space that is real text.
            if next.value >= 0x21 && next.value < 0x7F { scalars.removeFirst() }
        }
    }

    /// CSI parameters are 0x20–0x3F; the sequence ends at a byte 0x40–0x7E.
    private static func skipUntilFinalByte(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let s = scalars.first {
            if s.value >= 0x40 && s.value <= 0x7E {
                scalars.removeFirst()
                return
            }
            if s.value < 0x20 || s.value > 0x3F { return }  // malformed: stop, keep the rest
            scalars.removeFirst()
        }
    }
}
