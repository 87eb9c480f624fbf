#!/usr/bin/env bash
# Runs the queue benchmarks on both sides and writes the "## queue" section of docs/benchmarks.md:
#   1. CPython: bench/cpython/queue_bench.py (queue.Queue, ns per item)
#   2. PyStd:   bench/PyStd.Benchmarks QueueBenchmarks (BenchmarkDotNet, short job, in-process)
# Usage: bench/run-queue.sh            (from anywhere; takes about 3 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${QUEUE_BENCH_WORK:-/tmp/pystd-queue-bench}"
mkdir -p "$work"
cd "$root"

echo "== CPython (python3 bench/cpython/queue_bench.py)" >&2
python3 bench/cpython/queue_bench.py > "$work/cpython.json"

echo "== PyStd (BenchmarkDotNet)" >&2
rm -rf "$work/bdn"
dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$work/build" -- \
  --filter '*QueueBenchmarks*' --job short --inProcess --exporters json --artifacts "$work/bdn" >&2

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, re, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
bdn = bdn_report.load(work, "QueueBenchmarks")
# QueueBenchmarks method names: {Single,OneByOne,FourByFour}{Channel,PyQueue,SimpleQueue,BlockingCollection}.
works = {"Single": "single", "OneByOne": "1x1", "FourByFour": "4x4"}
ours = {}
for b in bdn["Benchmarks"]:
    m = re.fullmatch(r"(Single|OneByOne|FourByFour)(Channel|PyQueue|SimpleQueue|BlockingCollection)", b["Method"])
    if m:
        ours[(works[m.group(1)], m.group(2))] = b["Statistics"]["Mean"]

def fmt(ns):
    return f"{ns / 1000:,.2f} µs" if ns >= 10_000 else f"{ns:,.1f} ns"

labels = {
    "single": "one thread: put 1,000 then get 1,000",
    "1x1": "1 producer / 1 consumer, 100,000 items",
    "4x4": "4 producers / 4 consumers, 100,000 items",
}
cpu, cores, runtime = bdn_report.machine(bdn)
lines = [
    "## queue",
    "",
    "Time per item moved through a queue (put + get; the single-threaded `PyQueue` and CPython runs also",
    "call `task_done`). CPython times `queue.Queue` with real threads (bench/cpython/queue_bench.py);",
    "PyStd times `PyQueue<int>` and `SimpleQueue<int>` (blocking calls on dedicated threads) beside an",
    "unbounded `System.Threading.Channels` channel (async consumers: `WaitToReadAsync`/`TryRead`) and",
    "`BlockingCollection<int>` (BenchmarkDotNet, short job, in-process). Taken on a loaded 2-core machine",
    "shared with other jobs, so the threaded rows in particular move from run to run.",
    "",
    f"Machine: {cpu}; {runtime}; CPython {cpy['python']}. Regenerate with `bench/run-queue.sh`, which runs",
    "`python3 bench/cpython/queue_bench.py` and",
    "`dotnet run -c Release --project bench/PyStd.Benchmarks -- --filter '*QueueBenchmarks*' --job short --inProcess`.",
    "",
    "| work | CPython `queue.Queue` | `PyQueue` | `SimpleQueue` | Channel | BlockingCollection | PyQueue vs CPython | PyQueue vs Channel |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for w in ["single", "1x1", "4x4"]:
    c = cpy["results"][w]
    p, s, ch, bc = (ours[(w, k)] for k in ["PyQueue", "SimpleQueue", "Channel", "BlockingCollection"])
    lines.append(f"| {labels[w]} | {fmt(c)} | {fmt(p)} | {fmt(s)} | {fmt(ch)} | {fmt(bc)} | {c / p:,.0f}× faster | {p / ch:.2f}× the time |")
lines.append("")
section = "\n".join(lines)

bdn_report.write_section(doc, "queue", section)
print(section)
PY
