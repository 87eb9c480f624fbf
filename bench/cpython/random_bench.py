"""CPython's side of bench/PyStd.Benchmarks/RandomBenchmarks.cs: the same work with random.Random.

Prints JSON: {"python": version, "results": {"random()": ns_per_call, ...}}. Each figure is the best
of 11 timeit repeats divided by the call count, in nanoseconds per call (per operation for the bulk
rows). The method is a bound method in the timeit globals, the fastest way Python code calls it.
"""
import json
import platform
import random
import timeit

r = random.Random(20251125)
names = {"random": r.random, "getrandbits": r.getrandbits, "randrange": r.randrange, "randbytes": r.randbytes}
cases = {
    "random()": ("random()", 2_000_000),
    "getrandbits(32)": ("getrandbits(32)", 2_000_000),
    "randrange(1000)": ("randrange(1000)", 1_000_000),
    "randbytes(1024)": ("randbytes(1024)", 100_000),
    "1024 random()": ("[random() for _ in range(1024)]", 2_000),
}

results = {}
for name, (stmt, number) in cases.items():
    best = min(timeit.repeat(stmt, number=number, repeat=11, globals=names))
    results[name] = best / number * 1e9

print(json.dumps({"python": platform.python_version(), "results": results}))
