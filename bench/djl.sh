#!/usr/bin/env bash
# Throughput of the djl backend: loglikelihood tokens/s through the harness (LanguageModel API) vs a bare loop
# calling the DJL engine directly on the same token rows, and model load times, on stories260K.
# Usage: bench/djl.sh [REQUESTS] (default 256; all distinct, so the logits cache does not help the harness). Needs the shared models folder (../shared or /work/shared).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"; [ -d "$shared/models" ] || shared=/work/shared
requests="${1:-256}"
cd "$root"
mvn -B -o -q -pl plugins/model-djl -am package -DskipTests
out="$root/plugins/model-djl/target/bench"
mkdir -p "$out/classes"
cp="$root/plugins/model-djl/target/plugin-dir/model-djl/*:$(ls "$root"/api/target/lmeval-api-*.jar | head -1)"
javac -q -d "$out/classes" -cp "$cp" "$root/bench/djl/DjlBench.java" 2>/dev/null || javac -d "$out/classes" -cp "$cp" "$root/bench/djl/DjlBench.java"
export DJL_OFFLINE=true DJL_CACHE_DIR="$root/plugins/model-djl/target/djl-cache" ENGINE_CACHE_DIR="$root/plugins/model-djl/target/djl-cache/engines"
for spec in "onnx OnnxRuntime" "onnx-hf OnnxRuntime" "torchscript PyTorch"; do
  set -- $spec
  for batch in 1 16; do
    java -cp "$out/classes:$cp" DjlBench "$shared/models/stories260K/$1" "$2" "$batch" "$requests" 2>/dev/null
  done
done
