#!/usr/bin/env bash
# libFuzzer runs of steamlens-fuzz (Sources/SteamLensFuzz, docs/reliability.md).
#
#   scripts/fuzz.sh TARGET [SECONDS]   fuzz one target (default 600 s) from its corpus
#   scripts/fuzz.sh all SECONDS        each target in turn for SECONDS
#   scripts/fuzz.sh replay             replay the committed corpus and regressions, no sanitizers
#   scripts/fuzz.sh replay-results     the same, one "pass"/"fail" line per check (scripts/test.sh)
#   scripts/fuzz.sh smoke SECONDS      each target briefly, one "pass"/"fail" line each (scripts/test.sh)
#   scripts/fuzz.sh seed               rewrite the seed corpus (sample lines + fixture blobs)
#
# FUZZ_TIMEOUT (default 20 s) is libFuzzer's per-input limit, in wall time:
# raise it for runs at `nice 19` on a busy machine, where a starved process
# can sit for longer than that on an input that takes a millisecond.
#
# The sanitized binary is built in its own scratch path, .build-fuzz, so the
# shared .build stays warm. New inputs found during a run go to a gitignored
# folder (.build-fuzz/corpus/TARGET), never into the committed seeds; crashes
# go to .build-fuzz/crashes/TARGET. A crash that matters is copied into
# Tests/FuzzCorpus/regressions/TARGET/ so every test run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
# Package.swift declares steamlens-fuzz only when asked (it needs testing enabled).
export STEAMLENS_FUZZ=1

targets=(json python lines games reviews libraries snapshot models store tables streaming)
corpus=Tests/FuzzCorpus
scratch=.build-fuzz

build_fuzzer() {
    # STEAMLENS_FUZZ_BIN: a sanitized binary built earlier (long runs beside ongoing edits).
    if [[ -n "${STEAMLENS_FUZZ_BIN:-}" ]]; then echo "$STEAMLENS_FUZZ_BIN"; return; fi
    # Release searches about 3x faster; debug builds in about half the time,
    # which is what a short CI smoke wants (FUZZ_CONFIG, default release).
    local config="${FUZZ_CONFIG:-release}"
    swift build -c "$config" --product steamlens-fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -enable-testing >&2
    echo "$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/steamlens-fuzz"
}

build_replayer() {
    local flags=(-c release -Xswiftc -enable-testing)
    swift build "${flags[@]}" --product steamlens-fuzz >&2
    echo "$(swift build "${flags[@]}" --show-bin-path)/steamlens-fuzz"
}

max_len() {
    case "$1" in
        json | python) echo 4096 ;;
        lines | games | reviews | libraries) echo 16384 ;;
        snapshot | models) echo 65536 ;;
        store | tables | streaming) echo 1024 ;;
    esac
}

fuzz() {
    local binary="$1" target="$2" seconds="$3"
    local found="$scratch/corpus/$target" crashes="$scratch/crashes/$target"
    # The CI smoke starts from the committed seeds alone, so it takes as long everywhere.
    [[ -n "${FUZZ_QUIET:-}" ]] && found="$(mktemp -d)"
    mkdir -p "$found" "$crashes" "$corpus/$target"
    echo "== fuzz $target for ${seconds}s"
    # FUZZ_KEEP_GOING=1: record each crash and go on (a survey of known bugs).
    local keep_going=()
    [[ -n "${FUZZ_KEEP_GOING:-}" ]] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
    # Swift's own crash handler would trip ASan inside the sanitized binary;
    # the replayer (scripts/fuzz.sh replay) prints readable stacks instead.
    # -close_fd_mask=1: the library's own stdout is noise here.
    local run=(env SWIFT_BACKTRACE=enable=no STEAMLENS_FUZZ_TARGET="$target" "$binary" "$found" "$corpus/$target" "${keep_going[@]}"
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-20}"
        -artifact_prefix="$crashes/" -print_final_stats=1 -close_fd_mask=1)
    if [[ -z "${FUZZ_QUIET:-}" ]]; then "${run[@]}"; return; fi
    # Quiet (the CI smoke): the log in full only when the run fails.
    local log="$scratch/logs/$target.log"
    mkdir -p "$scratch/logs"
    if "${run[@]}" >"$log" 2>&1; then
        grep -E "^stat::(number_of_executed_units|new_units_added)" "$log"
    else
        tail -n 60 "$log"
        return 1
    fi
}

seed() {
    # A handful of lines of the synthetic sample: the shortest long-enough
    # ones, a NaN row, and one short line of each file.
    local data=Data
    python3 - "$data" "$corpus" <<'PY'
import gzip, os, sys
data, corpus = sys.argv[1], sys.argv[2]
def lines(name):
    with gzip.open(os.path.join(data, name + ".sample.json.gz"), "rb") as f:
        return [l.rstrip(b"\n") for l in f]
def write(target, name, content):
    os.makedirs(os.path.join(corpus, target), exist_ok=True)
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(content)
games, reviews, items = lines("steam_games"), lines("australian_user_reviews"), lines("australian_users_items")
def pick(rows, n):
    good = sorted((r for r in rows if len(r) > 40), key=len)
    return good[:n] + [r for r in rows if len(r) <= 40][:1]
for i, l in enumerate(pick([g for g in games if b'"id": NaN' not in g], 3) + [next(g for g in games if b'"id": NaN' in g)]):
    write("json", f"sample-{i}", l); write("games", f"sample-{i}", l + b"\n")
for i, l in enumerate(pick(reviews, 2)):
    write("python", f"review-{i}", l); write("reviews", f"sample-{i}", l + b"\n")
for i, l in enumerate(pick(items, 2)):
    write("python", f"items-{i}", l); write("libraries", f"sample-{i}", l + b"\n")
plain = b"\n".join(pick(reviews, 2)) + b"\r\n\n"
write("lines", "plain", plain)
write("lines", "gzip", gzip.compress(plain, mtime=0))
PY
    "$(build_replayer)" --write-seeds "$corpus"
}

# Regressions whose bug is still open (Tests/FuzzCorpus/regressions/OPEN,
# "TARGET/FILE  owner: reason" per line) count as skipped, loudly, until
# fixed; a target with an open regression skips its smoke, which would only
# find that bug again.
open_list=Tests/FuzzCorpus/regressions/OPEN
is_open() { [[ -f "$open_list" ]] && grep -q "^$1[[:space:]]" "$open_list"; }
target_has_open() { [[ -f "$open_list" ]] && grep -q "^$1/" "$open_list"; }

# Prints "pass" or "fail" for a command, its output going to stderr.
result() {
    local name="$1"; shift
    if "$@" >&2; then echo pass; else echo "fuzz: FAILED $name" >&2; echo fail; fi
}

case "${1:-}" in
    seed) seed ;;
    replay-results)
        binary="$(build_replayer)"
        for target in "${targets[@]}"; do
            [[ -d "$corpus/$target" ]] && result "replay of $corpus/$target" "$binary" "$target" "$corpus/$target"
            # Each regression alone, so one crash names its file and spares the rest.
            for file in "$corpus/regressions/$target"/*; do
                [[ -f "$file" ]] || continue
                key="$target/$(basename "$file")"
                if is_open "$key"; then
                    if "$binary" "$target" "$file" >/dev/null 2>&1; then
                        echo "fuzz: $key passes now: remove it from $open_list" >&2; echo pass
                    else
                        echo "fuzz: SKIPPED known open bug $(grep "^$key[[:space:]]" "$open_list")" >&2; echo skip
                    fi
                else
                    result "regression $file" "$binary" "$target" "$file"
                fi
            done
        done
        ;;
    smoke)
        binary="$(FUZZ_CONFIG="${FUZZ_CONFIG:-debug}" build_fuzzer)"
        for target in "${targets[@]}"; do
            if target_has_open "$target"; then echo "fuzz: SKIPPED smoke of $target (open regressions in $open_list)" >&2; echo skip; continue; fi
            result "fuzz smoke of $target" env FUZZ_QUIET=1 bash "$0" --run "$binary" "$target" "${2:?seconds per target}"
        done
        ;;
    replay)
        binary="$(build_replayer)"
        for target in "${targets[@]}"; do
            paths=()
            for folder in "$corpus/$target" "$corpus/regressions/$target"; do
                [[ -d "$folder" ]] && paths+=("$folder")
            done
            ((${#paths[@]})) && "$binary" "$target" "${paths[@]}"
        done
        ;;
    all)
        binary="$(build_fuzzer)"
        for target in "${targets[@]}"; do fuzz "$binary" "$target" "${2:?seconds per target}"
        done
        ;;
    --run) fuzz "$2" "$3" "$4" ;;  # internal: one run with a given binary
    "" | -h | --help)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
        echo "targets: ${targets[*]}"
        ;;
    *)
        [[ " ${targets[*]} " == *" $1 "* ]] || { echo "unknown target $1 (targets: ${targets[*]})" >&2; exit 2; }
        fuzz "$(build_fuzzer)" "$1" "${2:-600}"
        ;;
esac
