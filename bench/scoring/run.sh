#!/usr/bin/env bash
# Times scoring + writing a synthetic loglikelihood task through ScoringSession, and peak memory.
#   bench/scoring/run.sh [docs] [bootstrap_iters] [metrics]      (defaults: 1000000 100000 acc)
# `acc` has a closed-form stderr; `perplexity` bootstraps (docs x iters resample draws: 10^11 for the
# defaults, so time it with fewer iterations and scale: the bootstrap is linear in iters).
# Peak RSS from /usr/bin/time -v; peak heap from the JVM's memory pools.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCS=${1:-1000000}
ITERS=${2:-100000}
METRICS=${3:-acc}
mvn -B -o -q -pl task-bundles/tasks-parity -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-scoring.classpath >/dev/null
CP=$(cat task-bundles/tasks-parity/target/bench-scoring.classpath)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK/classes" -cp "$CP" bench/scoring/ScoringBench.java
/usr/bin/time -v java ${JAVA_OPTS:-} -cp "$WORK/classes:$CP" ScoringBench "$DOCS" "$ITERS" "$WORK/out" "$METRICS" \
  2> "$WORK/time.txt"
grep -E "Maximum resident|Elapsed \(wall" "$WORK/time.txt"
