"""CPython's side of bench/PyStd.Benchmarks/MarshalBenchmarks.cs: marshal.loads and marshal.dumps
(version 4) of issue #4's 200,000 records.

Usage: marshal_bench.py [DATA_DIR]
Prints JSON: {"python": version, "bytes": n, "loads_ms": best, "dumps_ms": best}; each time is the best
of 7 timeit runs of one call. With DATA_DIR, also writes DATA_DIR/records-4.marshal, the exact bytes the
.NET side's Loads benchmark reads.
"""
import json
import marshal
import os
import platform
import sys
import timeit

records = [{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "bb"], "active": i % 2 == 0,
            "blob": b"xyzxyzxyz", "t": (i, i + 1)} for i in range(200_000)]

data = marshal.dumps(records, 4)
if len(sys.argv) > 1:
    with open(os.path.join(sys.argv[1], "records-4.marshal"), "wb") as f:
        f.write(data)
dumps = min(timeit.repeat(lambda: marshal.dumps(records, 4), number=1, repeat=7))
loads = min(timeit.repeat(lambda: marshal.loads(data), number=1, repeat=7))

print(json.dumps({"python": platform.python_version(), "bytes": len(data),
                  "loads_ms": loads * 1000, "dumps_ms": dumps * 1000}))
