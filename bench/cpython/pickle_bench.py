"""CPython's side of bench/PyStd.Benchmarks/PickleBenchmarks.cs: pickle.loads and pickle.dumps (the C
_pickle) of issue #4's 200,000 records at protocols 2, 4 and 5.

Usage: pickle_bench.py [DATA_DIR]
Prints JSON: {"python": version, "results": {"2": {"bytes": n, "loads_ms": best, "dumps_ms": best}, ...}};
each time is the best of 7 timeit runs of one call. With DATA_DIR, also writes DATA_DIR/records-N.pkl
so the .NET side can check that it loads exactly these bytes.
"""
import json
import os
import pickle
import platform
import sys
import timeit

records = [{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "bb"], "active": i % 2 == 0,
            "blob": b"xyzxyzxyz", "t": (i, i + 1)} for i in range(200_000)]

results = {}
for protocol in (2, 4, 5):
    data = pickle.dumps(records, protocol)
    if len(sys.argv) > 1:
        with open(os.path.join(sys.argv[1], "records-%d.pkl" % protocol), "wb") as f:
            f.write(data)
    dumps = min(timeit.repeat(lambda: pickle.dumps(records, protocol), number=1, repeat=7))
    loads = min(timeit.repeat(lambda: pickle.loads(data), number=1, repeat=7))
    results[str(protocol)] = {"bytes": len(data), "loads_ms": loads * 1000, "dumps_ms": dumps * 1000}

print(json.dumps({"python": platform.python_version(), "results": results}))
