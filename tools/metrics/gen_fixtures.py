#!/usr/bin/env python3
"""Regenerate the golden fixtures of plugins/metrics-core and plugins/filters-core.

The numbers come from the reference implementation itself: lm-eval 0.4.13's own functions
(metrics, aggregations, ConfigurableTask.process_results, the filter classes, the truthfulqa and
wikitext task helpers) and the libraries it calls (sacrebleu, rouge-score, scikit-learn, numpy).
Inputs are drawn from seeded generators, so a rerun writes the same files.

Setup (once):
  python3 -m venv /work/venv-metrics
  /work/venv-metrics/bin/pip install --no-deps lm-eval==0.4.13
  /work/venv-metrics/bin/pip install sacrebleu rouge-score scikit-learn numpy datasets jinja2 \
      pytablewriter sqlitedict dill word2number more_itertools typing_extensions tqdm requests
Run from the repository root:
  /work/venv-metrics/bin/python tools/metrics/gen_fixtures.py
"""

import json
import math
import os
import random
import sys
import warnings
from types import SimpleNamespace

import numpy as np

warnings.filterwarnings("ignore")
import logging  # noqa: E402

logging.disable(logging.WARNING)
os.environ.setdefault("DISABLE_MULTIPROC", "1")

import lm_eval  # noqa: E402
import sacrebleu  # noqa: E402
import sklearn  # noqa: E402
from lm_eval.api import metrics as M  # noqa: E402
from lm_eval.api.registry import get_filter  # noqa: E402
from lm_eval.api.task import ConfigurableTask  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402

import lm_eval.filters  # noqa: E402,F401  (registers the filters)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METRICS_OUT = os.path.join(ROOT, "plugins/metrics-core/src/test/resources/org/lmeval/plugin/metrics/fixtures")
FILTERS_OUT = os.path.join(ROOT, "plugins/filters-core/src/test/resources/org/lmeval/plugin/filters/fixtures")

TASKS_DIR = os.path.join(os.path.dirname(lm_eval.__file__), "tasks")


def load_task_module(rel_path, name):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, os.path.join(TASKS_DIR, rel_path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def plain(x):
    """numpy scalars/arrays and tuples to JSON-able Python values."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, np.ndarray):
        return [plain(v) for v in x.tolist()]
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating):
        return float(x)
    return x


def layout(value, depth):
    """JSON with one test case per line: containers are broken into lines down to depth 2 only."""
    if depth >= 2 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False, allow_nan=True, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        body = ",\n".join(pad + json.dumps(k, ensure_ascii=False) + ": " + layout(v, depth + 1)
                          for k, v in value.items())
        return "{\n" + body + "\n" + " " * depth + "}"
    body = ",\n".join(pad + layout(v, depth + 1) for v in value)
    return "[\n" + body + "\n" + " " * depth + "]"


def write(folder, name, payload):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    header = {
        "generator": "tools/metrics/gen_fixtures.py",
        "lm_eval": lm_eval.__version__ if hasattr(lm_eval, "__version__") else "0.4.13",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "sacrebleu": sacrebleu.__version__,
        "sklearn": sklearn.__version__,
    }
    with open(path, "w", encoding="utf-8") as f:
        f.write(layout({"meta": header, **plain(payload)}, 0))
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


# --------------------------------------------------------------------------------------------
# Random inputs
# --------------------------------------------------------------------------------------------

WORDS = [
    "the", "The", "cat", "sat", "on", "mat", "a", "dog", "quick", "brown", "fox", "jumps", "over", "lazy",
    "is", "was", "in", "of", "to", "and", "it", "not", "don't", "can't", "U.S.", "e.g.", "Mr.", "1,234",
    "3.14", "-5", "42", "2024", "$100", "50%", "#1", "(a)", "[b]", "{c}", "\"quoted\"", "'single'",
    "Straße", "İstanbul", "naïve", "café", "日本語", "ΑΣ", "σοφία", "Ǆemal", "ﬁnal", "K-9", "x²", "½",
    "٣٤", "１２", "😀", "—", "–", "...", "!", "?", ",", ".", ";", ":", "&amp;", "&quot;", "&lt;", "<skipped>",
    "well-known", "co-op", "A", "B", "C", "D", "yes", "no", "True", "False", "None",
]
SPACES = [" ", " ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\x1c", "\u2028", "\x85", " \n", "-\n"]


def rand_text(rnd, lo=0, hi=12, spaces=True):
    n = rnd.randint(lo, hi)
    out = []
    for i in range(n):
        if i:
            out.append(rnd.choice(SPACES) if spaces else " ")
        out.append(rnd.choice(WORDS))
    s = "".join(out)
    if spaces and rnd.random() < 0.15:
        s = rnd.choice(SPACES) + s
    if spaces and rnd.random() < 0.15:
        s = s + rnd.choice(SPACES)
    return s


def perturb(rnd, sentence):
    """A hypothesis derived from a reference: drops, swaps, substitutions, shifted blocks."""
    toks = sentence.split(" ")
    ops = rnd.randint(0, 4)
    for _ in range(ops):
        if not toks:
            break
        op = rnd.random()
        i = rnd.randrange(len(toks))
        if op < 0.2:
            del toks[i]
        elif op < 0.4:
            toks.insert(i, rnd.choice(WORDS))
        elif op < 0.6:
            toks[i] = rnd.choice(WORDS)
        elif op < 0.8 and len(toks) > 3:
            j = rnd.randrange(len(toks))
            k = rnd.randint(1, 3)
            block = toks[i:i + k]
            del toks[i:i + k]
            toks[j:j] = block
        else:
            toks[i] = toks[i].upper() if rnd.random() < 0.5 else toks[i].lower()
    return " ".join(toks)


ENGLISH = [
    "The quick brown fox jumps over the lazy dog.",
    "It is a guide to action which ensures that the military always obeys the commands of the party.",
    "It is the guiding principle which guarantees the military forces always being under the command of the party.",
    "The cat is on the mat, and the dog is in the house.",
    "Human life expectancy in the United States is 78 years.",
    "Dwight D. Eisenhower was president of the United States in 1955.",
    "He said: \"I won't go there again!\" and left at 3.30 p.m.",
    "Prices rose 4.5% in 2023, to $1,234.56 per unit - a record.",
    "The 1992 Olympics were held in Barcelona, Spain.",
    "Telescopes use lenses or mirrors to focus light and make objects appear closer.",
    "I have no comment.",
    "Die Straße ist naß, weil es regnet.",
    "Elle a dit « bonjour » à tout le monde.",
    "東京は日本の首都です。",
    "x = y + 2*z; if (x > 10) { return x; }",
    "A-B testing, co-operation and re-entry are well-known terms.",
]


def sentence(rnd):
    if rnd.random() < 0.6:
        return rnd.choice(ENGLISH)
    return rand_text(rnd, 1, 15, spaces=False)


# --------------------------------------------------------------------------------------------
# Metrics fixtures
# --------------------------------------------------------------------------------------------


def numpy_sums():
    rnd = random.Random(11)
    cases = []
    lengths = list(range(0, 40)) + [63, 64, 65, 127, 128, 129, 130, 255, 256, 257, 300, 513, 1000, 1025, 2049]
    for n in lengths:
        for kind in (("uniform", "mixed") if n < 300 else ("mixed",)):
            if kind == "uniform":
                xs = [rnd.random() for _ in range(n)]
            else:
                xs = [rnd.choice([1e16, -1e16, 1.0, 0.1, 1e-8, 3.0]) * rnd.random() for _ in range(n)]
            arr = np.array(xs, dtype=np.float64)
            cases.append({"x": xs, "sum": float(np.sum(arr)), "mean": float(np.mean(arr)) if n else None})
    # 2-D row sums (axis=1), as brier_score does them
    rows = []
    for k in (1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33):
        m = [[rnd.random() * rnd.choice([1, 1e10, 1e-10]) for _ in range(k)] for _ in range(3)]
        rows.append({"x": m, "row_sums": [float(v) for v in np.sum(np.array(m), axis=1)]})
    return {"sums": cases, "row_sums": rows}


def aggregations():
    rnd = random.Random(12)
    out = {"mean": [], "median": [], "perplexity": [], "weighted_perplexity": [], "bits_per_byte": [],
           "nanmean": [], "bypass": [], "f1": [], "matthews_corrcoef": [], "brier_score": []}
    for n in [1, 2, 3, 5, 8, 10, 17, 100, 129, 1000, 1319]:
        for _ in range(3 if n < 500 else 1):
            bits = [float(rnd.random() < 0.6) for _ in range(n)]
            floats = [rnd.random() * rnd.choice([1, 100, 1e-3]) for _ in range(n)]
            ints = [int(rnd.random() < 0.5) for _ in range(n)]
            for xs in (bits, floats, ints):
                out["mean"].append({"items": xs, "expected": M.mean(xs)})
                out["median"].append({"items": xs, "expected": M.median(xs)})
            lls = [-rnd.random() * rnd.choice([1, 10, 100]) for _ in range(n)]
            out["perplexity"].append({"items": lls, "expected": M.perplexity(lls)})
            pairs = [(-rnd.random() * 300, rnd.randint(1, 400)) for _ in range(n)]
            out["weighted_perplexity"].append({"items": pairs, "expected": M.weighted_perplexity(pairs)})
            out["bits_per_byte"].append({"items": pairs, "expected": M.bits_per_byte(pairs)})
            with_nan = [x if rnd.random() < 0.8 else float("nan") for x in floats]
            out["nanmean"].append({"items": with_nan, "expected": float(M.nanmean(with_nan))})
            out["bypass"].append({"items": floats, "expected": M.bypass_agg(floats)})
    out["nanmean"].append({"items": [float("nan")] * 3, "expected": float(M.nanmean([float("nan")] * 3))})
    out["nanmean"].append({"items": [], "expected": float(M.nanmean([]))})
    out["perplexity"].append({"items": [-2.0, -1.5, -3.25, -0.5, -4.0],
                              "expected": M.perplexity([-2.0, -1.5, -3.25, -0.5, -4.0])})

    for n in [1, 2, 5, 10, 50, 333]:
        for _ in range(4):
            golds = [rnd.randint(0, 1) for _ in range(n)]
            preds = [rnd.randint(0, 1) for _ in range(n)]
            items = list(zip(golds, preds))
            out["f1"].append({"items": items, "expected": float(M.f1_score(items))})
            k = rnd.choice([2, 3, 4, 5])
            golds = [rnd.randrange(k) for _ in range(n)]
            preds = [g if rnd.random() < 0.4 else rnd.randrange(k) for g in golds]
            items = list(zip(golds, preds))
            out["matthews_corrcoef"].append({"items": items, "expected": float(M.matthews_corrcoef(items))})
            probs = []
            for g in golds:
                lls = np.array([-rnd.random() * 20 for _ in range(k)])
                probs.append(list(map(float, lls)))
            items = [(g, M_softmax_exact(p)) for g, p in zip(golds, probs)]
            out["brier_score"].append({"items": items, "expected": float(M.brier_score(items))})
    # corner cases
    out["f1"].append({"items": [(0, 0), (0, 0)], "expected": float(M.f1_score([(0, 0), (0, 0)]))})
    out["f1"].append({"items": [(1, 1)], "expected": float(M.f1_score([(1, 1)]))})
    for bad in ([(0, 2), (1, 1)], [(0, 1), (2, 1), (1, 0)], [(-100, 1), (1, 0)]):
        try:
            M.f1_score(bad)
            raise AssertionError("expected an error")
        except ValueError:
            out["f1"].append({"items": bad, "error": "ValueError"})
    out["matthews_corrcoef"].append({"items": [(1, 1), (1, 1)], "expected": float(M.matthews_corrcoef([(1, 1), (1, 1)]))})
    out["matthews_corrcoef"].append({"items": [(0, 1), (0, 1)], "expected": float(M.matthews_corrcoef([(0, 1), (0, 1)]))})
    out["matthews_corrcoef"].append({"items": [(-100, 1), (2, 0), (1, 1)],
                                     "expected": float(M.matthews_corrcoef([(-100, 1), (2, 0), (1, 1)]))})
    return out


def M_softmax_exact(lls):
    """The probabilities given to brier_score fixtures: any fixed vector works, use numpy's softmax."""
    from lm_eval.utils import softmax

    return [float(v) for v in softmax(np.array(lls))]


def process(output_type, metrics, target, results, choices=None, multiple_input=False, doc=None, kwargs=None):
    """Run lm-eval 0.4.13's ConfigurableTask.process_results with a minimal task stand-in."""
    fns = {m: M.get_metric(m) if hasattr(M, "get_metric") else None for m in metrics}
    from lm_eval.api.registry import get_metric

    fns = {m: get_metric(m) for m in metrics}
    stub = SimpleNamespace(
        config=SimpleNamespace(process_results=None, doc_to_choice=(None if choices is None else "x")),
        OUTPUT_TYPE=output_type,
        _metric_fn_list=fns,
        _metric_fn_kwargs={m: dict((kwargs or {}).get(m, {})) for m in metrics},
        _aggregation_list={},
        _higher_is_better={},
        doc_to_choice=lambda d: choices,
        doc_to_target=lambda d: target,
        doc_to_text=lambda d: target,
        multiple_input=multiple_input,
        multiple_target=isinstance(target, list),
        count_words=ConfigurableTask.count_words,
        count_bytes=ConfigurableTask.count_bytes,
    )
    return ConfigurableTask.process_results(stub, doc or {}, results)


CHOICE_POOL = ["A", "B", "C", "D", " yes", " no", "Paris", "London", "naïve", "日本語", "😀😀", "Straße",
               "a longer answer with several words", "x", "", "ΑΣ", "the cat sat on the mat"]


def multiple_choice():
    rnd = random.Random(13)
    cases = []
    all_metrics = ["acc", "acc_norm", "acc_bytes", "exact_match", "f1", "mcc", "brier_score", "likelihood"]
    for i in range(400):
        k = rnd.randint(1, 6)
        choices = rnd.sample([c for c in CHOICE_POOL if c or rnd.random() < 0.3], k)
        lls = [-rnd.random() * rnd.choice([1, 10, 30]) for _ in range(k)]
        if rnd.random() < 0.15 and k > 1:
            lls[rnd.randrange(k)] = lls[0]  # ties
        greedy = [rnd.random() < 0.3 for _ in range(k)]
        r = rnd.random()
        if r < 0.65:
            target = rnd.randrange(k)
        elif r < 0.75:
            target = k + rnd.randint(0, 2)  # out of range -> -100
        elif r < 0.88:
            target = choices[rnd.randrange(k)] if rnd.random() < 0.8 else "not a choice"
        else:
            target = [rnd.randrange(k + 1) for _ in range(rnd.randint(1, 3))]
        mutual = rnd.random() < 0.3 and not isinstance(target, list)  # lm-eval compares a list with ==
        metrics = list(all_metrics)
        if isinstance(target, list):
            metrics = [m for m in metrics if m not in ("f1", "mcc", "brier_score", "likelihood")]
        if isinstance(target, str) and target not in choices:
            metrics = [m for m in metrics if m not in ("brier_score",)]
        if mutual:
            metrics.append("acc_mutual_info")
        results = list(zip(lls, greedy))
        uncond = None
        if mutual:
            uncond = [-rnd.random() * 10 for _ in range(k)]
            results = results + [(u, False) for u in uncond]
        got = process("multiple_choice", metrics, target, results, choices=choices)
        cases.append({"choices": choices, "lls": lls, "greedy": greedy, "unconditional": uncond,
                      "target": target, "metrics": metrics, "expected": got})
    return cases


def loglikelihood():
    rnd = random.Random(14)
    cases = []
    for _ in range(50):
        ll = -rnd.random() * 20
        greedy = rnd.random() < 0.5
        got = process("loglikelihood", ["acc", "perplexity"], " word", [(ll, greedy)])
        cases.append({"ll": ll, "greedy": greedy, "expected": got})
    return cases


def rolling():
    rnd = random.Random(15)
    cases = []
    texts = ["", " ", "one", "one two", " leading", "trailing ", "  both  ", "a\u00a0b", "a\x1cb", "a\u2028b",
             "a\x85b", "tab\tsep\nnew\r\nline", "日本語 テキスト", "emoji 😀 here", "x\u200by", "\u3000wide\u3000"]
    texts += [rand_text(rnd, 0, 30) for _ in range(60)]
    for t in texts:
        ll = -rnd.random() * 100
        got = process("loglikelihood_rolling", ["word_perplexity", "byte_perplexity", "bits_per_byte"], t, [ll])
        cases.append({"target": t, "ll": ll, "expected": got})
    return cases


EM_KWARGS = [
    {},
    {"ignore_case": True},
    {"ignore_punctuation": True},
    {"ignore_numbers": True},
    {"ignore_case": True, "ignore_punctuation": True},
    {"ignore_case": True, "ignore_punctuation": False, "regexes_to_ignore": [",", "\\$", "(?s).*#### ", "\\.$"]},
    {"regexes_to_ignore": ["\\s+"]},
    {"regexes_to_ignore": ["^\\s*", "\\s*$"], "ignore_case": True},
    {"regexes_to_ignore": ["[aeiou]"], "ignore_numbers": True},
    {"regexes_to_ignore": ["\\bthe\\b"], "ignore_case": True, "ignore_punctuation": True, "ignore_numbers": True},
]


def generate_until():
    rnd = random.Random(16)
    cases = []
    specials = [("İstanbul", "i̇stanbul"), ("ΑΣ", "ας"), ("Straße", "STRASSE"), ("ab\x00", "ab"), ("x", "x\n"),
                ("72", "72"), ("#### 72", "72"), ("The answer is 1,234.", "1234"), ("ǅ", "ǆ"), ("K", "k"),
                ("a.b,c!", "abc"), ("12 apples", " apples"), ("١٢", "12"), ("$5.", "5")]
    pairs = list(specials)
    for _ in range(150):
        gold = rand_text(rnd, 0, 6)
        pred = perturb(rnd, gold) if rnd.random() < 0.7 else rand_text(rnd, 0, 6)
        pairs.append((gold, pred))
    for gold, pred in pairs:
        for kw in EM_KWARGS:
            got = process("generate_until", ["exact_match"], gold, [pred], kwargs={"exact_match": kw})
            cases.append({"target": gold, "response": pred, "kwargs": kw, "expected": got})
    # several targets
    for _ in range(60):
        golds = [rand_text(rnd, 0, 4) for _ in range(rnd.randint(1, 4))]
        pred = rnd.choice(golds) if rnd.random() < 0.5 else rand_text(rnd, 0, 4)
        if rnd.random() < 0.3:
            pred = pred.upper()
        kw = rnd.choice(EM_KWARGS)
        got = process("generate_until", ["exact_match"], golds, [pred], kwargs={"exact_match": kw})
        cases.append({"target": golds, "response": pred, "kwargs": kw, "expected": got})
    # non-string gold is cast to the response's type
    for gold, pred in [(72, "72"), (0, "0"), (True, "True"), (3, "three")]:
        got = process("generate_until", ["exact_match"], gold, [pred])
        cases.append({"target": gold, "response": pred, "kwargs": {}, "expected": got})
    # a list response (e.g. after take_first_k) is compared element-wise by numpy
    for resp in (["7", "7", "8"], ["a"], ["x", "y"]):
        got = process("generate_until", ["exact_match"], "7", [resp])
        cases.append({"target": "7", "response": resp, "kwargs": {}, "expected": got})
    # pass-through items for the corpus metrics
    items = []
    for _ in range(20):
        gold = sentence(rnd)
        pred = perturb(rnd, gold)
        got = process("generate_until", ["bleu", "chrf", "ter"], gold, [pred])
        items.append({"target": gold, "response": pred, "expected": got})
    return {"exact_match": cases, "pass_through": items}


def corpus_pairs(rnd, n, multi_ref=False):
    refs, preds = [], []
    for _ in range(n):
        r = sentence(rnd)
        p = perturb(rnd, r) if rnd.random() < 0.85 else sentence(rnd)
        if rnd.random() < 0.05:
            p = ""
        if multi_ref:
            refs.append([r, perturb(rnd, r)])
        else:
            refs.append(r)
        preds.append(p)
    return refs, preds


def sacrebleu_fixtures():
    rnd = random.Random(17)
    corpora = []
    for n in [1, 1, 1, 2, 3, 5, 8, 20, 50]:
        for _ in range(6):
            refs, preds = corpus_pairs(rnd, n)
            items = [[r, p] for r, p in zip(refs, preds)]
            corpora.append({"items": items, "bleu": M.bleu(items), "chrf": M.chrf(items), "ter": M.ter(items)})
    # published examples (sacrebleu's README / test-suite style)
    pub_refs = [["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
                ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."]]
    pub_sys = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."]
    published = {
        "refs": pub_refs, "hyps": pub_sys,
        "bleu": sacrebleu.corpus_bleu(pub_sys, pub_refs).score,
        "chrf": sacrebleu.corpus_chrf(pub_sys, pub_refs).score,
        "ter": sacrebleu.corpus_ter(pub_sys, pub_refs).score,
    }
    multi = []
    for n in [1, 3, 10]:
        for _ in range(4):
            refs, preds = corpus_pairs(rnd, n, multi_ref=True)
            streams = [list(s) for s in zip(*refs)]
            multi.append({"refs": streams, "hyps": preds,
                          "bleu": sacrebleu.corpus_bleu(preds, streams).score,
                          "chrf": sacrebleu.corpus_chrf(preds, streams).score,
                          "ter": sacrebleu.corpus_ter(preds, streams).score})
    tok13a = sacrebleu.tokenizers.tokenizer_13a.Tokenizer13a()
    from sacrebleu.tokenizers.tokenizer_intl import TokenizerV14International

    intl = TokenizerV14International()
    lines = ENGLISH + [rand_text(rnd, 0, 12) for _ in range(150)] + [
        "a-\nb", "x&quot;y&amp;z&lt;&gt;", "1,000.5 and 2.5, 3-4", "end.", "(parenthesised)", "under_score",
        "«guillemets» ¿qué? ¡sí!", "price: €5 ± 2 ¥", "", " ", "trailing. "]
    tokenizers = [{"line": s, "13a": tok13a(s), "intl": intl(s)} for s in lines]
    # truthfulqa's sentence-level bleu: intl tokenizer, exp smoothing, no effective order
    tqa = load_task_module("truthfulqa/utils.py", "tqa_utils")
    tqa_bleu = []
    for _ in range(80):
        r = sentence(rnd)
        p = perturb(rnd, r) if rnd.random() < 0.8 else sentence(rnd)
        tqa_bleu.append({"ref": r, "pred": p, "bleu": tqa.bleu([[r]], [p])})
    return {"corpora": corpora, "published": published, "multi_reference": multi, "tokenizers": tokenizers,
            "truthfulqa_bleu": tqa_bleu}


def rouge_fixtures():
    rnd = random.Random(18)
    types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(types)
    cases = []
    pairs = [("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log."),
             ("one two three", "one two"), ("one two five six", "seven eight"), ("", "x"), ("x", ""),
             ("w1 w2 w3 w4 w5\nw6 w7 w8", "w1 w2 w6 w7\nw9 w10 w3 w4"), ("İstanbul KELVIN", "istanbul kelvin")]
    for _ in range(150):
        t = sentence(rnd)
        if rnd.random() < 0.3:
            t = t + "\n" + sentence(rnd)
        p = perturb(rnd, t) if rnd.random() < 0.8 else sentence(rnd)
        pairs.append((t, p))
    for t, p in pairs:
        s = scorer.score(t, p)
        cases.append({"target": t, "prediction": p,
                      "scores": {k: [s[k].precision, s[k].recall, s[k].fmeasure] for k in types}})
    return cases


def tasks_fixtures():
    rnd = random.Random(19)
    tqa = load_task_module("truthfulqa/utils.py", "tqa_utils")
    wiki = load_task_module("wikitext/preprocess_wikitext.py", "wiki_utils")
    mc2 = []
    for _ in range(120):
        k = rnd.randint(2, 12)
        labels = [1] * rnd.randint(1, k - 1)
        labels += [0] * (k - len(labels))
        lls = [-rnd.random() * rnd.choice([2, 20, 80]) for _ in range(k)]
        doc = {"mc2_targets": {"choices": [f"c{i}" for i in range(k)], "labels": labels}}
        got = tqa.process_results_mc2(doc, [(ll, False) for ll in lls])
        mc2.append({"doc": doc, "lls": lls, "expected": got})
    gen = []
    for _ in range(60):
        base = rnd.choice(ENGLISH)
        correct = [perturb(rnd, base) for _ in range(rnd.randint(1, 3))]
        incorrect = [sentence(rnd) for _ in range(rnd.randint(1, 3))]
        doc = tqa.preprocess_function({"question": " Q? ", "correct_answers": correct, "incorrect_answers": incorrect})
        completion = rnd.choice([perturb(rnd, base), sentence(rnd), "I have no comment.", " ", "A . B . C"])
        got = tqa.process_results_gen(doc, [completion])
        gen.append({"doc": doc, "completion": completion, "expected": got})
    wikitext = []
    for _ in range(40):
        page = rand_text(rnd, 0, 40)
        ll = -rnd.random() * 500
        wikitext.append({"doc": {"page": page}, "ll": ll, "expected": wiki.process_results({"page": page}, [ll])})
    return {"truthfulqa_mc2": mc2, "truthfulqa_gen": gen, "wikitext": wikitext}


# --------------------------------------------------------------------------------------------
# Filter fixtures
# --------------------------------------------------------------------------------------------


def run_pipeline(steps, resps, docs):
    cur = [list(r) for r in resps]
    for name, kwargs in steps:
        cur = list(get_filter(name)(**kwargs).apply(cur, docs))
    return cur


GSM_STRICT = ("regex", {"regex_pattern": "#### (\\-?[0-9\\.\\,]+)"})
GSM_FLEX = ("regex", {"group_select": -1, "regex_pattern": "(-?[$0-9.,]{2,})|(-?[0-9]+)"})

REGEX_CASES = [
    # (kwargs, responses)
    ({}, ["#### 72", "blah\n#### 1,234.", "#### -3.5\n", "no answer", "#### ", "#### 7 #### 8", None, "####  9"]),
    (GSM_FLEX[1], ["The answer is $18.", "12 + 3 = 15", "about 2.5 or 3", "none", "-7 apples", "1,000,000 and 2",
                   ".5", "x"]),
    ({"regex_pattern": "The answer is (\\-?[0-9\\.\\,]+).", "group_select": 0},
     ["So. The answer is 42.", "The answer is 3.14!", "the answer is 5.", "The answer is 1,2."]),
    ({"regex_pattern": "(\\d+)$"}, ["12\n", "12\r", "12\r\n", "7 8", "9\n\n", "x\u2028", "5\u0085"]),
    ({"regex_pattern": "\\d+", "group_select": -1}, ["١٢ and ３４", "x²", "¼", "٣", "no digits", "a1b22c333"]),
    ({"regex_pattern": "\\w+", "group_select": 1}, ["naïve café", "日本 語", "a_b c", "x\u200by z"]),
    ({"regex_pattern": "a\\sb"}, ["a\u00a0b", "a\x1cb", "a\u2028b", "a\x85b", "a\u200bb", "a\tb", "a\u3000b"]),
    ({"regex_pattern": "(?i)answer:\\s*([a-d])"}, ["ANSWER: C", "Answer:\nb", "answer:e"]),
    ({"regex_pattern": "(?P<n>[0-9]+)\\s*(?P<u>kg|g)?"}, ["5 kg", "7", "x"]),
    ({"regex_pattern": "([A-D])|\\(([A-D])\\)", "group_select": 0}, ["(B)", "C", "(E)"]),
    ({"regex_pattern": "(x)?(y)?"}, ["zzz", "xy", "y"]),
    ({"regex_pattern": "\\bcat\\b"}, ["a cat.", "concatenate", "cat", "café cat"]),
    ({"regex_pattern": "^\\s*(\\S+)\\s*$"}, ["  word  ", "two words", "\u00a0nbsp\u00a0"]),
    ({"regex_pattern": "(.)\\1"}, ["aabb", "abc", "xyyz"]),
    ({"regex_pattern": "\\A(\\d+)\\Z"}, ["123", "123\n", "a123"]),
    ({"regex_pattern": "(?s)Answer:(.*)"}, ["Answer: multi\nline", "none"]),
    ({"regex_pattern": "(?m)^(\\d)"}, ["x\n1\n2", "3"]),
    ({"regex_pattern": "[\\u00e0-\\u00ff]+"}, ["àéîõü", "abc"]),
    ({"regex_pattern": "\\x41(\\u0042)"}, ["AB", "ab"]),
    ({"regex_pattern": "#### (\\-?[0-9\\.\\,]+)", "fallback": "N/A"}, ["nothing", "#### 5"]),
    ({"regex_pattern": "(\\d*)"}, ["a1", "", "12b"]),
    ({"regex_pattern": "[^\\W\\d_]+"}, ["héllo_wörld 42", "ΑΣ"]),
    ({"regex_pattern": "(?<=\\$)\\d+"}, ["cost $12", "12"]),
    ({"regex_pattern": "\\d+(?!\\.)"}, ["12.5 and 7", "3."]),
    ({"regex_pattern": "[[:alpha:]]+"}, ["abc:", "[[:a"]),
    ({"regex_pattern": "\\s+", "group_select": 0}, ["a \u2029 b", "nospace"]),
]


def filter_fixtures():
    rnd = random.Random(20)
    cases = []

    def add(steps, resps, docs=None, note=""):
        docs = docs if docs is not None else [{} for _ in resps]
        got = run_pipeline(steps, resps, docs)
        cases.append({"note": note, "steps": [{"function": n, "kwargs": k} for n, k in steps],
                      "resps": resps, "docs": docs, "expected": got})

    for kwargs, responses in REGEX_CASES:
        add([("regex", kwargs)], [[r] for r in responses], note="regex " + kwargs.get("regex_pattern", "default"))
        add([("regex", kwargs), ("take_first", {})], [[r] for r in responses], note="regex then take_first")
    add([GSM_STRICT, ("take_first", {})], [["#### 5", "#### 6"], ["x"]], note="gsm8k strict-match")
    add([GSM_FLEX, ("take_first", {})], [["is 5 or 6.", "#### 6"], ["x"]], note="gsm8k flexible-extract")
    # repeats: maj@k style pipelines
    reps = [[rnd.choice(["#### 1", "#### 2", "#### 3", "oops"]) for _ in range(8)] for _ in range(10)]
    add([GSM_STRICT, ("majority_vote", {}), ("take_first", {})], reps, note="maj@8")
    add([("take_first_k", {"k": 4}), GSM_STRICT, ("majority_vote", {}), ("take_first", {})], reps, note="maj@4")
    add([("take_first_k", {"k": 1})], reps, note="take_first_k 1")
    add([("majority_vote", {})], [["b", "a", "a", "b"], ["x"], ["c", "d"], ["z", "y", "y", "z", "z"]],
        note="majority ties -> first seen")
    add([("take_first", {})], [["first", "second"], ["only"]], note="take_first")
    add([("take_first", {}), ("take_first", {})], [["word", "x"], ["😀x"]], note="take_first twice indexes the string")
    texts = ["  Hello World  ", "\u00a0nbsp\u00a0", "\x1cinfo sep\x1f", "\u2028line\u2029", "ΑΣ", "Straße",
             "İstanbul", "ǅ", "ﬁ", "\x85nel\x85", "\u200bzero width\u200b", "tab\t", "MiXeD 123"]
    for fn in ("remove_whitespace", "lowercase", "uppercase"):
        add([(fn, {})], [[t] for t in texts], note=fn)
        add([(fn, {}), ("take_first", {})], [[t, "other"] for t in texts], note=fn + " then take_first")
    add([("take_first", {}), ("lowercase", {})], [["ABC"]], note="lowercase after take_first iterates characters")
    add([("map", {"mapping_dict": {"A": 0, "B": 1, "yes": True}, "default_value": -1})],
        [["A", "B", "C"], ["yes"], [""]], note="map")
    add([("map", {"mapping_dict": {"A": "x"}})], [["A", "Z"]], note="map default None")
    add([("map", {})], [["A"]], note="map empty")
    add([("regex_pos", {})], [["[('The', 'DET'), ('cat', 'NOUN')]", "no tags", "('a', 'B') ('c', 'D')"]],
        note="regex_pos")

    # multi_choice_regex
    mc_docs = [
        {"choices": ["Paris", "London", "Berlin", "Madrid"]},
        {"choices": ["Guilty", "Guilty of Romance", "Not guilty"]},
        {"choices": ["yes.", "no!", "(maybe)"]},
        {"choices": ["  spaced  ", "¿Qué?", "«Bonjour»", "a—b"]},
        {"choices": ["1", "2", "10"]},
        {"choices": ["Café", "CAFE", "café"]},
        {"choices": ["a+b", "a*b", "(a)"]},
        {"choices": ["", "x"]},
    ]
    mc_resps = ["The answer is (B)", "I think London is right", "guilty of romance", "Answer: C", "answer:\n D",
                "(A) or (B)", "Madrid, obviously", "no!", "maybe", "QUÉ", "bonjour", "a-b", "10", "the 1 and 2",
                "café", "a*b", "nothing here", "x", ":B", ":  A", "", "Guilty of Romance", "GUILTY"]
    mc_kwargs = [
        {"regex_pattern": "(\\([A-Z]\\))", "group_select": 0},
        {"regex_pattern": "(\\([A-Z]\\))", "ignore_case": True, "ignore_punctuation": True},
        {"regex_pattern": "answer is (\\([A-Z]\\))", "ignore_case": True, "regexes_to_ignore": ["\\bthe\\b", ","]},
        {"regex_pattern": "(\\([A-Z]\\))", "group_select": -1, "fallback": "[none]"},
        {"regex_pattern": "(\\(([A-Z])\\))|zzz"},
        {},
    ]
    for kw in mc_kwargs:
        for doc in mc_docs:
            add([("multi_choice_regex", kw)], [[r] for r in mc_resps], docs=[doc] * len(mc_resps),
                note="multi_choice_regex")
        add([("multi_choice_regex", kw), ("take_first", {})], [[r, "(A)"] for r in mc_resps[:5]],
            docs=[mc_docs[0]] * 5, note="multi_choice_regex then take_first")
    return cases


def registry():
    """lm-eval's registered metrics (higher_is_better, aggregation), aggregations and filters."""
    from lm_eval.api import registry as R

    agg_names = {fn: name for name, fn in R.aggregation_registry.items()}
    metrics = {}
    for name in sorted(R.metric_registry.keys()):
        agg = R.metric_agg_registry.get(name)
        metrics[name] = {"higher_is_better": R.higher_is_better_registry.get(name),
                         "aggregation": agg_names.get(agg)}
    return {"metrics": metrics, "aggregations": sorted(R.aggregation_registry.keys()),
            "filters": sorted(R.filter_registry.keys())}


def main():
    write(METRICS_OUT, "registry.json", registry())
    write(METRICS_OUT, "numpy_sums.json", numpy_sums())
    write(METRICS_OUT, "aggregations.json", aggregations())
    write(METRICS_OUT, "multiple_choice.json", {"cases": multiple_choice()})
    write(METRICS_OUT, "loglikelihood.json", {"cases": loglikelihood()})
    write(METRICS_OUT, "rolling.json", {"cases": rolling()})
    write(METRICS_OUT, "generate_until.json", generate_until())
    write(METRICS_OUT, "sacrebleu.json", sacrebleu_fixtures())
    write(METRICS_OUT, "rouge.json", {"cases": rouge_fixtures()})
    write(METRICS_OUT, "tasks.json", tasks_fixtures())
    write(FILTERS_OUT, "filters.json", {"cases": filter_fixtures()})


if __name__ == "__main__":
    main()
