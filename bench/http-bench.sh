#!/usr/bin/env bash
# Benchmarks of the HTTP backends (plugins/model-http) against the loopback OpenAI-compatible server (platform/server):
# requests/s at num_concurrent 1, 16, 64, 256 (zero latency), achieved in-flight concurrency with 50 ms latency,
# client CPU time per 1,000 requests. Prints ratios. Usage: bench/http-bench.sh [scale [latency]]  (scale multiplies counts;
# "latency" runs only the 50 ms concurrency part). The server runs in a second JVM (bench/http/HttpBenchServer.java).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
rm -f target/http-bench-classpath.txt
mvn -B -o -q -pl plugins/model-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/http-bench-classpath.txt" -Dmdep.appendOutput=true >/dev/null
DEPS=$(tr ':' '\n' < target/http-bench-classpath.txt | grep -v '^$' | sort -u | paste -sd: -)
CP="plugins/model-http/target/classes:platform/server/target/classes:platform/testkit/target/classes:platform/kernel/target/classes:api/target/classes:$DEPS"
exec java -Xss512k -Djava.util.logging.config.file=/dev/null -cp "$CP" bench/http/HttpBench.java "$@"
