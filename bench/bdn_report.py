"""What every bench/run-*.sh needs from a BenchmarkDotNet run, in one place: its results, the machine
it ran on, and the rewrite of one "## name" section of docs/benchmarks.md.

The scripts run their embedded Python with PYTHONPATH="$root/bench" and call:
    bdn = bdn_report.load(work, "StructBenchmarks")
    cpu, cores, runtime = bdn_report.machine(bdn)
    bdn_report.write_section(doc, "struct", section)
"""
import glob
import json
import os
import platform
import re

HEADER = "# Benchmarks\n\nPyStd against CPython on the same work, one section per module.\n"


def load(work, name=""):
    """The JSON reports under WORK/bdn/results whose file names contain NAME, merged: a dict with every
    report's "Benchmarks" in one list and the "HostEnvironmentInfo" of the run."""
    reports = sorted(glob.glob(os.path.join(work, "bdn", "results", f"*{name}*-report*.json")))
    if not reports:
        raise SystemExit(f"no BenchmarkDotNet report matching {name!r} under {work}/bdn/results")
    merged = {"Benchmarks": [], "HostEnvironmentInfo": {}}
    for report in reports:
        with open(report) as f:
            bdn = json.load(f)
        merged["Benchmarks"] += bdn["Benchmarks"]
        merged["HostEnvironmentInfo"] = bdn.get("HostEnvironmentInfo") or merged["HostEnvironmentInfo"]
    return merged


def machine(bdn):
    """(cpu, cores, runtime) of the run, as BenchmarkDotNet recorded them."""
    host = bdn.get("HostEnvironmentInfo", {})
    cpu = host.get("ProcessorName", platform.processor() or "unknown CPU")
    cores = host.get("PhysicalCoreCount") or host.get("LogicalCoreCount") or "?"
    return cpu, cores, host.get("RuntimeVersion", "")


def write_section(doc, name, section):
    """Replaces the "## NAME" section of DOC (up to the next "## ") with SECTION, or appends it."""
    text = open(doc).read() if os.path.exists(doc) else HEADER
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(doc, "w") as f:
        f.write(text.rstrip("\n") + "\n")
