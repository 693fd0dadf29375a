#!/usr/bin/env bash
# Benchmark a platform of 100 sites made from the laws corpus (../shared/corpora/laws, 3,504
# Chinese legal texts): its top-level folders become sites, the large ones split into groups
# of files, 100 sites in all, each a complete gongkai site. Reports, with wall time and peak
# memory (RSS) of the gongkai process:
#   - the same corpus built as one site, for comparison;
#   - the full platform build (every site with its search index, then the portal), twice;
#   - a platform build with nothing changed (every site's inputs hashed, the portal checked);
#   - the rebuild after a one-line edit of one file in one site (three edits, three sites);
#   - unified search latency (统一搜索 over every site's index, /api/search) at 16 clients,
#     p50/p99, of `gongkai serve --no-build` on the platform's output, with bench/queries.txt and
#     random phrases of the corpus; beside it one site's own search (/s042/api/search).
# Hold the shared lock when others use the machine: flock /work/wt/heavy.lock bench/platform.sh
#
#   bench/platform.sh [CORPUS] [SITES]
#   ONLY=search bench/platform.sh …   the builds and the search figures only (no rebuilds)
#   PLATFORM=DIR bench/platform.sh …  no single-site figures; makes the platform in DIR and keeps
#                                     it, or when DIR holds a built one reuses it (search only)
#
# Needs: go, GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpora/laws}
[ -d "$corpus" ] || corpus=/work/shared/corpora/laws
nsites=${2:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/platform-bench.XXXXXX")
server=
trap '[ -n "$server" ] && kill $server; rm -rf "$work"' EXIT

go build -o "$work/gongkai" "$root"
go build -o "$work/loadgen" "$root/bench/loadgen"
gk=$work/gongkai
echo "== corpus: $corpus ($(find "$corpus" -name '*.md' | wc -l) files, $(du -sh "$corpus" | cut -f1)); $(nproc) CPUs"

# The platform: files grouped by top-level folder (files at the top go with 其他), each folder
# given sites in proportion to its files (at least one), its files (in name order) cut into
# that many runs. Site names are s000…s099; paths inside content/ are kept.
plat=${PLATFORM:-$work/platform}
reuse=
[ -n "${PLATFORM:-}" ] && [ -f "$plat/public/_search/platform.json" ] && reuse=1
if [ -z "$reuse" ]; then
mkdir -p "$plat/sites"
(cd "$corpus" && find . -name '*.md' -type f | sed 's|^\./||' | LC_ALL=C sort) > "$work/files"
awk -F/ -v n="$nsites" '
  { g = (NF == 1) ? "其他" : $1; files[g] = files[g] "\n" $0; count[g]++; total++ }
  END {
    left = n; ng = 0
    for (g in count) { order[++ng] = g }
    # largest groups first, so that rounding leftovers go to them
    for (i = 1; i <= ng; i++) for (j = i + 1; j <= ng; j++) if (count[order[j]] > count[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 1; i <= ng; i++) { k[order[i]] = 1; left-- }
    while (left > 0) {   # give the next site to the group with the most files per site
      best = ""; for (i = 1; i <= ng; i++) { g = order[i]; if (best == "" || count[g] / k[g] > count[best] / k[best]) best = g }
      k[best]++; left--
    }
    s = 0
    for (i = 1; i <= ng; i++) {
      g = order[i]; m = split(substr(files[g], 2), list, "\n"); per = m / k[g]
      for (c = 0; c < k[g]; c++) {
        for (f = int(c * per) + 1; f <= int((c + 1) * per); f++) printf "s%03d\t%s\t%s\n", s, g, list[f]
        s++
      }
    }
  }' "$work/files" > "$work/assign"
for site in $(cut -f1 "$work/assign" | uniq); do
  mkdir -p "$plat/sites/$site/content"
  awk -F'\t' -v s="$site" '$1 == s { print $3 }' "$work/assign" > "$work/list"
  tar -C "$corpus" -cf - -T "$work/list" | tar -C "$plat/sites/$site/content" -xf -
  printf 'title: 法律法规·%s（%s）\n' "$(awk -F'\t' -v s="$site" '$1 == s { print $2; exit }' "$work/assign")" "$site" > "$plat/sites/$site/site.yaml"
done
printf 'title: 法律法规平台\nbaseURL: https://laws.example.gov.cn\nsites:\n  - sites/*\n' > "$plat/platform.yaml"
echo "platform: $(ls "$plat/sites" | wc -l) sites, $(wc -l < "$work/assign") files; files per site: $(cut -f1 "$work/assign" | sort | uniq -c | awk 'NR == 1 || $1 < min { min = $1 } $1 > max { max = $1 } END { printf "%d to %d", min, max }')"
fi

measure() { # measure LABEL COMMAND...: wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r wall rss < "$work/time"
  printf '%-44s %8ss  %6d MB peak   %s\n' "$label" "$wall" $((rss / 1024)) "$(grep -o '^平台：.*' "$work/out" || true)"
}

only=${ONLY:-}
# search_latency NAME URL: p50/p99 at 16 clients, bench/queries.txt and random phrases of the corpus.
search_latency() {
  echo "-- $1: bench/queries.txt"
  "$work/loadgen" -url "$2" -queries "$root/bench/queries.txt" -c 16 -n 1000
  echo "-- $1: 1000 distinct random phrases from the corpus"
  "$work/loadgen" -url "$2" -queries '' -random 1000 -corpus "$corpus" -c 16 -n 1000
}
# serve_ready ARGS...: starts gongkai serve on a free port ($port, $server) and waits for it.
serve_ready() {
  port=$((20000 + RANDOM % 20000))
  "$gk" serve "$@" --addr "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  head -1 "$work/serve.log"
}
stop_server() {
  echo "serve --no-build peak memory: $(awk '/^VmHWM/ { printf "%d MB", $2 / 1024 }' /proc/$server/status)"
  kill $server; wait $server 2>/dev/null || true; server=
}

if [ -z "${PLATFORM:-}" ]; then
echo "== one site of the whole corpus"
mkdir -p "$work/single"
cp -r "$corpus" "$work/single/content"
printf 'title: 法律法规\n' > "$work/single/site.yaml"
measure "single site build (with index)" "$gk" build -s "$work/single"
echo "== search of the single site, 16 concurrent clients (serve --no-build, /api/search)"
serve_ready --no-build -s "$work/single"
search_latency "single site" "http://127.0.0.1:$port"
stop_server
rm -rf "$work/single"
fi
if [ -z "$reuse" ]; then
echo "== platform of $nsites sites (parallel: one site per CPU)"
measure "full platform build" "$gk" build -s "$plat"
fi
if [ "$only" != search ] && [ -z "$reuse" ]; then
measure "full platform build again (--force)" "$gk" build -s "$plat" --force
measure "platform build, nothing changed" "$gk" build -s "$plat"
for site in s007 s042 s093; do
  file=$(find "$plat/sites/$site/content" -name '*.md' ! -name '_index.md' | LC_ALL=C sort | head -1)
  printf '\n本条为基准测试所加。\n' >> "$file"
  measure "one-line edit in $site, rebuild" "$gk" build -s "$plat"
  grep -q '^平台：1 个站点已发布' "$work/out" || { echo "expected one site rebuilt:"; cat "$work/out"; exit 1; }
done
fi
echo "output: $(du -sh "$plat/public" | cut -f1), portal: $(du -sh --exclude='s[0-9]*' "$plat/public" | cut -f1)"

echo "== unified search over $nsites sites, 16 concurrent clients (serve --no-build, /api/search)"
serve_ready --no-build -s "$plat"
search_latency "unified search" "http://127.0.0.1:$port"
mid=$(ls "$plat/public" | grep "^s[0-9]" | sed -n "$(( (nsites + 1) / 2 ))p")
echo "== one site's own search on the platform (/$mid/api/search), for comparison"
"$work/loadgen" -url "http://127.0.0.1:$port/$mid" -queries "$root/bench/queries.txt" -c 16 -n 1000
stop_server
