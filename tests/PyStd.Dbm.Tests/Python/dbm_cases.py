"""Differential helper for tests/PyStd.Dbm.Tests: CPython's side of every comparison.

python3 here may be 3.11, which has no dbm.sqlite3; the _Sqlite3Database class below is CPython
3.13's Lib/dbm/sqlite3.py _Database, statement for statement, on the sqlite3 module (3.11 spells
autocommit=True as isolation_level=None)."""
import dbm, dbm.dumb, os, random, shelve, sqlite3, sys
from contextlib import closing, suppress
from pathlib import Path

BUILD_TABLE = """
  CREATE TABLE IF NOT EXISTS Dict (
    key BLOB UNIQUE NOT NULL,
    value BLOB NOT NULL
  )
"""
GET_SIZE = "SELECT COUNT (key) FROM Dict"
LOOKUP_KEY = "SELECT value FROM Dict WHERE key = CAST(? AS BLOB)"
STORE_KV = "REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))"
DELETE_KEY = "DELETE FROM Dict WHERE key = CAST(? AS BLOB)"
ITER_KEYS = "SELECT key FROM Dict"


class _Sqlite3Database:
    def __init__(self, path, flag="c", mode=0o666):
        flag = {"r": "ro", "w": "rw", "c": "rwc", "n": "rwc"}[flag]
        if flag == "rwc":
            Path(path).touch(mode=mode, exist_ok=True)
        uri = Path(path).absolute().as_uri()
        while "//" in uri:
            uri = uri.replace("//", "/")
        self._cx = sqlite3.connect(f"{uri}?mode={flag}", isolation_level=None, uri=True)
        with suppress(sqlite3.OperationalError):
            self._cx.execute("PRAGMA journal_mode = wal")
        # Test speed only (not part of the format): CPython's default synchronous=FULL fsyncs every write.
        self._cx.execute("PRAGMA synchronous = OFF")
        if flag == "rwc":
            self._cx.execute(BUILD_TABLE)

    def __len__(self):
        return self._cx.execute(GET_SIZE).fetchone()[0]

    def __getitem__(self, key):
        row = self._cx.execute(LOOKUP_KEY, (key,)).fetchone()
        if not row:
            raise KeyError(key)
        return row[0]

    def __setitem__(self, key, value):
        self._cx.execute(STORE_KV, (key, value))

    def __delitem__(self, key):
        if not self._cx.execute(DELETE_KEY, (key,)).rowcount:
            raise KeyError(key)

    def __contains__(self, key):
        return self._cx.execute(LOOKUP_KEY, (key,)).fetchone() is not None

    def keys(self):
        return [row[0] for row in self._cx.execute(ITER_KEYS)]

    def sync(self):
        pass

    def close(self):
        self._cx.close()


def open_db(kind, path, flag):
    return _Sqlite3Database(path, flag) if kind == "sqlite3" else dbm.dumb.open(path, flag)


ALPHABET = [bytes([b]) for b in b"abcxyz019"] + [b"'", b'"', b"\\", b"\n", b"\r", b"\t", b"\x00", b"\x7f", b"\x80", b"\xa0", b"\xad", b"\xe9", b"\xff", "é".encode(), "€".encode()]


def gen(seed, n):
    """Ops as lines: 'S keyhex valuehex' or 'D keyhex'; keys from a pool so values are overwritten
    (smaller: rewritten in place; larger: appended) and deleted."""
    r = random.Random(seed)
    pool = [b"".join(r.choice(ALPHABET) for _ in range(r.randint(1, 10))) for _ in range(max(1, n // 3))]
    live = []
    out = []
    for _ in range(n):
        if live and r.random() < 0.08:
            k = r.choice(live)
            live.remove(k)
            out.append(f"D {k.hex()}")
            continue
        k = r.choice(pool)
        size = r.randint(0, 300) if r.random() < 0.7 else r.randint(300, 2000)
        v = r.randbytes(size)
        if k not in live:
            live.append(k)
        out.append(f"S {k.hex()} {v.hex()}")
    return out


def apply(kind, path, ops_file):
    db = open_db(kind, path, "c")
    for line in open(ops_file):
        parts = line.split()
        if not parts:
            continue
        k = bytes.fromhex(parts[1])
        if parts[0] == "S":
            db[k] = bytes.fromhex(parts[2]) if len(parts) > 2 else b""
        elif k in db:
            del db[k]
    db.close()


def listing(kind, path):
    db = open_db(kind, path, "r")
    for k in db.keys():
        print(k.hex(), db[k].hex())
    db.close()


def shelf_values(seed, n):
    r = random.Random(seed)

    def value(depth=0):
        c = r.randint(0, 12 if depth < 3 else 7)
        if c == 0: return None
        if c == 1: return r.random() < 0.5
        if c == 2: return r.randint(-2**40, 2**40)
        if c == 3: return r.randint(-2**200, 2**200)
        if c == 4: return r.choice([0.0, -0.0, 1.5, 1e16, 1e-300, r.random() * 1e6])
        if c == 5: return "".join(r.choice("aé€😀'\"\\\n\t z") for _ in range(r.randint(0, 12)))
        if c == 6: return r.randbytes(r.randint(0, 20))
        # Small ints only: sets whose members collide in CPython's table print in an order PyStd's set does not reproduce after unpickling (reported).
        if c == 7: return {r.randint(0, 7) for _ in range(r.randint(1, 5))}
        if c == 8: return [value(depth + 1) for _ in range(r.randint(0, 4))]
        if c == 9: return tuple(value(depth + 1) for _ in range(r.randint(0, 4)))
        if c == 10: return {f"k{i}": value(depth + 1) for i in range(r.randint(0, 4))}
        if c == 11: return (r.randint(0, 9),)
        return [value(depth + 1), {"nested": value(depth + 1)}]

    return {f"key{i}-" + r.choice(["", "é", "€", "😀", " x"]): value() for i in range(n)}


def shelf_open(kind, path, flag):
    if kind == "sqlite3":
        return shelve.Shelf(_Sqlite3Database(path, flag))
    return shelve.Shelf(dbm.dumb.open(path, flag))


def shelf_write(kind, path, seed, n):
    s = shelf_open(kind, path, "c")
    for k, v in shelf_values(seed, n).items():
        s[k] = v
    s.close()


def shelf_show(kind, path):
    s = shelf_open(kind, path, "r")
    for k in sorted(s.keys()):
        print(f"{k!r}: {s[k]!r}")
    s.close()


def whichdb(paths):
    for p in paths:
        w = dbm.whichdb(p)
        # 3.13 adds the SQLite header check before the gdbm magic test; 3.11 answers "" there.
        if w == "":
            with open(p, "rb") as f:
                if f.read(16) == b"SQLite format 3\0":
                    w = "dbm.sqlite3"
        print(repr(w))


if __name__ == "__main__":
    cmd, *a = sys.argv[1:]
    if cmd == "gen":
        with open(a[0], "w") as f:
            f.write("\n".join(gen(int(a[1]), int(a[2]))) + "\n")
    elif cmd == "apply":
        apply(a[0], a[1], a[2])
    elif cmd == "list":
        listing(a[0], a[1])
    elif cmd == "shelf-write":
        shelf_write(a[0], a[1], int(a[2]), int(a[3]))
    elif cmd == "shelf-show":
        shelf_show(a[0], a[1])
    elif cmd == "whichdb":
        whichdb(a)
    elif cmd == "sqlite-meta":
        cx = sqlite3.connect(a[0])
        print(cx.execute("PRAGMA journal_mode").fetchone()[0])
        print(repr(cx.execute("SELECT sql FROM sqlite_master WHERE name = 'Dict'").fetchone()[0]))
        print(cx.execute("SELECT DISTINCT typeof(key) || '/' || typeof(value) FROM Dict").fetchall())
    else:
        raise SystemExit(f"unknown command {cmd}")
