#!/usr/bin/env bash
# How the build scales with the site: laws ×1, ×4 and ×10 (bench/corpus.sh), each built with its
# search index and static export, reporting wall time and peak memory (the "Maximum resident
# set size" of GNU time, which counts the index files the build maps as well as its heap).
#
#   bench/memory.sh [SIZES] [CORPUS]        e.g. bench/memory.sh "1 4 10"
#
# Hold the shared lock when others use the machine: flock /work/wt/heavy.lock bench/memory.sh
# A build whose memory passes LIMIT_GB (default 14) is killed and reported, so that a
# regression cannot take the whole machine.
# Needs: go, GNU time (Debian package `time`: apt-get install time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-1 4 10}
corpus=${2:-}
limit_kb=$(( ${LIMIT_GB:-14} * 1024 * 1024 ))
if ! /usr/bin/time -f %M true > /dev/null 2>&1; then
  echo "memory.sh: GNU time is not installed at /usr/bin/time (Debian: apt-get install time)" >&2
  exit 2
fi
work=$(mktemp -d /tmp/gongkai-memory-XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/gongkai" .)

# CPU seconds beside wall time: on a machine others share, wall time says little alone.
printf '%-8s %8s %8s %10s %10s %12s\n' corpus pages records "wall s" "cpu s" "peak MB"
base_wall= base_cpu=
for n in $sizes; do
  "$root/bench/corpus.sh" "$n" "$work/site" ${corpus:+"$corpus"} > /dev/null
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$work/gongkai" build -s "$work/site" > "$work/out" 2>&1 &
  pid=$!
  # The watchdog: GNU time's child is the build.
  killed=
  while kill -0 "$pid" 2> /dev/null; do
    child=$(pgrep -P "$pid" || true)
    if [ -n "$child" ]; then
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$child/status" 2> /dev/null || echo 0)
      if [ "${rss:-0}" -gt "$limit_kb" ]; then
        kill "$child"; killed=$rss
      fi
    fi
    sleep 0.5
  done
  if ! wait "$pid"; then
    if [ -n "$killed" ]; then
      echo "laws×$n: killed at $((killed / 1024)) MB, over the ${LIMIT_GB:-14} GB limit"
    else
      echo "laws×$n: build failed:"; tail -20 "$work/out"
    fi
    rm -rf "$work/site"
    continue
  fi
  read -r wall rss user sys < "$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  pages=$(grep -o '已生成 [0-9]* 个页面' "$work/out" | grep -o '[0-9]*' || echo ?)
  records=$(grep -o '[0-9]* 条检索记录' "$work/out" | grep -o '^[0-9]*' || echo ?)
  ratio=
  if [ -z "$base_wall" ]; then base_wall=$wall base_cpu=$cpu; else ratio=$(awk -v w="$wall" -v b="$base_wall" -v c="$cpu" -v bc="$base_cpu" 'BEGIN { printf "  (%.1f× the first, cpu %.1f×)", w / b, c / bc }'); fi
  printf '%-8s %8s %8s %10s %10s %12d%s\n' "laws×$n" "$pages" "$records" "$wall" "$cpu" $((rss / 1024)) "$ratio"
  rm -rf "$work/site"
done
