# Helpers shared by scripts/tui-e2e.sh and scripts/tui-e2e-streaming.sh
# (sourced, not run). The caller sets NAME (the prefix of its messages) and
# may set STEAMLENS_BIN, CACHE and TIMEOUT; this file sets ROOT, BIN, SESSION,
# SOCKET and WORK, builds the binary when none is given, and starts a private
# tmux server (-L, no config) that dies at exit.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${STEAMLENS_BIN:-$ROOT/.build/release/steamlens}"
TIMEOUT="${TIMEOUT:-60}"      # seconds to wait for any screen text (the first ETL can be slow)
SESSION="$NAME-$$"
SOCKET="$NAME-$$-$RANDOM"
WORK="$(mktemp -d)"

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

fail() {
    echo "$NAME: FAIL: $*" >&2
    if tm has-session -t "$SESSION" 2>/dev/null; then echo "--- screen ---" >&2; tm capture-pane -p -t "$SESSION" >&2 || true; fi
    exit 1
}
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
if [[ -z "${STEAMLENS_BIN:-}" ]]; then
    # The flags of scripts/test.sh, so a run after the tests reuses their build.
    echo "$NAME: building the release binary …"
    (cd "$ROOT" && swift build -c release -Xswiftc -enable-testing --product steamlens >/dev/null) || fail "swift build -c release failed"
fi
[[ -x "$BIN" ]] || fail "no binary at $BIN"
# A session that outlives every step: killing a step's session must not stop
# the server while the next step connects ("server exited unexpectedly").
tm new-session -d -s keeper "sleep 86400"

# wait_for TEXT: poll the pane until TEXT appears, or fail after $TIMEOUT s;
# wait_for_re REGEX: the same for an extended regular expression.
wait_for() { wait_for_match -F "$1" "\"$1\""; }
wait_for_re() { wait_for_match -E "$1" "/$1/"; }

# wait_for_match GREP_FLAG PATTERN WHAT
wait_for_match() {
    local flag="$1" pattern="$2" deadline=$((SECONDS + TIMEOUT))
    while (( SECONDS < deadline )); do
        if tm capture-pane -p -t "$SESSION" 2>/dev/null | grep -q "$flag" -- "$pattern"; then return 0; fi
        sleep 0.1
    done
    fail "timed out after ${TIMEOUT}s waiting for $3"
}

# wait_for_file PATH: the shell after steamlens writes stty -a there.
wait_for_file() {
    local path="$1" deadline=$((SECONDS + TIMEOUT))
    while (( SECONDS < deadline )); do [[ -s "$path" ]] && return 0; sleep 0.1; done
    fail "steamlens did not exit within ${TIMEOUT}s (no $path)"
}

assert_screen() {
    tm capture-pane -p -t "$SESSION" | grep -qF -- "$1" || fail "screen does not show \"$1\" ($2)"
}

# assert_restored STTYFILE HOW: echo and icanon are back on after steamlens exited.
assert_restored() {
    local stty_file="$1" how="$2"
    grep -qE '(^| )echo( |$)' "$stty_file" || fail "echo is off after $how: terminal not restored"
    grep -qE '(^| )icanon( |$)' "$stty_file" || fail "icanon is off after $how: terminal not restored"
    grep -qE '(^| )-echo( |$)' "$stty_file" && fail "-echo after $how"
    return 0
}

# screen_line N: row N (0-based) of the pane.
screen_line() { tm capture-pane -p -t "$SESSION" | sed -n "$(($1 + 1))p"; }
