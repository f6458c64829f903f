#!/usr/bin/env python3
"""The lm-eval 0.4.13 side of bench/scoring: the same synthetic loglikelihood task as ScoringBench.java
(N documents, one request each, answers from CPython's Random(0): ll = -random()*10, greedy = random() < 0.5,
drawn in request order), scored by lm-eval's evaluator with --log_samples and written by its
EvaluationTracker. Prints the time from the model's last answer to the files being written (scoring,
aggregation, stderr, writing), the total, and (via /usr/bin/time -v around it) peak RSS.

    /usr/bin/time -v /work/venv-replay/bin/python bench/scoring/lmeval_bench.py 1000000 100000 acc OUT
"""
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import lm_eval  # noqa: E402
from lm_eval.api.model import LM  # noqa: E402
from lm_eval.loggers import EvaluationTracker  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402

MARK = {}


class ReplayingLM(LM):
    """Answers like ScoringBench.java's synthetic responses, in request order."""

    def __init__(self):
        super().__init__()
        self.rng = random.Random(0)

    def loglikelihood(self, requests, disable_tqdm=False):
        out = []
        for _ in requests:
            ll = -self.rng.random() * 10
            out.append((ll, self.rng.random() < 0.5))
        MARK["answered"] = time.perf_counter()
        return out

    def loglikelihood_rolling(self, requests, disable_tqdm=False):
        raise NotImplementedError

    def generate_until(self, requests, disable_tqdm=False):
        raise NotImplementedError


def main():
    n, iters, metrics, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(","), Path(sys.argv[4])
    work = out / "task"
    work.mkdir(parents=True, exist_ok=True)
    data = work / "synthetic.jsonl"
    with data.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": i, "text": f"Synthetic document number {i} ends with the word",
                                "answer": f"w{i % 1000}"}) + "\n")
    task = {"task": "synthetic", "dataset_path": "json", "dataset_kwargs": {"data_files": {"test": str(data)}},
            "test_split": "test", "output_type": "loglikelihood", "doc_to_text": "{{text}}",
            "doc_to_target": " {{answer}}", "metric_list": [{"metric": m} for m in metrics],
            "metadata": {"version": 1.0}}
    (work / "synthetic.yaml").write_text(json.dumps(task), encoding="utf-8")
    t0 = time.perf_counter()
    tracker = EvaluationTracker(output_path=str(out / "results"))
    res = lm_eval.simple_evaluate(model=ReplayingLM(), tasks=["synthetic"], bootstrap_iters=iters, log_samples=True,
                                  task_manager=TaskManager(include_path=str(work)), evaluation_tracker=tracker)
    samples = res.pop("samples")
    tracker.save_results_aggregated(results=res, samples=samples)
    for name in res["configs"]:
        tracker.save_results_samples(task_name=name, samples=samples[name])
    t1 = time.perf_counter()
    print(f"lm-eval: {n} docs, metrics {metrics}, bootstrap_iters {iters}: score+write "
          f"{t1 - MARK['answered']:.2f} s (whole run incl. building requests {t1 - t0:.2f} s)")
    print("lm-eval:", res["results"]["synthetic"])


if __name__ == "__main__":
    main()
