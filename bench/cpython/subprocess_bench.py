"""CPython's side of bench/PyStd.Benchmarks/SubprocessBenchmarks.cs: the same work with subprocess.

Prints JSON: {"python": version, "results": {"run /bin/true": ns_per_op, "Popen+wait /bin/true": ...,
"cat streams": ns_per_GiB, "cat communicate": ns_per_GiB}}. Spawn figures are the best of 5 timeit
repeats of 200 calls; pipe figures the best of 3 runs moving 1 GiB through cat.
"""
import json
import platform
import subprocess
import threading
import time
import timeit

GIB = 1 << 30
BLOCK = bytes(1 << 20)


def popen_wait():
    with subprocess.Popen(["/bin/true"]) as p:
        p.wait()


def cat_streams():
    with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, pipesize=1 << 20) as p:
        def write():
            for _ in range(GIB // len(BLOCK)):
                p.stdin.write(BLOCK)
            p.stdin.close()

        writer = threading.Thread(target=write)
        writer.start()
        got = 0
        while True:
            chunk = p.stdout.read(1 << 20)
            if not chunk:
                break
            got += len(chunk)
        writer.join()
    assert got == GIB


DATA = bytes(GIB)


def cat_communicate():
    with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, pipesize=1 << 20) as p:
        out, _ = p.communicate(DATA)
    assert len(out) == GIB


def best(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1e9


results = {
    "run /bin/true": min(timeit.repeat(lambda: subprocess.run(["/bin/true"]), number=200, repeat=5)) / 200 * 1e9,
    "Popen+wait /bin/true": min(timeit.repeat(popen_wait, number=200, repeat=5)) / 200 * 1e9,
    "cat streams": best(cat_streams, 3),
    "cat communicate": best(cat_communicate, 3),
}
print(json.dumps({"python": platform.python_version(), "results": results}))
