/// The styles widgets use, in a colour and a monochrome variant.
///
/// Focus and selection are always visible through attributes (bold,
/// reverse) as well as colour, so a `NO_COLOR` user or a monochrome
/// terminal loses nothing but the tint.
///
/// ```swift
/// let theme = Theme.resolve(environment: ProcessInfo.processInfo.environment,
///                           noColorFlag: options.noColor,
///                           terminalHasColors: terminal.hasColors)
/// ```
public struct Theme: Hashable, Sendable {
    public var text: Style
    /// Secondary text: counts, hints, "unknown" values.
    public var muted: Style
    public var border: Style
    public var focusedBorder: Style
    public var title: Style
    public var focusedTitle: Style
    /// The cursor row of the focused pane.
    public var selection: Style
    /// The cursor row of a pane without focus: still visible, quieter.
    public var inactiveSelection: Style
    public var header: Style
    public var bar: Style
    public var sparkline: Style
    /// Key names in the status bar and help overlay.
    public var key: Style
    public var statusBar: Style
    public var notice: Style
    public var isMonochrome: Bool

    public init(text: Style, muted: Style, border: Style, focusedBorder: Style,
                title: Style, focusedTitle: Style, selection: Style, inactiveSelection: Style,
                header: Style, bar: Style, sparkline: Style, key: Style,
                statusBar: Style, notice: Style, isMonochrome: Bool) {
        self.text = text
        self.muted = muted
        self.border = border
        self.focusedBorder = focusedBorder
        self.title = title
        self.focusedTitle = focusedTitle
        self.selection = selection
        self.inactiveSelection = inactiveSelection
        self.header = header
        self.bar = bar
        self.sparkline = sparkline
        self.key = key
        self.statusBar = statusBar
        self.notice = notice
        self.isMonochrome = isMonochrome
    }

    /// 16-colour theme on the terminal's default background.
    public static let color = Theme(
        text: .plain,
        muted: Style(foreground: .brightBlack),
        border: Style(foreground: .brightBlack),
        focusedBorder: Style(foreground: .cyan, bold: true),
        title: Style(bold: true),
        focusedTitle: Style(foreground: .cyan, bold: true, reverse: true),
        selection: Style(bold: true, reverse: true),
        inactiveSelection: Style(bold: true),
        header: Style(foreground: .yellow, bold: true, underline: true),
        bar: Style(foreground: .cyan),
        sparkline: Style(foreground: .green),
        key: Style(foreground: .yellow, bold: true),
        statusBar: .plain,
        notice: Style(foreground: .yellow, bold: true),
        isMonochrome: false)

    /// No colours at all: focus by bold + reverse, selection by reverse,
    /// secondary text by dim.
    public static let monochrome = Theme(
        text: .plain,
        muted: Style(dim: true),
        border: .plain,
        focusedBorder: Style(bold: true),
        title: .plain,
        focusedTitle: Style(bold: true, reverse: true),
        selection: Style(bold: true, reverse: true),
        inactiveSelection: Style(bold: true),
        header: Style(bold: true, underline: true),
        bar: .plain,
        sparkline: .plain,
        key: Style(bold: true),
        statusBar: .plain,
        notice: Style(bold: true),
        isMonochrome: true)

    /// True when the environment asks for no colour: `NO_COLOR` set to a
    /// non-empty value (https://no-color.org).
    public static func environmentDisablesColor(_ environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// Monochrome when `--no-color` was given, `NO_COLOR` is set, or the
    /// terminal has no colours; the colour theme otherwise.
    public static func resolve(environment: [String: String], noColorFlag: Bool = false,
                               terminalHasColors: Bool = true) -> Theme {
        if noColorFlag || environmentDisablesColor(environment) || !terminalHasColors {
            return .monochrome
        }
        return .color
    }
}
