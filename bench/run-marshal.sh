#!/usr/bin/env bash
# Runs issue #6's marshal benchmarks on both sides in one go and writes the "## marshal" section of
# docs/benchmarks.md:
#   1. CPython: bench/cpython/marshal_bench.py (C marshal, version 4, timeit best of 7); it also writes
#               the data set's marshal bytes, which the .NET Loads benchmark reads
#   2. PyStd:   bench/PyStd.Benchmarks MarshalBenchmarks (BenchmarkDotNet, short job, in-process)
# Usage: bench/run-marshal.sh            (from anywhere; takes about 2 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${MARSHAL_BENCH_WORK:-/tmp/pystd-marshal-bench}"
artifacts="${MARSHAL_BENCH_ARTIFACTS:-/tmp/art-mbench}"
mkdir -p "$work/data"
cd "$root"

# MARSHAL_BENCH_REPORT_ONLY=1 rewrites the section from the results of the last run.
if [ -z "${MARSHAL_BENCH_REPORT_ONLY:-}" ]; then
  echo "== CPython (python3 bench/cpython/marshal_bench.py)" >&2
  python3 bench/cpython/marshal_bench.py "$work/data" > "$work/cpython.json"

  echo "== PyStd (BenchmarkDotNet)" >&2
  rm -rf "$work/bdn"
  MARSHAL_BENCH_DATA="$work/data" dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$artifacts" -- \
    --filter '*MarshalBenchmarks*' '*RecordGraphBenchmarks*' --job short --inProcess --exporters json --artifacts "$work/bdn" >&2
fi

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
ours = {}
bdn = bdn_report.load(work)
for b in bdn["Benchmarks"]:
    ours[b["Method"]] = (b["Statistics"]["Mean"] / 1e6, (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))

def ms(t):
    return "—" if t is None else f"{t:,.1f} ms"

def ratio(slow, fast, target):
    if slow is None or fast is None:
        return "—"
    r = slow / fast
    return f"{r:.2f}× {'✓' if r >= target else '✗'}"

def mbs(n, t):
    return "—" if t is None else f"{n / t / 1e3:,.0f}"

def mb(a):
    return "—" if a is None else f"{a / 1e6:,.0f} MB"

cpu, cores, runtime = bdn_report.machine(bdn)
n = cpy["bytes"]
lines = [
    "## marshal",
    "",
    "Issue #6's performance check on issue #4's data set: 200,000 records `{\"id\": i, \"name\": \"user%d\" % i, \"score\": i * 0.5,",
    "\"tags\": [\"a\", \"bb\"], \"active\": i % 2 == 0, \"blob\": b\"xyzxyzxyz\", \"t\": (i, i + 1)}` in a list, marshal version 4.",
    "`loads` reads the exact bytes CPython's `marshal.dumps(records, 4)` writes (bench/cpython/marshal_bench.py saves them",
    "for the .NET side); `dumps` writes the records. CPython times its C `marshal` (timeit, best of 7); PyStd times",
    "`PyStd.Marshal.Marshal.Loads`/`Dumps` (BenchmarkDotNet, short job, in-process, mean). MB/s is CPython's marshal bytes",
    "per second; allocations are per call. Target: PyStd ≥ 3× CPython (✓ met, ✗ missed).",
    "",
    f"Machine: {cpu} ({cores} cores, shared); {runtime}; CPython {cpy['python']}.",
    "Regenerate with `bench/run-marshal.sh`, which runs `python3 bench/cpython/marshal_bench.py DIR` and",
    "`MARSHAL_BENCH_DATA=DIR dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path /tmp/art-mbench --",
    "--filter '*MarshalBenchmarks*' '*RecordGraphBenchmarks*' --job short --inProcess --exporters json`.",
    "",
    "| work | bytes | CPython | PyStd | PyStd vs CPython (target 3×) | MB/s CPython | MB/s PyStd | allocated PyStd |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for method, work, key in (("Loads", "`loads`", "loads_ms"), ("Dumps", "`dumps` (`Dumps`: a new array)", "dumps_ms"),
                          ("DumpToBuffer", "`dumps` (`Dump` into a reused `ArrayBufferWriter`)", "dumps_ms")):
    t, a = ours.get(method, (None, None))
    c = cpy[key]
    lines.append(f"| {work} | {n:,} | {ms(c)} | {ms(t)} | {ratio(c, t, 3)} | {mbs(n, c)} | {mbs(n, t)} | {mb(a)} |")
def floor_table(intro, what, cpython_key, rows):
    """A floor table: each row (label, method) with its time, allocation and CPython's time divided by it."""
    out = ["", *intro, "", f"| work | time | allocated | CPython `{what}` ÷ this |", "| --- | ---: | ---: | ---: |"]
    for label, method in rows:
        t, a = ours.get(method, (None, None))
        out.append(f"| {label} | {ms(t)} | {mb(a)} | {ratio(cpy[cpython_key], t, 3)} |")
    return out

lines += floor_table([
    "The floor under `loads`, measured in the same run (what it is: the pickle section): the records' graph built in",
    "C# with no input. CPython's `loads` divided by it is about the best ratio any loader could show here:",
], "loads", "loads_ms", [("graph built in C#, nothing parsed", "BuildRecords"), ("PyStd `Marshal.Loads`", "Loads")])
lines += floor_table([
    "What returning a new array adds, in the same run: an array of the output's size with the bytes copied in (in a",
    "loop that never collects, each such array is fresh memory, and first touches of fresh pages cost this VM about",
    "60 ms per 19 MB; under BenchmarkDotNet the GC hands the previous arrays' memory back, as CPython's allocator does):",
], "dumps", "dumps_ms", [(f"a new {n / 1e6:,.0f} MB `byte[]`, bytes copied in", "NewResultArray"), ("PyStd `Marshal.Dumps`", "Dumps")])
lines += [
    "",
    "CPython ran in the same script, so the ratios are the meaningful part: page faults cost very different amounts",
    "on this shared VM from one session to the next (CPython's `marshal.loads` of these bytes took 147 ms in one",
    "session and 395–430 ms in the next; `perf` shows the kernel's fault path on top), and both sides pay them.",
    "History (same script): first version `loads` 149.4 ms vs PyStd 307.5 ms (0.49×, 138 MB), `dumps` 60.9 ms vs",
    "645.7 ms (0.09×, 193 MB); then 1.02× and 0.67×; then 1.28× and 1.87× (every container through an identity table).",
    "",
    "Run to run, this VM has slow periods that last minutes: three runs of this script in one session gave `Dumps`",
    "4.07×, 2.48× and 3.77× CPython (33.8, 54.1 and 35.2 ms against 130–137 ms); a scratch program alternating",
    "versions 2, 3 and 4 of the same write in one process measured version 4 at 33–34 ms in most processes and",
    "54–56 ms in those started during a slow period, the same code throughout. The table is the last run.",
    "",
    "`dumps`: CPython flags an object with `FLAG_REF` when its refcount is above one and looks every such object up",
    "in a hash table by address (here: the interned keys, the shared ints of `id` and `t`, the bytes), which is why",
    "its version 4 takes about 1.7× its version 2 on these records. .NET has no refcounts, so PyStd's writer finds",
    "the containers the graph reaches twice after the fact: a first pass writes every container plainly and appends",
    "it to a log (two sequential stores, no lookup); the log is searched at checkpoints (4,096 entries, then every",
    "sixteenfold) and at the end, by scattering the identity hashes into cache-sized partitions and finding equal",
    "ones in each with a small table. If no container was met twice — these records — the first pass's bytes are",
    "the answer; if some were, a second pass flags exactly those; a cycle or sharing found at a checkpoint falls back",
    "to flagging every container. Before this every dict and list went through an identity table (a random probe",
    "into a multi-megabyte table, a cache miss per container: about 40% of the write). Short strings go through a",
    "small content-keyed cache, bytes and long strings through the identity table, tuples of scalars are never",
    "tracked; the writer's buffer is pooled and grows straight to the thread's last large size, and the result",
    "array is one exact-size copy (the `NewResultArray` row: 1.5–1.7 ms in these runs). The graph walk itself is the floor",
    "(a bare recursive walk over the records, touching every value, takes about two thirds of `Dump`'s time in a scratch",
    "harness). `Marshal.Dump(value, IBufferWriter<byte>)` writes into memory the caller reuses, `Dump(value, stream)`",
    "straight from the buffer.",
    "",
    "`loads`: refs in a plain array, cached boxes for -5..256 and for recently seen ints, dicts presized to the",
    "previous dict's size, interned strings (`t`/`A`/`Z`) shared per load, no per-object `try`/`finally`, tuples",
    "tracked for self-reference only when flagged.",
    "",
    "Why `loads` cannot reach 3× here with the default GC (measured with `perf` and scratch runs, not guessed). `loads` creates about 1.6",
    "million objects that all survive (per record a dict and its entry array, a str, a boxed float, a list and its",
    "array, a tuple, boxed ints); in a `perf` profile of `Loads` (before the allocation work below) about 60% of the",
    "time was in the GC (libcoreclr) and another ~18% in kernel page faults for the growing heap, and only ~20% in",
    "the reader itself.",
    "Building the same graph directly in C#, with no parsing at all, takes about as long as CPython's whole",
    "`marshal.loads` (CPython's refcounting never moves an object; .NET's generational GC copies every survivor from",
    "gen 0 to gen 1 to gen 2). Without collections during the load `Loads` beats 3× (below), but a no-GC region or a",
    "gen0 budget is a process-wide switch a library must not flip. The floor table above measures the first point",
    "in the same run: `Marshal.Loads` takes about as long as building the graph with no input at all.",
    "",
    "The same `loads` without collections (measured separately, not by this script): a minimal console program that",
    "calls `Marshal.Loads` on the data set's bytes 9 times with a `GC.Collect()` between calls and reports the last",
    "two, run as is and with `DOTNET_GCgen0size=0x20000000` in the environment (a 512 MB gen0 budget, so no collection",
    "runs during a load). Default GC: 107–132 ms per load (4 gen0 collections, all of them gen1); no collection:",
    "43–44 ms, 3.4× CPython's 147 ms. Before the allocation work the same program measured 131 ms and 58 ms (2.5×).",
    "That work: dict entries are 16 bytes (key, value) with no stored hash — dicts of up to 8 keys find keys by",
    "equality (an ordinal compare for str keys) and hash only when they grow an index; unflagged 1- and 2-item tuples",
    "keep their items inline (one object, not a tuple and an array); plain `'r'` references (the keys and shared",
    "strings of record data) are read in place by the dict, list and tuple readers. Allocation per load fell from",
    "98 MB to 83 MB.",
]
lines.append("")
section = "\n".join(lines)

bdn_report.write_section(doc, "marshal", section)
print(section)
PY
