#!/usr/bin/env bash
# The test command of the README and CI: unit and replay tests, then the
# end-to-end run of the real binary in tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

swift test 2>&1 | tee /tmp/steamlens-swift-test.log

if [ -x scripts/tui-e2e.sh ]; then
    scripts/tui-e2e.sh
fi
