import TerminalUI

/// What a key asks for. One `KeyBinding` table (``AppKeymap``) maps keys
/// to these, and the footer hints and `?` help are generated from it.
public enum Command: Hashable, Sendable {
    case up, down, top, bottom, pageUp, pageDown, halfPageUp, halfPageDown
    case nextPane, previousPane, focus(PaneID)
    case open, back
    case search, nextMatch, previousMatch
    case filter
    case sortNext, sortPrevious, sortReverse
    case frequency
    case histogram, logBins, histogramScope
    case widen, narrow
    case definitions, toggleReviewYear, toggleUndatedReviews, toggleTimeUnit, toggleJoinKey
    /// The streaming catalogue's definitions: title year, word match, missing rating.
    case toggleTitleYear, toggleWordMatch, toggleMissingRating
    case export, copyName, copyId, resetSettings
    case palette, help
    case quit
}

extension Command {
    /// The commands that switch a definition: they also work while the definitions panel is open.
    static let definitionToggles: Set<Command> = [.toggleReviewYear, .toggleUndatedReviews, .toggleTimeUnit, .toggleJoinKey,
                                                  .toggleTitleYear, .toggleWordMatch, .toggleMissingRating]
}

/// The explorer's key table (Steam's; ``streaming(panes:)`` derives the streaming catalogue's).
public enum AppKeymap {
    public static let keymap = Keymap<Command>([
        KeyBinding([.up, .char("k")], .up, displayName: "↑/k", description: "move up", group: "Move"),
        KeyBinding([.down, .char("j")], .down, displayName: "↓/j", description: "move down", group: "Move"),
        KeyBinding([.char("g"), .home], .top, displayName: "g/Home", description: "first row", group: "Move"),
        KeyBinding([.char("G"), .end], .bottom, displayName: "G/End", description: "last row", group: "Move"),
        KeyBinding([.pageUp], .pageUp, displayName: "PgUp", description: "page up", group: "Move"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, displayName: "PgDn/Space", description: "page down", group: "Move"),
        KeyBinding([.ctrl("u")], .halfPageUp, description: "half a page up", group: "Move"),
        KeyBinding([.ctrl("d")], .halfPageDown, description: "half a page down", group: "Move"),

        KeyBinding([.tab], .nextPane, displayName: "Tab", description: "next pane", group: "Panes", hint: "pane", priority: 3),
        KeyBinding([.backTab], .previousPane, displayName: "S-Tab", description: "previous pane", group: "Panes"),
        KeyBinding([.char("1")], .focus(.developers), description: "Developers pane", group: "Panes"),
        KeyBinding([.char("2")], .focus(.users), description: "Users pane", group: "Panes"),
        KeyBinding([.char("3")], .focus(.genres), description: "Genres pane", group: "Panes"),
        KeyBinding([.char("4")], .focus(.years), description: "Years pane", group: "Panes"),
        KeyBinding([.char("5")], .focus(.games), description: "Games pane: every game, or the games Enter opened", group: "Panes"),
        KeyBinding([.enter, .right], .open, displayName: "Enter",
                   description: "open: games of the row, a game's reviews (also →)", group: "Panes", hint: "open", priority: 4),
        KeyBinding([.escape, .left], .back, displayName: "Esc",
                   description: "back; each pane keeps its cursor (also ←)", group: "Panes", hint: "back", priority: 9),

        KeyBinding([.char("/")], .search, description: "search the focused pane (fuzzy, ignores accents), or the open reviews' text",
                   group: "Find", hint: "search", priority: 2),
        KeyBinding([.char("n")], .nextMatch, description: "next match", group: "Find"),
        KeyBinding([.char("N")], .previousMatch, description: "previous match", group: "Find"),
        KeyBinding([.char("f"), .char("|")], .filter, displayName: "f/|",
                   description: "filter the pane: price < 10, year 2012..2015, tag:roguelike; Esc clears",
                   group: "Find", hint: "filter", priority: 3),
        KeyBinding([.char("s"), .char("]")], .sortNext, displayName: "s/]", description: "sort by the next column (▲▼ in the header)",
                   group: "Find", hint: "sort", priority: 5),
        KeyBinding([.char("[")], .sortPrevious, description: "sort by the previous column", group: "Find"),
        KeyBinding([.char("S")], .sortReverse, description: "reverse the sort", group: "Find"),

        KeyBinding([.char("F")], .frequency,
                   description: "frequency table of the pane's games: tag, genre, spec, developer, publisher, price, year, genre × year, sentiment",
                   group: "Views", hint: "freq", priority: 6),
        KeyBinding([.char("h")], .histogram, description: "histograms: price, year, playtime, length, sentiment, off",
                   group: "Views", hint: "histogram", priority: 7),
        KeyBinding([.char("l")], .logBins, description: "log bins on/off (histograms)", group: "Views"),
        KeyBinding([.char("a")], .histogramScope, description: "histogram or frequency table of all data / the pane's rows / the selection", group: "Views"),
        KeyBinding([.char("y")], .copyName, description: "copy the selected name to the clipboard (OSC 52, works over SSH)", group: "Views"),
        KeyBinding([.char("Y")], .copyId, description: "copy the selected id (a game's app id) to the clipboard", group: "Views"),
        KeyBinding([.char("+")], .widen, description: "widen the left column", group: "Views"),
        KeyBinding([.char("-")], .narrow, description: "narrow the left column", group: "Views"),
        KeyBinding([.char("d")], .definitions, description: "definitions and cleaning rules",
                   group: "Views", hint: "definitions", priority: 8),
        KeyBinding([.char("e")], .export, description: "export a list or table as CSV, TSV or JSON",
                   group: "Views", hint: "export", priority: 8),

        KeyBinding([.char("r")], .toggleReviewYear, description: "review year: posted / release", group: "Definitions"),
        KeyBinding([.char("u")], .toggleUndatedReviews, description: "year-less reviews: crawl year / unknown", group: "Definitions"),
        KeyBinding([.char("t")], .toggleTimeUnit, description: "playtime: hours / minutes", group: "Definitions"),
        KeyBinding([.char("b")], .toggleJoinKey, description: "join rows by item_id / name", group: "Definitions"),
        KeyBinding([.char("R")], .resetSettings,
                   description: "reset definitions, sorts, filters and widths to the defaults (also the saved settings)", group: "Definitions"),

        KeyBinding([.char(":"), .ctrl("p")], .palette, displayName: ":/Ctrl-p", description: "command palette: type to find any command",
                   group: "General", hint: "commands", priority: 2),
        KeyBinding([.char("?")], .help, description: "this help", group: "General", hint: "help", priority: 0),
        KeyBinding([.char("q"), .ctrl("c")], .quit, displayName: "q", description: "quit (also Ctrl-c)",
                   group: "General", hint: "quit", priority: 1),
    ])

    /// The streaming catalogue's keys: Steam's table with its own panes on
    /// the digits, its own definitions on r w m and histograms on h, and
    /// without Steam's definition keys.
    public static func streaming(panes: [PaneID]) -> Keymap<Command> {
        let steamOnly: Set<Command> = [.toggleReviewYear, .toggleUndatedReviews, .toggleTimeUnit, .toggleJoinKey]
        var bindings: [KeyBinding<Command>] = []
        for var binding in keymap.bindings where !steamOnly.contains(binding.command) {
            switch binding.command {
            case .focus(.developers):
                for pane in panes.prefix(9) {
                    let last = pane == panes.last
                    bindings.append(KeyBinding([.char(Character(String(pane.rawValue + 1)))], .focus(pane),
                                               description: pane.title + " pane" + (last ? ": every title, or the titles Enter opened" : ""),
                                               group: "Panes"))
                }
                continue
            case .focus: continue
            case .open: binding.description = "open: the titles of the row (also →)"
            case .search: binding.description = "search the focused pane (fuzzy, ignores accents)"
            case .frequency:
                binding.description = "frequency table of the pane's titles: platform, type, genre, country, audience rating, "
                    + "release year, year added, director, cast member, duration"
            case .copyId: binding.description = "copy the selected id (a title's id, ns1) to the clipboard"
            case .histogramScope: binding.description = "histogram or frequency table of all titles / the pane's rows / the selection"
            case .histogram: binding.description = "histograms: duration, release year, mean score, off"
            case .logBins: binding.description = "log bars on/off (histograms; the bins stay linear)"
            case .filter: binding.description = "filter the pane: score > 4, year 2015..2020, genre:dramas; Esc clears"
            case .resetSettings:
                binding.description = "reset definitions, sorts, filters and widths to the defaults"
                bindings.append(KeyBinding([.char("r")], .toggleTitleYear, description: "year of a title: release / added", group: "Definitions"))
                bindings.append(KeyBinding([.char("w")], .toggleWordMatch, description: "word match: whole word / substring", group: "Definitions"))
                bindings.append(KeyBinding([.char("m")], .toggleMissingRating, description: "missing audience rating: unknown / G", group: "Definitions"))
            default: break
            }
            bindings.append(binding)
        }
        return Keymap(bindings)
    }
}
