#!/usr/bin/env python3
"""Regenerates the fixture of lm-eval 0.4.13's winogrande doc_to_* functions on 20 validation docs.

    /work/venv-lmeval/bin/python tools/tasks/make_winogrande_functions.py \
        --datasets /work/shared/datasets/hf \
        --out plugins/tasks-transforms/src/test/resources/winogrande_functions.json

Each record holds the document and what lm-eval's preprocess_winogrande.doc_to_text, doc_to_target and
doc_to_choice return for it (the functions are imported from the installed lm-eval, not copied).
"""
import argparse
import json
import os

from lm_eval.tasks.winogrande import preprocess_winogrande as fns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=20)
    args = ap.parse_args()
    path = os.path.join(args.datasets, "allenai/winogrande/winogrande_xl/validation.jsonl")
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(records) == args.count:
                break
            doc = json.loads(line)
            records.append({
                "doc": doc,
                "doc_to_text": fns.doc_to_text(doc),
                "doc_to_target": fns.doc_to_target(doc),
                "doc_to_choice": fns.doc_to_choice(doc),
            })
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"lm_eval": "0.4.13", "source": "allenai/winogrande winogrande_xl validation",
                   "records": records}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
