"""CPython's side of bench/PyStd.Benchmarks/StructBenchmarks.cs: the same work with struct.Struct.

Prints JSON: {"python": version, "results": {"unpack >hhl": ns_per_op, ...}}. Each figure is the best
of 7 timeit repeats, divided by the loop count, in nanoseconds per call.
"""
import json
import platform
import struct
import timeit

record = struct.Struct(">hhl")
record_bytes = record.pack(1, -2, 123456)
block = struct.Struct("<1000d")
doubles = [i * 1.5 for i in range(1000)]
block_bytes = block.pack(*doubles)

# Statements, not lambdas, so the loop measures the struct call and nothing wrapped around it.
names = {"unpack_record": record.unpack, "pack_record": record.pack, "record_bytes": record_bytes,
         "unpack_block": block.unpack, "pack_block": block.pack, "block_bytes": block_bytes, "doubles": doubles}
cases = {
    "unpack >hhl": ("unpack_record(record_bytes)", 1_000_000),
    "pack >hhl": ("pack_record(1, -2, 123456)", 1_000_000),
    "unpack <1000d": ("unpack_block(block_bytes)", 5_000),
    "pack <1000d": ("pack_block(*doubles)", 5_000),
}

results = {}
for name, (stmt, number) in cases.items():
    best = min(timeit.repeat(stmt, number=number, repeat=7, globals=names))
    results[name] = best / number * 1e9

print(json.dumps({"python": platform.python_version(), "results": results}))
