#!/usr/bin/env bash
# Installs the system packages SteamLens builds and tests against (Debian/Ubuntu).
# Safe to run repeatedly: it only calls apt-get when something is missing.
set -euo pipefail

packages=(zlib1g-dev libsqlite3-dev libncursesw5-dev tmux)

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all present (${packages[*]})"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
