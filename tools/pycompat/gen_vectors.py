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


def write(directory, name, payload):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(_lines({"python": sys.version.split()[0], **payload}, 0))
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def _lines(value, depth):
    """Compact JSON with one line per element of the top two nesting levels (diff-friendly, small)."""
    if depth >= 4 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [pad + json.dumps(k, ensure_ascii=True) + ":" + _lines(v, depth + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "}"
    return "[\n" + ",\n".join(pad + _lines(v, depth + 1) for v in value) + "]"


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


FIXTURES = {
    "random": random_fixture,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(FIXTURES)
    for name in names:
        FIXTURES[name]()
