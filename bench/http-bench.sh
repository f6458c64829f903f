#!/usr/bin/env bash
# Benchmarks of the HTTP backends (plugins/model-http) against the loopback test server of the testkit:
# requests/s at num_concurrent 1, 16, 64, 256 (zero latency), achieved in-flight concurrency with 50 ms latency,
# client CPU time per 1,000 requests. Prints ratios. Usage: bench/http-bench.sh [scale]  (scale multiplies counts)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl plugins/model-http -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="plugins/model-http/target/classes:platform/testkit/target/classes:api/target/classes:$(cat plugins/model-http/target/bench-classpath.txt)"
exec java -Xss512k -cp "$CP" bench/http/HttpBench.java "$@"
