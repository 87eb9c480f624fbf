#!/usr/bin/env bash
# Runs the struct benchmarks on both sides and writes the "## struct" section of docs/benchmarks.md:
#   1. CPython: bench/cpython/struct_bench.py (timeit, best of 7, ns per call)
#   2. PyStd:   bench/PyStd.Benchmarks StructBenchmarks (BenchmarkDotNet, short job, in-process)
# Usage: bench/run-struct.sh            (from anywhere; takes about 3 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${STRUCT_BENCH_WORK:-/tmp/pystd-struct-bench}"
mkdir -p "$work"
cd "$root"

echo "== CPython (python3 bench/cpython/struct_bench.py)" >&2
python3 bench/cpython/struct_bench.py > "$work/cpython.json"

echo "== PyStd (BenchmarkDotNet)" >&2
rm -rf "$work/bdn"
dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$work/build" -- \
  --filter '*StructBenchmarks*' --job short --inProcess --exporters json --artifacts "$work/bdn" >&2

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, re, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
bdn = bdn_report.load(work, "StructBenchmarks")
# StructBenchmarks method names: {Unpack,Pack}{Record,Block}{Hand,Generic,Tuple}.
works = {"UnpackRecord": "unpack >hhl", "PackRecord": "pack >hhl", "UnpackBlock": "unpack <1000d", "PackBlock": "pack <1000d"}
kinds = {"Hand": "hand-written", "Generic": "generic", "Tuple": "PyTuple"}
ours = {}
for b in bdn["Benchmarks"]:
    m = re.fullmatch(r"(UnpackRecord|PackRecord|UnpackBlock|PackBlock)(Hand|Generic|Tuple)", b["Method"])
    if m:
        ours[(works[m.group(1)], kinds[m.group(2)])] = (
            b["Statistics"]["Mean"], (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))

def fmt(ns):
    return f"{ns / 1000:,.2f} µs" if ns >= 10_000 else f"{ns:,.1f} ns"

cpu, cores, runtime = bdn_report.machine(bdn)
lines = [
    "## struct",
    "",
    "Compiled-struct unpack and pack: `struct.Struct('>hhl')` on one 8-byte record and `struct.Struct('<1000d')`",
    "on an 8,000-byte block. CPython times `Struct.unpack`/`Struct.pack` (timeit, best of 7); PyStd times the",
    "PyTuple path (`Struct.Unpack`/`Struct.Pack`, boxed values as Python code sees them), the generic fast path",
    "(`Unpack<short, short, int>`/`PackTo`, `UnpackArray<double>`/`PackArray<double>`), and hand-written",
    "`BinaryPrimitives` code doing the same work (BenchmarkDotNet, short job, in-process).",
    "",
    f"Machine: {cpu}; {runtime}; CPython {cpy['python']}. Regenerate with `bench/run-struct.sh`, which runs",
    "`python3 bench/cpython/struct_bench.py` and",
    "`dotnet run -c Release --project bench/PyStd.Benchmarks -- --filter '*StructBenchmarks*' --job short --inProcess`.",
    "",
    "| work | CPython 3.11 | PyStd PyTuple | PyStd generic | hand-written | generic vs CPython | generic vs hand-written | PyTuple vs CPython |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for cat in ["unpack >hhl", "pack >hhl", "unpack <1000d", "pack <1000d"]:
    c = cpy["results"][cat]
    t, talloc = ours[(cat, "PyTuple")]
    g, galloc = ours[(cat, "generic")]
    h, _ = ours[(cat, "hand-written")]
    lines.append(f"| `{cat}` | {fmt(c)} | {fmt(t)} | {fmt(g)} | {fmt(h)} | {c / g:,.0f}× faster | {g / h:.2f}× the time | {c / t:.1f}× faster |")
lines += ["", "Allocations per call: " + "; ".join(
    f"`{cat}` PyTuple {ours[(cat, 'PyTuple')][1]:,} B, generic {ours[(cat, 'generic')][1]:,} B"
    for cat in ["unpack >hhl", "pack >hhl", "unpack <1000d", "pack <1000d"]) + ".", ""]
section = "\n".join(lines)

bdn_report.write_section(doc, "struct", section)
print(section)
PY
