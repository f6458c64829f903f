#!/usr/bin/env python3
"""Regenerates the scoring parity fixtures from the reference implementation, lm-eval 0.4.13, on a real model.

Run with the interpreter of a venv that has lm-eval 0.4.13, torch and transformers:

    python3 -m venv /work/venv-replay && /work/venv-replay/bin/pip install lm-eval==0.4.13 torch transformers
    /work/venv-replay/bin/python tools/replay/make_fixtures.py \
        --datasets /work/shared/datasets/hf --model /work/shared/models/stories260K/hf \
        --out task-bundles/tasks-parity/src/test/resources/lmeval-hf

Every run is lm-eval's own command line (`python -m lm_eval run --model hf ... --log_samples --output_path`)
on the stories260K model, on CPU, batch size 1. The tasks come from lm-eval's task YAML through variants
written to a temporary folder (given with --include_path): each `include:`s lm-eval's YAML and only swaps
the dataset for the offline copies (`dataset_path: json`, `data_files`), mapping splits the offline copies
lack to another split's file exactly as tools/tasks/make_goldens.py does; the mapping is recorded in the
run's manifest so the Java test builds the same data.

Each run folder gets lm-eval's results JSON and samples JSONL files (the names lm-eval gave them) and
`run.json` (the settings of the run and the split mapping). The Java parity test replays the samples
through `--model replay` and compares every number and sample record with these files.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tasks"))
from make_goldens import MMLU, leaf_tasks, write_variants  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402

# lm-eval's CLI has no --bootstrap_iters: simple_evaluate's default applies.
BOOTSTRAP_ITERS = 100000

# Each run: one lm-eval command line -> one fixture folder.
RUNS = [
    dict(id="arc_easy", tasks=["arc_easy"], limit=40),
    dict(id="hellaswag", tasks=["hellaswag"], limit=25),
    dict(id="piqa", tasks=["piqa"], limit=40),
    dict(id="lambada_openai", tasks=["lambada_openai"], limit=40),
    dict(id="gsm8k", tasks=["gsm8k"], limit=20, gen_kwargs="max_gen_toks=16"),
    dict(id="mmlu_stem_5shot", tasks=["mmlu_stem"], num_fewshot=5, limit=3),
    dict(id="truthfulqa_mc2", tasks=["truthfulqa_mc2"], limit=30),
    dict(id="winogrande", tasks=["winogrande"], limit=40),
    dict(id="wikitext", tasks=["wikitext"], limit=5),
    dict(id="boolq", tasks=["boolq"], limit=40),
    # several tasks in one run, few-shot prompts (context windows truncated by the 512-token model)
    dict(id="multi_2shot", tasks=["piqa", "arc_challenge", "hellaswag"], num_fewshot=2, limit=8),
    # generation scored through the bbh utils filters (!function filter steps) and the flexible-extract groups
    dict(id="bbh_zeroshot", tasks=["bbh_zeroshot"], limit=2, gen_kwargs="max_gen_toks=32"),
    dict(id="bbh_cot_zeroshot", tasks=["bbh_cot_zeroshot"], limit=2, gen_kwargs="max_gen_toks=48"),
]


def run_lm_eval(run, model: Path, include: Path, out: Path):
    cmd = [sys.executable, "-m", "lm_eval", "run", "--model", "hf",
           "--model_args", f"pretrained={model},dtype=float32", "--device", "cpu", "--batch_size", "1",
           "--tasks", ",".join(run["tasks"]), "--limit", str(run["limit"]), "--include_path", str(include),
           "--log_samples", "--output_path", str(out)]
    if run.get("num_fewshot") is not None:
        cmd += ["--num_fewshot", str(run["num_fewshot"])]
    if run.get("gen_kwargs"):
        cmd += ["--gen_kwargs", run["gen_kwargs"]]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, env=dict(os.environ, TOKENIZERS_PARALLELISM="false"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=Path("/work/shared/datasets/hf"))
    ap.add_argument("--model", type=Path, default=Path("/work/shared/models/stories260K/hf"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", nargs="*", help="run ids to regenerate")
    a = ap.parse_args()
    base = TaskManager()
    runs = [r for r in RUNS if not a.only or r["id"] in a.only]
    needed = sorted({t for r in runs for t in leaf_tasks(base, r["tasks"])})
    if any(t.startswith("mmlu_") for t in needed):
        needed = sorted(set(needed) | {f"mmlu_{s}" for s in MMLU})
    with tempfile.TemporaryDirectory() as tmp:
        include = Path(tmp) / "tasks"
        include.mkdir()
        mapping = write_variants(base, needed, a.datasets, include)
        for run in runs:
            raw = Path(tmp) / "out" / run["id"]
            run_lm_eval(run, a.model, include, raw)
            written = [p for p in raw.rglob("*") if p.is_file()]
            dest = a.out / run["id"]
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            for p in written:
                shutil.copy(p, dest / p.name)
            results = json.loads(next(p for p in written if p.name.startswith("results_")).read_text("utf-8"))
            tasks = sorted(results["configs"])
            manifest = {
                "id": run["id"],
                "lm_eval_version": results.get("lm_eval_version"),
                "tasks": run["tasks"],
                "num_fewshot": run.get("num_fewshot"),
                "limit": run["limit"],
                "gen_kwargs": run.get("gen_kwargs"),
                "bootstrap_iters": BOOTSTRAP_ITERS,
                "seed": [0, 1234, 1234, 1234],
                "split_files": {t: mapping[t] for t in tasks},
            }
            (dest / "run.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
            size = sum(p.stat().st_size for p in dest.iterdir())
            print(f"{run['id']}: {len(written)} files, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
