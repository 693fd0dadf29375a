#!/usr/bin/env bash
# Compare two commits on the laws corpus in one run: build time and peak memory, whether their
# search indexes are byte-identical (manifest.json and bleve's root.bolt carry timestamps and
# are left out), and /api/search latency under 16 clients. Builds and load runs alternate
# between the two, ROUNDS times each, so that the machine's drift touches both alike.
#
#   bench/compare.sh OLD NEW [ROUNDS] [CORPUS]      e.g. bench/compare.sh HEAD~1 HEAD 2
#
# Needs: go, git, curl.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$1 new=$2 rounds=${3:-2}
corpus=${4:-$root/../shared/corpora/laws}
work=$(mktemp -d)
server=
trap 'kill $server 2>/dev/null || true; git -C "$root" worktree remove --force "$work/src-a" 2>/dev/null; git -C "$root" worktree remove --force "$work/src-b" 2>/dev/null; rm -rf "$work"' EXIT

for side in a b; do
  rev=$old; [ $side = b ] && rev=$new
  git -C "$root" worktree add -q --detach "$work/src-$side" "$rev"
  (cd "$work/src-$side" && go build -o "$work/gongkai-$side" .)
  mkdir -p "$work/site-$side"
  cp -r "$corpus" "$work/site-$side/content"
  printf 'title: 法律法规\n' > "$work/site-$side/site.yaml"
done
(cd "$root" && go build -o "$work/loadgen" ./bench/loadgen)
echo "== $old (a) against $new (b), $rounds rounds, corpus $corpus"

for round in $(seq 1 "$rounds"); do
  for side in a b; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$work/gongkai-$side" build -s "$work/site-$side" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    read -r wall rss < "$work/time"
    printf 'build %s #%d: %6ss %6d MB peak\n' "$side" "$round" "$wall" $((rss / 1024))
  done
done

for side in a b; do
  (cd "$work/site-$side/public/_search" && find . -type f ! -name manifest.json ! -name root.bolt -exec sha256sum {} + | sort -k2) > "$work/sums-$side"
done
if cmp -s "$work/sums-a" "$work/sums-b"; then
  echo "search index and static export: byte-identical ($(wc -l < "$work/sums-a") files)"
else
  echo "search index and static export: DIFFER"; diff "$work/sums-a" "$work/sums-b" | head -20 || true
fi

for round in $(seq 1 "$rounds"); do
  for side in a b; do
    port=$((20000 + RANDOM % 20000))
    "$work/gongkai-$side" serve -s "$work/site-$side" --addr "127.0.0.1:$port" > /dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/" > /dev/null 2>&1 && break; sleep 0.2; done
    echo "latency $side #$round: $("$work/loadgen" -url "http://127.0.0.1:$port" -queries "$root/bench/queries.txt" -c 16 -n 3000 2>&1 | tail -1)"
    kill $server; wait $server 2>/dev/null || true
    server=
  done
done
