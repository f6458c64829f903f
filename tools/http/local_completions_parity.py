#!/usr/bin/env python3
"""Regenerates the local-completions parity fixtures: lm-eval 0.4.13's own `local-completions` client against
`lm-eval serve` (lm-eval-java's OpenAI-compatible server) in front of the stories260K model.

Run with the interpreter of a venv that has lm-eval 0.4.13, transformers (for tokenizer_backend=huggingface) and
lm-eval's API extras (aiohttp, tenacity), after building the distribution
(`mvn -o -q -pl distribution -am package -DskipTests`):

    /work/venv-replay/bin/python tools/http/local_completions_parity.py \
        --out distribution/src/test/resources/local-completions

The server is `bin/lm-eval serve --model djl --model_args pretrained=<stories260K/onnx-hf> --port 0`; it reads
the token ids lm-eval sends with the model's tokenizer.json. lm-eval runs
`--model local-completions --model_args model=...,base_url=...,tokenizer=<stories260K/hf>,tokenizer_backend=huggingface`
on offline copies of the datasets (task variants written by tools/tasks/make_goldens.py's write_variants, as
tools/replay/make_fixtures.py does). Each run folder gets lm-eval's results JSON, samples JSONL and `run.json`
(the settings and the split mapping), which distribution's LocalCompletionsParityIT replays with lm-eval-java's
own local-completions against the same server.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "tasks"))
from make_goldens import leaf_tasks, write_variants  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402

RUNS = [
    dict(id="arc_easy", tasks=["arc_easy"], limit=30),
    dict(id="lambada_openai", tasks=["lambada_openai"], limit=30),
]
NUM_CONCURRENT = 4


def find_dist() -> Path:
    found = sorted((ROOT / "distribution" / "target").glob("lm-eval-*/bin/lm-eval"))
    if not found:
        sys.exit("no distribution: build it with 'mvn -o -q -pl distribution -am package -DskipTests'")
    return found[-1].parents[1]


class Server:
    """`lm-eval serve` on a free port; stops with SIGTERM (its shutdown hook closes the model)."""

    def __init__(self, dist: Path, model: Path, extra=()):
        cmd = [str(dist / "bin" / "lm-eval"), "serve", "--model", "djl", "--model_args", f"pretrained={model}",
               "--port", "0", *extra]
        print("+", " ".join(cmd), file=sys.stderr)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=dict(os.environ, DJL_OFFLINE="true"))
        self.url = None
        for line in self.proc.stdout:
            print("serve:", line.rstrip(), file=sys.stderr)
            m = re.search(r"completions:\s+(http://\S+/v1/completions)", line)
            if m and self.url is None and "chat" not in line:
                self.url = m.group(1)
            m = re.search(r"served as '([^']*)'", line)
            if m:
                self.name = m.group(1)
            if line.startswith("Serving until"):
                break
        if self.url is None:
            raise SystemExit("lm-eval serve did not start")

    def stop(self):
        self.proc.terminate()
        rest = self.proc.communicate(timeout=30)[0]
        print("serve:", rest.strip(), file=sys.stderr)


def run_lm_eval(run, server: Server, tokenizer: Path, include: Path, out: Path, concurrent: int):
    args = (f"model={server.name},base_url={server.url},tokenizer={tokenizer},tokenizer_backend=huggingface,"
            f"num_concurrent={concurrent},max_retries=3")
    cmd = [sys.executable, "-m", "lm_eval", "run", "--model", "local-completions", "--model_args", args,
           "--tasks", ",".join(run["tasks"]), "--limit", str(run["limit"]), "--include_path", str(include),
           "--log_samples", "--output_path", str(out)]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, env=dict(os.environ, TOKENIZERS_PARALLELISM="false"))
    return args


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=Path("/work/shared/datasets/hf"))
    ap.add_argument("--model", type=Path, default=Path("/work/shared/models/stories260K/onnx-hf"),
                    help="what lm-eval serve runs (djl backend)")
    ap.add_argument("--tokenizer", type=Path, default=Path("/work/shared/models/stories260K/hf"),
                    help="the Hugging Face tokenizer folder lm-eval's client loads")
    ap.add_argument("--dist", type=Path, default=None, help="the lm-eval-java distribution folder")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", nargs="*", help="run ids to regenerate")
    a = ap.parse_args()
    dist = a.dist or find_dist()
    base = TaskManager()
    runs = [r for r in RUNS if not a.only or r["id"] in a.only]
    needed = sorted({t for r in runs for t in leaf_tasks(base, r["tasks"])})
    server = Server(dist, a.model)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            include = Path(tmp) / "tasks"
            include.mkdir()
            mapping = write_variants(base, needed, a.datasets, include)
            for run in runs:
                raw = Path(tmp) / "out" / run["id"]
                model_args = run_lm_eval(run, server, a.tokenizer, include, raw, NUM_CONCURRENT)
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
                    "limit": run["limit"],
                    "serve": {"model": "djl", "pretrained": str(a.model)},
                    "client": {"model": "local-completions", "tokenizer": str(a.tokenizer),
                               "tokenizer_backend": "huggingface", "num_concurrent": NUM_CONCURRENT},
                    "lm_eval_model_args": model_args,
                    "split_files": {t: mapping[t] for t in tasks},
                }
                (dest / "run.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
                size = sum(p.stat().st_size for p in dest.iterdir())
                print(f"{run['id']}: {len(written)} files, {size} bytes", file=sys.stderr)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
