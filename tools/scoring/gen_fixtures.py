#!/usr/bin/env python3
"""Regenerates the scoring/results golden fixtures by calling lm-eval 0.4.13's own code.

Setup (no torch needed):
    python3 -m venv /tmp/venv-scoring
    /tmp/venv-scoring/bin/pip install --no-deps lm-eval==0.4.13
    /tmp/venv-scoring/bin/pip install numpy pyyaml jinja2 requests pytablewriter sacrebleu scikit-learn \
        tqdm typing_extensions dill more_itertools datasets evaluate sqlitedict word2number rouge-score
Usage (from the repository root):
    DISABLE_MULTIPROC=1 /tmp/venv-scoring/bin/python tools/scoring/gen_fixtures.py [stderr|tables|e2e ...]

Fixtures (platform/kernel/src/test/resources/org/lmeval/platform/scoring/):
  stderr.json      lm_eval.api.metrics: mean_stderr, bootstrap_stderr, pooled/unweighted group stderr, group mean
  markdown.json    pytablewriter MarkdownTableWriter output for random matrices of make_table-style cells
  make_table.json  lm_eval.utils.make_table for results dicts (results and groups tables)
  e2e_<run>.json   one lm_eval.simple_evaluate run over small local tasks with a replaying model: per task the
                   docs, instances, raw responses and task settings (input for the Java scorer), and the
                   expected results file, samples JSONL files and printed tables that lm-eval wrote.
The task YAML and data are written here from scratch into a temporary folder; nothing is copied from lm-eval.
"""
import hashlib
import json
import os
import random
import sys
import tempfile

os.environ.setdefault("DISABLE_MULTIPROC", "1")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "platform", "kernel", "src", "test", "resources", "org", "lmeval", "platform", "scoring")


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"lm_eval": _lm_eval_version(), "python": sys.version.split()[0], **payload}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def _lm_eval_version():
    from importlib.metadata import version
    return version("lm_eval")


# ---------------------------------------------------------------------------------------------- stderr
def stderr_fixture():
    from lm_eval.api import metrics as M

    ten = [1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0]
    lls = [-2.0, -1.5, -3.25, -0.5, -4.0]
    rnd = random.Random(20240607)
    floats50 = [rnd.random() for _ in range(50)]
    lls40 = [-rnd.random() * 8 for _ in range(40)]
    ints30 = [rnd.randint(0, 1) for _ in range(30)]
    aggs = {"mean": M.mean, "median": M.median, "perplexity": M.perplexity}
    cases = []

    def boot(agg, items, iters):
        cases.append({"kind": "bootstrap", "aggregation": agg, "items": items, "iters": iters,
                      "expected": M.bootstrap_stderr(aggs[agg], items, iters)})

    cases.append({"kind": "mean_stderr", "items": ten, "expected": M.mean_stderr(ten)})
    cases.append({"kind": "mean_stderr", "items": floats50, "expected": M.mean_stderr(floats50)})
    cases.append({"kind": "mean_stderr", "items": ints30, "expected": M.mean_stderr(ints30)})
    cases.append({"kind": "aggregate", "aggregation": "perplexity", "items": lls, "expected": M.perplexity(lls)})
    boot("median", ten, 1000)
    boot("mean", ten, 2000)
    boot("perplexity", lls, 1000)
    boot("median", floats50, 2500)      # 2 chunks of 1000; the remaining 500 are dropped
    boot("mean", floats50, 100)         # one chunk of 100 (the bleu/chrf/ter cap)
    boot("perplexity", lls40, 1000)
    boot("mean", ints30, 3000)
    boot("median", lls, 7)

    groups = []
    for stderrs, sizes in [([0.1, 0.05], [10, 40]), ([0.2, 0.1, 0.3], [20, 40, 100]),
                           ([0.15275252316519466, 0.1], [10, 10])]:
        groups.append({"stderrs": stderrs, "sizes": sizes,
                       "pooled": float(M.pooled_sample_stderr(stderrs, sizes)),
                       "unweighted": float(M.unweighted_mean_stderr(stderrs))})
    means = []
    for values, sizes in [([0.3, 0.2, 0.4], [20, 40, 100]), ([0.1, 0.7], [3, 7])]:
        means.append({"values": values, "sizes": sizes,
                      "weighted": M.aggregate_subtask_metrics(values, sizes, True),
                      "unweighted": M.aggregate_subtask_metrics(values, sizes, False)})
    write("stderr.json", {"cases": cases, "groups": groups, "means": means})


# ---------------------------------------------------------------------------------------------- tables
def markdown_fixture():
    from pytablewriter import MarkdownTableWriter

    rnd = random.Random(77)
    headers = ["Tasks", "Version", "Filter", "n-shot", "Metric", "", "Value", "", "Stderr"]

    def num4(x):
        return f"{x:.4f}"

    def cell(col):
        r = rnd.random()
        if col in (0, 2, 4):
            return rnd.choice(["arc_easy", " - arc_challenge", "  - mmlu (stem)", "none", "strict-match",
                               "flexible-extract", "acc", "acc_norm", "exact_match", "pass@1", "",
                               "wikitext", "maj@64", "日本語タスク", "héllo", "2024", "1,000", "N/A", "True"])
        if col == 1:
            return rnd.choice([1.0, 2, 0.5, "Yaml", "N/A", "2", "1.0", "    N/A", "", 3.0, 12, "1.5"])
        if col == 3:
            return rnd.choice(["0", "5", "25", " ", ""])
        if col in (5, 7):
            return rnd.choice(["↑", "↓", "", "±"])
        if col == 6:
            if r < 0.6:
                return num4(rnd.choice([0.0, 1.0, rnd.random(), rnd.random() * 1000, -rnd.random(),
                                        0.1, 0.25, 0.5, 130.48013, 1e-5, 12345.678912, float("nan"),
                                        float("inf"), float("-inf")]))
            return rnd.choice([999, 0, 7, "", "N/A", 1.5])
        if col == 8:
            if r < 0.5:
                return num4(rnd.choice([0.0, rnd.random() * 0.2, 0.1, 0.05, 0.15275252316519466]))
            return rnd.choice(["   N/A", ""])
        raise AssertionError(col)

    cases = []
    for _ in range(400):
        nrows = rnd.randint(1, 7)
        rows = [[cell(c) for c in range(9)] for _ in range(nrows)]
        # make some columns uniform, which is what make_table mostly produces
        for c in range(9):
            if rnd.random() < 0.4:
                v = rows[0][c]
                for row in rows:
                    row[c] = v
        w = MarkdownTableWriter()
        w.headers = headers
        w.value_matrix = rows
        cases.append({"rows": rows, "expected": w.dumps()})
    write("markdown.json", {"headers": headers, "cases": cases})


def make_table_fixture():
    from lm_eval.utils import make_table

    upstream = {
        "results": {"wikitext": {"alias": "wikitext", "name": "wikitext", "sample_len": 10,
                                 "bits_per_byte,none": 1.3394, "bits_per_byte_stderr,none": "N/A",
                                 "byte_perplexity,none": 2.5304, "byte_perplexity_stderr,none": "N/A",
                                 "word_perplexity,none": 130.4801, "word_perplexity_stderr,none": "N/A"}},
        "group_subtasks": {}, "versions": {"wikitext": 2}, "n-shot": {"wikitext": 0},
        "higher_is_better": {"wikitext": {"word_perplexity": False, "byte_perplexity": False,
                                          "bits_per_byte": False}},
    }
    nested = {
        "results": {
            "arc_easy": {"name": "arc_easy", "alias": "arc_easy", "sample_len": 10, "acc,none": 0.3,
                         "acc_stderr,none": 0.15275252316519466, "acc_norm,none": 0.1,
                         "acc_norm_stderr,none": 0.09999999999999999},
            "arc_challenge": {"name": "arc_challenge", "alias": "ARC-C", "sample_len": 10, "acc,none": 0.0,
                              "acc_stderr,none": 0.0, "acc_norm,none": 0.0, "acc_norm_stderr,none": 0.0},
            "gsm": {"name": "gsm", "alias": "gsm", "sample_len": 4, "exact_match,strict-match": 0.25,
                    "exact_match_stderr,strict-match": 0.25, "exact_match,flexible-extract": 0.5,
                    "exact_match_stderr,flexible-extract": "N/A"},
            "pred": {"name": "pred", "alias": "pred", "sample_len": 3, "bypass,none": 999,
                     "bypass_stderr,none": "N/A"},
            "ai2": {"alias": "ai2", "name": "ai2", "sample_len": 20, "acc,none": 0.15,
                    "acc_stderr,none": 0.08, "sample_count": {"acc,none": 20}},
            "inner": {"alias": "inner group", "name": "inner"},
            "top": {"alias": "top", "name": "top", "sample_len": 24, "acc,none": 0.15,
                    "acc_stderr,none": "N/A", "exact_match,strict-match": 0.25,
                    "exact_match_stderr,strict-match": 0.2},
        },
        "groups": {
            "ai2": {"alias": "ai2", "name": "ai2", "sample_len": 20, "acc,none": 0.15,
                    "acc_stderr,none": 0.08, "sample_count": {"acc,none": 20}},
            "top": {"alias": "top", "name": "top", "sample_len": 24, "acc,none": 0.15,
                    "acc_stderr,none": "N/A", "exact_match,strict-match": 0.25,
                    "exact_match_stderr,strict-match": 0.2},
        },
        "group_subtasks": {"top": ["ai2", "gsm", "inner"], "ai2": ["arc_easy", "arc_challenge"],
                           "inner": ["pred"]},
        "versions": {"arc_easy": 1.0, "arc_challenge": 1.0, "gsm": 3.0, "pred": "Yaml", "ai2": "N/A",
                     "inner": "2", "top": "1.5"},
        "n-shot": {"arc_easy": 0, "arc_challenge": 0, "gsm": 5, "pred": 0, "ai2": 0},
        "higher_is_better": {"arc_easy": {"acc": True, "acc_norm": True},
                             "arc_challenge": {"acc": True, "acc_norm": True},
                             "gsm": {"exact_match": True}, "pred": {"bypass": True},
                             "ai2": {"acc": True, "acc_norm": True}, "inner": {"bypass": True},
                             "top": {"acc": True, "acc_norm": True, "exact_match": None, "bypass": True}},
    }
    cases = []
    for name, res in [("upstream_wikitext", upstream), ("nested", nested)]:
        case = {"name": name, "results": res, "results_table": make_table(res)}
        if "groups" in res:
            case["groups_table"] = make_table(res, "groups")
        cases.append(case)
    write("make_table.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------- e2e
TASKS = {
    "sc_mc": {
        "yaml": """task: sc_mc
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/mc.jsonl
test_split: test
output_type: multiple_choice
doc_to_text: "Question: {{{{question}}}}\\nAnswer:"
doc_to_choice: "{{{{choices}}}}"
doc_to_target: label
metric_list:
  - metric: acc
    aggregation: mean
    higher_is_better: true
  - metric: acc_norm
    aggregation: mean
    higher_is_better: true
  - metric: exact_match
metadata:
  version: 1.0
""",
        "data": [
            {"question": "What is 2+2?", "choices": ["3", "4", "five", "22"], "label": 1},
            {"question": "Colour of the sky?", "choices": ["blue", "green"], "label": 0},
            {"question": "Largest planet?", "choices": ["Mars", "Jupiter", "Venus"], "label": 1},
            {"question": "Out of range gold", "choices": ["a", "b"], "label": 7},
            {"question": "Café ou thé?", "choices": ["café crème", "thé", "eau"], "label": 2},
            {"question": "Pick the long one", "choices": ["x", "a much longer answer"], "label": 1},
        ],
    },
    "sc_mc_str": {
        "yaml": """task: sc_mc_str
task_alias: MC (string gold)
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/mcs.jsonl
test_split: test
output_type: multiple_choice
doc_to_text: "{{{{q}}}}"
doc_to_choice: "{{{{opts}}}}"
doc_to_target: "{{{{gold}}}}"
num_fewshot: 0
metric_list:
  - metric: acc
  - metric: f1
metadata:
  version: 2
""",
        "data": [
            {"q": "yes or no?", "opts": ["no", "yes"], "gold": "yes"},
            {"q": "no or yes?", "opts": ["no", "yes"], "gold": "no"},
            {"q": "again", "opts": ["no", "yes"], "gold": "yes"},
            {"q": "and again", "opts": ["no", "yes"], "gold": "yes"},
        ],
    },
    "sc_gen": {
        "yaml": """task: sc_gen
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/gen.jsonl
test_split: test
output_type: generate_until
doc_to_text: "Q: {{{{question}}}}\\nA:"
doc_to_target: "{{{{answer}}}}"
repeats: 3
generation_kwargs:
  until:
    - "\\n\\n"
    - "Q:"
  do_sample: false
  temperature: 0.0
filter_list:
  - name: strict-match
    filter:
      - function: regex
        regex_pattern: "#### (\\\\-?[0-9\\\\.\\\\,]+)"
      - function: take_first
  - name: maj
    filter:
      - function: regex
        regex_pattern: "#### (\\\\-?[0-9\\\\.\\\\,]+)"
      - function: majority_vote
      - function: take_first
metric_list:
  - metric: exact_match
    aggregation: mean
    higher_is_better: true
    ignore_case: true
    ignore_punctuation: false
    regexes_to_ignore:
      - ","
      - "\\\\$"
      - "(?s).*#### "
      - "\\\\.$"
metadata:
  version: 3.0
""",
        "data": [
            {"question": "Tom has 3 apples and buys 4. How many?", "answer": "3+4=7\n#### 7"},
            {"question": "Ten minus two?", "answer": "#### 8"},
            {"question": "A big number", "answer": "It is large\n#### 1,234"},
            {"question": "Negative", "answer": "#### -5"},
            {"question": "Unicode ünïcödé «quotes» \"q\" and\ttab", "answer": "#### 12"},
        ],
    },
    "sc_gen_int": {
        "yaml": """task: sc_gen_int
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/genint.jsonl
test_split: test
output_type: generate_until
doc_to_text: "{{{{prompt}}}}"
doc_to_target: number
generation_kwargs:
  until: ["."]
metric_list:
  - metric: exact_match
metadata:
  version: 1.0
""",
        "data": [
            {"prompt": "Say 5", "number": 5},
            {"prompt": "Say 12", "number": 12},
            {"prompt": "Say 0", "number": 0},
        ],
    },
    "sc_ll": {
        "yaml": """task: sc_ll
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/ll.jsonl
test_split: test
output_type: loglikelihood
doc_to_text: "{{{{text}}}}"
doc_to_target: "{{{{' ' + word}}}}"
metric_list:
  - metric: perplexity
    aggregation: perplexity
    higher_is_better: false
  - metric: acc
    aggregation: mean
    higher_is_better: true
metadata:
  version: 1.0
""",
        "data": [
            {"text": "The cat sat on the", "word": "mat"},
            {"text": "Once upon a", "word": "time"},
            {"text": "To be or not to", "word": "be"},
            {"text": "E = m c", "word": "squared"},
            {"text": "Hello", "word": "world"},
            {"text": "Grüße aus", "word": "München"},
            {"text": "One two three", "word": "four"},
        ],
    },
    "sc_roll": {
        "yaml": """task: sc_roll
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/roll.jsonl
test_split: test
output_type: loglikelihood_rolling
doc_to_text: ""
doc_to_target: "{{{{page}}}}"
metric_list:
  - metric: word_perplexity
  - metric: byte_perplexity
  - metric: bits_per_byte
metadata:
  version: 2.0
""",
        "data": [
            {"page": " A leading space and a trailing one "},
            {"page": "Plain text with several words."},
            {"page": "Ünïcödé bytes ✓ count more"},
            {"page": "line one\nline two\n\n"},
        ],
    },
    "sc_winogrande": {
        "yaml": """task: sc_winogrande
dataset_path: json
dataset_kwargs:
  data_files:
    test: {dir}/wg.jsonl
test_split: test
output_type: multiple_choice
doc_to_text: label
doc_to_choice: "{{{{[option1, option2]}}}}"
doc_to_target: "{{{{ending}}}}"
metric_list:
  - metric: acc
metadata:
  version: 1.0
""",
        "data": [
            {"option1": "The trophy", "option2": "The suitcase", "ending": " was too big.", "label": 0},
            {"option1": "Alice", "option2": "Bob", "ending": " won.", "label": 1},
            {"option1": "It", "option2": "They", "ending": " left.", "label": 1},
        ],
    },
}

GROUPS = {
    "sc_inner": """group: sc_inner
group_alias: Inner group
task:
  - sc_mc
  - sc_ll
aggregate_metric_list:
  - metric: acc
    aggregation: mean
    weight_by_size: true
metadata:
  version: 2
""",
    "sc_outer": """group: sc_outer
task:
  - sc_inner
  - sc_gen
  - sc_mc_str
aggregate_metric_list:
  - metric: acc
    aggregation: mean
    weight_by_size: false
  - metric: exact_match
    aggregation: mean
metadata:
  version: 1.0
""",
}


class ReplayLM:
    """Built lazily (needs lm_eval.api.model.LM as base). Deterministic answers from the request text."""


def make_lm():
    from lm_eval.api.model import LM

    def h(*parts):
        return int(hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest(), 16)

    gen_answers = {
        "Tom has": ["So 7.\n#### 7", "#### 7", "#### 8"],
        "Ten minus": ["#### 8.", "#### 9", "#### 9"],
        "A big number": ["#### 1,234", "#### 1234", "no idea"],
        "Negative": ["#### -5", "#### -5", "#### 5"],
        "Unicode": ["nothing", "#### 12", "#### 13"],
        "Say 5": ["5"], "Say 12": ["twelve"], "Say 0": ["0"],
    }

    class Replay(LM):
        def __init__(self):
            super().__init__()
            self.log = []
            self.seen = {}

        def loglikelihood(self, requests):
            out = []
            for r in requests:
                ctx, cont = r.args
                v = h(ctx, cont)
                ll = -((v % 100000) / 10000.0) - 0.0625
                greedy = v % 3 == 0
                out.append((ll, greedy))
                self.log.append((r, (ll, greedy)))
            return out

        def loglikelihood_rolling(self, requests):
            out = []
            for r in requests:
                (text,) = r.args
                ll = -(len(text) * 0.731 + (h(text) % 1000) / 997.0)
                out.append(ll)
                self.log.append((r, ll))
            return out

        def generate_until(self, requests):
            out = []
            for r in requests:
                ctx = r.args[0]
                key = id(r)
                k = self.seen.get(key, 0)
                self.seen[key] = k + 1
                answers = next(v for p, v in gen_answers.items() if p in ctx)
                text = answers[k % len(answers)]
                out.append(text)
                self.log.append((r, text))
            return out

    return Replay()


def _jsonable(x):
    if isinstance(x, tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, list):
        return [_jsonable(v) for v in x]
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    return x


def e2e_fixture(run_name, task_names, predict_only=False, bootstrap_iters=1000):
    import lm_eval
    from lm_eval.loggers import EvaluationTracker
    from lm_eval.tasks import TaskManager
    from lm_eval.utils import make_table

    with tempfile.TemporaryDirectory() as tmp:
        data_names = {"sc_mc": "mc", "sc_mc_str": "mcs", "sc_gen": "gen", "sc_gen_int": "genint",
                      "sc_ll": "ll", "sc_roll": "roll", "sc_winogrande": "wg"}
        for name, spec in TASKS.items():
            with open(os.path.join(tmp, data_names[name] + ".jsonl"), "w", encoding="utf-8") as f:
                for doc in spec["data"]:
                    f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            with open(os.path.join(tmp, name + ".yaml"), "w", encoding="utf-8") as f:
                f.write(spec["yaml"].format(dir=tmp))
        for name, text in GROUPS.items():
            with open(os.path.join(tmp, name + ".yaml"), "w", encoding="utf-8") as f:
                f.write(text)
        out_dir = os.path.join(tmp, "out")
        tm = TaskManager(include_path=tmp, include_defaults=False)
        lm = make_lm()
        tracker = EvaluationTracker(output_path=out_dir)
        results = lm_eval.simple_evaluate(model=lm, tasks=task_names, task_manager=tm,
                                          bootstrap_iters=bootstrap_iters, log_samples=True,
                                          evaluation_tracker=tracker, predict_only=predict_only)
        samples = results.pop("samples")
        tracker.save_results_aggregated(results=results, samples=samples)
        for task_name in results["configs"]:
            tracker.save_results_samples(task_name=task_name, samples=samples[task_name])
        tables = make_table(results)
        groups_table = make_table(results, "groups") if "groups" in results else None

        files = {}
        model_dir = os.path.join(out_dir, tracker.general_config_tracker.model_name_sanitized)
        for fn in sorted(os.listdir(model_dir)):
            with open(os.path.join(model_dir, fn), encoding="utf-8") as f:
                text = f.read()
            key = "results" if fn.startswith("results_") else fn[len("samples_"):fn.rindex("_")]
            files[key] = text

        # the scorer's input, per task, rebuilt from what the model saw
        loaded = tm.load(task_names)
        by_task = {}
        for inst, resp in lm.log:
            by_task.setdefault(inst.task_name, {}).setdefault(id(inst), [inst, []])[1].append(resp)
        tasks = []
        for tname, task in loaded["tasks"].items():
            task.set_fewshot_seed(seed=1234)
            if predict_only:
                task.override_metric(metric_name="bypass")
            insts = sorted(by_task[tname].values(), key=lambda p: (p[0].doc_id, p[0].idx))
            docs = []
            for doc_id, doc in enumerate(task.eval_docs):
                docs.append({"doc_id": doc_id, "doc": doc, "target": _jsonable(task.doc_to_target(doc)),
                             "text": _jsonable(task.doc_to_text(doc)),
                             "choices": task.doc_to_choice(doc) if task.config.doc_to_choice is not None
                             else []})
            cfg = results["configs"][tname]
            tasks.append({
                "name": tname,
                "alias": cfg.get("task_alias", tname),
                "output_type": task.OUTPUT_TYPE,
                "version": results["versions"][tname],
                "num_fewshot": results["n-shot"][tname],
                "repeats": task.config.repeats,
                "metric_list": cfg.get("metric_list"),
                "filter_list": cfg.get("filter_list"),
                "has_choices": task.config.doc_to_choice is not None,
                "multiple_input": bool(task.multiple_input),
                "multiple_target": bool(task.multiple_target),
                "original_doc_count": len(task.eval_docs),
                "config": json.loads(json.dumps(cfg, default=str)),
                "docs": docs,
                "instances": [{"doc_id": i.doc_id, "idx": i.idx, "request_type": i.request_type,
                               "arguments": _jsonable(i.args), "repeats": i.repeats,
                               "responses": _jsonable(r)} for i, r in insts],
            })
        groups = []
        for gname, g in loaded["groups"].items():
            groups.append({"name": gname, "alias": g.alias, "children": g.child_names,
                           "aggregate_metric_list": [
                               {"metric": a.metric, "aggregation": a.aggregation if isinstance(a.aggregation, str)
                                else "mean", "weight_by_size": a.weight_by_size, "filter_list": a.filter_list}
                               for a in (g.aggregate_metric_list or [])],
                           "version": None if not g.metadata or "version" not in g.metadata
                           else str(g.metadata["version"])})
        write(f"e2e_{run_name}.json", {
            "task_names": task_names, "bootstrap_iters": bootstrap_iters, "predict_only": predict_only,
            "tasks": tasks, "groups": groups, "files": files, "results_table": tables,
            "groups_table": groups_table,
        })


def main(argv):
    which = set(argv) or {"stderr", "tables", "e2e"}
    if "stderr" in which:
        stderr_fixture()
    if "tables" in which:
        markdown_fixture()
        make_table_fixture()
    if "e2e" in which:
        e2e_fixture("groups", ["sc_outer", "sc_gen_int", "sc_roll", "sc_winogrande"])
        e2e_fixture("predict_only", ["sc_gen", "sc_mc"], predict_only=True)


if __name__ == "__main__":
    main(sys.argv[1:])
