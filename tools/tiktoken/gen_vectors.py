"""Regenerates plugins/model-http/src/test/resources/tiktoken/vectors.json from Python's tiktoken.

tiktoken downloads its BPE files from openaipublic.blob.core.windows.net; offline, this script gives it the files
embedded in the jtokkit jar instead (TIKTOKEN_CACHE_DIR, named as tiktoken names its cache entries). tiktoken checks
each file against its own expected sha256, so the ranks are OpenAI's, and the vectors compare two independent
implementations of the same encodings.

Usage: python tools/tiktoken/gen_vectors.py path/to/jtokkit-1.1.0.jar   (pip install tiktoken==0.14.0)
"""
import hashlib
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

ENCODINGS = ["r50k_base", "p50k_base", "cl100k_base", "o200k_base"]
URL = "https://openaipublic.blob.core.windows.net/encodings/{}.tiktoken"

TEXTS = [
    "Hello, world!",
    " The capital of France is Paris.",
    "Question: What is 12 + 30?\nAnswer: 42",
    "I'm sure they'll say it's fine, don't you think?",
    "    indented code\n\tdef f(x):\n        return x ** 2  # square\n",
    "numbers 1234567890 3.14159 1e-10 -0.5",
    "Ünïcödé àccents, ß, Ωμέγα, русский текст",
    "中文字符和日本語のテキスト、한국어",
    "emoji 😀👍🏽 and 🇫🇷 flags",
    "multiple   spaces\n\n\nand newlines\r\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "",
    " ",
    "https://example.com/path?query=1&x=y#frag",
]

MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-4-0613", "gpt-3.5-turbo", "gpt-3.5-turbo-instruct",
          "davinci-002", "babbage-002", "text-davinci-003", "text-davinci-001", "davinci", "gpt2", "o1",
          "o3-mini", "gpt-4.1-nano", "gpt-5-mini", "ft:gpt-3.5-turbo:org:x", "code-davinci-edit-001",
          "text-embedding-3-small"]


def main():
    jar = sys.argv[1]
    cache = tempfile.mkdtemp()
    with zipfile.ZipFile(jar) as z:
        for name in ENCODINGS:
            data = z.read(f"com/knuddels/jtokkit/{name}.tiktoken")
            key = hashlib.sha1(URL.format(name).encode()).hexdigest()
            Path(cache, key).write_bytes(data)
    os.environ["TIKTOKEN_CACHE_DIR"] = cache
    import tiktoken

    out = {"tiktoken_version": tiktoken.__version__, "encodings": {}, "models": {}}
    for name in ENCODINGS:
        enc = tiktoken.get_encoding(name)
        cases = []
        for text in TEXTS:
            ids = enc.encode(text)
            # decoding a prefix may cut a character: tiktoken replaces the broken bytes
            cases.append({"text": text, "ids": ids, "eot": enc.eot_token,
                          "prefix_decoded": enc.decode(ids[: max(1, len(ids) - 1)]) if ids else ""})
        out["encodings"][name] = cases
    from tiktoken.model import encoding_name_for_model
    for m in MODELS:
        out["models"][m] = encoding_name_for_model(m)
    target = Path(__file__).resolve().parents[2] / "plugins/model-http/src/test/resources/tiktoken/vectors.json"
    lines = ["{", f' "tiktoken_version": {json.dumps(out["tiktoken_version"])},', ' "models": '
             + json.dumps(out["models"], ensure_ascii=False) + ",", ' "encodings": {']
    for i, (name, cases) in enumerate(out["encodings"].items()):
        lines.append(f'  {json.dumps(name)}: [')
        lines += ["   " + json.dumps(c, ensure_ascii=False) + ("," if k < len(cases) - 1 else "")
                  for k, c in enumerate(cases)]
        lines.append("  ]" + ("," if i < len(out["encodings"]) - 1 else ""))
    lines += [" }", "}"]
    json.loads("\n".join(lines))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
