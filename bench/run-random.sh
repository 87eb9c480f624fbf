#!/usr/bin/env bash
# Runs the random benchmarks on both sides and writes the "## random" section of docs/benchmarks.md:
#   1. CPython: bench/cpython/random_bench.py (timeit, best of 11, ns per call)
#   2. PyStd:   bench/PyStd.Benchmarks RandomBenchmarks (BenchmarkDotNet, short job, in-process)
# Usage: bench/run-random.sh            (from anywhere; takes about 3 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${RANDOM_BENCH_WORK:-/tmp/pystd-random-bench}"
mkdir -p "$work"
cd "$root"

echo "== CPython (python3 bench/cpython/random_bench.py)" >&2
python3 bench/cpython/random_bench.py > "$work/cpython.json"

echo "== PyStd (BenchmarkDotNet)" >&2
rm -rf "$work/bdn"
dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$work/build" -- \
  --filter '*RandomBenchmarks*' --job short --inProcess --exporters json --artifacts "$work/bdn" >&2

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
bdn = bdn_report.load(work, "RandomBenchmarks")
ours = {b["Method"]: (b["Statistics"]["Mean"], (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))
        for b in bdn["Benchmarks"]}

def fmt(ns):
    return f"{ns / 1000:,.2f} µs" if ns >= 10_000 else f"{ns:,.2f} ns"

def alloc(method):
    b = ours[method][1]
    return "0 B" if not b else f"{b:,} B"

# (CPython work, PyStd call, BenchmarkDotNet method, issue target)
rows = [
    ("random()", "`Random()`, each result stored", "Random", "≥ 10×"),
    ("random()", "`Random()`, summed into a `double` local ¹", "RandomSummed", ""),
    ("getrandbits(32)", "`GetRandBits64(32)`", "GetRandBits64", "≥ 5×"),
    ("getrandbits(32)", "`GetRandBits(32)` (a boxed Python int)", "GetRandBits", ""),
    ("randrange(1000)", "`RandRange(1000)`", "RandRange", ""),
    ("randbytes(1024)", "`RandBytes(Span<byte>)`", "RandBytes", "≥ 5×"),
    ("randbytes(1024)", "`RandBytes(1024)` (a new `byte[]`)", "RandBytesArray", ""),
    ("1024 random()", "`NextDoubles(Span<double>)`", "NextDoubles", ""),
]
cpu, cores, runtime = bdn_report.machine(bdn)
pyver = cpy["python"]
lines = [
    "## random",
    "",
    "CPython's `random.Random` against `PyRandom` on the same work and the same stream (seed 20251125).",
    "CPython times a bound method in timeit (best of 11), `1024 random()` as a list comprehension; PyStd",
    "times 1,024 calls per operation (BenchmarkDotNet, short job, in-process). The raw generator is",
    "compared with `MinimalMt19937` (bench/PyStd.Benchmarks), the reference mt19937ar.c transcribed",
    "without tricks.",
    "",
    f"Machine: {cpu}; {runtime}; CPython {pyver}. Regenerate with `bench/run-random.sh`, which runs",
    "`python3 bench/cpython/random_bench.py` and",
    "`dotnet run -c Release --project bench/PyStd.Benchmarks -- --filter '*RandomBenchmarks*' --job short --inProcess`.",
    "",
    f"| work | CPython {pyver.rsplit('.', 1)[0]} | PyStd | time | vs CPython | target | allocated |",
    "| --- | ---: | --- | ---: | ---: | :---: | ---: |",
]
for work_name, call, method, target in rows:
    c = cpy["results"][work_name]
    t = ours[method][0]
    met = "" if not target else (" ✓" if c / t >= float(target.split()[1].rstrip("×")) else " ✗")
    lines.append(f"| `{work_name}` | {fmt(c)} | {call} | {fmt(t)} | {c / t:,.1f}× faster | {target}{met} | {alloc(method)} |")

raw, minimal = ours["RawWord"][0], ours["MinimalWord"][0]
raw53, minimal53 = ours["RawDouble"][0], ours["MinimalDouble"][0]
lines += [
    "",
    "| raw generator | PyStd `MersenneTwister` | `MinimalMt19937` | PyStd / minimal | target |",
    "| --- | ---: | ---: | ---: | :---: |",
    f"| `genrand_uint32` (one word) | {fmt(raw)} | {fmt(minimal)} | {raw / minimal:.2f}× the time | ≤ 1.3×{' ✓' if raw / minimal <= 1.3 else ' ✗'} |",
    f"| `genrand_res53` (`random()`) | {fmt(raw53)} | {fmt(minimal53)} | {raw53 / minimal53:.2f}× the time | |",
    "",
    "PyStd regenerates the 624-word block with 256-bit vectors and tempers it whole into a second",
    "buffer, so a word is one load; `random()` combines its two words as one 53-bit integer (one",
    "conversion, one multiply) and its inlined fast path has no call and no `SystemRandom` test.",
    "",
    "¹ Not `random()`'s cost: a `double` local that lives across a call anywhere in a loop (here the",
    "refill once per 312 draws) is kept in memory by the JIT (SysV x64 has no callee-saved vector",
    "registers), so such a loop is bound by a store, load and add per iteration.",
    "",
]
section = "\n".join(lines)

bdn_report.write_section(doc, "random", section)
print(section)
PY
