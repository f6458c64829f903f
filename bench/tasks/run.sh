#!/usr/bin/env bash
# Times request building for mmlu (57 subjects, 5-shot) and hellaswag (10-shot), and the task index over
# lm-eval's own task folder (cold, then warm with the on-disk cache).
#   bench/tasks/run.sh [datasets-dir] [lm_eval/tasks folder]
# Uses the offline copies in Hugging Face layout; HellaSwag has no train split there, so a scratch mirror
# links its validation file as train (the few-shot pool), as the golden fixtures do.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATASETS=${1:-/work/shared/datasets/hf}
LMEVAL_TASKS=${2:-/work/venv-lmeval/lib/python3.11/site-packages/lm_eval/tasks}
mvn -B -o -q -pl task-bundles/tasks-parity -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-tasks.classpath >/dev/null
CP=$(cat task-bundles/tasks-parity/target/bench-tasks.classpath)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -rs "$DATASETS"/. "$WORK/mirror"
ln -sf "$DATASETS/Rowan/hellaswag/default/validation.jsonl" "$WORK/mirror/Rowan/hellaswag/default/train.jsonl"
javac -d "$WORK/classes" -cp "$CP" bench/tasks/RequestBuildBench.java
ARGS=("$WORK/mirror")
if [ -d "$LMEVAL_TASKS" ]; then ARGS+=("$LMEVAL_TASKS" "$WORK/index-cache"); fi
java -cp "$WORK/classes:$CP" RequestBuildBench "${ARGS[@]}"
