import Foundation
import TerminalUI

/// Text meant for a person's terminal, made safe the way the explorer makes
/// what it draws safe (docs/cli.md, "What reaches the terminal").
///
/// Names and reviews in the Steam dumps carry ANSI sequences, C1 controls,
/// bells, carriage returns and bidi overrides; printed raw they recolour the
/// terminal, move the cursor, retitle the window or reorder the line. Every
/// table, terminal CSV, error message, warning and the `etl` report goes
/// through here; JSON and CSV written to a pipe or file do not (they must
/// keep the data's bytes).
enum HumanOutput {
    /// `text` without escape sequences, control characters (newlines kept,
    /// `\r` made a newline, tabs made spaces: `TextSanitizer`) and bidi
    /// controls, which reorder what follows them on the line.
    static func sanitized(_ text: String) -> String {
        withoutBidiControls(TextSanitizer.sanitize(text, keepNewlines: true))
    }

    /// As `sanitized`, for one line of a table: newlines become spaces.
    static func sanitizedLine(_ text: String) -> String {
        withoutBidiControls(TextSanitizer.sanitize(text, keepNewlines: false))
    }

    /// Whether standard output is a terminal rather than a pipe or a file.
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes `message` and a newline to standard error, sanitized.
    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((sanitized(message) + "\n").utf8))
    }

    /// LRM, RLM, ALM and the embedding, override and isolate controls
    /// (U+202A–U+202E, U+2066–U+2069): invisible, but they flip the order of
    /// the text after them, so a name could display as something else.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func withoutBidiControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isBidiControl($0) })
        return String(scalars)
    }
}
