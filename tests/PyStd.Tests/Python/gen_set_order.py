"""Cases for PySet's table order: random members added (and some removed) in order, and the
iteration order CPython's set gives. Members are ints, floats and tuples of ints, whose hashes
CPython computes deterministically. Encoding: i:<decimal>, f:<16 hex digits of the IEEE bits>,
t:<decimal>,<decimal>. One case per line: ops|expected, ops are +member or -member."""
import random
import struct
import sys

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1234)


def enc(v):
    if isinstance(v, tuple):
        return "t:%d,%d" % v
    if isinstance(v, float):
        return "f:" + struct.pack(">d", v).hex()
    return "i:%d" % v


def member():
    k = rng.random()
    if k < 0.45:
        return rng.choice([rng.randint(-50, 50), rng.randint(-10**6, 10**6), rng.randint(-2**70, 2**70),
                           -1, -2, 2**61 - 1, 2**61, 2**61 - 2, -(2**61), 2**64 + 5, 2**63])
    if k < 0.75:
        return rng.choice([rng.uniform(-100, 100), float(rng.randint(-20, 20)), rng.random() * 1e-300,
                           rng.uniform(-1e20, 1e20), 0.5, -0.0, float("inf"), float("-inf"), 1e308,
                           5e-324, 2.0 ** rng.randint(-1074, 1023)])
    return (rng.randint(-100, 100), rng.randint(-10**12, 10**12))


for case in range(600):
    s = set()
    ops = []
    n = rng.choice([0, 1, 3, 5, 8, 20, 60, 200, 1000])
    pool = [member() for _ in range(max(1, n))]
    for _ in range(n):
        if s and rng.random() < 0.15:
            v = rng.choice(list(s))
            s.discard(v)
            ops.append("-" + enc(v))
        else:
            v = rng.choice(pool)
            s.add(v)
            ops.append("+" + enc(v))
    print(" ".join(ops) + "|" + " ".join(enc(v) for v in s))
