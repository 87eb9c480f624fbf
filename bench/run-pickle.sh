#!/usr/bin/env bash
# Runs issue #4's pickle benchmarks on all three sides in one go and writes the "## pickle" section
# of docs/benchmarks.md:
#   1. CPython:   bench/cpython/pickle_bench.py (C _pickle, timeit best of 7); it also writes the
#                 data set's pickles, which the .NET side checks it loads byte for byte
#   2. PyStd and Razorvine.Pickle 1.5.0: bench/PyStd.Benchmarks PickleBenchmarks and
#                 PickleRazorvineDumpBenchmarks (BenchmarkDotNet, short job, in-process)
# Usage: bench/run-pickle.sh            (from anywhere; takes about 5 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${PICKLE_BENCH_WORK:-/tmp/pystd-pickle-bench}"
mkdir -p "$work/data"
cd "$root"

# PICKLE_BENCH_REPORT_ONLY=1 rewrites the section from the results of the last run.
if [ -z "${PICKLE_BENCH_REPORT_ONLY:-}" ]; then
  echo "== CPython (python3 bench/cpython/pickle_bench.py)" >&2
  python3 bench/cpython/pickle_bench.py "$work/data" > "$work/cpython.json"

  echo "== PyStd and Razorvine.Pickle (BenchmarkDotNet)" >&2
  rm -rf "$work/bdn"
  PICKLE_BENCH_DATA="$work/data" dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$work/build" -- \
    --filter '*PickleBenchmarks*' '*PickleRazorvineDumpBenchmarks*' '*RecordGraphBenchmarks*' --job short --inProcess --exporters json \
    --artifacts "$work/bdn" >&2
fi

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, re, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
ours = {}
bdn = bdn_report.load(work)
for b in bdn["Benchmarks"]:
    m = re.search(r"Protocol=(\d)", b.get("Parameters") or "")
    protocol = m.group(1) if m else "2"
    key = (b["Type"], b["Method"], protocol)
    ours[key] = (b["Statistics"]["Mean"] / 1e6, (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))

def get(type_, method, p):
    return ours.get((type_, method, p), (None, None))

def ms(t):
    return "—" if t is None else f"{t:,.1f} ms"

def ratio(slow, fast, target):
    if slow is None or fast is None:
        return "—"
    r = slow / fast
    return f"{r:.1f}× {'✓' if r >= target else '✗'}"

def mbs(n, t):
    return "—" if t is None else f"{n / t / 1e3:,.0f}"

def mb(a):
    return "—" if a is None else f"{a / 1e6:,.0f} MB"

cpu, cores, runtime = bdn_report.machine(bdn)
lines = [
    "## pickle",
    "",
    "Issue #4's data set: 200,000 records `{\"id\": i, \"name\": \"user%d\" % i, \"score\": i * 0.5, \"tags\": [\"a\", \"bb\"],",
    "\"active\": i % 2 == 0, \"blob\": b\"xyzxyzxyz\", \"t\": (i, i + 1)}` in a list. `loads` reads the bytes CPython writes",
    "(the .NET side checks its input is byte for byte CPython's file); `dumps` writes them. CPython times its C `_pickle`",
    "(timeit, best of 7); PyStd times `Pickle.Loads`/`Pickle.Dumps` and Razorvine.Pickle 1.5.0 its `Unpickler.loads`/",
    "`Pickler.dumps` (BenchmarkDotNet, short job, in-process, mean). Razorvine writes only protocol 2, from `Hashtable`/",
    "`ArrayList`/`object[]`. MB/s is pickle bytes per second; allocations are per call. Targets: PyStd ≥ 3× CPython and",
    "≥ 1.5× Razorvine (✓ met, ✗ missed).",
    "",
    f"Machine: {cpu} ({cores} cores, shared); {runtime}; CPython {cpy['python']}. Regenerate with `bench/run-pickle.sh`.",
    "",
    "| work | protocol | bytes | CPython | PyStd | Razorvine | PyStd vs CPython | PyStd vs Razorvine | MB/s CPython | MB/s PyStd | MB/s Razorvine | allocated PyStd | allocated Razorvine |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for p in ("2", "4", "5"):
    c = cpy["results"][p]
    n = c["bytes"]
    t, a = get("PickleBenchmarks", "Loads", p)
    rt, ra = get("PickleBenchmarks", "LoadsRazorvine", p)
    lines.append(f"| `loads` | {p} | {n:,} | {ms(c['loads_ms'])} | {ms(t)} | {ms(rt)} | {ratio(c['loads_ms'], t, 3)} | "
                 f"{ratio(rt, t, 1.5)} | {mbs(n, c['loads_ms'])} | {mbs(n, t)} | {mbs(n, rt)} | {mb(a)} | {mb(ra)} |")
for p in ("2", "4", "5"):
    c = cpy["results"][p]
    n = c["bytes"]
    t, a = get("PickleBenchmarks", "Dumps", p)
    rt, ra = get("PickleRazorvineDumpBenchmarks", "DumpsRazorvine", p) if p == "2" else (None, None)
    lines.append(f"| `dumps` | {p} | {n:,} | {ms(c['dumps_ms'])} | {ms(t)} | {ms(rt)} | {ratio(c['dumps_ms'], t, 3)} | "
                 f"{ratio(rt, t, 1.5) if p == '2' else '—'} | {mbs(n, c['dumps_ms'])} | {mbs(n, t)} | {mbs(n, rt)} | {mb(a)} | {mb(ra)} |")
floor, floor_alloc = get("RecordGraphBenchmarks", "BuildRecords", "2")
c4 = cpy["results"]["4"]["loads_ms"]
t4, a4 = get("PickleBenchmarks", "Loads", "4")
lines += [
    "",
    "The floor under `loads` (same run): the records' graph built directly in C# through the model's public API with",
    "no input at all — presized dicts and lists, one box per distinct int (`RecordGraphBenchmarks.BuildRecords`). A",
    "loader can beat it only by what the public setters' duplicate-key checks cost, so CPython's `loads` divided by it",
    "is about the best ratio any loader returning the value model could show on this machine:",
    "",
    "| work | time | allocated | CPython `loads` (protocol 4) ÷ this |",
    "| --- | ---: | ---: | ---: |",
    f"| graph built in C#, nothing parsed | {ms(floor)} | {mb(floor_alloc)} | {ratio(c4, floor, 3)} |",
    f"| PyStd `Pickle.Loads`, protocol 4 | {ms(t4)} | {mb(a4)} | {ratio(c4, t4, 3)} |",
]
lines += [
    "",
    "Where `loads` time goes: the load creates about 1.6 million objects (per record a dict and its entry array, a",
    "list and its array, a tuple, a str, a boxed int and a float), and all of them survive, so the default workstation",
    "GC copies them from generation 0 to 1 to 2 as they arrive, and the heap grows into fresh pages the kernel must",
    "fault in. `Pickle.Loads` takes about as long as the floor above (0.8–1.1× its time in these runs): what is left",
    "of a 3× target is the cost of creating the graph in .NET at all, not of reading the pickle. CPython's refcounting frees and reuses memory at",
    "once and never moves an object; a library cannot get that from the .NET GC without changing process-wide",
    "settings (below).",
    "",
    "Page faults cost very different amounts on this shared VM from one session to the next: CPython's `pickle.loads` of",
    "the same bytes took 182 ms in one session and 450–620 ms in the next, with the kernel's fault path (`clear_page`,",
    "the hypervisor's interrupt enable) at the top of a `perf` profile. Both sides pay it, not equally (CPython's",
    "allocator hands emptied arenas back to the kernel and faults them in again), so compare ratios within one run.",
    "",
    "The same load without collections (measured separately, not by this script): a minimal console program that calls",
    "`Pickle.Loads` on the protocol-4 file 9 times with a `GC.Collect()` between calls and reports the last two, run",
    "as is and with `DOTNET_GCgen0size=0x20000000` in the environment (a 512 MB gen0 budget, so no collection runs",
    "during a load). Default GC: 129–165 ms per load (5 gen0 collections, 4 of them gen1); no collection: about 59 ms",
    "(57–61 ms over repeated runs), 3.1× CPython's 182 ms. Before the allocation work below the same program measured",
    "158 ms and 79 ms (2.3×). That work:",
    "dict entries are 16 bytes (key, value) with no stored hash — dicts of up to 8 keys find keys by equality (an",
    "ordinal compare for str keys) and hash only when they grow an index; 1- and 2-item tuples keep their items inline",
    "(one object, not a tuple and an array); the memo is pages of values plus 16-bit depths (10 bytes a slot, nothing",
    "to initialise) and `BINGET` reads it inline. Allocation per load fell from 109 MB to 90 MB.",
    "A second pass took the no-collection load from 66 ms (2.8×) to about 59 ms: `SETITEMS` into an empty dict skips the",
    "duplicate-key search when its keys are the very str objects (from the memo) of the last batch already found distinct,",
    "`MEMOIZE` writes the memo inline, and ASCII text decodes with one check and a widening copy.",
    "",
]
section = "\n".join(lines)

bdn_report.write_section(doc, "pickle", section)
print(section)
PY
