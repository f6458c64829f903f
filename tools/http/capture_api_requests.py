#!/usr/bin/env python3
"""Captures what lm-eval 0.4.13 itself sends over HTTP for `azure-openai-chat-completions` and
`anthropic-completions`, for plugins/model-http's RequestCaptureTest.

A small recording HTTP server on 127.0.0.1 answers the two endpoints with canned answers; lm-eval's model classes
(from its registry, created as the CLI creates them: `create_from_arg_string` with `batch_size`) are pointed at
it through their environment variables and asked `generate_until` for the requests below. Every request is
written out: model name, model args, the lm-eval request (context, gen_kwargs), the HTTP method, request target
(path and query), the headers the Java port must match, and the JSON body.

lm-eval's `anthropic-completions` needs the pre-0.39 `anthropic` SDK (it calls `client.get_tokenizer()`), and
`azure-openai-chat-completions` imports `openai`. Neither is an lm-eval dependency, so install them into a
folder of their own and put only the packages the lm-eval venv lacks on PYTHONPATH:

    /work/venv-lmeval/bin/pip install --target /tmp/capdeps "anthropic==0.34.2" "httpx<0.28" openai
    # link the packages the venv does not have into /tmp/capmin, then
    PYTHONPATH=/tmp/capmin /work/venv-lmeval/bin/python tools/http/capture_api_requests.py \
        --out plugins/model-http/src/test/resources/lmeval-api-requests.json
"""
import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEPT_HEADERS = ("authorization", "api-key", "x-api-key", "anthropic-version", "content-type")
AZURE_KEY = "azure-test-key"
ANTHROPIC_KEY = "anthropic-test-key"
DEPLOYMENT = "test-deployment"

captured = []


class Recorder(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        n = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(n).decode("utf-8"))
        headers = {k.lower(): v for k, v in self.headers.items() if k.lower() in KEPT_HEADERS}
        captured.append({"method": "POST", "target": self.path, "headers": headers, "body": body})
        if self.path.startswith("/openai/deployments/"):
            answer = {"id": "chatcmpl-1", "object": "chat.completion", "model": DEPLOYMENT,
                      "choices": [{"index": 0, "finish_reason": "stop",
                                   "message": {"role": "assistant", "content": " canned answer"}}]}
        elif self.path == "/v1/complete":
            answer = {"id": "compl_1", "type": "completion", "completion": " canned answer",
                      "stop_reason": "stop_sequence", "model": body.get("model")}
        else:
            self.send_error(404)
            return
        data = json.dumps(answer).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


# (model, model_args, [(context, gen_kwargs)]); chat contexts are lm-eval's JSON chat histories
# (what --apply_chat_template gives an API model), completion contexts are plain text
RUNS = [
    ("azure-openai-chat-completions", "", [
        (json.dumps([{"role": "user", "content": "Question: What is 2+2?\nAnswer:"}]),
         {"until": ["\n\n", "Question:"], "do_sample": False}),
        (json.dumps([{"role": "system", "content": "Be brief."},
                     {"role": "user", "content": "Name a colour."}]),
         {"until": ["\n"], "max_gen_toks": 32, "temperature": 0.0, "top_p": 0.9}),
    ]),
    # lm-eval's Azure constructor calls super().__init__() without its **kwargs: max_gen_toks, seed, ... are dropped
    ("azure-openai-chat-completions", f"model={DEPLOYMENT},api_version=2024-06-01,max_gen_toks=100,seed=7", [
        (json.dumps([{"role": "user", "content": "Count to three."}]), {"until": ["."]}),
    ]),
    ("anthropic-completions", "model=claude-test", [
        ("Question: What is 2+2?\nAnswer:", {"until": ["\n\n", "Question:"], "do_sample": False}),
        ("Name a colour.", {"until": ["\n"], "max_gen_toks": 32, "temperature": 0.5}),
    ]),
    ("anthropic-completions", "model=claude-test,max_tokens_to_sample=64,temperature=0.25,top_k=5", [
        ("Say hi.", {"until": []}),
    ]),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}"
    # read at import time by lm-eval's AzureOpenaiChatCompletionsLM signature defaults: set before importing
    os.environ.update(AZURE_OPENAI_API_KEY=AZURE_KEY, AZURE_OPENAI_ENDPOINT=root,
                      AZURE_OPENAI_DEPLOYMENT_NAME=DEPLOYMENT, ANTHROPIC_API_KEY=ANTHROPIC_KEY,
                      ANTHROPIC_BASE_URL=root)
    os.environ.pop("AZURE_OPENAI_API_VERSION", None)

    from lm_eval.api.instance import Instance
    from lm_eval.api.registry import get_model
    from lm_eval.models.api_models import JsonChatStr
    # lm-eval 0.4.13 leaves azure-openai-chat-completions out of its lazy MODEL_MAPPING: the name is registered
    # only once its module has been imported (the CLI alone answers "no model for this name found")
    import lm_eval.models.openai_completions  # noqa: F401

    out = []
    for name, model_args, requests in RUNS:
        lm = get_model(name).create_from_arg_string(model_args, {"batch_size": 1, "max_batch_size": None,
                                                                 "device": None})
        # a chat history reaches an API chat model as lm-eval's JsonChatStr (what apply_chat_template returns)
        chat = name.endswith("chat-completions")
        instances = [Instance("generate_until", {}, (JsonChatStr(ctx) if chat else ctx, dict(kw)), i)
                     for i, (ctx, kw) in enumerate(requests)]
        start = len(captured)
        answers = lm.generate_until(instances, disable_tqdm=True)
        assert len(captured) - start == len(requests), (name, captured[start:])
        for (ctx, kw), req, answer in zip(requests, captured[start:], answers):
            out.append({"model": name, "model_args": model_args, "context": ctx, "gen_kwargs": kw,
                        "answer": answer, **req})
    server.shutdown()
    text = json.dumps({"lm_eval": "0.4.13", "root": root, "requests": out}, indent=2, ensure_ascii=False)
    # the port is random: the test substitutes its own server's root
    text = text.replace(root, "{root}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(f"wrote {len(out)} requests to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
