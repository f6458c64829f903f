#!/usr/bin/env python3
"""Regenerates the Python-compatibility golden fixtures from this machine's CPython (3.11, stdlib only).

Usage (from the repository root):  python3 tools/pycompat/gen_vectors.py [name ...]
Without names every fixture is rewritten. Each fixture is a JSON file under the test resources of the
module whose tests read it; the Java tests replay the recorded calls and compare results exactly.
"""
import json
import math
import os
import random
import re
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    # set iteration order (repr of sets, literal fixtures) depends on str hashing: pin it
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
API_RES = os.path.join(ROOT, "api", "src", "test", "resources", "org", "lmeval", "api", "support")
KERNEL_RES = os.path.join(ROOT, "platform", "kernel", "src", "test", "resources", "org", "lmeval", "platform", "python")


def bits(x):
    """A float as the signed 64-bit integer of its IEEE bits (exact, no decimal round trip)."""
    return struct.unpack("<q", struct.pack("<d", x))[0]


def write(directory, name, payload, line_depth=4):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(_lines({"python": sys.version.split()[0], **payload}, 0, line_depth))
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def _lines(value, depth, line_depth):
    """Compact JSON with one line per element of the top two nesting levels (diff-friendly, small)."""
    if depth >= line_depth or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [pad + json.dumps(k, ensure_ascii=True) + ":" + _lines(v, depth + 1, line_depth) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "}"
    return "[\n" + ",\n".join(pad + _lines(v, depth + 1, line_depth) for v in value) + "]"


# ---------------------------------------------------------------------------------------------- random
def random_fixture():
    """Scripts of calls on one random.Random(seed) each; results recorded in call order."""
    assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
    seeds = [0, 1, 2, 42, 1234, -1234, 2**31 - 1, 2**32 - 1, 2**32, 2**32 + 1, 2**63 - 1, 2**64 + 5,
             10**40, -(2**100) - 7, 123456789123456789123456789]
    cases = []
    meta = random.Random(20240601)
    for seed in seeds:
        r = random.Random(seed)
        ops = []

        def op(name, args, result):
            ops.append({"op": name, "args": args, "result": result})

        for _ in range(5):
            op("getrandbits", [32], str(r.getrandbits(32)))
        for _ in range(5):
            op("random", [], str(bits(r.random())))
        for k in [0, 1, 2, 7, 31, 32, 33, 52, 53, 63, 64, 65, 96, 100, 128, 129, 200]:
            op("getrandbits", [k], str(r.getrandbits(k)))
        for n in [1, 2, 3, 5, 10, 100, 2**31 - 1, 2**31, 2**32, 2**32 + 1, 10**12, 2**62 + 3, 2**63 - 1,
                  2**64, 10**30 + 17]:
            op("randbelow", [str(n)], str(r._randbelow(n)))
        for a in [(10,), (0, 10), (-5, 5), (0, 10, 3), (10, 0, -3), (-100, 100, 7), (5, -5, -1), (0, 2**40, 3)]:
            if len(a) == 1:
                op("randrange", [str(a[0])], str(r.randrange(*a)))
            else:
                args = [a[0], a[1], a[2] if len(a) == 3 else 1]
                op("randrange", [str(x) for x in args], str(r.randrange(*args)))
        for a, b in [(1, 6), (0, 0), (-10, 10), (0, 2**31), (-(2**40), 2**40)]:
            op("randint", [str(a), str(b)], str(r.randint(a, b)))
        for n in [0, 1, 2, 4, 10, 57]:
            x = list(range(n))
            r.shuffle(x)
            op("shuffle", [n], x)
        for n, k in [(0, 0), (5, 5), (20, 6), (21, 5), (22, 5), (85, 6), (86, 6), (85, 21), (86, 21),
                     (277, 22), (278, 22), (1119, 26), (39905, 11), (39905, 11), (1000, 300), (10, 0)]:
            op("sample", [n, k], r.sample(range(n), k))
        for n, k in [(10, 10), (1, 3), (7, 0), (1000, 20)]:
            op("choices", [n, k], r.choices(range(n), k=k))
        for n in [1, 3, 1000]:
            op("choice", [n], r.choice(range(n)))
        for a, b in [(0.0, 1.0), (-3.5, 2.25), (10.0, 1.0)]:
            op("uniform", [str(bits(a)), str(bits(b))], str(bits(r.uniform(a, b))))
        for weights, k in [([1.0, 2.0, 3.0], 10), ([0.0, 0.0, 5.0, 0.1], 6), ([0.25] * 8, 5)]:
            op("choices_weighted", [[str(bits(w)) for w in weights], k],
               r.choices(range(len(weights)), weights=weights, k=k))
        # a long tail of mixed calls exercises state continuity across many MT twists
        for _ in range(400):
            kind = meta.randrange(4)
            if kind == 0:
                op("random", [], str(bits(r.random())))
            elif kind == 1:
                k = meta.randrange(1, 150)
                op("getrandbits", [k], str(r.getrandbits(k)))
            elif kind == 2:
                n = meta.randrange(1, 5000)
                k = meta.randrange(0, min(n, 60) + 1)
                op("sample", [n, k], r.sample(range(n), k))
            else:
                n = meta.randrange(1, 10**9)
                op("randbelow", [str(n)], str(r._randbelow(n)))
        cases.append({"seed": str(seed), "ops": ops})
    setsizes = []
    from math import ceil, log
    for k in list(range(0, 200)) + [1000, 5000, 100000, 10**6]:
        setsizes.append([k, 21 + (4 ** ceil(log(k * 3, 4)) if k > 5 else 0)])
    write(API_RES, "python_random.json", {"cases": cases, "setsizes": setsizes})


# --------------------------------------------------------------------------------------------- helpers
def typed(v):
    """A Python value as type-tagged JSON, so the Java side can check types as well as values."""
    if v is None:
        return {"t": "None"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": str(bits(v))}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "v": [typed(x) for x in v]}
    if isinstance(v, tuple):
        return {"t": "tuple", "v": [typed(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "v": [[typed(k), typed(x)] for k, x in v.items()]}
    if isinstance(v, set):
        return {"t": "set", "v": [typed(x) for x in v]}
    raise TypeError(type(v))


ALPHABET = ["a", "b", "Z", " ", "'", '"', "\\", "\n", "\t", "\r", "\x00", "\x07", "\x1f", "\x7f", "\x80",
            "\x9f", "\xa0", "\xad", "\xe9", "\u00df", "\u0130", "\u2028", "\u200b", "\u3000", "\ufeff",
            "\uffff", "\U0001f600", "\U0001d11e", "\U000e0001", "\U0010ffff", "\ud800", "\udfff", "{", "}",
            "#", ",", ":", "1", "\u0394", "\u4e2d", "\u0663", "\u00b2", "\u0378", "\u1680", "\x85", "\U000f0000"]


def random_text(r, n):
    out = ""
    for _ in range(n):
        c = r.choice(ALPHABET)
        if out and "\ud800" <= out[-1] <= "\udbff" and "\udc00" <= c <= "\udfff":
            continue  # a Java String would read these two lone surrogates as one pair
        out += c
    return out


def random_value(r, depth=0):
    kind = r.randrange(10 if depth < 3 else 5)
    if kind == 0:
        return r.choice([None, True, False])
    if kind == 1:
        return r.choice([0, 1, -1, 7, 2**31 - 1, 2**31, -(2**31), -(2**31) - 1, 2**63 - 1, 2**63, -(2**63),
                         -(2**63) - 1, 10**30, r.randrange(-10**6, 10**6)])
    if kind == 2:
        return r.choice([0.0, -0.0, 0.1, 1.5, -2.25, 1e16, 1e-5, 123456.789, 5e-324, 1.7976931348623157e308,
                         r.random(), r.uniform(-1e6, 1e6), float(r.randrange(1000))])
    if kind in (3, 4):
        return random_text(r, r.randrange(0, 8))
    if kind in (5, 6):
        return [random_value(r, depth + 1) for _ in range(r.randrange(0, 5))]
    if kind == 7:
        return tuple(random_value(r, depth + 1) for _ in range(r.randrange(0, 4)))
    if kind == 8:
        return {random_text(r, r.randrange(0, 4)): random_value(r, depth + 1) for _ in range(r.randrange(0, 4))}
    return {random_text(r, r.randrange(1, 4)) for _ in range(r.randrange(1, 4))}


# --------------------------------------------------------------------------------------------- literal
def literal_inputs():
    """Inputs from literal_inputs.txt: '|'-separated, written with Python escapes (control chars stay visible)."""
    out = []
    with open(os.path.join(os.path.dirname(__file__), "literal_inputs.txt"), encoding="utf-8") as f:
        for line in f.read().strip("\n").split("\n"):
            for item in line.split("|"):
                out.append(item.encode("latin-1", "backslashreplace").decode("unicode_escape"))
    return out


def literal_fixture():
    import ast
    cases = []

    def case(text):
        try:
            cases.append({"in": text, "out": typed(ast.literal_eval(text))})
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as e:
            cases.append({"in": text, "error": type(e).__name__})

    for t in literal_inputs():
        case(t)
    r = random.Random(7)
    for _ in range(600):
        v = random_value(r)
        case(repr(v))
        if isinstance(v, (list, dict)):
            case(str(v).replace(", ", ",\n  ") if r.random() < 0.2 else str(v))
    write(KERNEL_RES, "python_literal.json", {"cases": cases}, line_depth=2)


# ---------------------------------------------------------------------------------------------- floats
FLOAT_SPECIALS = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
                  100.0, 1e15, 1e16, 1e17, 9999999999999998.0, 1234567890123456.0, 12345678901234567.0,
                  0.001, 0.0001, 0.00001, 0.00012345, 1.5e-05, 5e-324, 1e-323, 2.2250738585072014e-308,
                  2.225073858507201e-308, 1.7976931348623157e308, 1e22, 1e23, 2e23, 9007199254740993.0,
                  2.82879384806159e17, 1.9400994884341945e25, 5.684341886080802e-14, 2e-3, 4.35e-03,
                  0.2474747474747475, 605.3866, 1e100, 1e-100, 123.456, -123.456e-20, 2.0 ** 63, 2.0 ** -1074,
                  2.0 ** 1023, 2.0 ** -1022, 0.5, 0.25, 3.0e-4, 7.0e16, 8.41e21, 5.0e-324 * 3]


def float_stream(seed, count):
    """The doubles the Java test regenerates with PythonRandom: same calls, same order."""
    r = random.Random(seed)
    for _ in range(count):
        kind = r.randrange(5)
        if kind == 0:
            x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
        elif kind == 1:
            x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(52) | (r.randrange(3) << 52)))[0]
        elif kind == 2:
            x = float("%de%d" % (r.randrange(1, 10 ** r.randrange(1, 18)), r.randrange(-340, 310)))
        elif kind == 3:
            x = r.random()
        else:
            x = r.randrange(1, 10 ** 6) / 10 ** r.randrange(0, 23)
        yield x


def float_fixture():
    import hashlib
    seed, count, block = 99, 100000, 10000
    reprs = [repr(x) for x in float_stream(seed, count)]
    hashes = [hashlib.sha256("\n".join(reprs[i:i + block]).encode()).hexdigest() for i in range(0, count, block)]
    parse_inputs = [" 1.5 ", "1_000.5", "1__0", "_1", "1_", "inf", "-Infinity", "+nan", "nAn", "-nan", "infinit",
                    "1e5", "1E+05", ".5", "5.", ".", "e5", "1e", "0x10", "\u0661\u0662\u0663.\u0665", "\xa01\u3000",
                    "1.5\n", "", "  ", "1e400", "-0", "1_0e1_0", "1.5j", "0b1", "+-1", "- 1", "12.5_", "1.0e-5_0",
                    "0.1", "-1", "3.14159", "1e-5", "  -2.5e+3\t", "1.7976931348623159e308", "4.9e-324", "2.4e-324",
                    "123456789012345678901234567890", "0000.000", "1.", "+.5e-3", "1e+", "\U0001d7d9", "1d", "1f",
                    "NaN", "iNfInItY", "\u00bd", "1,5", "1.2.3", "\x1c1\x1f", "\u200b1"]
    parses = []
    for t in parse_inputs:
        try:
            parses.append([t, str(bits(float(t)))])
        except ValueError as e:
            parses.append([t, None, str(e)])
    powers = [repr(2.0 ** k) if k >= -1022 else repr(math.ldexp(1.0, k)) for k in range(-1074, 1024)]
    powers += [repr(float("1e%d" % k)) for k in range(-323, 309)]
    write(KERNEL_RES, "python_float.json", {
        "specials": [[str(bits(x)), repr(x)] for x in FLOAT_SPECIALS],
        "parse": parses,
        "powers": powers,
        "stream": {"seed": seed, "count": count, "block": block, "sha256": hashes,
                   "first": reprs[:2000]},
    }, line_depth=2)


# ------------------------------------------------------------------------------------- str, repr, json
def handle_non_serializable(o):
    """lm-eval's utils.handle_non_serializable without the numpy branches."""
    if isinstance(o, set):
        return list(o)
    return str(o)


JSON_MODES = {
    "default": dict(default=handle_non_serializable),
    "results": dict(indent=2, ensure_ascii=False, default=handle_non_serializable),
    "samples": dict(ensure_ascii=False, default=handle_non_serializable),
    "indent0": dict(indent=0, default=handle_non_serializable),
    "compact_sorted": dict(separators=(",", ":"), sort_keys=True, default=handle_non_serializable),
    "indent4_sorted_unicode": dict(indent=4, sort_keys=True, ensure_ascii=False, default=handle_non_serializable),
}


def printable_value(r, depth=0):
    """Like random_value, but sets have one member (Python's set order is hash order) and dict keys vary in type."""
    v = random_value(r, depth)
    if isinstance(v, set):
        return {next(iter(v))}
    if isinstance(v, dict) and r.random() < 0.3:
        keys = [None, True, False, 0, 1, -7, 2**70, 0.5, -0.0, 1e16, float("inf"), float("nan"), "k", "\u00e9", "\U0001f600"]
        return {r.choice(keys): printable_value(r, depth + 1) for _ in range(r.randrange(1, 4))}
    if isinstance(v, list):
        return [printable_value(r, depth + 1) if r.random() < 0.5 else x for x in v]
    return v


def strings_fixture():
    cases = []
    r = random.Random(11)
    values = [None, True, False, 0, -1, 2**64, 0.1, -0.0, float("nan"), float("inf"), float("-inf"), 1e16, 1e-5,
              "", "'", '"', "'\"", "a'b", 'a"b', "\\", "\x7f", "\x80", "\xa0", "\xad", "\u2028", "\U0001f600",
              "\ud83d", "\ude00\ud83d", "\U000e0001", "\u0378", "\x1b[0m", "\t\n\r\x0b\x0c", [], (), {}, set(),
              (1,), (1, 2), [[]], {"a": {}}, {1}, {"x": (None,)}, [1.5, "x", None, True], {"k": [1, {"v": "w"}]}]
    values += [printable_value(r) for _ in range(700)]
    for v in values:
        case = {"value": typed(v), "str": str(v), "repr": repr(v)}
        for mode, kwargs in JSON_MODES.items():
            try:
                case[mode] = json.dumps(v, **kwargs)
            except TypeError as e:
                case[mode] = {"error": "TypeError"}
        cases.append(case)
    write(KERNEL_RES, "python_strings.json", {"cases": cases}, line_depth=2)


# ------------------------------------------------------------------------------------- str methods
def ranges(predicate):
    out = []
    for cp in range(0x110000):
        if predicate(cp):
            if out and out[-1][1] == cp - 1:
                out[-1][1] = cp
            else:
                out.append([cp, cp])
    return out


STR_ALPHABET = ["a", "b", "A", "Z", "ß", "İ", "ı", "i", "Σ", "σ", "ς", "Α", "ω", "'", ".", "\u0301", "\u00ad",
                "ǅ", "ǆ", "ﬁ", "ŉ", "ᾳ", "ΐ", "Ⅻ", "½", "²", "五", "٣", "7", "0", "-", "+", " ", "\t", "\n", "\r",
                "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028",
                "\u202f", "\u205f", "\u3000", "\ufeff", "\U0001f600", "\U0001d400", "\U00010400", "\U00010428",
                "x", "y", ",", "ab", "🙂", "\u180e", "A\u0301", "é"]


def random_str(r, n):
    return "".join(r.choice(STR_ALPHABET) for _ in range(n))


def str_ops(s, r):
    """[op, args, result] (or [op, args, null, error message]) for one string."""
    out = []

    def rec(op, args, fn):
        try:
            out.append([op, args, fn()])
        except ValueError as e:
            out.append([op, args, None, str(e)])

    sub = r.choice(["a", "ab", "", " ", "Σ", "🙂", "x", "\n", "ß", s[1:3] if len(s) > 2 else "zz"])
    rep = r.choice(["", "-", "XY", "🙂"])
    chars = r.choice([None, "", "ab", " a", "🙂x", "\u3000\n"])
    sep = r.choice([None, " ", "a", "ab", ",", "🙂", "\n"])
    maxsplit = r.choice([-1, 0, 1, 2])
    start = r.choice([None, 0, 1, -1, -3, 2, 100])
    end = r.choice([None, 0, 2, -1, -2, 100])
    width = r.choice([0, 3, 10])
    for name, fn in [("lower", s.lower), ("upper", s.upper), ("capitalize", s.capitalize), ("title", s.title),
                     ("isspace", s.isspace), ("isdigit", s.isdigit), ("isnumeric", s.isnumeric),
                     ("isdecimal", s.isdecimal), ("isalpha", s.isalpha), ("isalnum", s.isalnum),
                     ("islower", s.islower), ("isupper", s.isupper), ("len", lambda: len(s)),
                     ("strip", s.strip), ("lstrip", s.lstrip), ("rstrip", s.rstrip), ("split", s.split),
                     ("rsplit", s.rsplit)]:
        rec(name, [], fn)
    rec("strip", [chars], lambda: s.strip(chars))
    rec("lstrip", [chars], lambda: s.lstrip(chars))
    rec("rstrip", [chars], lambda: s.rstrip(chars))
    rec("split", [sep, maxsplit], lambda: s.split(sep, maxsplit))
    rec("rsplit", [sep, maxsplit], lambda: s.rsplit(sep, maxsplit))
    rec("split", ["", -1], lambda: s.split(""))
    count = r.choice([-1, 0, 1, 2])
    rec("replace", [sub, rep, count], lambda: s.replace(sub, rep, count))
    rec("find", [sub, start, end], lambda: s.find(sub, start, end))
    rec("rfind", [sub, start, end], lambda: s.rfind(sub, start, end))
    rec("find", [sub], lambda: s.find(sub))
    rec("rfind", [sub], lambda: s.rfind(sub))
    rec("index", [sub], lambda: s.index(sub))
    rec("rindex", [sub], lambda: s.rindex(sub))
    rec("count", [sub], lambda: s.count(sub))
    rec("startswith", [sub], lambda: s.startswith(sub))
    rec("endswith", [sub], lambda: s.endswith(sub))
    rec("zfill", [width], lambda: s.zfill(width))
    rec("slice", [start, end], lambda: s[start:end])
    return out


def str_methods_fixture():
    import unicodedata
    props = {
        "isspace": ranges(lambda c: chr(c).isspace()),
        "isdigit": ranges(lambda c: chr(c).isdigit()),
        "isnumeric": ranges(lambda c: chr(c).isnumeric()),
        "isdecimal": ranges(lambda c: chr(c).isdecimal()),
        "isalpha": ranges(lambda c: chr(c).isalpha()),
        "cased": ranges(lambda c: chr(c).islower() or chr(c).isupper() or chr(c).istitle()),
        # Case_Ignorable, observed through the final-sigma rule: a case-ignorable c between Σ and a
        # cased letter keeps Σ medial (σ); any other uncased c makes it final (ς)
        "case_ignorable": ranges(lambda c: not (chr(c).islower() or chr(c).isupper() or chr(c).istitle())
                                 and ("AΣ" + chr(c) + "A").lower()[1] == "σ"),
        "assigned": ranges(lambda c: unicodedata.category(chr(c)) != "Cn"),
    }
    mappings = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        lo, up, ti, ca = c.lower(), c.upper(), c.title(), c.capitalize()
        if lo != c or up != c or ti != c or ca != c:
            mappings.append([cp, lo, up, ti])
    r = random.Random(3)
    ops = []
    fixed = ["", " ", "a", "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ.", "Σ", "AΣ", "AΣ'", "AΣ'A", "Α\u0301Σ\u0301", "ßtraße", "ﬁnal ﬁx",
             "they're bill's friends", "hello world", "HELLO", "İstanbul", "  a  b  c  ", "a,b,,c,", "\u3000x\u3000",
             "-42", "+7", "½", "²³", "五六", "١٢٣", "🙂a🙂b🙂", "\x1c\x1d\x1e\x1fz", "a\x85b\xa0c", "ǆemal ǅ",
             "ŉ ᾳ ΐ", "x\u180ey", "\u200b"]
    for s in fixed + [random_str(r, r.randrange(0, 10)) for _ in range(600)]:
        ops.append({"s": s, "ops": str_ops(s, r)})
    write(API_RES, "python_str_methods.json", {"props": props, "mappings": mappings, "ops": ops}, line_depth=2)


# -------------------------------------------------------------------------------------------- regex
REGEX_PATTERNS = [
    # lm-eval filters and task utils
    (r"#### (\-?[0-9\.\,]+)", 0), (r"(-?[$0-9.,]{2,})|(-?[0-9]+)", 0), (r"The answer is (\-?[0-9\.\,]+).", 0),
    (r"(?i)answer\s*:\s*([A-D])", 0), (r"\b[A-D]\b", 0), (r"^\s*([A-Z])", 0), (r"[\(\[]?([A-E])[\)\]]?", 0),
    (r"answer is \(?([ABCDEFGHIJ])\)?", 0), (r"(?<=The answer is )(.*)(?=.)", 0), (r"\s+", 0), (r"\W+", 0),
    (r"(?s).*?(?=\n\n|$)", 0), (r"[^\w\s]", 0), (r"\d+(?:\.\d+)?", 0), (r"\$?\d{1,3}(?:,\d{3})*", 0),
    # anchors, dot, multiline
    (r"^", 0), (r"$", 0), (r"^", re.M), (r"$", re.M), (r"^\w+$", re.M), (r"a.b", 0), (r"a.b", re.S),
    (r".+", 0), (r"(?m)^x", 0), (r"\Aab|b\Z", 0), (r"(?s:a.)b.", 0), (r"(?m:^a)|^b", 0),
    # word classes and boundaries (Unicode vs ASCII)
    (r"\w+", 0), (r"\w+", re.A), (r"\d+", 0), (r"\d+", re.A), (r"\s+", re.A), (r"\S+", 0), (r"\D", 0),
    (r"\b\w", 0), (r"\B", 0), (r"\b", 0), (r"\b", re.A), (r"(?a)\b\w+\b", 0), (r"(?a:\w+)\w", 0),
    (r"[\w-]+", 0), (r"[^\W\d]+", 0), (r"[\s\S]", 0), (r"[\b]", 0), (r"[a-c\d]+", 0),
    # empty matches
    (r"", 0), (r"x*", 0), (r"|a", 0), (r"a|", 0), (r"\b|a", 0), (r"(?=a)|a", 0), (r"a??", 0),
    # groups
    (r"(a)|(b)", 0), (r"(?P<first>\w)(?P<rest>\w*)", 0), (r"(?P<x>a)(?P=x)", 0),
    (r"(a)\1", 0), (r"(a)(b)?", 0), (r"((a)|b)+", 0), (r"(?:(a)|b)+", 0), (r"(?>a+)b", 0), (r"a++b", 0),
    (r"(?#comment)a", 0), (r"(a)(?:b)(c)", 0), (r"(\w)(\w)?(\w)?", 0),
    # case
    (r"abc", re.I), (r"[a-z]+", re.I), (r"straße", re.I), (r"(?i)σ", 0), (r"(?i:a)b", 0), (r"(?i)a(?-i:b)", 0),
    (r"ǅ", re.I), (r"k", re.I), (r"[k]", re.I | re.A),
    # quantifiers and literals
    (r"a{2}", 0), (r"a{,2}", 0), (r"a{2,}", 0), (r"a{1,2}?", 0), (r"a{", 0), (r"a{}", 0), (r"a{x}", 0),
    (r"a{1,2}+", 0), (r"x{0}", 0), (r"]", 0), (r"}", 0), (r"[]a]", 0), (r"[^]a]", 0), (r"[a-]", 0),
    (r"[-a]", 0), (r"[[]", 0), (r"[&&a]", 0), (r"[a&&b]", 0), (r"[\[\]]", 0), (r"\.", 0), (r"\ ", 0),
    (r"\x41\u00e9\U0001F600\N{BULLET}", 0), (r"\0\07\101", 0), (r"[\x41-\x43]", 0), (r"\t\n\v\f\r\a", 0),
    (r"[\t\v]", 0), (r"\v", 0), (r"🙂+", 0), (r"[🙂😀]", 0), (r"[\U0001F600-\U0001F64F]", 0), (r".", 0),
    # verbose
    (r"""a b  # comment
         c [ ]""", re.X), (r"(?x) a \  b \# [#]", 0), (r"a b(?x: c d)", 0),
    # lookarounds
    (r"(?<=a)b", 0), (r"(?<!a)b", 0), (r"a(?=b)", 0), (r"a(?!b)", 0), (r"(?<=\b)\w", 0),
]

REGEX_ERRORS = [
    (r"(", 0), (r"{1}", 0), (r")", 0), (r"[a", 0), (r"*a", 0), (r"a**", 0), (r"a{2}{3}", 0), (r"a{3,2}", 0), (r"\q", 0),
    (r"\1", 0), (r"(a)\2", 0), (r"(a\1)", 0), (r"(?P<1a>x)", 0), (r"(?P<a>x)(?P<a>y)", 0), (r"(?P=zz)", 0),
    (r"a(?i)b", 0), (r"[b-a]", 0), (r"[\d-z]", 0), (r"\x4", 0), (r"\u12", 0), (r"\U00110000", 0),
    (r"\N{NOT A NAME}", 0), (r"(?L)a", 0), (r"(?z)", 0), (r"(?<a>x)", 0), (r"^*", 0), (r"\b+", 0), (r"\z", 0),
    (r"x\\y\\", 0), ("\\", 0), (r"(?i-i:a)", 0), (r"(?-a:a)", 0), (r"\400", 0), (r"[\400]", 0),
    (r"(?P<x>a)(?P=x", 0), (r"(?#unterminated", 0), (r"a", re.A | re.U), (r"\8", 0), (r"[\8]", 0), (r"[\A]", 0),
]

REGEX_TEXTS = ["", "a", "ab", "aab", "ba", "abc ABC", "x\ny\n", "a\nb", "line1\nline2\n\n", "a.b a\nb",
               "#### -1,234.5\nfoo", "The answer is 42. So", "Answer: C\nanswer : b", "(B) or [C]",
               "the answer is (D)", "café naïve", "cafe\u0301", "x²³ ٣٤ 五", "hello_world  foo-bar",
               "\u00a0a\u3000b\x1cc", "ΣΑΣ σας", "STRASSE straße", "ǆ ǅ Ǆ", "\u212a k K", "🙂🙂😀 🙂",
               "a{2} aa aaa", "]a]", "$1,234 and 56", "Äpfel über", "ab\r\ncd\r\n", "a b c", "ac ab", "aa",
               "\t\x0b\x0c\r\x07", "[&] &&", "A\u00e9\U0001F600\u2022", "\x00\x07A", "abcabc", "ba ab", "x"]

REGEX_TEMPLATES = [r"<\g<0>>", r"[\1]", r"\g<1>-\g<1>", r"\n\t\\", r"\&", r"x", r"", r"\0", r"\101"]


def regex_fixture():
    cases = []
    for pat, flags in REGEX_PATTERNS:
        rx = re.compile(pat, flags)
        named = list(rx.groupindex)
        results = []
        for i, text in enumerate(REGEX_TEXTS):
            m = rx.search(text)
            entry = {
                "findall": [list(x) if isinstance(x, tuple) else x for x in rx.findall(text)],
                "search": None if m is None else [m.start(), m.end(), list(m.groups())],
                "match": None if (mm := rx.match(text)) is None else [mm.start(), mm.end(), list(mm.groups())],
                "fullmatch": None if (fm := rx.fullmatch(text)) is None else [fm.start(), fm.end()],
                "split": rx.split(text),
                "split1": rx.split(text, maxsplit=1),
            }
            tmpl = REGEX_TEMPLATES[(i + len(cases)) % len(REGEX_TEMPLATES)]
            if rx.groups == 0:
                tmpl = tmpl.replace(r"\1", r"\g<0>").replace(r"\g<1>", "$")
            if named:
                tmpl = tmpl + r"\g<%s>" % named[-1]
            try:
                entry["sub"] = [tmpl, rx.sub(tmpl, text), rx.sub(tmpl, text, count=1)]
            except (re.error, IndexError) as e:
                entry["sub"] = [tmpl, None, str(e)]
            results.append(entry)
        cases.append({"pattern": pat, "flags": flags, "groups": rx.groups, "groupindex": dict(rx.groupindex),
                      "pyflags": rx.flags, "texts": results})
    errors = []
    for pat, flags in REGEX_ERRORS:
        try:
            re.compile(pat, flags)
            errors.append({"pattern": pat, "flags": flags, "error": None})
        except (re.error, ValueError) as e:
            errors.append({"pattern": pat, "flags": flags, "error": str(e)})
    escapes = [[s, re.escape(s)] for s in ["", "a.b", "()[]{}?*+-|^$\\.&~# \t\n\r\v\f", "é_1!@%=<>'\"`,;:/"]]
    write(API_RES, "python_regex.json", {"texts": REGEX_TEXTS, "cases": cases, "errors": errors,
                                         "escape": escapes}, line_depth=3)


# --------------------------------------------------------------------------------------------- math
def lm_eval_mean(arr):
    # the formulas of lm_eval/api/metrics.py (0.4.13), restated
    return sum(arr) / len(arr)


def lm_eval_sample_stddev(arr, square):
    mu = lm_eval_mean(arr)
    return math.sqrt(sum([square(x - mu) for x in arr]) / (len(arr) - 1))


def math_fixture():
    r = random.Random(17)
    arrays = [
        [1, 0, 1, 1, 0, 0, 1, 0, 1, 1], [1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0],
        [True, False, True], [0.1] * 10, [0.1, 0.2, 0.3], [-0.0], [-0.0, -0.0], [1e308, 1e308, -1e308],
        [2**53, 1, 1.0], [2**53 + 1, 0.5], [2**64, 2**64, 1.5], [2**63 - 1, 1], [3, 2**70], [1, 2.5, 3, True],
        [10**30, 3], [7, 3], [1e-300, 1e-300], [0.5, 0.25, 0.125, 1e16, -1e16], [5, 5.0],
    ]
    for _ in range(150):
        n = r.randrange(2, 200)
        kind = r.randrange(5)
        if kind == 0:
            k = r.randrange(n + 1)
            arr = [1.0] * k + [0.0] * (n - k)
            r.shuffle(arr)
        elif kind == 1:
            arr = [r.random() for _ in range(n)]
        elif kind == 2:
            arr = [r.uniform(-50, 0) for _ in range(n)]
        elif kind == 3:
            arr = [r.choice([0, 1, True, False, 0.5, 2**60]) for _ in range(n)]
        else:
            arr = [r.random() * 10 ** r.randrange(-5, 6) for _ in range(n)]
        arrays.append(arr)
    cases = []
    for arr in arrays:
        c = {"values": typed(arr), "sum": typed(sum(arr)), "mean": str(bits(lm_eval_mean(arr)))}
        for key, square in [("", lambda d: d ** 2), ("_exact_square", lambda d: d * d)]:
            try:
                sd = lm_eval_sample_stddev(arr, square)
                c["sample_stddev" + key] = str(bits(sd))
                c["mean_stderr" + key] = str(bits(sd / math.sqrt(len(arr))))
            except (OverflowError, ZeroDivisionError) as e:
                c["sample_stddev" + key] = type(e).__name__
        cases.append(c)
    write(KERNEL_RES, "python_math.json", {"cases": cases}, line_depth=2)


FIXTURES = {
    "math": math_fixture,
    "regex": regex_fixture,
    "str_methods": str_methods_fixture,
    "random": random_fixture,
    "literal": literal_fixture,
    "float": float_fixture,
    "strings": strings_fixture,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(FIXTURES)
    for name in names:
        FIXTURES[name]()
