#!/usr/bin/env python3
"""Regenerates src/test/resources/golden/lmeval-hf-tokens.json: the token pairs lm-eval 0.4.13's HFLM hands to
_loglikelihood_tokens for loglikelihood and loglikelihood_rolling requests, and its tok_encode of generation
contexts, on the stories260K tokenizer (shared/models/stories260K/hf).

Runs lm-eval's own code (TemplateLM.loglikelihood, _encode_pair, HFLM.tok_encode, HFLM.loglikelihood_rolling)
with transformers' AutoTokenizer; torch is not needed: the model call is replaced by a recorder.

  python3 -m venv venv && venv/bin/pip install transformers tokenizers requests pyyaml jinja2 \
      && venv/bin/pip install --no-deps lm-eval==0.4.13
  venv/bin/python plugins/model-djl/tools/golden_tokens.py [SHARED_DIR]
"""
import json
import os
import sys
from unittest import mock

import transformers  # noqa: E402  (before the stubs: transformers probes for a real torch)
from transformers import AutoTokenizer  # noqa: E402

# lm_eval.models.huggingface imports torch, accelerate, peft at module level; none of them is used here.
for name in ["torch", "torch.nn", "torch.nn.functional", "accelerate", "accelerate.utils", "peft"]:
    sys.modules.setdefault(name, mock.MagicMock())

from lm_eval.models.huggingface import HFLM  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../shared")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
MODEL = os.path.join(SHARED, "models/stories260K/hf")
OUT = os.path.join(HERE, "../src/test/resources/golden/lmeval-hf-tokens.json")

SENTENCE = "Once upon a time, there was a little girl named Lily."
LOGLIKELIHOOD = [
    ("Once upon a time, there was a little girl named", " Lily."),
    ("Once upon a time, there was a little girl named ", "Lily."),
    ("Question: 2+2=?\nAnswer:", " 4"),
    ("Question: 2+2=?\nAnswer: \n\t", "4"),
    ("She said \u00a0", "hi"),
    ("", SENTENCE),
    ("", " Lily"),
    ("<s>Once upon a time", ", there was"),
    ("caf\u00e9 na\u00efve \U0001F600", " smile"),
    ("Tom and Lily", "\n\nThe end."),
    ("A", "B"),
]
ROLLING = [SENTENCE, "", " ", "The end.\n\n" * 3, (SENTENCE + " ") * 45]
CONTEXTS = ["Once upon a time", "<s>Once upon a time", "", "  leading spaces"]
DECODE = [" Lily", "Once upon a time", "  two spaces", "caf\u00e9 \U0001F600 end", "a\n\nb", "<s>x</s>"]


class Req:
    def __init__(self, *args):
        self.args = args


def recorder(lm):
    calls = []

    def _loglikelihood_tokens(requests, disable_tqdm=False, override_bs=None):
        calls.extend([list(ctx), list(cont)] for _, ctx, cont in requests)
        return [(0.0, False)] * len(requests)

    lm._loglikelihood_tokens = _loglikelihood_tokens
    return calls


def make_lm(add_bos_token, max_length):
    lm = HFLM.__new__(HFLM)
    lm.tokenizer = AutoTokenizer.from_pretrained(MODEL)
    lm.add_bos_token = add_bos_token
    lm.custom_prefix_token_id = None
    lm.backend = "causal"
    lm._max_length = max_length
    lm.batch_size_per_gpu = 64
    lm._rank = 0
    lm._world_size = 1
    lm.enable_thinking = False
    lm.think_end_token = None
    lm.cache_hook = mock.MagicMock()
    return lm


def case(add_bos_token, max_length):
    lm = make_lm(add_bos_token, max_length)
    ll_calls = recorder(lm)
    lm.loglikelihood([Req(c, x) for c, x in LOGLIKELIHOOD], disable_tqdm=True)
    rolling = []
    for text in ROLLING:
        calls = recorder(lm)
        lm.loglikelihood_rolling([Req(text)], disable_tqdm=True)
        rolling.append({"text": text, "windows": calls})
    return {
        "add_bos_token": add_bos_token,
        "max_length": max_length,
        "prefix_token_id": lm.prefix_token_id,
        "loglikelihood": [{"context": c, "continuation": x, "tokens": t} for (c, x), t in zip(LOGLIKELIHOOD, ll_calls)],
        "rolling": rolling,
        "tok_encode": [{"text": s, "tokens": lm.tok_encode(s)} for s in CONTEXTS],
        # HFLM.tok_decode (skip_special_tokens=True), as generate_until decodes continuations
        "tok_decode": [
            {"tokens": ids, "text": lm.tok_decode(ids)}
            for ids in (lm.tok_encode(s, add_special_tokens=False) for s in DECODE)
        ],
    }


def main():
    golden = {
        "source": "lm-eval 0.4.13 HFLM with transformers " + transformers.__version__ + " on stories260K/hf",
        "cases": [case(None, 512), case(False, 512), case(None, 20)],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
