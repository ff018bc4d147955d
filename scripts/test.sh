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

swift build "${flags[@]}"
swift test "${flags[@]}"

STEAMLENS_BIN="$(swift build "${flags[@]}" --show-bin-path)/steamlens" scripts/tui-e2e.sh
