#!/bin/sh
# Take a screenshot of a page with headless Chromium: scripts/screenshot.sh URL OUT.png [WIDTH] [HEIGHT]
set -eu
url=$1; out=$2; width=${3:-360}; height=${4:-1400}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --hide-scrollbars \
  --user-data-dir="$profile" --window-size="$width,$height" --screenshot="$out" "$url" >/dev/null 2>&1
