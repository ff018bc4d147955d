import StreamingCatalog
import XCTest

/// Frequency tables (`F`) on the streaming sample: the Titles pane counted by
/// genre at 80x24, the titles of the listed genres at 120x40.
final class StreamingFrequencySnapshotTests: XCTestCase {
    func testTheGenreTableOfTheTitlesPaneAt80x24() {
        assertScreen(StreamingFixture.screen("9 F F F", 80, 24), [
            " SteamLens  streaming sample · 1,110 titles · 1,500 viewers  [?] help  [q] quit",
            "┌ 1 Platforms · Amazon Prime ──────────┐┌ Frequency 3/10 · genre ──────────────┐",
            "├ 2 Genres · Drama ────────────────────┤│ genre of Titles · 1,110 titles       │",
            "├ 3 Years · 2018 ──────────────────────┤│   value              titles     %    │",
            "├ 4 Countries · United States ─────────┤│ ▶ Drama                 248  22.3 ██ │",
            "├ 5 Cast · Ana Adeyemi ────────────────┤│   Comedy                184  16.6 █▌ │",
            "├ 6 Viewers · u1070 ───────────────────┤│   Action                126  11.4 █  │",
            "├ 7 Ratings · TV-14 ───────────────────┤│   Dramas                123  11.1 █  │",
            "├ 8 Clusters · 4 · minutes, dramas ────┤│   Suspense               99   8.9 ▊  │",
            "├ 9 Titles 1,110 ──────────────────────┤│   Comedies               89   8.0 ▊  │",
            "│  name                 ratings▼  score││   Documentaries          82   7.4 ▋  │",
            "│▶ The Dark Family           582   4.07┃│   Documentary            74   6.7 ▋  │",
            "│  Elif's Boat               542   4.58││   Kids                   73   6.6 ▋  │",
            "│  Ivan's Road               523   4.41││   Horror                 66   5.9 ▌  │",
            "│  Esther's Winter           494   4.33││   Romance                64   5.8 ▌  │",
            "│  The Bright Love           493   4.29││   Internationa…Shows     63   5.7 ▌  │",
            "│  Elif's City               472   3.53││   Internationa…ovies     61   5.5 ▌  │",
            "│  The Midnight …mise 3      443   4.28││   Animation              57   5.1 ▌  │",
            "│  The Endless River         423   3.74││   Children & F…ovies     48   4.3 ▍  │",
            "│  Promise of the Love       410   3.80││   Special Interest       47   4.2 ▍  │",
            "│  Quinn's Island            404   4.14││   Action & Adventure     44   4.0 ▍  │",
            "│  Kofi's Road               377   4.22││ a title has several genres: shares … │",
            "└────────────────────── row 1 of 1,110 ┘└──────────────────────── row 1 of 37 ─┘",
            " Tab pane  Enter open  / search  f/| filter  :/Ctrl-p commands  ? help  q quit",
        ])
    }

    func testTheGenreTableOfTheListedGenresAt120x40() {
        assertScreen(StreamingFixture.screen("2 F F F", 120, 40), [
            " SteamLens  streaming sample · 1,110 titles · 1,500 viewers                           release year   [?] help  [q] quit",
            "┌ 1 Platforms · Amazon Prime ───────────────────┐┌ Frequency 3/10 · genre ─────────────────────────────────────────────┐",
            "├ 2 Genres 37 ──────────────────────────────────┤│ genre of titles of Genres · 1,110 titles                            │",
            "│  name                     titles▼  movies     ││   value                    titles     %                             │",
            "│▶ Drama                        248     168 ████┃│ ▶ Drama                       248  22.3 ███████████████████████████ │",
            "│  Comedy                       184     131 ███ ┃│   Comedy                      184  16.6 ████████████████████        │",
            "│  Action                       126      93 ██  ┃│   Action                      126  11.4 █████████████▊              │",
            "│  Dramas                       123     119 ██  ┃│   Dramas                      123  11.1 █████████████▍              │",
            "│  Suspense                      99      73 █▋  ┃│   Suspense                     99   8.9 ██████████▊                 │",
            "│  Comedies                      89      87 █▍  ┃│   Comedies                     89   8.0 █████████▊                  │",
            "│  Documentaries                 82      61 █▍  ┃│   Documentaries                82   7.4 ████████▉                   │",
            "│  Documentary                   74      51 █▎  ┃│   Documentary                  74   6.7 ████████                    │",
            "│  Kids                          73      55 █▏  ┃│   Kids                         73   6.6 ████████                    │",
            "│  Horror                        66      39 █▏  ┃│   Horror                       66   5.9 ███████▏                    │",
            "│  Romance                       64      35 █   ┃│   Romance                      64   5.8 ███████                     │",
            "│  International TV Shows        63       2 █   ┃│   International TV Shows       63   5.7 ██████▉                     │",
            "│  International Movies          61      61 █   ┃│   International Movies         61   5.5 ██████▋                     │",
            "│  Animation                     57      44 ▉   ┃│   Animation                    57   5.1 ██████▎                     │",
            "│  Children & Family Movies      48      48 ▊   ┃│   Children & Family Movies     48   4.3 █████▎                      │",
            "│  Special Interest              47      34 ▊   ┃│   Special Interest             47   4.2 █████▏                      │",
            "│  Action & Adventure            44      44 ▊   ┃│   Action & Adventure           44   4.0 ████▊                       │",
            "│  TV Dramas                     42       3 ▋   ┃│   TV Dramas                    42   3.8 ████▋                       │",
            "│  Romantic Movies               40      40 ▋   ┃│   Romantic Movies              40   3.6 ████▍                       │",
            "│  Family                        39      25 ▋   ││   Family                       39   3.5 ████▎                       │",
            "│  TV Comedies                   33       1 ▌   ││   TV Comedies                  33   3.0 ███▋                        │",
            "│  Thrillers                     31      29 ▌   ││   Thrillers                    31   2.8 ███▍                        │",
            "│  Horror Movies                 30      30 ▌   ││   Horror Movies                30   2.7 ███▎                        │",
            "│  Anime                         28      18 ▌   ││   Anime                        28   2.5 ███                         │",
            "│  Thriller                      26      17 ▍   ││   Thriller                     26   2.3 ██▉                         │",
            "│  Crime TV Shows                23       0 ▍   ││   Crime TV Shows               23   2.1 ██▌                         │",
            "│  Kids' TV                      22       0 ▍   ││   Kids' TV                     22   2.0 ██▍                         │",
            "├ 3 Years · 2018 ───────────────────────────────┤│   Stand-Up Comedy              21   1.9 ██▎                         │",
            "├ 4 Countries · United States ──────────────────┤│   Docuseries                   20   1.8 ██▏                         │",
            "├ 5 Cast · Ana Adeyemi ─────────────────────────┤│   Reality                      19   1.7 ██▏                         │",
            "├ 6 Viewers · u1070 ────────────────────────────┤│   Anime Series                 18   1.6 ██                          │",
            "├ 7 Ratings · TV-14 ────────────────────────────┤│   Reality TV                   17   1.5 █▉                          │",
            "├ 8 Clusters · 4 · minutes, dramas ─────────────┤│   Fantasy                      12   1.1 █▎                          │",
            "├ 9 Titles · The Dark Family ───────────────────┤│ a title has several genres: shares add up to more than 100%         │",
            "└────────────────────────────────── row 1 of 37 ┘└─ F next · a scope · Enter filters ──────────────────── row 1 of 37 ─┘",
            " Tab pane  Enter open  / search  f/| filter  s/] sort  F freq  h histogram  :/Ctrl-p commands  ? help  q quit",
        ])
    }
}
