#!/usr/bin/env bash
# Make a site of N copies of a corpus, for measuring how the build scales with its size:
#
#   bench/corpus.sh N OUT [CORPUS]      e.g. bench/corpus.sh 4 /tmp/laws-x4
#
# OUT/content/copy1/ … copyN/ each hold the whole corpus (default ../shared/corpora/laws), so
# URLs differ by folder; in copies 2 to N every page's first-level heading, which is its title,
# ends in "（副本K）", so titles differ too and citations by title resolve to copy 1 alone.
# OUT/site.yaml is a minimal site. OUT must not exist yet.
set -euo pipefail
n=${1:?usage: bench/corpus.sh N OUT [CORPUS]}
out=${2:?usage: bench/corpus.sh N OUT [CORPUS]}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${3:-$root/../shared/corpora/laws}
[ -d "$corpus" ] || [ -n "${3:-}" ] || corpus=$root/../../shared/corpora/laws # from a worktree in wt/
case $n in '' | *[!0-9]* | 0) echo "corpus.sh: N must be a whole number ≥ 1, not $n" >&2; exit 2 ;; esac
[ -e "$out" ] && { echo "corpus.sh: $out exists; give a new folder" >&2; exit 2; }
[ -d "$corpus" ] || { echo "corpus.sh: no corpus at $corpus" >&2; exit 2; }

mkdir -p "$out/content"
printf 'title: 法律法规\n' > "$out/site.yaml"
for k in $(seq 1 "$n"); do
  cp -r "$corpus" "$out/content/copy$k"
  if [ "$k" -gt 1 ]; then
    # The first line starting with "# " (outside front matter, which never has one here).
    find "$out/content/copy$k" -name '*.md' ! -name '_index.md' -print0 |
      xargs -0 -r sed -i "0,/^# /s/^\(# .*[^[:space:]]\)[[:space:]]*\$/\1（副本$k）/"
  fi
done
echo "$out: $n × $corpus ($(find "$out/content" -name '*.md' | wc -l) files, $(du -sh "$out/content" | cut -f1))"
