#!/usr/bin/env bash
# Cold-start wall time of the assembled distribution: `lm-eval --help` and `lm-eval plugins`,
# median of N runs (default 5). Build first: mvn -q package -DskipTests (at the repository root).
#
#   bench/cli-start.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dist=$(ls -d distribution/target/lm-eval-*/ 2>/dev/null | head -n 1)
if [ -z "$dist" ] || [ ! -x "$dist/bin/lm-eval" ]; then
  echo "bench/cli-start.sh: no assembled distribution under distribution/target/; run: mvn -q package -DskipTests" >&2
  exit 3
fi
launcher="$dist/bin/lm-eval"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export LMEVAL_CACHE_DIR="$cache"

# Wall time of one run in milliseconds.
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

measure() {
  local label=$1
  shift
  local times=()
  for _ in $(seq "$runs"); do
    times+=("$(time_ms "$@")")
  done
  printf '%-22s median %5d ms   runs: %s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1)"
echo "distribution: $dist ($runs runs each)"
measure "lm-eval --help" "$launcher" --help
measure "lm-eval plugins" "$launcher" plugins
measure "lm-eval --version" "$launcher" --version
