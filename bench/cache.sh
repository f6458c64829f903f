#!/usr/bin/env bash
# Response cache benchmark (issue 7): a 100,000-request evaluation through the kernel's caching path and the h2
# plugin, with an instant fake model so only the cache is measured.
#   - uncached run without a cache vs with the write-through cache: the write overhead (ratio, us/request)
#   - cached rerun: wall time and lookups/s; fails if it makes a single model call
# usage: bench/cache.sh [REQUESTS] [BATCH_SIZE]        (defaults 100000 32)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl plugins/cache-h2 -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(cat "$work/cp.txt"):plugins/cache-h2/target/classes:plugins/cache-h2/target/test-classes"
java -Xmx2g -cp "$cp" org.lmeval.plugin.h2cache.CacheBench "$work" "${1:-100000}" "${2:-32}"
