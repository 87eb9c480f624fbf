"""CPython's side of the `pystd random` CLI tests: runs the same calls and prints the same lines.

Reads JSON lines from its first argument: {"py27": bool, "seed": literal or null, "version": 1|2, "method",
"args": [literal...], "kw": {name: literal}, "count": n}; prints repr() of each result, one per
line (shuffle: the list after each shuffle), then a line "---" after each case.
--py27 runs gen_random27_tables.Random27 (Python 2.7's random.py transcribed); binomialvariate on
a python3 older than 3.12 runs gen_random_tables.binomialvariate (3.13's algorithm transcribed).
"""
import ast
import json
import random
import sys

import gen_random27_tables
import gen_random_tables

for line in sys.argv[1].splitlines():
    case = json.loads(line)
    seed = None if case["seed"] is None else ast.literal_eval(case["seed"])
    if case["py27"]:
        r = gen_random27_tables.Random27(seed)
    else:
        r = random.Random()
        r.seed(seed, version=case["version"])
    args = [ast.literal_eval(a) for a in case["args"]]
    kw = {k: ast.literal_eval(v) for k, v in case["kw"].items()}
    method = case["method"]
    out = []
    for _ in range(case["count"]):
        if method == "binomialvariate" and not hasattr(r, "binomialvariate"):
            out.append(repr(gen_random_tables.binomialvariate(r, *args, **kw)))
        elif method == "shuffle":
            r.shuffle(args[0])
            out.append(repr(args[0]))
        else:
            out.append(repr(getattr(r, method)(*args, **kw)))
    out.append("---")
    sys.stdout.write("\n".join(out) + "\n")
