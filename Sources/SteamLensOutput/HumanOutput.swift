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
public enum HumanOutput {
    /// `text` without escape sequences, control characters and bidi
    /// controls (newlines kept, `\r` made a newline, tabs made spaces):
    /// `TextSanitizer`, the rule the explorer draws with.
    public static func sanitized(_ text: String) -> String {
        TextSanitizer.sanitize(text, keepNewlines: true)
    }

    /// As `sanitized`, for one line of a table: newlines become spaces.
    public static func sanitizedLine(_ text: String) -> String {
        TextSanitizer.sanitize(text, keepNewlines: false)
    }

    /// Whether standard output is a terminal rather than a pipe or a file.
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes `message` and a newline to standard error, sanitized.
    public static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((sanitized(message) + "\n").utf8))
    }
}
