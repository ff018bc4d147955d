/// One character cell of the screen grid.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds
/// the symbol, the second is a *continuation* cell with an empty symbol so
/// column arithmetic stays one-cell-per-index.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster (a base character with its combining marks),
    /// or "" for the right half of a wide character.
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A space in default colours: what an erased screen holds.
    public static let blank = Cell(" ")

    /// The right half of a wide character.
    public static func continuation(style: Style) -> Cell { Cell("", style: style) }

    public var isContinuation: Bool { symbol.isEmpty }
}
