#!/usr/bin/env python3
"""Writes the filter fixture of the BIG-Bench Hard zero-shot families (plugins/filters-core test resources,
`bbh_zeroshot_filters.json`): for every subtask of `bbh_zeroshot` and `bbh_cot_zeroshot`, each filter set of
lm-eval 0.4.13's YAML (`bbh/zeroshot`, `bbh/cot_zeroshot`) is run with lm-eval's own filter classes (the
`utils.py` classes behind `!function`, the registered ones otherwise) on the first documents of the offline
dataset and a set of realistic responses built from each document (right answers in several shapes, case and
punctuation variants, numbers with commas and in words, word lists, and responses with no answer at all).

A `!function utils.<Class>` step is written as the dotted name lm-eval-java registers it under:
`bbh.zeroshot.utils.<Class>` / `bbh.cot_zeroshot.utils.<Class>`. The closing `take_first` of each filter set is left
out, so that each document's request carries all its responses. A response on which lm-eval's filter raises
(e.g. word2number on "thousand thousand") is left out of the cases and listed under "raises" (with its
document), where the Java filter must raise too.

    /work/venv-lmeval/bin/python tools/tasks/gen_bbh_zeroshot_filters.py
"""
import importlib.util
import json
import os
import re
from pathlib import Path

import lm_eval
import yaml
from lm_eval.filters import get_filter

ROOT = Path(__file__).resolve().parents[2]
TASKS = Path(lm_eval.__file__).parent / "tasks" / "bbh"
DATA = Path(os.environ.get("LMEVAL_SHARED", "/work/shared")) / "datasets/hf/SaylorTwift/bbh"
OUT = ROOT / "plugins/filters-core/src/test/resources/org/lmeval/plugin/filters/fixtures/bbh_zeroshot_filters.json"
DOCS_PER_TASK = 2


class FunctionTag(str):
    pass


def loader():
    class L(yaml.SafeLoader):
        pass
    L.add_constructor("!function", lambda l, n: FunctionTag(l.construct_scalar(n)))
    return L


def utils_module(family):
    spec = importlib.util.spec_from_file_location(f"bbh_{family}_utils", TASKS / family / "utils.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def responses(task, doc):
    t = doc["target"]
    out = [f"The answer is {t}.", f"So the answer is {t.lower()}", f"Let's think step by step.\nThe final answer: {t}",
           f"{t}", f"  {t.upper()}!!", "I don't know.", "", "Q: something else"]
    choices = re.findall(r"\(([A-Z])\)([^\n^(]*)", doc["input"])
    if choices:
        letters = [c[0] for c in choices]
        texts = {c[0]: c[1].strip() for c in choices}
        want = t.strip("()")
        text = texts.get(want, "")
        out += [f"It must be {text}.", f"it must be {text.lower().rstrip('.')}", f"Answer: {want}",
                f"answer:{letters[-1]} or maybe ({letters[0]})", f"{text.upper()}", f"Options: ({want}), ({letters[0]})",
                f"I think \"{text}\", i.e. the {want}-th one"]
    if task in ("word_sorting",):
        words = doc["input"].split("List:")[1].split()
        out += [" ".join(sorted(words)), ", ".join(reversed(words)) + ".", f"{words[0]} {words[0]} {' '.join(words)}",
                "The sorted list is: " + " ".join(w.capitalize() for w in words), "none of them"]
    if task in ("object_counting", "multistep_arithmetic_two"):
        out += ["There are 1,234 items", "I count fourteen items in total.", "twenty-three", "one hundred and five",
                "eight", "eighty eight", "minus 7 is -7", "The result is -42.", "a thousand and one",
                "two thousand three hundred and forty five", "nine, ten, eleven", "thousand thousand", "zero"]
    if task in ("sports_understanding", "web_of_lies", "navigate", "causal_judgement", "formal_fallacies"):
        out += ["Yes, it is plausible.", "No, that is not plausible.", "She does not tell the truth.",
                "So Ka tells the truth.", "The argument is valid.", "invalid", "YES", "no."]
    if task == "boolean_expressions":
        out += ["True", "false", "Not True is False", "TRUE and so on"]
    return out


WORD_TO_NUM = ["one", "fourteen", "twenty three", "twenty-three", "one hundred and five", "nine hundred ninety nine",
               "two thousand three hundred and forty five", "one million two hundred thousand and seven",
               "three billion four million five thousand six", "two billion", "seven hundred thousand",
               "five point two five", "point five", "three point ten", "Eleven", "  twelve  ", "123", "zero",
               "thousand", "one thousand one thousand", "million thousand", "thousand two", "a thousand and one",
               "hello", "", "thousand million", "twenty twenty", "eighty eight", "nine, ten, eleven",
               "one two three four five", "hundred hundred"]


def word_to_num_vectors():
    from word2number import w2n
    out = []
    for s in WORD_TO_NUM:
        try:
            out.append({"input": s, "output": str(w2n.word_to_num(s))})
        except (ValueError, IndexError) as e:
            out.append({"input": s, "error": type(e).__name__})
    return out


def run(steps, resps, docs, utils):
    cur = [list(r) for r in resps]
    for fn, kwargs in steps:
        if isinstance(fn, FunctionTag):
            f = getattr(utils, fn.split(".")[-1])(**kwargs)
        else:
            f = get_filter(fn)(**kwargs)
        cur = [list(x) if not isinstance(x, str) else x for x in f.apply(cur, docs)]
    return cur


def main():
    cases, raises = [], []
    for family in ("zeroshot", "cot_zeroshot"):
        utils = utils_module(family)
        group = yaml.load((TASKS / family / f"_bbh_{family}.yaml").read_text(), Loader=loader())
        for name in group["task"]:
            sub = name.removeprefix(f"bbh_{family}_")
            cfg = yaml.load((TASKS / family / f"{sub}.yaml").read_text(), Loader=loader())
            with open(DATA / sub / "test.jsonl", encoding="utf-8") as f:
                docs = [json.loads(line) for _, line in zip(range(DOCS_PER_TASK), f)]
            for fset in cfg["filter_list"]:
                steps = [(s["function"], {k: v for k, v in s.items() if k != "function"}) for s in fset["filter"]]
                # every step before the closing take_first treats each response of a request on its own: one
                # request per document holds all of that document's responses
                if steps and steps[-1][0] == "take_first":
                    steps = steps[:-1]
                written = [{"function": f"bbh.{family}.utils.{fn.split('.')[-1]}" if isinstance(fn, FunctionTag)
                            else fn, "kwargs": kw} for fn, kw in steps]
                resps = []
                for doc in docs:
                    kept = []
                    for r in responses(sub, doc):
                        try:
                            run(steps, [[r]], [doc], utils)
                        except Exception as e:  # lm-eval stops here; the Java filter must raise too
                            raises.append({"task": name, "filter": fset["name"], "doc": doc, "resp": r,
                                           "error": repr(e)})
                            continue
                        kept.append(r)
                    resps.append(kept)
                cases.append({"note": f"{name} {fset['name']}", "steps": written, "resps": resps, "docs": docs,
                              "expected": run(steps, resps, docs, utils)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": {"generator": "tools/tasks/gen_bbh_zeroshot_filters.py", "lm_eval": "0.4.13"},
               "cases": cases, "raises": raises,
               "word_to_num": word_to_num_vectors()}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", OUT.relative_to(ROOT), len(cases), "cases,", sum(len(r) for c in cases for r in c["resps"]), "responses,",
          len(raises), "raising")


if __name__ == "__main__":
    main()
