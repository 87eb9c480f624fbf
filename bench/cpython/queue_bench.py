"""CPython's side of bench/PyStd.Benchmarks/QueueBenchmarks.cs: queue.Queue on the same work.

Prints JSON: {"python": version, "results": {"single": ns_per_item, "1x1": ..., "4x4": ...}}.
single: one thread puts 1,000 items then gets them (with task_done), best of 7 x 20 rounds;
1x1 / 4x4: one or four producer threads and as many consumer threads move 100,000 items,
best of 3. Times are per item, in nanoseconds.
"""
import json
import platform
import queue
import threading
import time

SINGLE = 1_000
THREADED = 100_000


def single():
    q = queue.Queue()
    put, get, done = q.put, q.get, q.task_done
    best = float("inf")
    for _ in range(7):
        t0 = time.perf_counter_ns()
        for _ in range(20):
            for i in range(SINGLE):
                put(i)
            for i in range(SINGLE):
                get()
                done()
        best = min(best, (time.perf_counter_ns() - t0) / (20 * SINGLE))
    return best


def threaded(pairs):
    best = float("inf")
    for _ in range(3):
        q = queue.Queue()
        share = THREADED // pairs

        def produce():
            put = q.put
            for i in range(share):
                put(i)

        def consume():
            get = q.get
            for _ in range(share):
                get()

        threads = [threading.Thread(target=produce) for _ in range(pairs)]
        threads += [threading.Thread(target=consume) for _ in range(pairs)]
        t0 = time.perf_counter_ns()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        best = min(best, (time.perf_counter_ns() - t0) / THREADED)
    return best


print(json.dumps({"python": platform.python_version(),
                  "results": {"single": single(), "1x1": threaded(1), "4x4": threaded(4)}}))
