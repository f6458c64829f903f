#!/usr/bin/env python3
"""Regenerates the Jinja template corpus that JinjaCorpusTest renders with the Java renderer.

It collects every Jinja template string of lm-eval 0.4.13's task YAML files (doc_to_text,
doc_to_target, doc_to_choice when it is a string, description, gen_prefix, and the same keys inside
fewshot_config; `include:` followed; `!function` values and plain feature names skipped), pairs each
template with sample docs and renders them with Python's Jinja2 configured exactly as lm-eval does
(Environment(loader=BaseLoader, undefined=StrictUndefined, keep_trailing_newline=True) plus the
`regex_replace` filter). Docs are real records from the shared offline datasets when the task's
dataset is there, and otherwise synthesised from the variables the template references, with types
inferred from how the template uses them, in several variants (plain, edge-case whitespace, unicode,
quotes, empty strings, out-of-range numbers...). A hand-written section exercises Python behaviours
that the task zoo uses rarely.

Usage (lm-eval is installed without its dependencies; only jinja2 and pyyaml are needed):
  python3 -m venv /work/venv-jinja
  /work/venv-jinja/bin/pip install --no-deps lm-eval==0.4.13
  /work/venv-jinja/bin/pip install jinja2 pyyaml
  /work/venv-jinja/bin/python tools/jinja/make_corpus.py

Output: platform/kernel/src/test/resources/jinja-corpus/corpus.jsonl.gz, one JSON object per line:
  {"template": str, "sources": [str], "cases": [{"id": str, "doc": {...}, "out": str} |
                                                {"id": str, "doc": {...}, "error": {"type": str, "message": str}}]}
The id (16 hex digits of sha256 over template and doc) is the key of known-mismatches.txt.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import math
import random
import re
import sys
from pathlib import Path

import jinja2
import yaml
from jinja2 import BaseLoader, Environment, StrictUndefined, meta, nodes

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "platform/kernel/src/test/resources/jinja-corpus/corpus.jsonl.gz"
DEFAULT_DATASETS = Path("/work/shared/datasets/hf")
LM_EVAL_VERSION = "0.4.13"
TEMPLATE_KEYS = ("doc_to_text", "doc_to_target", "doc_to_choice", "description", "gen_prefix")


# --------------------------------------------------------------------------------------------
# lm-eval's Jinja environment (lm_eval/utils.py); checked against the installed source below.

def regex_replace(string, pattern, repl, count: int = 0):
    return re.sub(pattern, repl, string, count=count)


ENV = Environment(loader=BaseLoader, undefined=StrictUndefined, keep_trailing_newline=True)
ENV.filters["regex_replace"] = regex_replace


def check_lm_eval(lm_eval_dir: Path) -> None:
    version = importlib.metadata.version("lm_eval")
    if version != LM_EVAL_VERSION:
        sys.exit(f"lm-eval {LM_EVAL_VERSION} required, found {version}")
    source = (lm_eval_dir / "utils.py").read_text(encoding="utf-8")
    compact = re.sub(r"\s+", "", source)
    for needle in (
        "env=Environment(loader=BaseLoader,undefined=StrictUndefined,keep_trailing_newline=True)",
        'env.filters["regex_replace"]=regex_replace',
        "returnre.sub(pattern,repl,string,count=count)",
        "rtemplate=env.from_string(template)returnrtemplate.render(**doc)",
    ):
        if needle not in compact:
            sys.exit(f"lm_eval/utils.py no longer matches this script's environment: {needle}")


def case_id(template: str, doc: dict) -> str:
    """A stable key for known-mismatches.txt: sha256 of the template and the doc, 16 hex digits."""
    payload = template + "\u0000" + json.dumps(doc, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def render(template: str, doc: dict) -> dict:
    try:
        return {"out": ENV.from_string(template).render(**doc)}
    except Exception as e:  # noqa: BLE001 - the class name is the expected outcome
        return {"error": {"type": type(e).__name__, "message": str(e)}}


# --------------------------------------------------------------------------------------------
# YAML loading: lm-eval's loader semantics (include merge, local keys win), !function marked.

class Function(str):
    """A `!function` value; never a template."""


def _loader():
    base = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

    class Loader(base):  # type: ignore[misc,valid-type]
        pass

    Loader.add_constructor("!function", lambda loader, node: Function(loader.construct_scalar(node)))
    return Loader


LOADER = _loader()


def load_yaml(path: Path, seen: frozenset = frozenset()) -> dict:
    path = path.resolve()
    if path in seen:
        raise ValueError(f"include cycle at {path}")
    with path.open("rb") as fh:
        cfg = yaml.load(fh, Loader=LOADER)  # noqa: S506 - our loader is a SafeLoader
    if not isinstance(cfg, dict) or "include" not in cfg:
        return cfg
    includes = cfg.pop("include")
    merged: dict = {}
    for inc in includes if isinstance(includes, list) else [includes]:
        inc_cfg = load_yaml(path.parent / inc, seen | {path})
        if isinstance(inc_cfg, dict):
            inc_cfg.pop("task_list", None)
            merged.update(inc_cfg)
    merged.update(cfg)
    return merged


def is_template(value) -> bool:
    if not isinstance(value, str) or isinstance(value, Function):
        return False
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]*", value):
        return False  # a feature name: lm-eval reads doc[name] without Jinja
    return True


def collect_templates(tasks_dir: Path):
    """Returns {template: {"sources": set, "configs": [cfg...]}}."""
    found: dict[str, dict] = {}
    files = sorted(tasks_dir.rglob("*.yaml"))
    for f in files:
        try:
            cfg = load_yaml(f)
        except Exception as e:  # noqa: BLE001
            print(f"skip {f}: {e}", file=sys.stderr)
            continue
        if not isinstance(cfg, dict):
            continue
        rel = f.relative_to(tasks_dir).as_posix()
        sections = [("", cfg)]
        if isinstance(cfg.get("fewshot_config"), dict):
            sections.append(("fewshot_config.", cfg["fewshot_config"]))
        for prefix, section in sections:
            for key in TEMPLATE_KEYS:
                value = section.get(key)
                if is_template(value):
                    entry = found.setdefault(value, {"sources": set(), "configs": []})
                    entry["sources"].add(f"{rel}:{prefix}{key}")
                    entry["configs"].append(cfg)
    return found


# --------------------------------------------------------------------------------------------
# Real docs from the shared offline datasets (HF layout: <path>/<name or default>/<split>.jsonl).

def dataset_files(cfg: dict, datasets: Path) -> list[Path]:
    path = cfg.get("dataset_path")
    if not isinstance(path, str):
        return []
    name = cfg.get("dataset_name") or "default"
    out = []
    for key in ("test_split", "validation_split", "fewshot_split", "training_split"):
        split = cfg.get(key)
        if isinstance(split, str):
            candidate = datasets / path / str(name) / f"{split}.jsonl"
            if candidate.is_file() and candidate not in out:
                out.append(candidate)
    return out


_DOC_CACHE: dict[Path, list[dict]] = {}


def read_docs(path: Path) -> list[dict]:
    if path not in _DOC_CACHE:
        with path.open(encoding="utf-8") as fh:
            _DOC_CACHE[path] = [json.loads(line) for line in fh if line.strip()]
    return _DOC_CACHE[path]


def real_docs(template: str, configs: list[dict], datasets: Path, rng: random.Random) -> list[dict]:
    files: list[Path] = []
    for cfg in configs:
        for f in dataset_files(cfg, datasets):
            if f not in files:
                files.append(f)
    if not files:
        return []
    rng.shuffle(files)
    docs = []
    for f in sorted(files[:2]):
        records = read_docs(f)
        picks = list(range(min(3, len(records))))
        if len(records) > 3:
            picks += rng.sample(range(3, len(records)), min(2, len(records) - 3))
        docs += [records[i] for i in picks]
    return docs


# --------------------------------------------------------------------------------------------
# Synthesised docs: shapes inferred from the template's AST.

STR_METHODS = {
    "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "replace", "lower", "upper",
    "capitalize", "title", "startswith", "endswith", "find", "rfind", "rindex", "join", "format",
    "isdigit", "isalpha", "isnumeric", "casefold", "swapcase", "zfill", "partition", "rpartition",
    "removeprefix", "removesuffix", "center", "ljust", "rjust",
}
LIST_METHODS = {"index", "count"}
DICT_METHODS = {"keys", "values", "items", "get"}


class Shape:
    """What the template needs a value to be: kind in str, int, list, dict, any."""

    def __init__(self, kind="any"):
        self.kind = kind
        self.elem: Shape | None = None
        self.keys: dict[str, Shape] = {}
        self.min_len = 0
        self.consts: list = []  # literals it is compared with
        self.optional = False  # tested with `is defined`
        self.nullable = False  # tested with `is none`
        self.digits = False  # goes through |int
        self.int_range = 0  # used as an index into a literal list of this length

    def merge(self, other: "Shape") -> "Shape":
        if other is self:
            return self
        if self.kind == "any":
            self.kind = other.kind
        elif other.kind not in ("any", self.kind):
            # conflicting uses (e.g. str method and indexing): strings index too
            if {self.kind, other.kind} == {"str", "list"}:
                self.kind = "str"
        if other.elem is not None:
            self.elem = other.elem if self.elem is None else self.elem.merge(other.elem)
        for k, v in other.keys.items():
            self.keys[k] = self.keys[k].merge(v) if k in self.keys else v
        self.min_len = max(self.min_len, other.min_len)
        self.consts += [c for c in other.consts if c not in self.consts]
        self.optional |= other.optional
        self.nullable |= other.nullable
        self.digits |= other.digits
        self.int_range = max(self.int_range, other.int_range)
        return self


def shape(kind="any", **kw) -> Shape:
    s = Shape(kind)
    for k, v in kw.items():
        setattr(s, k, v)
    return s


class Inference:
    def __init__(self):
        self.vars: dict[str, Shape] = {}
        self.members: list[tuple] = []  # (container expr, element expr): element must be in container
        self.locals: set[str] = set()

    def var(self, name: str) -> Shape:
        return self.vars.setdefault(name, Shape())

    def constrain(self, node, s: Shape) -> None:
        """Records that `node` must have shape `s`."""
        if isinstance(node, nodes.Name):
            if node.name in self.locals:
                self.var("@" + node.name).merge(s)
            else:
                self.var(node.name).merge(s)
        elif isinstance(node, nodes.Getattr):
            if node.attr in STR_METHODS | LIST_METHODS | DICT_METHODS:
                return
            self.constrain(node.node, shape("dict", keys={node.attr: s}))
        elif isinstance(node, nodes.Getitem):
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, int):
                idx = arg.value
                self.constrain(node.node, shape("list", elem=s, min_len=idx + 1 if idx >= 0 else -idx))
            elif isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                self.constrain(node.node, shape("dict", keys={arg.value: s}))
            elif isinstance(arg, nodes.Slice):
                self.constrain(node.node, shape("str"))
            else:
                if isinstance(node.node, (nodes.List, nodes.Tuple)):
                    self.constrain(arg, shape("int", int_range=len(node.node.items)))
                elif isinstance(node.node, nodes.Const) and isinstance(node.node.value, str):
                    self.constrain(arg, shape("int", int_range=len(node.node.value)))
                elif isinstance(node.node, nodes.Dict):
                    keys = [p.key.value for p in node.node.items if isinstance(p.key, nodes.Const)]
                    self.constrain(arg, shape("str", consts=keys))
                else:
                    self.constrain(arg, shape("int"))
                    self.constrain(node.node, shape("list", elem=s, min_len=2))
        elif isinstance(node, nodes.Filter) and node.name in ("string", "trim", "lower", "upper"):
            self.constrain(node.node, Shape())

    def visit(self, node) -> None:
        if isinstance(node, nodes.For):
            targets = [n.name for n in node.target.find_all(nodes.Name)]
            before = set(self.locals)
            self.locals |= set(targets)
            for child in node.body + node.else_:
                self.visit(child)
            if node.test is not None:
                self.visit(node.test)
            elem = self.vars.pop("@" + targets[0], Shape()) if len(targets) == 1 else Shape()
            for t in targets[1:]:
                self.vars.pop("@" + t, None)
            self.locals = before
            self.constrain(node.iter, shape("list", elem=elem, min_len=2))
            self.visit(node.iter)
            return
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            self.constrain(node, Shape())
        if isinstance(node, nodes.Slice):
            for bound in (node.start, node.stop, node.step):
                if bound is not None:
                    self.constrain(bound, shape("int"))
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            for n in node.target.find_all(nodes.Name):
                self.locals.add(n.name)
        if isinstance(node, nodes.Filter):
            if node.name == "length" or node.name == "count":
                self.constrain(node.node, shape("list", elem=shape("str"), min_len=2))
            elif node.name == "join":
                self.constrain(node.node, shape("list", elem=shape("str"), min_len=2))
            elif node.name == "int" or node.name == "float":
                self.constrain(node.node, shape("str", digits=True))
            elif node.name in ("trim", "lower", "upper", "replace", "regex_replace", "capitalize", "title"):
                self.constrain(node.node, shape("str"))
            elif node.name == "map":
                attr = next((kw.value.value for kw in node.kwargs if kw.key == "attribute"
                             and isinstance(kw.value, nodes.Const)), None)
                if attr is not None:
                    self.constrain(node.node, shape("list", elem=shape("dict", keys={attr: shape("str")}), min_len=2))
            elif node.name in ("first", "last", "list", "sort", "unique", "reverse"):
                self.constrain(node.node, shape("list", elem=shape("str"), min_len=2))
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            method, obj = node.node.attr, node.node.node
            if method in STR_METHODS:
                if method == "join":
                    for a in node.args[:1]:
                        self.constrain(a, shape("list", elem=shape("str"), min_len=2))
                else:
                    self.constrain(obj, shape("str"))
                    for a in node.args:
                        self.constrain(a, shape("str"))
            elif method in LIST_METHODS and node.args:
                if isinstance(obj, (nodes.List, nodes.Tuple)):
                    consts = [i.value for i in obj.items if isinstance(i, nodes.Const)]
                    self.constrain(node.args[0], shape("any", consts=consts))
                else:
                    self.constrain(obj, shape("list", elem=shape("str"), min_len=2))
                    self.members.append((obj, node.args[0]))
            elif method in DICT_METHODS:
                self.constrain(obj, shape("dict"))
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range":
            for a in node.args:
                self.constrain(a, shape("int"))
        if isinstance(node, nodes.Test):
            if node.name in ("defined", "undefined"):
                self.mark(node.node, "optional")
            elif node.name == "none":
                self.mark(node.node, "nullable")
        if isinstance(node, nodes.Compare):
            operands = [node.expr] + [op.expr for op in node.ops]
            consts = [o for o in operands if isinstance(o, nodes.Const)]
            for o in operands:
                if isinstance(o, nodes.Const):
                    continue
                for c in consts:
                    if c.value is None:
                        self.mark(o, "nullable")
                    elif isinstance(c.value, bool):
                        pass
                    elif isinstance(c.value, int):
                        self.constrain(o, shape("int", consts=[c.value]))
                    elif isinstance(c.value, str):
                        if any(op.op in ("in", "notin") for op in node.ops) and len(c.value) > 1:
                            self.constrain(o, shape("str", consts=list(c.value)))
                        else:
                            self.constrain(o, shape("str", consts=[c.value]))
        if isinstance(node, (nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow)):
            for side in (node.left, node.right):
                self.constrain(side, shape("int"))
        if isinstance(node, nodes.Add):
            kind = "str"
            for side in (node.left, node.right):
                if isinstance(side, nodes.Const) and isinstance(side.value, int) or (
                        isinstance(side, nodes.Filter) and side.name in ("length", "count", "int")) or isinstance(
                        side, (nodes.Sub, nodes.Mul, nodes.FloorDiv, nodes.Mod)):
                    kind = "int"
            for side in (node.left, node.right):
                self.constrain(side, shape(kind))
        if isinstance(node, nodes.Concat):
            pass
        for child in node.iter_child_nodes():
            self.visit(child)

    def mark(self, node, flag: str) -> None:
        s = Shape()
        setattr(s, flag, True)
        self.constrain(node, s)


# Strings used for the variants. Variant 0 is plain; the others probe edge cases.
WORDS = ["Alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
EDGE_STRINGS = [
    "  leading and trailing spaces  ",
    "\ttabs\tand\nnewlines\n",
    "",
    "It's a \"quoted\" string with a backslash \\ here",
    "Unicode: café, naïve, 中文, emoji 😀 and Ελληνικά",
    "\u00a0nbsp\u00a0and\u2003em space\u3000",
    "line\u2028separator and \x1cfile sep\x1f",
    "12345",
    "A",
    "trailing newline\n",
    "Mixed CASE words HERE",
    " ",
    "ends with period.",
    "x" * 3 + " " + "y" * 3,
]


class Generator:
    def __init__(self, rng: random.Random, variant: int):
        self.rng = rng
        self.variant = variant
        self.counter = 0

    def string(self, s: Shape) -> str:
        self.counter += 1
        if s.consts and self.variant % 3 != 2:
            strs = [c for c in s.consts if isinstance(c, str)]
            if strs:
                return strs[(self.counter + self.variant) % len(strs)]
        if s.digits:
            return ["1", "2", "3", "0", " 4 ", "x", "1.5", "-2"][(self.counter + self.variant) % 8]
        if self.variant == 0:
            return f"{WORDS[self.counter % len(WORDS)]} text {self.counter}?"
        if self.variant == 1:
            return EDGE_STRINGS[self.counter % len(EDGE_STRINGS)]
        if self.variant == 2:
            return EDGE_STRINGS[(self.counter * 5 + 3) % len(EDGE_STRINGS)]
        if self.variant == 3:
            return "" if self.counter % 2 else " "
        return self.rng.choice(EDGE_STRINGS + WORDS)

    def integer(self, s: Shape) -> int:
        self.counter += 1
        ints = [c for c in s.consts if isinstance(c, int) and not isinstance(c, bool)]
        if s.int_range:
            if self.variant == 4:
                return s.int_range + 2  # out of range
            return (self.counter + self.variant) % s.int_range
        if ints and self.variant != 3:
            return ints[(self.counter + self.variant) % len(ints)] + (self.variant == 2)
        return [1, 0, 2, 3, 7][(self.counter + self.variant) % 5]

    def value(self, s: Shape):
        if s.nullable and self.variant in (2, 5):
            return None
        if s.consts and s.kind == "any" and self.variant != 4:
            self.counter += 1
            return s.consts[(self.counter + self.variant) % len(s.consts)]
        if s.kind == "str":
            return self.string(s)
        if s.kind == "int":
            return self.integer(s)
        if s.kind == "list":
            n = max(s.min_len, 2)
            if self.variant == 3:
                n = s.min_len
            elif self.variant == 1:
                n += 1
            elem = s.elem or shape("str")
            return [self.value(elem) for _ in range(n)]
        if s.kind == "dict":
            return {k: self.value(v) for k, v in s.keys.items()}
        # unknown use: mostly strings, sometimes other types
        if self.variant == 5:
            return [None, 3, 1.5, True, ["a", "b"], {"k": "v"}, 0.1, 1e-05][self.counter % 8]
        return self.string(s)


def resolve(doc: dict, node):
    """Evaluates a Name/Getattr/Getitem chain against a doc; None when it cannot."""
    if isinstance(node, nodes.Name):
        return doc.get(node.name)
    if isinstance(node, nodes.Getattr):
        base = resolve(doc, node.node)
        return base.get(node.attr) if isinstance(base, dict) else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = resolve(doc, node.node)
        try:
            return base[node.arg.value]
        except Exception:  # noqa: BLE001
            return None
    return None


def assign(doc: dict, node, value) -> None:
    if isinstance(node, nodes.Name):
        doc[node.name] = value
    elif isinstance(node, nodes.Getattr):
        base = resolve(doc, node.node)
        if isinstance(base, dict):
            base[node.attr] = value


def synthesise_docs(template: str, rng: random.Random) -> list[dict]:
    try:
        ast = ENV.parse(template)
    except jinja2.TemplateSyntaxError:
        return [{}]
    inf = Inference()
    inf.visit(ast)
    for name in meta.find_undeclared_variables(ast):
        inf.var(name)
    names = sorted(n for n in inf.vars if not n.startswith("@") and n not in ENV.globals)
    docs = []
    for variant in range(6):
        gen = Generator(rng, variant)
        doc = {}
        for name in names:
            s = inf.vars[name]
            if s.optional and variant in (1, 3):
                continue
            doc[name] = gen.value(s)
        if variant != 4:
            for container, element in inf.members:
                values = resolve(doc, container)
                if isinstance(values, list) and values:
                    if isinstance(element, nodes.Const):
                        values[(variant + 1) % len(values)] = element.value
                    else:
                        assign(doc, element, values[(variant + 1) % len(values)])
        docs.append(doc)
    unique = []
    for d in docs:
        if d not in unique:
            unique.append(d)
    return unique


# --------------------------------------------------------------------------------------------
# Hand-written templates for the Python behaviours the zoo uses rarely.

S = {"s": "  Hello, World  ", "t": "a,b,,c", "u": "Ünïcödé ß straße ǅ", "e": "", "n": 42, "f": 0.1,
     "l": ["a", "b's", 'c"d', "e'f\"g"], "d": {"k": "v", "n": 1}, "none": None, "b": True,
     "nb": "\u00a0x\u00a0", "emoji": "a😀b", "ws": "\x1c a \x1f", "i": 3, "neg": -7,
     "nested": [[1, 2.5], {"a": [None, True]}], "big": 12345678901234567890, "fl": [1.0, 1e16, 1e-05, 2.5e-7]}

HANDWRITTEN = [
    # Python str() of values
    "{{ n }}|{{ f }}|{{ none }}|{{ b }}|{{ l }}|{{ d }}|{{ nested }}|{{ big }}|{{ fl }}",
    "{{ 1.0 }} {{ 3/2 }} {{ 4/2 }} {{ 7//2 }} {{ -7//2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2**10 }} {{ 2**-1 }} {{ 1e3 }}",
    "{{ (1, 'a') }} {{ (1,) }} {{ () }} {{ [] }} {{ {} }} {{ 1, 2 }} {{ 'a' ~ 1 ~ none ~ [1] }}",
    "{{ 0.1 + 0.2 }} {{ 1/3 }} {{ 10**20 }} {{ 2.0**70 }} {{ 1e-7 }} {{ 123456789.0 * 1000000000 }}",
    "{{ l|string }} {{ d|string }} {{ n|string }} {{ none|string }} {{ f|string }}",
    # str methods
    "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ s.strip(' H') }}][{{ nb.strip() }}][{{ ws.strip() }}]",
    "{{ t.split(',') }} {{ s.split() }} {{ t.split(',', 1) }} {{ t.rsplit(',', 1) }} {{ e.split() }} {{ e.split(',') }}",
    "{{ s.index('o') }} {{ s.find('z') }} {{ s.rfind('o') }} {{ s.count('l') }} {{ s.replace('l', 'L') }} {{ s.replace('l', 'L', 1) }}",
    "{{ s.startswith('  H') }} {{ s.endswith(('x', '  ')) }} {{ ', '.join(l) }} {{ '-'.join(t) }}",
    "{{ u.lower() }}|{{ u.upper() }}|{{ u.capitalize() }}|{{ u.title() }}|{{ 'hELLO wORLD'.capitalize() }}|{{ \"they're bill's\".title() }}",
    "{{ '123'.isdigit() }} {{ '١٢٣'.isdigit() }} {{ '²'.isdigit() }} {{ ''.isdigit() }} {{ 'abc'.isalpha() }} {{ ' \\t'.isspace() }}",
    "{{ '{} and {}'.format('a', 1) }} {{ '{0}{1}{0}'.format('x', 'y') }} {{ '{name}!'.format(name='Bob') }}",
    "{{ s.index('zz') }}",
    "{{ l.index('b\\'s') }} {{ l.count('a') }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.items()|list }} {{ d.get('k') }} {{ d.get('x', 'dflt') }}",
    "{{ emoji[1] }} {{ emoji|length }} {{ emoji[::-1] }} {{ emoji.upper() }}",
    # indexing and slicing
    "{{ s[0] }} {{ s[-1] }} {{ s[2:7] }} {{ s[:-3] }} {{ s[::2] }} {{ s[::-1] }} {{ l[-1] }} {{ l[1:] }} {{ l[::-1] }} {{ l[-2:] }}",
    "{{ l[10] }}",
    "{{ s[100:] }}|{{ l[5:] }}|{{ s[-100:2] }}",
    "{{ d['k'] }} {{ d.k }} {{ d['n'] + 1 }} {{ nested[1].a[1] }} {{ nested[0][1] * 2 }}",
    "{{ d.missing }}",
    "{{ d['missing'] }}",
    "{{ missing }}",
    "{{ missing.attr }}",
    "{{ l[1] is defined }} {{ l[9] is defined }} {{ missing is defined }} {{ missing is undefined }} {{ d.zz is defined }}",
    # operators
    "{{ 'a' + 'b' }} {{ l + ['z'] }} {{ 'ab' * 3 }} {{ [0] * 3 }} {{ 'b' in 'abc' }} {{ 'a' in l }} {{ 'k' in d }} {{ 'z' not in l }}",
    "{{ 'a' + 1 }}",
    "{{ 1 + 'a' }}",
    "{{ 1 == 1.0 }} {{ '1' == 1 }} {{ true == 1 }} {{ [1, 2] == [1, 2] }} {{ 'a' < 'b' }} {{ 2 < 3 < 4 }} {{ 'B' < 'a' }} {{ [1, 2] < [1, 3] }}",
    "{{ 1 < 'a' }}",
    "{{ not n }} {{ not e }} {{ n and 'x' }} {{ e or 'fallback' }} {{ none or 0 }} {{ l and d }} {{ not 1 == 2 }}",
    "{{ '%s is %d years' % ('Bob', 42) }} {{ '%.2f' % 3.14159 }} {{ '%5s|%-5s|' % ('a', 'b') }} {{ '%r' % 'x' }}",
    "{{ 'x' if b else 'y' }} {{ 'x' if e else 'y' }} {{ 1 if none is none }}",
    "{{ 'never' if e }}",
    "{{ -n }} {{ +n }} {{ -f }} {{ neg // 2 }} {{ neg % 5 }} {{ 7 / 2 }} {{ 1 / 0 if false else 0 }}",
    "{{ 1 / 0 }}",
    "{{ range(3)|list }} {{ range(1, 10, 3)|list }} {{ range(3) }} {{ range(5)|length }}",
    # filters
    "{{ l|length }} {{ s|length }} {{ d|length }} {{ l|join }} {{ l|join(', ') }} {{ [1, 2]|join('-') }} {{ n|int }} {{ '3.7'|int }} {{ 'x'|int }} {{ '12'|float }} {{ 'x'|float }}",
    "{{ s|trim }}|{{ s|lower }}|{{ s|upper }}|{{ s|replace('l', '_') }}|{{ l|first }}|{{ l|last }}|{{ missing|default('dv') }}|{{ e|default('dv', true) }}|{{ none|default('dv') }}",
    "{{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['a', 'A', 'b']|unique|list }} {{ [1, 0, 2]|select|list }} {{ [1, 0, 2]|reject|list }}",
    "{{ [{'a': 1}, {'a': 2}]|map(attribute='a')|list }} {{ ['a', 'b']|map('upper')|list }} {{ 'abc'|list }} {{ l|reverse|list }} {{ s|capitalize }} {{ s|title }} {{ s|wordcount }}",
    "{{ 'aXbXc'|regex_replace('X', '-') }} {{ 'a1b22'|regex_replace('\\\\d+', '#', 1) }} {{ 'a b'|regex_replace('(\\\\w) (\\\\w)', '\\\\2 \\\\1') }} {{ 'x\u00a0y'|regex_replace('\\\\s', '_') }}",
    "{{ [1, 2, 3]|sum }} {{ [1, 5, 3]|max }} {{ [1, 5, 3]|min }} {{ -3|abs }} {{ 2.567|round(2) }} {{ 2.5|round }} {{ 3.5|round }} {{ 'abc'|center(9) }}|{{ l|batch(3)|list }}",
    "{{ d|dictsort }} {{ d.items()|list|first }} {{ s|truncate(9) }} {{ 'a\\nb'|indent(2) }} {{ l|tojson }}",
    "{{ none|length }}",
    "{{ missing|length }}",
    "{{ n is number }} {{ s is string }} {{ l is sequence }} {{ d is mapping }} {{ none is none }} {{ n is even }} {{ n is odd }} {{ n is divisibleby 7 }} {{ l is iterable }} {{ 'a' is in l }} {{ n is eq 42 }} {{ f is float }} {{ n is integer }} {{ b is boolean }} {{ b is true }} {{ s is lower }}",
    # statements
    "{% set x = 'v' %}{{ x }}{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t %}block {{ x }}{% endset %}[{{ t }}]",
    "{% for c in 'abc' %}{{ loop.index }}{{ c }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }};{% endfor %}",
    "{% for k, v in d.items() %}{{ k }}={{ v }}{% if not loop.last %}, {% endif %}{% endfor %}",
    "{% for x in [] %}x{% else %}empty{% endfor %}|{% for x in l if x != 'a' %}{{ x }}{% endfor %}|{% for k in d %}{{ k }}{% endfor %}",
    "{% set count = 0 %}{% for i in range(3) %}{% set count = count + 1 %}{{ count }}{% endfor %}{{ count }}",
    "{% set ns = namespace(total=0) %}{% for i in range(4) %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}",
    "{% for x in l %}{{ loop.cycle('odd', 'even') }}{{ loop.changed(x) }}{{ loop.depth }}{% endfor %} {% for x in [1, 2] %}{{ loop.previtem is defined }}/{{ loop.nextitem is defined }}{% endfor %}",
    "{% for x in [1, 2] %}{{ loop.previtem }}{% endfor %}",
    "{% for x in [1, 2] %}{{ loop.revindex0 }}{% if loop.nextitem is defined %}{{ loop.nextitem }}{% endif %}{% endfor %}",
    "{% if n > 40 %}big{% elif n > 10 %}mid{% else %}small{% endif %}{% if e %}E{% endif %}{% if 'false' %}str-true{% endif %}",
    "{% if missing %}x{% endif %}",
    "{% if missing is defined and missing %}x{% else %}no{% endif %}",
    "{% for x in missing %}x{% endfor %}",
    "a  {%- if true -%}  \n b  {%- endif %}  \n{{- ' c ' -}}\n d {#- note -#}   e{# c #}\n",
    "{%- for x in l -%}\n  {{ x }}\n{%- endfor -%}\n",
    "line1\r\nline2\rline3\n{{ 'x' }}\r\n",
    "{% raw %}{{ not rendered }}{% endraw %} {{ '{{' }} {{ '}}' }} {{ \"}}\" }}",
    "{{ 'a\\tb\\n' }}|{{ 'q\\'s' }}|{{ \"d\\\"q\" }}|{{ '\\x41\\u00e9\\\\' }}|{{ '\\d' }}|{{ 'adjacent' 'strings' }}",
    "{{ 'unterminated }}",
    "{% if %}x{% endif %}",
    "{% endif %}",
    "{{ x | nosuchfilter }}",
    "{% for %}{% endfor %}",
    "{{ 1 + }}",
    "{{ s.nosuchmethod() }}",
    "{{ n.real }} {{ d.k.upper() }} {{ l.0 }} {{ (l|first)[0] }} {{ (n + 1) * 2 }}",
    "{{ dict(a=1, b='x') }} {{ {'a': 1, 'b': [2]} }} {{ {'a': 1}['a'] }} {{ {1: 'one'}[1] }} {{ {1.0: 'x'}[1] }}",
    "{{ true }} {{ True }} {{ false }} {{ none }} {{ None }} {{ True + 1 }} {{ True ~ '' }}",
    "{% set l2 = l + [n] %}{{ l2 }}{{ l2|length }}",
    "{{ \"it's\" }} {{ ['it\\'s', \"x\\\"y\", 'back\\\\slash', 'tab\\t', 'nl\\n', '\\x00', '\\u00e9', '\\u200b', '\\U0001F600'] }}",
    "{{ {'k': 'it\\'s', 'n': none, 't': true, 'f': 1.5} }} {{ [1.0, -0.0, 1e22, 1.5e-10, 123456789012345678.0] }}",
]


def handwritten_cases():
    out = []
    for template in HANDWRITTEN:
        out.append((template, [S, {**S, "l": [], "s": "", "n": 0, "d": {}}]))
    return out


# --------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()

    import lm_eval  # noqa: PLC0415 - only for its location

    lm_eval_dir = Path(lm_eval.__file__).resolve().parent
    check_lm_eval(lm_eval_dir)
    rng = random.Random(args.seed)

    templates = collect_templates(lm_eval_dir / "tasks")
    print(f"{len(templates)} distinct templates", file=sys.stderr)

    records = []
    stats = {"cases": 0, "errors": 0, "real": 0}
    for template in sorted(templates):
        entry = templates[template]
        docs = real_docs(template, entry["configs"], args.datasets, rng)
        stats["real"] += len(docs)
        docs += synthesise_docs(template, rng)
        cases = []
        seen = []
        for doc in docs:
            if doc in seen:
                continue
            seen.append(doc)
            case = {"id": case_id(template, doc), "doc": doc, **render(template, doc)}
            cases.append(case)
        records.append({"template": template, "sources": sorted(entry["sources"])[:5], "cases": cases})
    for template, docs in handwritten_cases():
        records.append({"template": template, "sources": ["handwritten"],
                        "cases": [{"id": case_id(template, d), "doc": d, **render(template, d)} for d in docs]})

    for r in records:
        stats["cases"] += len(r["cases"])
        stats["errors"] += sum(1 for c in r["cases"] if "error" in c)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(filename="", mode="wb", fileobj=args.out.open("wb"), mtime=0) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8"))
    print(f"{len(records)} templates, {stats['cases']} cases ({stats['real']} real docs, "
          f"{stats['errors']} expected errors) -> {args.out} ({args.out.stat().st_size} bytes)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
