#!/usr/bin/env python3
"""Writes the BIG-Bench Hard few-shot family (task-bundles/tasks-bbh): `bbh_fewshot_<subtask>` for the 27
subtasks and the `bbh_fewshot` group, with the field values lm-eval 0.4.13 uses (`bbh/fewshot`).

The subtask descriptions and the three exemplars per subtask (the BBH authors' prompts) are data: this
script reads their values from an installed lm-eval 0.4.13 and writes them in this project's own layout.
The settings shared by every subtask are written here from the facts.

    /work/venv-lmeval/bin/python tools/tasks/gen_bbh.py \\
        --lm-eval-tasks /work/venv-lmeval/lib/python3.11/site-packages/lm_eval/tasks
"""
import argparse
import json
from pathlib import Path

import yaml

TEMPLATE = """\
# Settings shared by every bbh_fewshot_<subtask> (included; not indexed itself): answer by generation
# after the subtask's description and its three exemplars (first_n over fewshot_config.samples).
dataset_path: SaylorTwift/bbh
output_type: generate_until
test_split: test
doc_to_target: "{{target}}"
num_fewshot: 3
generation_kwargs:
  until: ["</s>", "Q", "\\n\\n"]
  do_sample: false
  temperature: 0.0
metric_list:
  - {metric: exact_match, aggregation: mean, higher_is_better: true}
metadata:
  version: 2.0
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lm-eval-tasks", type=Path, required=True, help="lm_eval/tasks of lm-eval 0.4.13")
    ap.add_argument("--out", type=Path,
                    default=Path("task-bundles/tasks-bbh/src/main/resources/META-INF/lmeval/tasks/bbh/fewshot"))
    a = ap.parse_args()
    src = a.lm_eval_tasks / "bbh" / "fewshot"
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "_fewshot_template_yaml").write_text(TEMPLATE, encoding="utf-8")
    group = yaml.safe_load((src / "_bbh_fewshot.yaml").read_text(encoding="utf-8"))
    names = group["task"]
    for task in names:
        sub = task.removeprefix("bbh_fewshot_")
        cfg = yaml.safe_load((src / f"{sub}.yaml").read_text(encoding="utf-8"))
        assert cfg["task"] == task and cfg["dataset_name"] == sub and cfg["fewshot_config"]["sampler"] == "first_n"
        assert set(cfg) == {"dataset_name", "description", "doc_to_text", "fewshot_config", "include", "task"}, cfg
        lines = [f"# BIG-Bench Hard, {sub.replace('_', ' ')}: 3-shot, answer generated after \"A:\".",
                 f"task: {task}",
                 "include: _fewshot_template_yaml",
                 f"dataset_name: {sub}",
                 f"description: {json.dumps(cfg['description'], ensure_ascii=False)}",
                 f"doc_to_text: {json.dumps(cfg['doc_to_text'], ensure_ascii=False)}",
                 "fewshot_config:",
                 "  sampler: first_n",
                 "  samples:"]
        for s in cfg["fewshot_config"]["samples"]:
            assert set(s) == {"input", "target"}, s
            lines.append(f"    - input: {json.dumps(s['input'], ensure_ascii=False)}")
            lines.append(f"      target: {json.dumps(s['target'], ensure_ascii=False)}")
        (a.out / f"{sub}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    agg = group["aggregate_metric_list"]
    assert agg == [{"metric": "exact_match", "aggregation": "mean", "weight_by_size": True}], agg
    (a.out / "_bbh_fewshot.yaml").write_text(
        "# BIG-Bench Hard, 3-shot with direct answers: the 27 subtasks; exact_match averaged over all questions.\n"
        "group: bbh_fewshot\n"
        "task:\n" + "".join(f"  - {t}\n" for t in names) +
        "aggregate_metric_list:\n  - {metric: exact_match, aggregation: mean, weight_by_size: true}\n"
        f"metadata:\n  version: {group['metadata']['version']}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
