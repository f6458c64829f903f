#!/usr/bin/env python3
"""lm-eval 0.4.13's own local-completions client: requests/s against an OpenAI-compatible server.

Called by bench/http-lmeval-bench.sh (which starts the server and runs lm-eval-java's client on the same one):

    /work/venv-lmeval/bin/python tools/http/lmeval_throughput.py URL N C1 [C2 ...]

Sends N generation requests ("prompt number i", until ["\\n\\n"], 16 tokens max, string prompts:
tokenizer_backend=None) through `LocalCompletionsAPI.generate_until` at each num_concurrent C and prints one line
per C: `num_concurrent=C requests/s`. A warm-up round of min(N, 200) requests comes first.
"""
import logging
import sys
import time

logging.disable(logging.WARNING)

from lm_eval.api.instance import Instance  # noqa: E402
from lm_eval.models.openai_completions import LocalCompletionsAPI  # noqa: E402


def requests(n, offset):
    gen = {"until": ["\n\n"], "max_gen_toks": 16, "do_sample": False}
    return [Instance(request_type="generate_until", doc={}, arguments=(f"prompt number {offset + i}", gen), idx=0)
            for i in range(n)]


def rate(url, n, concurrency, offset):
    model = LocalCompletionsAPI(model="test-model", base_url=url, tokenizer_backend=None, tokenized_requests=False,
                                num_concurrent=concurrency, max_retries=1)
    batch = requests(n, offset)
    t0 = time.perf_counter()
    out = model.generate_until(batch, disable_tqdm=True)
    dt = time.perf_counter() - t0
    assert len(out) == n, "lost responses"
    return n / dt


def main():
    url, n = sys.argv[1], int(sys.argv[2])
    rate(url, min(n, 200), 16, 10_000_000)
    for i, c in enumerate(int(x) for x in sys.argv[3:]):
        print(f"num_concurrent={c} {rate(url, n, c, i * n):.0f}", flush=True)


if __name__ == "__main__":
    main()
