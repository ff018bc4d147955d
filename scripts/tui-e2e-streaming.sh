#!/usr/bin/env bash
# End-to-end test of the explorer on the streaming catalogue in a real terminal (tmux).
#
#   scripts/tui-e2e-streaming.sh                      # bundled sample (Data/streaming), builds the release binary
#   STEAMLENS_BIN=.build/release/steamlens DATA=/work/shared/data/streaming scripts/tui-e2e-streaming.sh
#
# At 120x40 and 80x24 it starts `steamlens --dataset streaming` in a detached
# tmux session, waits for the readiness marker (the header's "N titles ·
# N viewers"), opens a platform's titles, moves onto a title and checks its
# facts and similar titles, searches the Titles pane, opens its genre
# frequency table (F) and filters the pane to a genre (Enter), opens the help, and
# quits with q, then once more with Ctrl-C from the search prompt, checking
# the terminal is restored (echo and icanon on) both times.
# Every tmux call uses a private server (-L, no config), killed at exit.
# Exits non-zero with a message naming the failed step.
set -euo pipefail

NAME=tui-e2e-streaming
CACHE="${CACHE:-${TMPDIR:-/tmp}/steamlens-e2e-streaming-cache}"
source "$(dirname "${BASH_SOURCE[0]}")/tui-e2e-lib.sh"
DATA="${DATA:-}"

# start WIDTH HEIGHT STTYFILE: steamlens on the streaming catalogue, then stty -a once it exits.
start() {
    local data=""
    [[ -n "$DATA" ]] && data="--data \"$DATA\""
    tm new-session -d -s "$SESSION" -x "$1" -y "$2" \
        "sh -c 'trap true INT; XDG_CONFIG_HOME=\"$WORK/config\" \"$BIN\" --dataset streaming $data --cache \"$CACHE\" --export-folder \"$WORK\"; echo \"exit=\$?\" > \"$3.status\"; stty -a > \"$3\"; sleep 30'"
    wait_for " titles · "
    wait_for " viewers"
}

run_size() {
    local width="$1" height="$2"
    echo "$NAME: ${width}x${height}"
    start "$width" "$height" "$WORK/q-$width"
    assert_screen "1 Platforms" "the Platforms pane at start"
    assert_screen "Titles of " "count_platform of the first platform on the right"

    # Enter on the first platform: its titles, the cursor on the first; j moves to the second.
    tm send-keys -t "$SESSION" Enter
    wait_for "9 Titles of "
    tm send-keys -t "$SESSION" j
    wait_for "Similar titles"
    assert_screen "mean score " "a title's facts: its mean score"

    # Search the titles for a word and land on a match.
    tm send-keys -t "$SESSION" /
    wait_for "search Titles"
    tm send-keys -t "$SESSION" -l "the"
    wait_for "/the"
    tm send-keys -t "$SESSION" Enter
    wait_for "n next"

    # F three times: the genre table of the platform's titles; Enter filters the Titles pane to its top genre; Esc clears it.
    tm send-keys -t "$SESSION" F F F
    wait_for "Frequency 3/10 · genre"
    assert_screen "genre of Titles of " "the genre table counts the Titles pane"
    tm send-keys -t "$SESSION" Enter
    wait_for '|genre="'
    tm send-keys -t "$SESSION" Escape
    wait_for "9 Titles of "

    # Help names the streaming panes and definitions; q closes it, q again quits.
    tm send-keys -t "$SESSION" '?'
    wait_for "Viewers pane"
    tm send-keys -t "$SESSION" G
    wait_for "year of a title: release / added"
    tm send-keys -t "$SESSION" q
    wait_for "9 Titles of "
    tm send-keys -t "$SESSION" q
    wait_for_file "$WORK/q-$width"
    grep -q "exit=0" "$WORK/q-$width.status" || fail "exit status after q: $(cat "$WORK/q-$width.status")"
    assert_restored "$WORK/q-$width" "q"
    tm kill-session -t "$SESSION"
}

run_size 120 40
run_size 80 24

# The settings file's [streaming] table remembers the title year switched with r.
echo "$NAME: settings"
start 100 30 "$WORK/s"
tm send-keys -t "$SESSION" r
sleep 0.5
tm send-keys -t "$SESSION" q
wait_for_file "$WORK/s"
config="$WORK/config/steamlens/config.toml"
grep -qF "[streaming]" "$config" || fail "no [streaming] table in $config: $(cat "$config" 2>/dev/null)"
grep -qE "title_year = .added." "$config" || fail "the switched title year was not saved: $(cat "$config")"
tm kill-session -t "$SESSION"

# Ctrl-C from the search prompt quits too, and restores the terminal.
echo "$NAME: Ctrl-C"
start 100 30 "$WORK/c"
tm send-keys -t "$SESSION" 9 /
wait_for "search Titles"
tm send-keys -t "$SESSION" C-c
wait_for_file "$WORK/c"
assert_restored "$WORK/c" "Ctrl-C"
tm kill-session -t "$SESSION"
echo "$NAME: ok"
