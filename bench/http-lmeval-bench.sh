#!/usr/bin/env bash
# lm-eval 0.4.13's local-completions client beside lm-eval-java's, against the same zero-latency loopback server
# (bench/http/HttpBenchServer.java: platform/server's OpenAiCompatibleServer over the testkit's fake model, in its own
# JVM): requests/s at num_concurrent 1, 16, 64 for the same generation requests. Prints both side by side and the
# load average. lm-eval's side is skipped when its venv is absent (LMEVAL_PYTHON, default
# /work/venv-lmeval/bin/python). Usage: bench/http-lmeval-bench.sh [requests-per-level]   (default 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
PY=${LMEVAL_PYTHON:-/work/venv-lmeval/bin/python}
mkdir -p target
rm -f target/http-bench-classpath.txt
mvn -B -o -q -pl plugins/model-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/http-bench-classpath.txt" -Dmdep.appendOutput=true >/dev/null
DEPS=$(tr ':' '\n' < target/http-bench-classpath.txt | grep -v '^$' | sort -u | paste -sd: -)
CP="plugins/model-http/target/classes:platform/server/target/classes:platform/testkit/target/classes:platform/kernel/target/classes:api/target/classes:$DEPS"
JAVA_OPTS=(-Xss512k -Djava.util.logging.config.file=/dev/null -cp "$CP")

coproc SERVER { java "${JAVA_OPTS[@]}" bench/http/HttpBenchServer.java 0; }
read -r URL <&"${SERVER[0]}"
trap 'exec {SERVER[1]}>&-; wait "$SERVER_PID" 2>/dev/null || true' EXIT
echo "server: $URL (zero latency, fake model); $N generation requests per level"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

OURS=$(java "${JAVA_OPTS[@]}" bench/http/ClientThroughput.java "$URL" "$N" 1 16 64)
if [ -x "$PY" ] && "$PY" -c 'import lm_eval, aiohttp, tenacity' 2>/dev/null; then
  if ! THEIRS=$("$PY" tools/http/lmeval_throughput.py "$URL" "$N" 1 16 64 2>target/http-lmeval-bench.err); then
    cat target/http-lmeval-bench.err >&2
    THEIRS=""
  fi
else
  echo "lm-eval's client skipped: $PY lacks lm_eval, aiohttp or tenacity"
  THEIRS=""
fi
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-16s %18s %18s %8s\n' "num_concurrent" "lm-eval-java req/s" "lm-eval req/s" "ratio"
for c in 1 16 64; do
  o=$(echo "$OURS" | awk -v c="num_concurrent=$c" '$1==c {print $2}')
  t=$(echo "$THEIRS" | awk -v c="num_concurrent=$c" '$1==c {print $2}')
  if [ -n "$t" ]; then
    r=$(awk -v o="$o" -v t="$t" 'BEGIN {printf "%.1fx", o/t}')
  else
    t="-"; r="-"
  fi
  printf '%-16s %18s %18s %8s\n' "$c" "$o" "$t" "$r"
done
