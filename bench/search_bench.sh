#!/bin/sh
# Builds the search index of the scale corpus (../shared/corpora/laws) and
# times queries against it. Prints build time, index size and query latency.
# Usage: bench/search_bench.sh [extra go test flags]
set -eu
cd "$(dirname "$0")/.."
exec go test -run='^$' -bench='Laws' -benchtime=1x -benchmem -v "$@" ./search/
