#!/usr/bin/env python3
"""Regenerates the chat-template request fixtures (--apply_chat_template, --fewshot_as_multiturn,
--system_instruction) from the reference implementation, lm-eval 0.4.13, with transformers' chat template
rendering.

Needs a venv with lm-eval 0.4.13 and transformers (no torch):

    python3 -m venv /work/venv-chat
    echo /work/venv-lmeval/lib/python3.11/site-packages > /work/venv-chat/lib/python3.11/site-packages/lmeval.pth
    /work/venv-chat/bin/pip install transformers
    /work/venv-chat/bin/python tools/tasks/make_chat_goldens.py \
        --out task-bundles/tasks-parity/src/test/resources/golden-chat

The model is lm-eval's `dummy` model given the tokenizer of a copy of the stories260K checkpoint whose
tokenizer_config.json gets the chat templates below (our own templates, in the styles of ChatML and
Llama-2). Rendering goes through lm-eval's own `TemplateLM.chat_template` (the logged template) and
HFLM.apply_chat_template's logic (transformers' `apply_chat_template`, with the retry without system messages).
Each fixture records the tokenizer_config `chat_template` value and the special tokens, so the Java test
can give its fake model the same template.
"""
import argparse
import hashlib
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

import make_goldens as mg  # noqa: E402  (sets the offline environment)
import lm_eval  # noqa: E402
from lm_eval.api.model import TemplateLM  # noqa: E402
from lm_eval.models.dummy import DummyLM  # noqa: E402
import jinja2  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402

CHATML = (
    "{%- for message in messages %}\n"
    "    {%- if message['role'] == 'system' %}\n"
    "<|im_start|>system\n"
    "{{ message['content'] }}<|im_end|>\n"
    "    {% else %}\n"
    "<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] }}<|im_end|>\n"
    "    {% endif %}\n"
    "{%- endfor %}\n"
    "{%- if add_generation_prompt %}\n"
    "<|im_start|>assistant\n"
    "{% endif %}\n"
)

LLAMA2 = (
    "{% if messages[0]['role'] == 'system' %}"
    "{% set rest = messages[1:] %}{% set sys_text = messages[0]['content'] %}"
    "{% else %}{% set rest = messages %}{% set sys_text = none %}{% endif %}"
    "{% for m in rest %}"
    "{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('user and assistant turns must alternate') }}{% endif %}"
    "{% if loop.first and sys_text is not none %}"
    "{% set text = '<<SYS>>\\n' + sys_text + '\\n<</SYS>>\\n\\n' + m['content'] %}"
    "{% else %}{% set text = m['content'] %}{% endif %}"
    "{% if m['role'] == 'user' %}{{ bos_token + '[INST] ' + text.strip() + ' [/INST]' }}"
    "{% elif m['role'] == 'assistant' %}{{ ' ' + text.strip() + ' ' + eos_token }}{% endif %}"
    "{% endfor %}"
)

# Rejects system messages, as Gemma-style templates do: lm-eval then retries without them.
NO_SYSTEM = (
    "{{ bos_token }}\n"
    "{% for m in messages %}\n"
    "  {% if m['role'] == 'system' %}\n"
    "    {{ raise_exception('System role not supported') }}\n"
    "  {% endif %}\n"
    "<start_of_turn>{{ 'model' if m['role'] == 'assistant' else m['role'] }}\n"
    "{{ m['content'] | trim }}<end_of_turn>\n"
    "{% endfor %}\n"
    "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)

NAMED = [{"name": "default", "template": LLAMA2}, {"name": "chatml", "template": CHATML}]

SYSTEM = "You are an expert. Answer with one letter."

RUNS = [
    dict(id="chat_chatml_arc_easy_0shot", template=CHATML, tasks=["arc_easy"], limit=6, chat=True),
    dict(id="chat_chatml_arc_easy_5shot_multiturn", template=CHATML, tasks=["arc_easy"], num_fewshot=5, limit=5,
         chat=True, multiturn=True),
    dict(id="chat_named_arc_easy_3shot", template=NAMED, tasks=["arc_easy"], num_fewshot=3, limit=4,
         chat="chatml", multiturn=True),
    dict(id="chat_chatml_gsm8k_5shot_multiturn", template=CHATML, tasks=["gsm8k"], limit=4, chat=True,
         multiturn=True),
    dict(id="chat_chatml_gsm8k_5shot_singleturn", template=CHATML, tasks=["gsm8k"], limit=4, chat=True,
         multiturn=False),
    dict(id="chat_llama2_gsm8k_5shot_multiturn_system", template=LLAMA2, tasks=["gsm8k"], limit=3, chat=True,
         multiturn=True, system_instruction="Think step by step."),
    dict(id="chat_llama2_mmlu_anatomy_5shot_system", template=LLAMA2, tasks=["mmlu_anatomy"], num_fewshot=5,
         limit=4, chat=True, multiturn=True, system_instruction=SYSTEM),
    dict(id="chat_llama2_mmlu_anatomy_2shot_singleturn_system", template=LLAMA2, tasks=["mmlu_anatomy"],
         num_fewshot=2, limit=4, chat=True, multiturn=False, system_instruction=SYSTEM),
    dict(id="chat_nosystem_mmlu_anatomy_2shot_system", template=NO_SYSTEM, tasks=["mmlu_anatomy"], num_fewshot=2,
         limit=3, chat=True, multiturn=True, system_instruction=SYSTEM),
    dict(id="chat_chatml_winogrande_2shot_singleturn", template=CHATML, tasks=["winogrande"], num_fewshot=2,
         limit=3, chat=True, multiturn=False),
]


class ChatDummyLM(DummyLM):
    """lm-eval's dummy model with a real HF tokenizer: lm-eval's own chat template selection and rendering."""

    def __init__(self, tokenizer_dir):
        super().__init__()
        from transformers import AutoTokenizer
        self._tok = AutoTokenizer.from_pretrained(str(tokenizer_dir))
        self.chat_template_args = {}

    @property
    def tokenizer(self):
        return self._tok

    @property
    def tokenizer_name(self):
        return "stories260K-chat"

    def chat_template(self, chat_template=False):
        return TemplateLM.chat_template(self, chat_template)

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        # HFLM.apply_chat_template (lm_eval/models/huggingface.py needs torch to import): render with the
        # tokenizer's template; on a Jinja TemplateError, retry without the system messages.
        def render(history):
            return self.tokenizer.apply_chat_template(
                history, tokenize=False, add_generation_prompt=add_generation_prompt,
                continue_final_message=not add_generation_prompt, **self.chat_template_args)
        try:
            return render(chat_history)
        except jinja2.exceptions.TemplateError:
            return render([m for m in chat_history if m["role"] != "system"])


def tokenizer_dir(base: Path, template, folder: Path) -> Path:
    shutil.copy(base / "tokenizer.json", folder / "tokenizer.json")
    cfg = json.loads((base / "tokenizer_config.json").read_text(encoding="utf-8"))
    cfg["chat_template"] = template
    (folder / "tokenizer_config.json").write_text(json.dumps(cfg), encoding="utf-8")
    return folder


# Tasks with a gen_prefix (none of the offline-dataset tasks has one): small in-line documents, written as YAML
# with dataset_path json here and with an in-memory dataset by the kernel test (platform/kernel ChatPromptTest).
GEN_PREFIX_DOCS = {
    "train": [{"question": f"Which letter is number {i}?", "answer": i % 4} for i in range(1, 4)],
    "test": [{"question": f"Which letter comes at place {i}?", "answer": (i + 1) % 4} for i in range(3)],
}
GEN_PREFIX_TASKS = {
    "chat_mc_prefix": {"output_type": "multiple_choice", "doc_to_choice": ["A", "B", "C", "D"],
                       "gen_prefix": "Answer:", "description": "Pick one letter.\n\n"},
    "chat_gen_prefix": {"output_type": "generate_until", "doc_to_target": "{{['A','B','C','D'][answer]}}",
                        "gen_prefix": "The answer is ", "generation_kwargs": {"until": ["\n"]}},
}


def gen_prefix_fixture(model: Path, out: Path):
    with tempfile.TemporaryDirectory() as tmp:
        data = {}
        for split, docs in GEN_PREFIX_DOCS.items():
            f = Path(tmp) / f"{split}.jsonl"
            f.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
            data[split] = str(f)
        tasks_dir = Path(tmp) / "tasks"
        tasks_dir.mkdir()
        common = {"dataset_path": "json", "dataset_kwargs": {"data_files": data}, "training_split": "train",
                  "test_split": "test", "doc_to_text": "{{question}}", "doc_to_target": "answer",
                  "num_fewshot": 2, "fewshot_config": {"sampler": "first_n"}}
        for name, extra in GEN_PREFIX_TASKS.items():
            (tasks_dir / f"{name}.yaml").write_text(json.dumps({"task": name, **common, **extra}), encoding="utf-8")
        tm = TaskManager(include_path=str(tasks_dir))
        tok = Path(tmp) / "tok"
        tok.mkdir()
        lm = ChatDummyLM(tokenizer_dir(model, LLAMA2, tok))
        runs = []
        for multiturn in (True, False):
            res = lm_eval.simple_evaluate(model=lm, tasks=list(GEN_PREFIX_TASKS), system_instruction="Be brief.",
                                          apply_chat_template=True, fewshot_as_multiturn=multiturn,
                                          bootstrap_iters=0, log_samples=True, task_manager=tm)
            runs.append({"fewshot_as_multiturn": multiturn,
                         "requests": {t: [r["arguments"] for r in recs] for t, recs in res["samples"].items()}})
    fx = {"template": LLAMA2, "special_tokens": lm.tokenizer.special_tokens_map, "docs": GEN_PREFIX_DOCS,
          "tasks": {n: {**common_for_java(), **t} for n, t in GEN_PREFIX_TASKS.items()}, "runs": runs}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fx, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {sum(len(v) for r in runs for v in r['requests'].values())} request lists", file=sys.stderr)


def common_for_java():
    return {"training_split": "train", "test_split": "test", "doc_to_text": "{{question}}",
            "doc_to_target": "answer", "num_fewshot": 2, "fewshot_config": {"sampler": "first_n"}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=Path("/work/shared/datasets/hf"))
    ap.add_argument("--model", type=Path, default=Path("/work/shared/models/stories260K/hf"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--gen-prefix-out", type=Path,
                    help="also write the gen_prefix fixture (platform/kernel/src/test/resources/chat/gen_prefix.json)")
    ap.add_argument("--only", nargs="*", help="run ids to regenerate")
    a = ap.parse_args()
    if a.gen_prefix_out:
        gen_prefix_fixture(a.model, a.gen_prefix_out)
    logging.getLogger("lm_eval").setLevel(logging.ERROR)
    base = TaskManager()
    runs = [r for r in RUNS if not a.only or r["id"] in a.only]
    needed = sorted({t for r in runs for t in mg.leaf_tasks(base, r["tasks"])})
    a.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tasks_dir = Path(tmp) / "tasks"
        tasks_dir.mkdir()
        mapping = mg.write_variants(base, needed, a.datasets, tasks_dir)
        tm = TaskManager(include_path=str(tasks_dir))
        for i, run in enumerate(runs):
            tok = Path(tmp) / f"tok{i}"
            tok.mkdir()
            lm = ChatDummyLM(tokenizer_dir(a.model, run["template"], tok))
            res = lm_eval.simple_evaluate(
                model=lm, tasks=run["tasks"], num_fewshot=run.get("num_fewshot"), limit=run.get("limit"),
                system_instruction=run.get("system_instruction"), apply_chat_template=run["chat"],
                fewshot_as_multiturn=run.get("multiturn", True), bootstrap_iters=0, log_samples=True,
                task_manager=tm)
            fx = mg.fixture(run, res, mapping)
            fx["request"]["apply_chat_template"] = "" if run["chat"] is True else run["chat"]
            fx["request"]["fewshot_as_multiturn"] = run.get("multiturn", True)
            logged = lm.chat_template(run["chat"])
            fx["chat"] = {
                "tokenizer_config_chat_template": run["template"],
                "special_tokens": lm.tokenizer.special_tokens_map,
                "logged_chat_template": logged,
                "logged_chat_template_sha": hashlib.sha256(logged.encode()).hexdigest() if logged else None,
            }
            text = json.dumps(fx, ensure_ascii=False, indent=1, default=mg.python_callable)
            (a.out / f"{run['id']}.json").write_text(text + "\n", encoding="utf-8")
            n = sum(len(t["docs"]) for t in fx["tasks"].values())
            print(f"{run['id']}: {len(fx['tasks'])} task(s), {n} docs, "
                  f"sha256 {hashlib.sha256(text.encode()).hexdigest()[:12]}", file=sys.stderr)


if __name__ == "__main__":
    main()
