#!/usr/bin/env python3
"""Regenerates the CLI golden vectors from lm-eval 0.4.13 itself.

Runs lm-eval's own argument parser (lm_eval._cli), MergeDictAction, seed parser,
simple_parse_args_string and EvaluatorConfig.from_cli on the inputs below and writes what they
return (or that they fail) to
distribution/src/test/resources/org/lmeval/cli/lm_eval_0_4_13_cli.json.

Set-up (no torch needed):
    python3 -m venv /tmp/venv-cli
    /tmp/venv-cli/bin/pip install --no-deps lm-eval==0.4.13
    /tmp/venv-cli/bin/pip install pyyaml numpy requests jinja2
    /tmp/venv-cli/bin/python tools/cli/gen_cli_vectors.py

Values are written as JSON with tags for what JSON cannot hold: {"$tuple": [...]}, {"$set": [...]},
{"$float": "nan"|"inf"|"-inf"}, {"$dict": [[key, value], ...]} for dicts with non-string keys.
"""
import argparse
import contextlib
import dataclasses
import importlib.metadata
import io
import json
import math
import sys
import tempfile
import types
from pathlib import Path

from lm_eval._cli.harness import HarnessCLI
from lm_eval._cli.utils import MergeDictAction, _int_or_none_list_arg_type
from lm_eval.config.evaluate_config import EvaluatorConfig
from lm_eval.utils import simple_parse_args_string

# EvaluatorConfig._set_trust_remote_code imports `datasets` only to flip one flag.
sys.modules.setdefault("datasets", types.SimpleNamespace(config=types.SimpleNamespace()))

OUT = Path(__file__).resolve().parents[2] / "distribution/src/test/resources/org/lmeval/cli/lm_eval_0_4_13_cli.json"


def tag(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return {"$float": "nan"}
        if math.isinf(v):
            return {"$float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, tuple):
        return {"$tuple": [tag(x) for x in v]}
    if isinstance(v, (set, frozenset)):
        return {"$set": [tag(x) for x in v]}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v):
            return {k: tag(x) for k, x in v.items()}
        return {"$dict": [[tag(k), tag(x)] for k, x in v.items()]}
    raise TypeError(f"cannot tag {type(v)}: {v!r}")


# ---- MergeDictAction (rule P1): each case is a list of occurrences, each a list of tokens ----
MERGE_CASES = [
    [["pretrained=gpt2"]],
    [["pretrained=gpt2,dtype=float32"]],
    [["pretrained=gpt2", "dtype=float32"]],
    [["a=1", "b=2"], ["c=3"]],
    [["a=1"], ["a=2"]],
    [["a=1,a=2"]],
    [['{"pretrained": "x", "n": 1, "f": 1.5, "b": true, "z": null}']],
    [['{"a": 1}', "b=2"]],
    [["b=2"], ['{"a": 1}']],
    [['{"a": {"b": [1, 2]}}'], ["c=3"]],
    [["x=True"]], [["x=FALSE"]], [["x=tRuE"]],
    [["x=1"]], [["x=007"]], [["x=-1"]], [["x=+1"]], [["x=1.5"]], [["x=1e-5"]], [["x=.5"]], [["x=5."]],
    [["x=1_000"]], [["x=inf"]], [["x=-Infinity"]], [["x=nan"]], [["x= 5"]], [["x=5 "]],
    [["x=None"]], [["x=none"]], [["x='quoted'"]], [['x="dq"']], [["x=abc"]], [["x="]],
    [["x=[1,2,3]"]], [["x=[1, 'a', None]"]], [["x=(1,2)"]], [["x=(1,)"]], [["x={'a': 1}"]], [["x={1: 'a'}"]],
    [["x={1,2}"]], [['x=["\\n\\n"]']], [["until=['\\n\\n', 'Q:']"]], [["x=[1,2],y=3"]],
    [["x=(1,2),y={'a': [3,4]},z=5"]], [["x='a,b',y=2"]], [['x="a,b",y=2']], [["x=it's,y=2"]],
    [["k=v=w"]], [["k==v"]], [["=v"]], [["a=1,,b=2"]], [[",a=1,"]], [["a=1,"]],
    [["a b=1"]], [["x=hello world"]], [["x=C:\\path"]], [["x=/tmp/a=b"]], [["x=True,y=false,z=0"]],
    [["x=1+2"]], [["x=[1,"]], [["x=0x1F"]], [["x=0o17"]], [["x=1__0"]],
    [["x=١٢"]], [["x=²"]], [["x=Ⅷ"]],
    [["pretrained=EleutherAI/pythia-14m,dtype=float32,max_length=2048"]],
    [["temperature=0", "top_p=0.95", 'stop=["\\n\\n"]']],
    [["max_seq_lengths=[4096,8192]", "tokenizer=gpt2"]],
    [["novalue"]], [["a=1", "novalue"]], [["1"]], [["[1,2]"]], [['{"a": 1']], [["{bad}"]], [["{'a': 1}"]],
    [["null"]], [["true"]], [['"str"']],
]


def merge(occurrences):
    p = argparse.ArgumentParser(prog="t", exit_on_error=False)
    p.add_argument("--x", nargs="+", action=MergeDictAction, default=None)
    argv = []
    for occ in occurrences:
        argv += ["--x", *occ]
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            ns = p.parse_args(argv)
        return {"result": tag(ns.x)}
    except SystemExit:
        return {"error": "parser.error"}
    except (ValueError, TypeError) as e:
        return {"error": type(e).__name__}


# ---- --seed ----
SEED_CASES = ["0", "42", "None", "none", "0,1234,1234,1234", "1,2,3", "1,2,3,4", "0,None,8,52", " 5 ,6,7,8",
              "1,2", "1,2,3,4,5", "x", "1.5", "", "+7", "-3", "1_000", "NONE,1,2,3", "1,,3,4"]


def seed(text):
    try:
        return {"result": _int_or_none_list_arg_type(3, 4, "0,1234,1234,1234", text)}
    except ValueError:
        return {"error": "ValueError"}


# ---- simple_parse_args_string (rule P2) ----
SIMPLE_CASES = ["pretrained=gpt2,dtype=float32", "a=1,b=-1,c=1.5,d=1e3", "a=true,b=FALSE,c=None,d=none",
                "a='1',b=\"x y\",c='mixed\"", "a=b=c", "novalue,a=1", " a = 1 , b=2 ", "", "  ", ",,a=1,,",
                "a=+5,b=--5,c=0x10,d=inf,e=nan", "a=[1,2]", "a=007", "a=1,a=2"]


def simple(text):
    return {"result": tag(simple_parse_args_string(text))}


# ---- whole command lines through lm-eval's parser and EvaluatorConfig.from_cli ----
CONFIG_YAML = """\
model: hf
model_args: "pretrained=from_yaml,dtype=float32"
tasks: arc_easy,arc_challenge
limit: 5
num_fewshot: 3
gen_kwargs: {temperature: 0}
seed: 7
"""
ARGV_CASES = [
    "--model dummy --tasks arc_easy",
    "run --model dummy --tasks arc_easy",
    "--model dummy --tasks arc_easy arc_challenge",
    "--model dummy --tasks arc_easy,arc_challenge hellaswag",
    "--model dummy -t arc_easy -t hellaswag",
    "-M dummy -t arc_easy -L 10 -f 5 -b 4",
    "--model dummy --tasks arc_easy --limit 0.5",
    "--model dummy --tasks arc_easy --limit 0",
    "--model dummy --tasks arc_easy --num_fewshot 0",
    "--model dummy --tasks arc_easy --model_args pretrained=gpt2,dtype=float32 max_length=128",
    "--model dummy --tasks arc_easy --model_args a=1 --model_args b=2",
    "--model dummy --tasks arc_easy --gen_kwargs temperature=0 until=['\\n\\n']",
    "--model dummy --tasks arc_easy --metadata max_seq_lengths=[4096,8192] --model_args pretrained=m",
    "--model dummy --tasks arc_easy --seed 42",
    "--model dummy --tasks arc_easy --seed 0,None,8,52",
    "--model dummy --tasks arc_easy --seed 1,2,3",
    "--model dummy --tasks arc_easy --seed 1,2",
    "--model dummy --tasks arc_easy --apply_chat_template",
    "--model dummy --tasks arc_easy --apply_chat_template chatml",
    "--model dummy --tasks arc_easy --apply_chat_template --fewshot_as_multiturn false",
    "--model dummy --tasks arc_easy --fewshot_as_multiturn",
    "--model dummy --tasks arc_easy --fewshot_as_multiturn no",
    "--model dummy --tasks arc_easy --cache_requests",
    "--model dummy --tasks arc_easy --cache_requests refresh",
    "--model dummy --tasks arc_easy --cache_requests bogus",
    "--model dummy --tasks arc_easy --log_samples",
    "--model dummy --tasks arc_easy --log_samples --output_path out",
    "--model dummy --tasks arc_easy --predict_only -o out",
    "--model dummy --tasks arc_easy -s -x -o out",
    "--model dummy --tasks arc_easy --samples {\"arc_easy\":[0,2,5]}",
    "--model dummy --tasks arc_easy --samples {\"arc_easy\":[0]} --limit 3",
    "--model dummy --tasks arc_easy --trust_remote_code --model_args pretrained=x",
    "--model dummy --tasks arc_easy --system_instruction You_are_helpful --write_out --show_config",
    "--model dummy --tasks arc_easy --num_fewshot five",
    "--model dummy --tasks arc_easy --limit ten",
    "--model dummy --tasks arc_easy --modle x",
    "--model dummy --tasks arc_easy --num 2",
    "--model=dummy --tasks=arc_easy --limit=7 -f=3 --model_args=a=1,b=2 -apretrained=m --seed=5 -L8",
    "-Mdummy -tarc_easy -sw -o out --apply_chat_template=chatml --fewshot_as_multiturn=0",
    "--model dummy --tasks arc_easy --model_args=",
    "--model dummy --tasks arc_easy --mod x",
    "--model dummy --tasks",
    "--model dummy --tasks arc_easy --model_args novalue",
    "--model dummy --tasks arc_easy --verbosity debug",
    "--model dummy --tasks arc_easy --wandb_args project=p name=n",
    "--model dummy --tasks arc_easy --hf_hub_log_args hub_results_org=o,push_results_to_hub=True",
    "--config {config}",
    "--config {config} --model dummy --limit 2 --model_args pretrained=cli",
    "--config {config} --num_fewshot 0 --seed 1,2,3,4",
    "--config {config} --tasks hellaswag",
]


def argv_case(line, config_path):
    argv = ["lm-eval", *line.replace("{config}", config_path).split(" ")]
    argv = [a.replace("You_are_helpful", "You are helpful") for a in argv]
    old = sys.argv
    sys.argv = argv
    try:
        cli = HarnessCLI()
        with contextlib.redirect_stderr(io.StringIO()):
            ns = cli.parse_args()
    except SystemExit:
        return {"argv": argv[1:], "outcome": "parse_error"}
    except (ValueError, TypeError) as e:
        return {"argv": argv[1:], "outcome": "parse_exception", "error": type(e).__name__}
    finally:
        sys.argv = old
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            cfg = EvaluatorConfig.from_cli(ns)
    except (ValueError, TypeError) as e:
        return {"argv": argv[1:], "outcome": "config_error", "error": str(e)}
    fields = {f: getattr(cfg, f) for f in (
        "model", "model_args", "tasks", "num_fewshot", "batch_size", "max_batch_size", "limit", "samples",
        "use_cache", "cache_requests", "check_integrity", "write_out", "log_samples", "output_path",
        "predict_only", "system_instruction", "apply_chat_template", "fewshot_as_multiturn", "show_config",
        "include_path", "gen_kwargs", "verbosity", "wandb_args", "hf_hub_log_args", "seed",
        "trust_remote_code", "confirm_run_unsafe_code", "metadata")}
    return {"argv": argv[1:], "outcome": "ok", "config": tag(fields)}


def run_flags():
    cli = HarnessCLI()
    run = cli._subparsers.choices["run"]
    flags = []
    for a in run._actions:
        if not a.option_strings:
            continue
        flags.append({"option_strings": a.option_strings, "dest": a.dest,
                      "nargs": a.nargs if isinstance(a.nargs, (str, int, type(None))) else str(a.nargs),
                      "takes_value": a.nargs != 0, "metavar": a.metavar})
    return flags


def main():
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "run.yaml"
        config.write_text(CONFIG_YAML)
        argv = [argv_case(line, str(config)) for line in ARGV_CASES]
        for case in argv:  # the temporary path is not stable; tests substitute their own copy
            case["argv"] = ["{config}" if a == str(config) else a for a in case["argv"]]
    data = {
        "lm_eval_version": importlib.metadata.version("lm_eval"),
        "python": sys.version.split()[0],
        "config_yaml": CONFIG_YAML,
        "run_flags": run_flags(),
        "evaluator_config_defaults": tag(dataclasses.asdict(EvaluatorConfig())),
        "merge_dict": [{"occurrences": c, **merge(c)} for c in MERGE_CASES],
        "seed": [{"text": c, **seed(c)} for c in SEED_CASES],
        "simple_parse_args_string": [{"text": c, **simple(c)} for c in SIMPLE_CASES],
        "argv": argv,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
