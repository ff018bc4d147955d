#!/usr/bin/env bash
# Checks `steamlens serve` with clients nobody here wrote: schemathesis runs
# every check against the live server's /openapi.json, then
# scripts/api/notebook_aliases.py calls every alias as the old notebooks did
# and compares the bodies with `steamlens query --format json`, and
# scripts/api/hostile.py sends hostile input and 10,000 slow connections, and
# scripts/api/drain.py stops it with SIGTERM while requests are in flight.
#
# usage: STEAMLENS_BIN=path/to/steamlens scripts/api-check.sh [STEAM_DATA_DIR [STREAMING_DATA_DIR]]
# The Python tools come from scripts/install-deps.sh (a venv at $STEAMLENS_PYENV).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${STEAMLENS_BIN:?set STEAMLENS_BIN to the steamlens binary}"
data="${1:-Data}"
streaming="${2:-Data/streaming}"
pyenv="${STEAMLENS_PYENV:-${XDG_CACHE_HOME:-$HOME/.cache}/steamlens/pyenv}"
if [ ! -x "$pyenv/bin/st" ]; then
    echo "api-check: schemathesis is missing; run scripts/install-deps.sh" >&2
    exit 1
fi

cache="$(mktemp -d)"
log="$cache/serve.log"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$cache"
}
trap cleanup EXIT

# Port 0: the server picks a free loopback port and prints it.
"$bin" serve --host 127.0.0.1 --port 0 --data "$data" --streaming-data "$streaming" --cache "$cache" --no-access-log >"$log" 2>&1 &
server=$!
base=""
for _ in $(seq 1 600); do
    base=$(sed -n 's|^steamlens: listening on \(http://[^ ]*\)/$|\1|p' "$log" | head -1)
    if [ -n "$base" ] && curl -sf "$base/health" >/dev/null 2>&1; then break; fi
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "api-check: the server exited" >&2; exit 1; }
    sleep 0.2
done
curl -sf "$base/health" >/dev/null || { cat "$log" >&2; echo "api-check: the server never became ready" >&2; exit 1; }
echo "api-check: server ready at $base"

"$pyenv/bin/st" --config-file scripts/api/schemathesis.toml run "$base/openapi.json" \
    --checks all --max-examples "${API_CHECK_EXAMPLES:-20}" --seed 1 --no-color
"$pyenv/bin/python" scripts/api/notebook_aliases.py "$base" "$bin" "$data" "$streaming" "$cache"

# Hostile input, then 10,000 slow connections: the server keeps answering, memory stays bounded.
port="${base##*:}"
"$pyenv/bin/python" scripts/api/hostile.py 127.0.0.1 "$port" "$server" "${API_CHECK_CONNECTIONS:-10000}"

# Graceful shutdown: drain.py sends SIGTERM with requests in flight; each is
# answered in full, then the server stops listening and exits 0.
"$pyenv/bin/python" scripts/api/drain.py 127.0.0.1 "$port" "$server"
if wait "$server"; then echo "api-check: server stopped cleanly on SIGTERM"; else echo "api-check: server exit $? on SIGTERM" >&2; exit 1; fi
server=""

# SIGTERM while the stores are still being built (a fresh cache): the server
# stops at once instead of finishing the load first.
fresh="$(mktemp -d)"
"$bin" serve --host 127.0.0.1 --port 0 --data "$data" --streaming-data "$streaming" --cache "$fresh" --no-access-log >"$fresh/log" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" "$fresh/log" && break; sleep 0.1; done
kill -TERM "$server"
started=$(date +%s%N)
status=0
wait "$server" || status=$?
server=""
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
loaded=0
grep -q "store loaded" "$fresh/log" && loaded=1
rm -rf "$fresh"
if [ "$loaded" -eq 1 ]; then
    echo "api-check: the store loaded before SIGTERM; nothing was checked" >&2
    exit 1
elif [ "$status" -eq 0 ] && [ "$elapsed_ms" -lt 3000 ]; then
    echo "api-check: SIGTERM while loading stopped the server in ${elapsed_ms} ms"
else
    echo "api-check: SIGTERM while loading: exit $status after ${elapsed_ms} ms" >&2
    exit 1
fi
