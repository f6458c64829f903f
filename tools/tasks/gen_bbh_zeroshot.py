#!/usr/bin/env python3
"""Writes the BIG-Bench Hard zero-shot families (task-bundles/tasks-bbh): `bbh_zeroshot_<subtask>` and
`bbh_cot_zeroshot_<subtask>` for the 27 subtasks, and the groups `bbh_zeroshot` and `bbh_cot_zeroshot`, with the
values lm-eval 0.4.13 uses (`bbh/zeroshot`, `bbh/cot_zeroshot`).

The subtask descriptions, prompts, filter sets (including their `!function utils.<Class>` steps, which
lm-eval-java resolves to the filters registered as `bbh.<family>.utils.<Class>` in filters-core), metric and
generation settings are data: this script reads their values from an installed lm-eval 0.4.13 and writes them
in this project's own layout.

    /work/venv-lmeval/bin/python tools/tasks/gen_bbh_zeroshot.py \\
        --lm-eval-tasks /work/venv-lmeval/lib/python3.11/site-packages/lm_eval/tasks
"""
import argparse
import json
from pathlib import Path

import yaml

FAMILIES = {
    "zeroshot": "0-shot with direct answers",
    "cot_zeroshot": "0-shot with chain of thought (\"Let's think step by step.\")",
}


class FunctionTag(str):
    pass


def loader():
    class L(yaml.SafeLoader):
        pass
    L.add_constructor("!function", lambda l, n: FunctionTag(l.construct_scalar(n)))
    return L


def load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader())


def scalar(v):
    if isinstance(v, FunctionTag):
        return f"!function {v}"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    assert isinstance(v, str), v
    return json.dumps(v, ensure_ascii=False)


def value_lines(key, v, indent):
    pad = " " * indent
    if isinstance(v, dict):
        out = [f"{pad}{key}:"]
        for k, x in v.items():
            out += value_lines(scalar(k) if not isinstance(k, str) or not k.isidentifier() else k, x, indent + 2)
        return out
    if isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
        return [f"{pad}{key}: [{', '.join(scalar(x) for x in v)}]"]
    assert not isinstance(v, list), (key, v)
    return [f"{pad}{key}: {scalar(v)}"]


def filter_list(sets):
    lines = ["filter_list:"]
    for s in sets:
        assert set(s) == {"name", "filter"}, s
        lines.append(f"  - name: {scalar(s['name'])}")
        lines.append("    filter:")
        for step in s["filter"]:
            keys = list(step)
            assert keys[0] == "function", step
            lines.append(f"      - function: {scalar(step['function'])}")
            for k in keys[1:]:
                lines += value_lines(k, step[k], 8)
    return lines


def template(family, t):
    assert set(t) == {"dataset_path", "output_type", "test_split", "doc_to_target", "metric_list",
                      "generation_kwargs", "num_fewshot", "metadata"}, t
    (m,) = t["metric_list"]
    assert set(m) == {"metric", "aggregation", "higher_is_better", "ignore_case", "regexes_to_ignore"}, m
    g = t["generation_kwargs"]
    assert set(g) == {"until", "do_sample", "temperature"}, g
    lines = [f"# Settings shared by every bbh_{family}_<subtask> (included; not indexed itself): the question alone,",
             "# the answer generated; exact_match ignores case and the listed patterns.",
             f"dataset_path: {t['dataset_path']}",
             f"output_type: {t['output_type']}",
             f"test_split: {t['test_split']}",
             f"doc_to_target: {scalar(t['doc_to_target'])}",
             f"num_fewshot: {t['num_fewshot']}",
             "generation_kwargs:"]
    lines += value_lines("until", g["until"], 2)
    lines += [f"  do_sample: {scalar(g['do_sample'])}", f"  temperature: {scalar(g['temperature'])}",
              "metric_list:",
              f"  - metric: {m['metric']}",
              f"    aggregation: {m['aggregation']}",
              f"    higher_is_better: {scalar(m['higher_is_better'])}",
              f"    ignore_case: {scalar(m['ignore_case'])}"]
    lines += value_lines("regexes_to_ignore", m["regexes_to_ignore"], 4)
    lines += ["metadata:", f"  version: {t['metadata']['version']}"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lm-eval-tasks", type=Path, required=True, help="lm_eval/tasks of lm-eval 0.4.13")
    ap.add_argument("--out", type=Path, default=Path("task-bundles/tasks-bbh/src/main/resources/META-INF/lmeval/tasks/bbh"))
    a = ap.parse_args()
    for family, what in FAMILIES.items():
        src = a.lm_eval_tasks / "bbh" / family
        out = a.out / family
        out.mkdir(parents=True, exist_ok=True)
        tmpl_name = f"_{family}_template_yaml"
        (out / tmpl_name).write_text(template(family, load(src / tmpl_name)), encoding="utf-8")
        group = load(src / f"_bbh_{family}.yaml")
        names = group["task"]
        for task in names:
            sub = task.removeprefix(f"bbh_{family}_")
            cfg = load(src / f"{sub}.yaml")
            assert cfg["task"] == task and cfg["dataset_name"] == sub and cfg["include"] == tmpl_name, cfg
            assert set(cfg) == {"dataset_name", "description", "doc_to_text", "include", "task", "filter_list"}, cfg
            lines = [f"# BIG-Bench Hard, {sub.replace('_', ' ')}: {what}.",
                     f"task: {task}",
                     f"include: {tmpl_name}",
                     f"dataset_name: {sub}",
                     f"description: {scalar(cfg['description'])}",
                     f"doc_to_text: {scalar(cfg['doc_to_text'])}"]
            lines += filter_list(cfg["filter_list"])
            (out / f"{sub}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        agg = group["aggregate_metric_list"]
        assert agg == [{"metric": "exact_match", "aggregation": "mean", "weight_by_size": True,
                        "filter_list": "flexible-extract"}], agg
        assert set(group) == {"group", "task", "aggregate_metric_list", "metadata"}, group
        (out / f"_bbh_{family}.yaml").write_text(
            f"# BIG-Bench Hard, {what}: the 27 subtasks; exact_match of the flexible-extract filter set averaged\n"
            "# over all questions.\n"
            f"group: bbh_{family}\n"
            "task:\n" + "".join(f"  - {t}\n" for t in names) +
            "aggregate_metric_list:\n"
            "  - {metric: exact_match, aggregation: mean, weight_by_size: true, filter_list: flexible-extract}\n"
            f"metadata:\n  version: {group['metadata']['version']}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
