#!/usr/bin/env python3
"""Regenerates the Python-compatibility golden fixtures from this machine's CPython (3.11, stdlib only).

Usage (from the repository root):  python3 tools/pycompat/gen_vectors.py [name ...]
Without names every fixture is rewritten. Each fixture is a JSON file under the test resources of the
module whose tests read it; the Java tests replay the recorded calls and compare results exactly.
"""
import json
import os
import random
import struct
import sys

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
    return "".join(r.choice(ALPHABET) for _ in range(n))


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
    seed, count, block = 99, 200000, 10000
    reprs = [repr(x) for x in float_stream(seed, count)]
    hashes = [hashlib.sha256("\n".join(reprs[i:i + block]).encode()).hexdigest() for i in range(0, count, block)]
    write(KERNEL_RES, "python_float.json", {
        "specials": [[str(bits(x)), repr(x)] for x in FLOAT_SPECIALS],
        "stream": {"seed": seed, "count": count, "block": block, "sha256": hashes,
                   "first": reprs[:2000]},
    }, line_depth=2)


FIXTURES = {
    "random": random_fixture,
    "literal": literal_fixture,
    "float": float_fixture,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(FIXTURES)
    for name in names:
        FIXTURES[name]()
