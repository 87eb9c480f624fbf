"""CPython's side of bench/PyStd.Benchmarks/DbmBenchmarks.cs: the same dbm work in CPython.

Workloads (16-byte keys, 100-byte values, fixed seed):
  put   100,000 puts into a new database, one durable write each (as a program storing as it goes);
  get   100,000 random gets of existing keys;
  batch 100,000 puts in one transaction (CPython's dbm has no batch API: sqlite3 runs them inside
        BEGIN/COMMIT, dumb has no transactions, so it is its plain puts again, then close).
Backends: dbm.dumb, and a dict-like over CPython 3.13's dbm.sqlite3 schema and SQL through the sqlite3
module (Lib/dbm/sqlite3.py; the python3 here may predate 3.13, so the class below repeats its SQL:
autocommit connection, journal_mode=WAL, CAST(? AS BLOB)).

Prints JSON: {"python": version, "sqlite": version, "n": N, "n_fsync": N_FSYNC, "results": {"dumb put":
seconds per operation, ...}}; each figure is the best of REPEAT runs of the whole workload divided by its
operation count. "sqlite3 normal put" is the same puts with PRAGMA synchronous = NORMAL, the durability
PyStd's backend chooses (every write survives a crash of the process; the last ones may not survive a
power cut), for a like-for-like comparison.
"""
import dbm.dumb
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time

N = int(os.environ.get("DBM_BENCH_N", "100000"))
# CPython's dbm.sqlite3 keeps SQLite's default synchronous=FULL: every put is a commit that waits for
# fsync (milliseconds on a disk), so its put workload runs over fewer keys; results are per operation.
N_FSYNC = int(os.environ.get("DBM_BENCH_N_FSYNC", "10000"))
REPEAT = int(os.environ.get("DBM_BENCH_REPEAT", "3"))

BUILD_TABLE = """
  CREATE TABLE IF NOT EXISTS Dict (
    key BLOB UNIQUE NOT NULL,
    value BLOB NOT NULL
  )
"""
LOOKUP_KEY = "SELECT value FROM Dict WHERE key = CAST(? AS BLOB)"
STORE_KV = "REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))"


class SqliteDbm:
    """The parts of CPython 3.13's dbm.sqlite3._Database the workloads use, with its exact SQL."""

    def __init__(self, path, flag, synchronous=None):
        if flag == "n":
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
        # 3.13 passes autocommit=True (3.12+); isolation_level=None is the same autocommit mode.
        self._cx = sqlite3.connect(path, isolation_level=None)
        try:
            self._cx.execute("PRAGMA journal_mode = wal")
        except sqlite3.OperationalError:
            pass
        if synchronous:
            self._cx.execute(f"PRAGMA synchronous = {synchronous}")
        self._cx.execute(BUILD_TABLE)

    def __getitem__(self, key):
        rows = self._cx.execute(LOOKUP_KEY, (key,)).fetchall()
        if not rows:
            raise KeyError(key)
        return rows[0][0]

    def __setitem__(self, key, value):
        self._cx.execute(STORE_KV, (key, value))

    def batch(self, items):
        self._cx.execute("BEGIN")
        for k, v in items:
            self._cx.execute(STORE_KV, (k, v))
        self._cx.execute("COMMIT")

    def close(self):
        self._cx.close()


def data():
    rng = random.Random(20251125)
    keys = [rng.randbytes(16) for _ in range(N)]
    values = [rng.randbytes(100) for _ in range(N)]
    order = list(range(N))
    rng.shuffle(order)
    return keys, values, order


def open_db(kind, path, flag):
    if kind == "dumb":
        return dbm.dumb.open(path, flag)
    return SqliteDbm(path, flag, "NORMAL" if kind == "sqlite3 normal" else None)


def best(fn, setup, repeat=REPEAT):
    times = []
    for _ in range(repeat):
        state = setup()
        t0 = time.perf_counter()
        fn(state)
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    keys, values, order = data()
    work = tempfile.mkdtemp(prefix="pystd-dbm-bench-py-")
    results = {}  # seconds per operation
    try:
        for kind in ("dumb", "sqlite3", "sqlite3 normal"):
            path = os.path.join(work, kind.replace(" ", "-"))
            puts = N_FSYNC if kind == "sqlite3" else N

            def fresh():
                return open_db(kind, path, "n")

            def put(db):
                for k, v in zip(keys[:puts], values[:puts]):
                    db[k] = v
                db.close()

            results[f"{kind} put"] = best(put, fresh, 1 if kind == "sqlite3" else REPEAT) / puts
            if kind == "sqlite3 normal":
                continue

            def batch(db):
                if kind == "dumb":
                    for k, v in zip(keys, values):
                        db[k] = v
                else:
                    db.batch(zip(keys, values))
                db.close()

            def full():
                batch(fresh())
                return open_db(kind, path, "r" if kind == "dumb" else "c")

            def get(db):
                for i in order:
                    db[keys[i]]
                db.close()

            results[f"{kind} get"] = best(get, full) / N
            results[f"{kind} batch"] = best(batch, fresh) / N
            print(f"{kind}: " + ", ".join(f"{w} {results[f'{kind} {w}'] * 1e6:.1f} us/op" for w in ("put", "get", "batch")), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "n": N, "n_fsync": N_FSYNC, "results": results}))


if __name__ == "__main__":
    main()
