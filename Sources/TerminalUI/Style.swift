/// One of the 16 ANSI terminal colours, or the terminal's own default.
///
/// SteamLens sticks to these 16 so the user's terminal palette (light or
/// dark) decides the actual shades, and `.default` background keeps
/// transparent terminals transparent.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite

    /// The curses colour number: -1 for the default, 0–15 otherwise.
    public var index: Int { rawValue }

    /// The same hue among the first 8 colours, for terminals with only 8.
    public var base: Color {
        rawValue >= 8 ? Color(rawValue: rawValue - 8) ?? self : self
    }

    public var isBright: Bool { rawValue >= 8 }
}

/// How a cell looks: foreground, background and text attributes.
///
/// ```swift
/// let heading = Style(foreground: .cyan, bold: true)
/// let selected = heading.patched(with: Style(reverse: true))
/// ```
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool

    public init(foreground: Color = .default, background: Color = .default,
                bold: Bool = false, reverse: Bool = false,
                dim: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    /// Plain text in the terminal's default colours.
    public static let plain = Style()

    /// Layers `other` on top: its non-default colours win and its
    /// attributes are added. This is how a selection highlight is put over
    /// a row without losing the row's own colours.
    public func patched(with other: Style) -> Style {
        Style(foreground: other.foreground == .default ? foreground : other.foreground,
              background: other.background == .default ? background : other.background,
              bold: bold || other.bold,
              reverse: reverse || other.reverse,
              dim: dim || other.dim,
              underline: underline || other.underline)
    }

    /// The same attributes with both colours set to default (monochrome).
    public var withoutColors: Style {
        Style(bold: bold, reverse: reverse, dim: dim, underline: underline)
    }
}
