#!/usr/bin/env bash
# Runs the subprocess benchmarks on both sides and writes the "## subprocess" section of docs/benchmarks.md:
#   1. CPython: bench/cpython/subprocess_bench.py (timeit / best of runs)
#   2. PyStd:   bench/PyStd.Benchmarks SubprocessBenchmarks (BenchmarkDotNet, short job, in-process),
#               with System.Diagnostics.Process and CliWrap measured side by side
# Usage: bench/run-subprocess.sh            (from anywhere; takes about 5 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${SUBPROCESS_BENCH_WORK:-/tmp/pystd-subprocess-bench}"
mkdir -p "$work"
cd "$root"

echo "== CPython (python3 bench/cpython/subprocess_bench.py)" >&2
python3 bench/cpython/subprocess_bench.py > "$work/cpython.json"

echo "== PyStd (BenchmarkDotNet)" >&2
rm -rf "$work/bdn"
dotnet run -c Release --project bench/PyStd.Benchmarks --artifacts-path "$work/build" -- \
  --filter '*SubprocessBenchmarks*' --job short --inProcess --exporters json --artifacts "$work/bdn" >&2

PYTHONPATH="$root/bench" python3 - "$work" "$root/docs/benchmarks.md" <<'PY'
import json, os, sys

work, doc = sys.argv[1], sys.argv[2]
import bdn_report
cpy = json.load(open(os.path.join(work, "cpython.json")))
bdn = bdn_report.load(work, "SubprocessBenchmarks")
ours = {b["Method"]: (b["Statistics"]["Mean"], (b.get("Memory") or {}).get("BytesAllocatedPerOperation")) for b in bdn["Benchmarks"]}
GIB = 1 << 30

def ms(ns):
    return f"{ns / 1e6:,.2f} ms"

def gbs(ns):
    return f"{GIB / (ns / 1e9) / 1e9:,.2f} GB/s"

cpu, cores, runtime = bdn_report.machine(bdn)
c = cpy["results"]
lines = [
    "## subprocess",
    "",
    "Spawn-and-wait of `/bin/true`, and 1 GiB (1,073,741,824 bytes) piped through `cat`. PyStd starts",
    "children with `posix_spawn` (docs/subprocess.md); `System.Diagnostics.Process` and CliWrap 3.10.5 are",
    "measured in the same run, CPython's `subprocess` with `timeit` (best of 5 × 200 calls; pipes best of 3).",
    "The pipe runs use 1 MiB pipes (`PipeSize`/`pipesize`) and 1 MiB writes; \"streams\" is a writer thread",
    "plus a reading loop over `Popen.Stdin`/`Popen.Stdout`, \"communicate\" is one `Communicate(1 GiB)`.",
    "",
    f"Machine: {cpu}; {runtime}; CPython {cpy['python']}. **Numbers were taken on a loaded 2-core machine**",
    "(other builds and tests running), so read them as ratios measured side by side, not as absolutes.",
    "Regenerate with `bench/run-subprocess.sh`, which runs `python3 bench/cpython/subprocess_bench.py` and",
    "`dotnet run -c Release --project bench/PyStd.Benchmarks -- --filter '*SubprocessBenchmarks*' --job short --inProcess`.",
    "",
    "| spawn and wait `/bin/true` | time per process | allocated |",
    "| --- | ---: | ---: |",
]
for name, method in [("PyStd `new Popen(...)` + `Wait()`", "PopenWait"), ("PyStd `Subprocess.Run`", "SubprocessRun"),
                     ("`Process.Start` + `WaitForExit`", "ProcessStart"), ("CliWrap `Cli.Wrap(...).ExecuteAsync()`", "CliWrapExecute")]:
    mean, alloc = ours[method]
    lines.append(f"| {name} | {ms(mean)} | {alloc:,} B |")
lines.append(f"| CPython `Popen(...)` + `wait()` | {ms(c['Popen+wait /bin/true'])} | |")
lines.append(f"| CPython `subprocess.run` | {ms(c['run /bin/true'])} | |")
lines += [
    "",
    "| 1 GiB through `cat` | PyStd | CPython |",
    "| --- | ---: | ---: |",
    f"| streams (writer thread + reader) | {gbs(ours['CatStreams'][0])} | {gbs(c['cat streams'])} |",
    f"| `Communicate` / `communicate` | {gbs(ours['CatCommunicate'][0])} | {gbs(c['cat communicate'])} |",
    "",
]
section = "\n".join(lines)

bdn_report.write_section(doc, "subprocess", section)
print(section)
PY
