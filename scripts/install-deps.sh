#!/usr/bin/env bash
# Installs the system packages SteamLens builds and tests against (Debian/Ubuntu).
# Safe to run repeatedly: it only calls apt-get when something is missing.
#
#   scripts/install-deps.sh           what the build and the tests need (CI runs this)
#   scripts/install-deps.sh --bench   also wrk, and FastAPI + pandas + uvicorn in the venv,
#                                     for `steamlens bench serve` and its baseline (never CI)
set -euo pipefail

bench=""
[ "${1:-}" = "--bench" ] && bench=1

packages=(zlib1g-dev libsqlite3-dev libncursesw5-dev tmux python3-venv curl)
[ -n "$bench" ] && packages+=(wrk)

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all present (${packages[*]})"
else
    echo "install-deps: installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

# The HTTP API's outside clients (schemathesis, requests), pinned, in a venv
# so the system Python stays untouched. Needs python3 with venv and curl.
pyenv="${STEAMLENS_PYENV:-${XDG_CACHE_HOME:-$HOME/.cache}/steamlens/pyenv}"
requirements="$(dirname "$0")/api/requirements.txt"
if [ -x "$pyenv/bin/st" ] && "$pyenv/bin/pip" freeze 2>/dev/null | grep -qx "$(grep -m1 '^schemathesis==' "$requirements")"; then
    echo "install-deps: API test tools present ($pyenv)"
else
    echo "install-deps: installing the API test tools into $pyenv"
    python3 -m venv "$pyenv"
    "$pyenv/bin/pip" install -q -r "$requirements"
fi
if [ -n "$bench" ]; then
    echo "install-deps: installing the bench baseline (FastAPI, pandas, uvicorn) into $pyenv"
    "$pyenv/bin/pip" install -q -r "$(dirname "$0")/api/baseline-requirements.txt"
fi
