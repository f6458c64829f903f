#!/usr/bin/env python3
"""Regenerates the request golden fixtures from the reference implementation, lm-eval 0.4.13.

Run with the interpreter of a venv that has lm-eval 0.4.13 (no torch needed, `--model dummy`):

    /work/venv-lmeval/bin/python tools/tasks/make_goldens.py \
        --datasets /work/shared/datasets/hf \
        --out task-bundles/tasks-parity/src/test/resources/golden

For every task a run needs, a YAML variant is written to a temporary folder: it `include:`s lm-eval's own
task YAML and only swaps the dataset for the offline copies (`dataset_path: json`, `data_files`). Splits
that the offline copies lack (ARC/PIQA/HellaSwag/WinoGrande/BoolQ have no `train` here) are mapped to
another split's file; the mapping is recorded in the fixture so the Java test builds the same data.
Nothing from lm-eval is written to the output except the values a run produces (contexts,
continuations, targets, documents, effective configs).
"""
import argparse
import hashlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import lm_eval  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402
from lm_eval.tasks._yaml_loader import load_yaml  # noqa: E402

MMLU = [
    "abstract_algebra", "anatomy", "astronomy", "business_ethics", "clinical_knowledge", "college_biology",
    "college_chemistry", "college_computer_science", "college_mathematics", "college_medicine",
    "college_physics", "computer_security", "conceptual_physics", "econometrics", "electrical_engineering",
    "elementary_mathematics", "formal_logic", "global_facts", "high_school_biology", "high_school_chemistry",
    "high_school_computer_science", "high_school_european_history", "high_school_geography",
    "high_school_government_and_politics", "high_school_macroeconomics", "high_school_mathematics",
    "high_school_microeconomics", "high_school_physics", "high_school_psychology", "high_school_statistics",
    "high_school_us_history", "high_school_world_history", "human_aging", "human_sexuality",
    "international_law", "jurisprudence", "logical_fallacies", "machine_learning", "management", "marketing",
    "medical_genetics", "miscellaneous", "moral_disputes", "moral_scenarios", "nutrition", "philosophy",
    "prehistory", "professional_accounting", "professional_law", "professional_medicine",
    "professional_psychology", "public_relations", "security_studies", "sociology", "us_foreign_policy",
    "virology", "world_religions",
]

# Each run: lm-eval simple_evaluate() arguments (tasks, num_fewshot, limit, samples, gen_kwargs,
# system_instruction, fewshot seed) -> one fixture file.
RUNS = [
    dict(id="arc_easy_3shot", tasks=["arc_easy"], num_fewshot=3, limit=25),
    dict(id="arc_easy_3shot_seed42", tasks=["arc_easy"], num_fewshot=3, limit=25, seed=42),
    dict(id="arc_challenge_5shot", tasks=["arc_challenge"], num_fewshot=5, limit=12),
    dict(id="ai2_arc_0shot", tasks=["ai2_arc"], limit=8),
    dict(id="arc_easy_samples", tasks=["arc_easy"], num_fewshot=2, samples={"arc_easy": [9, 2, 40, 5]}),
    dict(id="hellaswag_10shot", tasks=["hellaswag"], num_fewshot=10, limit=8),
    dict(id="hellaswag_10shot_seed7", tasks=["hellaswag"], num_fewshot=10, limit=8, seed=7),
    dict(id="piqa_0shot_fraction", tasks=["piqa"], limit=0.01),
    dict(id="piqa_3shot", tasks=["piqa"], num_fewshot=3, limit=12),
    dict(id="winogrande_5shot", tasks=["winogrande"], num_fewshot=5, limit=15),
    dict(id="lambada_openai_0shot", tasks=["lambada_openai"], limit=25),
    dict(id="lambada_openai_2shot", tasks=["lambada_openai"], num_fewshot=2, limit=6),
    dict(id="gsm8k_5shot", tasks=["gsm8k"], limit=8),
    dict(id="gsm8k_5shot_seed3_genkwargs", tasks=["gsm8k"], limit=5, seed=3,
         gen_kwargs={"temperature": 0.7, "do_sample": True, "max_gen_toks": 64}),
    dict(id="gsm8k_cot_8shot", tasks=["gsm8k_cot"], limit=6),
    dict(id="mmlu_anatomy_5shot", tasks=["mmlu_anatomy"], num_fewshot=5, limit=15),
    dict(id="mmlu_anatomy_2shot_system", tasks=["mmlu_anatomy"], num_fewshot=2, limit=4,
         system_instruction="You are an expert. Answer with one letter."),
    dict(id="mmlu_group_5shot", tasks=["mmlu"], num_fewshot=5, limit=1),
    dict(id="truthfulqa_mc_0shot", tasks=["truthfulqa_mc1", "truthfulqa_mc2"], num_fewshot=3, limit=12),
    dict(id="boolq_0shot", tasks=["boolq"], limit=15),
    dict(id="boolq_2shot", tasks=["boolq"], num_fewshot=2, limit=8),
    dict(id="bbh_fewshot_boolean_expressions", tasks=["bbh_fewshot_boolean_expressions"], limit=15),
    dict(id="bbh_fewshot_group", tasks=["bbh_fewshot"], limit=1),
    dict(id="bbh_fewshot_snarks", tasks=["bbh_fewshot_snarks"], limit=6),
    dict(id="bbh_zeroshot_group", tasks=["bbh_zeroshot"], limit=1),
    dict(id="bbh_zeroshot_date_understanding", tasks=["bbh_zeroshot_date_understanding"], limit=3),
    dict(id="bbh_cot_zeroshot_group", tasks=["bbh_cot_zeroshot"], limit=1),
    dict(id="bbh_cot_zeroshot_word_sorting", tasks=["bbh_cot_zeroshot_word_sorting"], limit=3),
    dict(id="wikitext_0shot", tasks=["wikitext"], limit=3),
]

CONFIG_KEYS = ["task", "task_alias", "training_split", "validation_split", "test_split", "fewshot_split",
               "doc_to_text", "doc_to_target", "doc_to_choice", "description", "target_delimiter",
               "fewshot_delimiter", "num_fewshot", "metric_list", "output_type", "generation_kwargs", "repeats",
               "filter_list", "should_decontaminate", "doc_to_decontamination_query", "gen_prefix"]


def splits_of(cfg):
    out = []
    for key in ("training_split", "validation_split", "test_split", "fewshot_split"):
        if cfg.get(key):
            out.append(cfg[key])
    fs = cfg.get("fewshot_config") or {}
    if isinstance(fs, dict) and fs.get("split"):
        out.append(fs["split"])
    return list(dict.fromkeys(out))


def split_files(cfg, datasets: Path):
    """{split: file relative to the datasets folder}; splits missing offline borrow another split's file."""
    path, name = cfg["dataset_path"], cfg.get("dataset_name") or "default"
    folder = datasets / path / name
    have = {p.stem for p in folder.glob("*.jsonl")}
    if not have:
        raise SystemExit(f"no offline copy of {path}/{name} under {datasets}")
    files = {}
    for split in splits_of(cfg):
        use = split if split in have else next(s for s in ("validation", "test", "train") if s in have)
        files[split] = f"{path}/{name}/{use}.jsonl"
    return files


def write_variants(tm, names, datasets: Path, folder: Path):
    mapping = {}
    for name in names:
        entry = tm.task_index[name]
        cfg = load_yaml(entry.yaml_path, resolve_func=False)
        files = split_files(cfg, datasets)
        mapping[name] = files
        data_files = {s: str(datasets / f) for s, f in files.items()}
        variant = {
            "include": str(entry.yaml_path),
            "task": name,
            "dataset_path": "json",
            "dataset_name": None,
            "dataset_kwargs": {"data_files": data_files},
        }
        (folder / f"{name}.yaml").write_text(json.dumps(variant, indent=1), encoding="utf-8")
    return mapping


def leaf_tasks(tm, names):
    out = []
    for n in names:
        e = tm.task_index[n]
        kind = e.kind.name
        if kind == "TAG":
            out += sorted(e.tags)
        elif kind == "GROUP":
            cfg = load_yaml(e.yaml_path, resolve_func=False)
            out += leaf_tasks(tm, [t if isinstance(t, str) else t["task"] for t in cfg["task"]])
        else:
            out.append(n)
    return out


def fixture(run, res, mapping):
    samples = res["samples"]
    tasks = {}
    for task, recs in samples.items():
        docs, seen = [], set()
        for r in recs:
            if r["doc_id"] in seen:
                continue
            seen.add(r["doc_id"])
            contexts, requests = [], []
            for args in r["arguments"]:
                ctx = args[0]
                if ctx not in contexts:
                    contexts.append(ctx)
                requests.append([contexts.index(ctx)] + list(args[1:]))
            docs.append({"doc_id": r["doc_id"], "doc": r["doc"], "target": r["target"],
                         "contexts": contexts, "requests": requests})
        cfg = {k: python_source(v) for k, v in res["configs"][task].items()}
        tasks[task] = {
            "config": {k: cfg[k] for k in CONFIG_KEYS if k in cfg},
            "fewshot_config": {k: v for k, v in cfg.get("fewshot_config", {}).items() if k != "process_docs"},
            "version": res["versions"][task],
            "n_shot": res["n-shot"][task],
            "n_samples": res["n-samples"][task],
            "docs": docs,
        }
    return {
        "id": run["id"],
        "lm_eval_version": lm_eval.__version__ if hasattr(lm_eval, "__version__") else "0.4.13",
        "request": {k: run.get(k) for k in ("tasks", "num_fewshot", "limit", "samples", "gen_kwargs",
                                            "system_instruction")} | {"fewshot_seed": run.get("seed", 1234)},
        "split_files": {t: mapping[t] for t in tasks},
        "result_order": list(res["results"].keys()),
        "group_subtasks": res.get("group_subtasks", {}),
        "group_versions": {g: res["versions"][g] for g in res.get("group_subtasks", {})},
        "tasks": tasks,
    }


def python_source(v):
    """lm-eval writes a config's Python functions as their source text; mark them as such."""
    return "<python source>" if isinstance(v, str) and v.startswith("def ") else v


def python_callable(o):
    """Configs that hold Python functions (winogrande, wikitext) are written as a marker."""
    if callable(o):
        return f"<python {getattr(o, '__module__', '')}.{getattr(o, '__qualname__', o)}>"
    raise TypeError(f"cannot write {type(o).__name__} to a fixture")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=Path("/work/shared/datasets/hf"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", nargs="*", help="run ids to regenerate")
    a = ap.parse_args()
    logging.getLogger("lm_eval").setLevel(logging.ERROR)
    base = TaskManager()
    runs = [r for r in RUNS if not a.only or r["id"] in a.only]
    needed = sorted({t for r in runs for t in leaf_tasks(base, r["tasks"])})
    if any(t.startswith("mmlu_") for t in needed):
        needed = sorted(set(needed) | {f"mmlu_{s}" for s in MMLU})
    a.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        mapping = write_variants(base, needed, a.datasets, Path(tmp))
        tm = TaskManager(include_path=tmp)
        for run in runs:
            res = lm_eval.simple_evaluate(
                model="dummy", tasks=run["tasks"], num_fewshot=run.get("num_fewshot"), limit=run.get("limit"),
                samples=run.get("samples"), gen_kwargs=run.get("gen_kwargs"),
                system_instruction=run.get("system_instruction"), fewshot_random_seed=run.get("seed", 1234),
                bootstrap_iters=0, log_samples=True, task_manager=tm)
            fx = fixture(run, res, mapping)
            text = json.dumps(fx, ensure_ascii=False, indent=1, default=python_callable)
            (a.out / f"{run['id']}.json").write_text(text + "\n", encoding="utf-8")
            n = sum(len(t["docs"]) for t in fx["tasks"].values())
            print(f"{run['id']}: {len(fx['tasks'])} task(s), {n} docs, "
                  f"sha256 {hashlib.sha256(text.encode()).hexdigest()[:12]}", file=sys.stderr)


if __name__ == "__main__":
    main()
