#!/usr/bin/env bash
# Throughput of greedy generate_until on the djl backend with and without the key/value cache: stories260K's
# ONNX export with past_key_values inputs (onnx-hf-past: shared/models/stories260K if present, else the copy in
# plugins/model-djl/src/test/resources), generations of 64 and 256 tokens at batch sizes 1 and 16.
# use_cache=false (a djl model arg) forces the old path that re-runs the whole rows at every step.
# The "text hash" column must be equal with and without the cache (same generations).
# Usage: bench/djl-generate.sh [REQUESTS] (default 16)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"; [ -d "$shared/models" ] || shared=/work/shared
requests="${1:-16}"
model="$shared/models/stories260K/onnx-hf-past"
[ -d "$model" ] || model="$root/plugins/model-djl/src/test/resources/stories260K/onnx-hf-past"
cd "$root"
mvn -B -o -q -pl plugins/model-djl -am package -DskipTests
out="$root/plugins/model-djl/target/bench"
mkdir -p "$out/classes"
cp="$root/plugins/model-djl/target/plugin-dir/model-djl/*:$(ls "$root"/api/target/lmeval-api-*.jar | head -1)"
javac -d "$out/classes" -cp "$cp" "$root/bench/djl/GenerationBench.java"
export DJL_OFFLINE=true DJL_CACHE_DIR="$root/plugins/model-djl/target/djl-cache" ENGINE_CACHE_DIR="$root/plugins/model-djl/target/djl-cache/engines"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for tokens in 64 256; do
  for batch in 1 16; do
    for cache in true false; do
      java -cp "$out/classes:$cp" GenerationBench "$model" "$batch" "$tokens" "$cache" "$requests" 2>/dev/null
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
