#!/usr/bin/env bash
# The test command of the README and of CI.
#
# Tests run in an optimized build: the real-data checks train every model on
# the full Steam files, which takes seconds optimized and minutes in debug
# (a plain `swift test` works too; it skips those checks and says so).
# Then the real binary is driven in tmux by scripts/tui-e2e.sh (and
# tui-e2e-streaming.sh for the second catalogue), the
# property tests run on Swift Testing, the committed fuzz corpus and
# regressions are replayed, and each fuzz target gets a short libFuzzer smoke
# (STEAMLENS_FUZZ_SMOKE seconds each, 0 to skip; docs/reliability.md), and
# the HTTP API is checked live by scripts/api-check.sh (docs/api.md).
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release -Xswiftc -enable-testing)
smoke_seconds="${STEAMLENS_FUZZ_SMOKE:-10}"
xctest_log="$(mktemp)"
testing_log="$(mktemp)"
trap 'rm -f "$xctest_log" "$testing_log"' EXIT

# One build serves the tests, the end-to-end run and the corpus replay.
swift build "${flags[@]}" --build-tests
swift test "${flags[@]}" --skip-build --disable-swift-testing 2>&1 | tee "$xctest_log"

bin="$(swift build "${flags[@]}" --show-bin-path)/steamlens"
STEAMLENS_BIN="$bin" scripts/tui-e2e.sh
STEAMLENS_BIN="$bin" scripts/tui-e2e-streaming.sh

# Later steps count their failures instead of stopping, so the summary is whole.
passed=0
failed=0
open_skipped=0

# The HTTP API against outside clients (scripts/api-check.sh): schemathesis,
# the old notebooks' alias calls, hostile input; one result.
if STEAMLENS_BIN="$bin" scripts/api-check.sh; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

# Swift Testing (the property tests); XCTest ran above.
if swift test "${flags[@]}" --skip-build --disable-xctest 2>&1 | tee "$testing_log"; then :; fi
testing_total=$(grep -oE "Test run with [0-9]+ tests?" "$testing_log" | grep -oE "[0-9]+" | tail -1 || echo 0)
testing_failed=$(grep -cE "^✘ Test .* failed" "$testing_log" || true)
testing_skipped=$(grep -cE "^➜ Test .* skipped" "$testing_log" || true)
passed=$((passed + ${testing_total:-0} - testing_failed - testing_skipped))
failed=$((failed + testing_failed))

# Fuzz: replay the corpus and every regression (one result each), then the smoke.
while read -r result; do
    case "$result" in
        pass) passed=$((passed + 1)) ;;
        fail) failed=$((failed + 1)) ;;
        skip) open_skipped=$((open_skipped + 1)) ;;
    esac
done < <(scripts/fuzz.sh replay-results)
if ((smoke_seconds > 0)); then
    while read -r result; do
        case "$result" in
            pass) passed=$((passed + 1)) ;;
            fail) failed=$((failed + 1)) ;;
            skip) open_skipped=$((open_skipped + 1)) ;;
        esac
    done < <(scripts/fuzz.sh smoke "$smoke_seconds")
fi

# A closing summary: XCTest's totals, the end-to-end run, and the steps above.
summary=$(grep -E "Executed [0-9]+ tests?, with" "$xctest_log" | tail -1)
executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
xctest_failed=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$summary")
skipped=$(grep -oE "with [0-9]+ tests? skipped" <<<"$summary" | grep -oE "[0-9]+" || echo 0)
passed=$((passed + executed - xctest_failed - skipped + 1))
failed=$((failed + xctest_failed))
skipped=$((skipped + testing_skipped + open_skipped))
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
((failed == 0))
