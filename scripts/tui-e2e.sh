#!/usr/bin/env bash
# End-to-end test of the SteamLens explorer in a real terminal (tmux).
#
#   scripts/tui-e2e.sh                      # bundled sample, builds the release binary
#   STEAMLENS_BIN=.build/release/steamlens DATA=/work/shared/data/steam scripts/tui-e2e.sh
#
# For each size (120x40 and 80x24) it starts `steamlens` in a detached tmux
# session, waits for the readiness marker (the header's "N games · N users"
# counts) by polling capture-pane, sends keys by name, asserts screen text,
# and checks the terminal is restored (echo and icanon on) after `q` and
# after Ctrl-C. It also checks that `/` in the reviews view searches instead
# of running the typed keys, that an End key tmux sends as ESC [ 4 ~ moves
# to the last row (not to the Years pane), that the Years pane opens on a
# year with reviews, and that TERM=dumb prints the plain overview (exit 0).
# Issue 11: an analyst's question (filter, sort, frequency table, reviews,
# export) answered with keys alone in under a minute, help that q closes,
# and the command palette; at 220x60 the collapsed panes' rows and the
# filtered set's summary.
# Every tmux call uses a private server (-L, no config), so the script never
# touches, or collides with, anyone else's tmux; the server dies at exit.
# Exits non-zero with a message naming the failed step.
set -euo pipefail

NAME=tui-e2e
CACHE="${CACHE:-${TMPDIR:-/tmp}/steamlens-e2e-cache}"
source "$(dirname "${BASH_SOURCE[0]}")/tui-e2e-lib.sh"
DATA="${DATA:-$ROOT/Data}"
mkdir -p "$WORK/exports"

# start WIDTH HEIGHT STTYFILE: steamlens, then stty -a once it exits; the
# shell keeps the pane open so the result can be read. `trap true INT`
# keeps the wrapper shell alive through Ctrl-C (a handler, not an ignore,
# so steamlens still receives SIGINT with the default disposition).
# An optional 4th argument sets TERM inside the pane.
start() {
    tm new-session -d -s "$SESSION" -x "$1" -y "$2" \
        "sh -c 'trap true INT; XDG_CONFIG_HOME=\"$WORK/config\" ${4:+TERM=$4 }\"$BIN\" --data \"$DATA\" --cache \"$CACHE\" --export-folder \"$WORK/exports\"; echo \"exit=\$?\" > \"$3.status\"; stty -a > \"$3\"; sleep 30'"
    wait_for " games · "
    wait_for " users"
}

run_size() {
    local width="$1" height="$2"
    echo "$NAME: ${width}x${height}"

    # 1. Browse, drill, search, help; quit with q.
    start "$width" "$height" "$WORK/q-$width"
    assert_screen "Developers" "left pane at start"
    assert_screen "help" "footer hints"
    tm send-keys -t "$SESSION" 2 j j Enter
    wait_for "Games of"
    tm send-keys -t "$SESSION" Escape
    wait_for "Users"
    tm send-keys -t "$SESSION" 1 / 
    wait_for "/"
    tm send-keys -t "$SESSION" -l "$SEARCH"
    tm send-keys -t "$SESSION" Enter
    wait_for "▶ $SEARCH_EXPECT"
    tm send-keys -t "$SESSION" h
    wait_for "Price"
    tm send-keys -t "$SESSION" Escape '?'
    wait_for "move down"
    tm send-keys -t "$SESSION" Escape q
    wait_for_file "$WORK/q-$width"
    grep -q "exit=0" "$WORK/q-$width.status" || fail "exit status after q: $(cat "$WORK/q-$width.status")"
    assert_restored "$WORK/q-$width" "q"
    tm kill-session -t "$SESSION"

    # 2. Item 15: `/` in the reviews view searches; "boring" must not switch the
    #    join key (b) or the review year (r). Enter on the first developer,
    #    Enter on its first game opens the reviews.
    start "$width" "$height" "$WORK/r-$width"
    local header_before; header_before="$(screen_line 0)"
    tm send-keys -t "$SESSION" Enter
    wait_for "Games of"
    tm send-keys -t "$SESSION" Enter
    wait_for "Reviews of"
    tm send-keys -t "$SESSION" / b o r i n g
    wait_for "search reviews"
    tm send-keys -t "$SESSION" Enter
    sleep 0.3
    [[ "$(screen_line 0)" == "$header_before" ]] || fail "typing /boring in the reviews view changed the header: $(screen_line 0)"
    assert_screen "Reviews of" "the reviews stay open after the search"
    tm send-keys -t "$SESSION" Escape Escape q
    wait_for_file "$WORK/r-$width"
    tm kill-session -t "$SESSION"

    # 3. Items 16 and 17: the Years pane opens on a year with reviews, and End
    #    sent as ESC [ 4 ~ (what tmux sends, unknown to TERM=xterm-256color's
    #    terminfo) goes to the last row instead of the Years pane.
    start "$width" "$height" "$WORK/e-$width" xterm-256color
    tm send-keys -t "$SESSION" 4
    wait_for "Top developers of"
    tm capture-pane -p -t "$SESSION" | grep -qF "No reviews in" && fail "the Years pane opened on a year without reviews"
    tm send-keys -t "$SESSION" 1
    wait_for "1 Developers "
    tm send-keys -t "$SESSION" -H 1b 5b 34 7e
    sleep 0.5
    tm capture-pane -p -t "$SESSION" | grep -qE "1 Developers [0-9]" || fail "End must not leave the Developers pane"
    tm capture-pane -p -t "$SESSION" | grep -qE "4 Years [0-9]" && fail "End was read as 4 (Years pane focused)"
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/e-$width"
    grep -q "exit=0" "$WORK/e-$width.status" || fail "exit status after End and q: $(cat "$WORK/e-$width.status")"
    tm kill-session -t "$SESSION"

    # 4. Issue 11's question with keys alone, timed: which cheap roguelikes
    #    released 2012-2015 have the most owners, what do their reviews say,
    #    and export it. Filter the Games pane, check the sort, count its tags
    #    (Shift-F), read the top game's reviews, export the list.
    rm -f "$WORK"/exports/*
    start "$width" "$height" "$WORK/a-$width"
    local began=$SECONDS
    tm send-keys -t "$SESSION" 5 f
    wait_for "|"
    tm send-keys -t "$SESSION" -l "price < 10 tag:roguelike year 2012..2015"
    tm send-keys -t "$SESSION" Enter
    wait_for " of $(grep -o '[0-9,]* games' <<<"$(screen_line 0)" | head -1 | cut -d' ' -f1)) |"   # the count survives a narrow title
    assert_screen "owners▼" "the Games pane is sorted by owners, largest first"
    tm send-keys -t "$SESSION" s
    wait_for "reviews▼"
    tm send-keys -t "$SESSION" S
    wait_for "reviews▲"
    tm send-keys -t "$SESSION" '['
    wait_for "owners▼"
    tm send-keys -t "$SESSION" F
    wait_for_re "Frequency 1/[0-9]+ · tag"
    tm capture-pane -p -t "$SESSION" | grep -qE "Rogue-?like +[0-9,]+ +100\.0 " || fail "not every filtered game counts the roguelike tag"
    tm send-keys -t "$SESSION" Escape Enter
    wait_for "Reviews of"
    tm send-keys -t "$SESSION" Escape e
    wait_for "Export"
    tm send-keys -t "$SESSION" Enter
    wait_for "exported to "
    (( SECONDS - began < 60 )) || fail "the analyst question took $((SECONDS - began)) s, over a minute"
    local csv; csv="$(ls "$WORK"/exports/steamlens-games-price-10-tag-roguelike-year-2012-2015-by-owners-desc*.csv 2>/dev/null | head -1)"
    [[ -n "$csv" ]] || fail "no export named after the filter and sort in $WORK/exports: $(ls "$WORK/exports" 2>&1)"
    head -1 "$csv" | grep -qx "name,owners,reviews,price,year" || fail "export header: $(head -1 "$csv")"
    awk -F, 'NR > 1 && ($(NF-1) >= 10 || $NF < 2012 || $NF > 2015) { bad = 1 } END { exit bad }' "$csv" \
        || fail "an exported row is outside the filter: $(cat "$csv")"
    awk -F, 'NR > 2 && $(NF-3) > last { bad = 1 } NR > 1 { last = $(NF-3) } END { exit bad }' "$csv" \
        || fail "the export is not sorted by owners: $(cat "$csv")"
    tm send-keys -t "$SESSION" e Enter
    wait_for_file "${csv%.csv}-2.csv"
    tm send-keys -t "$SESSION" Escape
    wait_for "cleared"
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/a-$width"
    tm kill-session -t "$SESSION"

    # 5. Help scrolls and q closes it without quitting; the palette runs a
    #    command; clicks and the wheel.
    start "$width" "$height" "$WORK/h-$width"
    tm send-keys -t "$SESSION" '?' G
    wait_for_re "[0-9]+–[0-9]+ of [0-9]+ "
    tm send-keys -t "$SESSION" q
    sleep 0.3
    [[ -e "$WORK/h-$width" ]] && fail "q in the help quit the app"
    assert_screen "1 Developers" "q closed the help"
    tm send-keys -t "$SESSION" :
    wait_for "Commands"
    tm send-keys -t "$SESSION" -l "reverse"
    tm send-keys -t "$SESSION" Enter
    wait_for "games▲"
    # The mouse, as the terminal reports it (SGR, 1-based): a click on the
    # Developers header's "name" sorts by name, a click on the third row selects it,
    # the wheel moves three rows on.
    tm send-keys -t "$SESSION" -H 1b 5b 3c 30 3b 34 3b 33 4d
    wait_for "name▲"
    tm send-keys -t "$SESSION" g
    wait_for "row 1 of"
    tm send-keys -t "$SESSION" -H 1b 5b 3c 30 3b 34 3b 36 4d
    wait_for "row 3 of"
    tm send-keys -t "$SESSION" -H 1b 5b 3c 36 35 3b 34 3b 36 4d
    wait_for "row 6 of"
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/h-$width"
    tm kill-session -t "$SESSION"

    # 6. Settings are remembered in $XDG_CONFIG_HOME/steamlens/config.toml
    #    (a private one here) and R resets them.
    rm -rf "$WORK/config"
    start "$width" "$height" "$WORK/s1-$width"
    tm send-keys -t "$SESSION" t
    wait_for "minutes"
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/s1-$width"
    tm kill-session -t "$SESSION"
    grep -qE "time_unit = .minutes." "$WORK/config/steamlens/config.toml" || fail "the settings file does not hold minutes: $(cat "$WORK/config/steamlens/config.toml" 2>&1)"
    start "$width" "$height" "$WORK/s2-$width"
    tm send-keys -t "$SESSION" 2
    wait_for_re "items▼ +minutes"   # the Users pane's playtime column, in the saved unit
    tm send-keys -t "$SESSION" R
    wait_for "settings reset"
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/s2-$width"
    tm kill-session -t "$SESSION"
    grep -qE "time_unit = .hours." "$WORK/config/steamlens/config.toml" || fail "R did not reset the saved unit"

    # 7. Ctrl-C quits cleanly and restores the terminal too.
    start "$width" "$height" "$WORK/c-$width"
    tm send-keys -t "$SESSION" j j C-c
    wait_for_file "$WORK/c-$width"
    assert_restored "$WORK/c-$width" "Ctrl-C"
    tm kill-session -t "$SESSION"
}

# What to search for: Valve in the real data, a sample developer otherwise.
SEARCH="${SEARCH:-}"
SEARCH_EXPECT="${SEARCH_EXPECT:-}"
if [[ -z "$SEARCH" ]]; then
    if [[ "$DATA" == "$ROOT/Data" ]]; then SEARCH="northwind"; SEARCH_EXPECT="Northwind S.A."; else SEARCH="valve"; SEARCH_EXPECT="Valve"; fi
fi

run_size 120 40
run_size 80 24

# 8. A tall, wide window: the collapsed panes show rows around their cursor,
#    and a filtered pane's kept rows are summed up on the right.
echo "$NAME: 220x60"
start 220 60 "$WORK/t"
users_row=$(tm capture-pane -p -t "$SESSION" | grep -n "├ 2 Users" | head -1 | cut -d: -f1)
[[ -n "$users_row" ]] || fail "no collapsed Users pane at 220x60"
tm capture-pane -p -t "$SESSION" | sed -n "$((users_row + 1)),$((users_row + 3))p" | grep -qE "^│(▶| ) +[^ ]" \
    || fail "the collapsed Users pane shows no rows under its title at 220x60"
tm send-keys -t "$SESSION" 5 f
wait_for "|"
tm send-keys -t "$SESSION" -l "price < 10"
tm send-keys -t "$SESSION" Enter
wait_for "Games kept by |price < 10"
assert_screen "owners " "the kept rows' summary names the owners column"
tm send-keys -t "$SESSION" q
wait_for_file "$WORK/t"
assert_restored "$WORK/t" "q at 220x60"
tm kill-session -t "$SESSION"

# 9. A column block damaged on disk and first read by a cursor move stops
#    the explorer (nothing is answered from it), and its message reaches
#    the restored terminal rather than vanishing with the alternate screen.
echo "$NAME: damaged column file"
damaged_cache="$WORK/damaged-cache"
"$BIN" query games --limit 1 --data "$DATA" --cache "$damaged_cache" >/dev/null 2>&1 || fail "could not build the store to damage"
python3 - "$damaged_cache"/*.columns catalog.reviewText.bytes <<'PY' || fail "could not damage the column file"
import struct, sys
path, wanted = sys.argv[1], sys.argv[2]
data = bytearray(open(path, "rb").read())
# The directory after the 40-byte header: a count, then per column its name, element size, count, offset.
position = 48
for _ in range(struct.unpack_from("<Q", data, 40)[0]):
    length = struct.unpack_from("<Q", data, position)[0]
    name = data[position + 8:position + 8 + length].decode()
    size, count, offset = struct.unpack_from("<QQQ", data, position + 8 + length)
    position += 8 + length + 24
    if name == wanted:
        data[offset + min(size * count, 65536) // 2] ^= 0x20
        open(path, "wb").write(data)
        sys.exit(0)
sys.exit(f"no column {wanted}")
PY
tm new-session -d -s "$SESSION" -x 120 -y 40 \
    "sh -c 'XDG_CONFIG_HOME=\"$WORK/config\" \"$BIN\" --data \"$DATA\" --cache \"$damaged_cache\"; echo \"exit=\$?\" > \"$WORK/d.status\"; stty -a > \"$WORK/d\"; sleep 30'"
wait_for " games · "
tm send-keys -t "$SESSION" 5     # the Games pane: the first game's reviews are read
wait_for_file "$WORK/d"
grep -q "exit=2" "$WORK/d.status" || fail "a damaged block gave exit status $(cat "$WORK/d.status"), expected 2"
tm capture-pane -p -J -t "$SESSION" | grep -qF "is damaged (checksum of column 'catalog.reviewText.bytes'" \
    || fail "the damage message is not on the restored screen"
assert_restored "$WORK/d" "a damaged column block"
tm kill-session -t "$SESSION"

# 3. Not a terminal: a clear note on stderr and the overview as plain tables.
set +e
out="$("$BIN" --data "$DATA" --cache "$CACHE" </dev/null 2>"$WORK/stderr")"; code=$?
set -e
[[ $code -eq 0 ]] || fail "without a TTY the exit code is $code, expected 0 (plain overview)"
grep -qF "not a terminal" "$WORK/stderr" || fail "without a TTY the note is: $(cat "$WORK/stderr")"
grep -qF "Developers (1–10 of" <<<"$out" || fail "without a TTY the plain overview is missing: $out"
grep -qF "Genres (1–" <<<"$out" || fail "without a TTY the genres table is missing"
grep -q $'\e' <<<"$out" && fail "the plain overview contains escape sequences"

# 4. TERM=dumb cannot move the cursor: the plain overview in the pane, a note, exit 0.
tm new-session -d -s "$SESSION" -x 120 -y 40 \
    "sh -c 'TERM=dumb \"$BIN\" --data \"$DATA\" --cache \"$CACHE\" 2>\"$WORK/dumb.err\"; echo \"exit=\$?\" > \"$WORK/dumb.status\"; sleep 30'"
wait_for_file "$WORK/dumb.status"
grep -q "exit=0" "$WORK/dumb.status" || fail "TERM=dumb exit status: $(cat "$WORK/dumb.status"); stderr: $(cat "$WORK/dumb.err")"
grep -qF "cannot move the cursor" "$WORK/dumb.err" || fail "TERM=dumb note is: $(cat "$WORK/dumb.err")"
tm capture-pane -p -S -200 -t "$SESSION" | grep -qF "Genres (1–" || fail "TERM=dumb prints no plain overview"
tm kill-session -t "$SESSION"

echo "$NAME: PASS"
