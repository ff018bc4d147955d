#!/usr/bin/env bash
# The test command of the README and of CI.
#
# Tests run in an optimized build: the real-data checks train every model on
# the full Steam files, which takes seconds optimized and minutes in debug
# (a plain `swift test` works too; it skips those checks and says so).
# Then the real binary is driven in tmux by scripts/tui-e2e.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release -Xswiftc -enable-testing)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# One build serves the tests and the end-to-end run.
swift build "${flags[@]}" --build-tests
swift test "${flags[@]}" --skip-build --disable-swift-testing 2>&1 | tee "$log"

STEAMLENS_BIN="$(swift build "${flags[@]}" --show-bin-path)/steamlens" scripts/tui-e2e.sh

# A closing summary: XCTest's totals plus the end-to-end run.
summary=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -1)
executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
failed=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$summary")
skipped=$(grep -oE "with [0-9]+ tests? skipped" <<<"$summary" | grep -oE "[0-9]+" || echo 0)
echo "$((executed - failed - skipped + 1)) passed, ${failed} failed, ${skipped} skipped"
