"""Marshal differential table.

gen:   one line per (value, version 0-4): index, version, python's dumps hex, repr(loads(dumps(v, version)))
check: stdin lines 'index version hex' (PyStd's dumps); prints 'index version ok|BAD ...'
"""
import marshal
import random
import sys

COUNT = 2100


def rand_str(r):
    kind = r.randrange(6)
    n = r.choice([0, 1, 2, 5, 10, 40, 255, 256, 300])
    if kind == 0:
        return ''.join(chr(r.randrange(32, 127)) for _ in range(n))
    if kind == 1:
        return ''.join(chr(r.randrange(0, 128)) for _ in range(n))
    if kind == 2:
        return ''.join(chr(r.randrange(0x80, 0x800)) for _ in range(n))
    if kind == 3:
        return ''.join(chr(r.choice([r.randrange(0x800, 0xd800), r.randrange(0xe000, 0x110000)])) for _ in range(n))
    if kind == 4:
        # Lone surrogates of one kind only: a high one followed by a low one is a pair in .NET.
        lo, hi = r.choice([(0xd800, 0xdc00), (0xdc00, 0xe000)])
        return ''.join(chr(r.randrange(lo, hi)) for _ in range(min(n, 3))) + 'x'
    return r.choice(['', 'a', 'abc', 'hello world', '\x00', 'é', '€uro', '\U0001F600'])


def rand_int(r):
    k = r.randrange(8)
    if k == 0:
        return r.choice([0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63 - 1, -2**63, 2**63, 2**64, 2**15, 2**30, -2**30, 2**45])
    if k < 4:
        return r.randrange(-1000, 1000)
    if k < 6:
        return r.randrange(-2**40, 2**40)
    return r.randrange(-2**(r.randrange(1, 400)), 2**(r.randrange(1, 400)))


def rand_float(r):
    k = r.randrange(6)
    if k == 0:
        return r.choice([0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -1e-300, 5e-324, 1.7976931348623157e308, float('inf'), float('-inf'), 1e16, 1e17, 123456789012345678.0, 1e-5, 0.0001])
    if k == 1:
        return float('nan')
    if k == 2:
        return r.uniform(-1e6, 1e6)
    if k == 3:
        return r.random() * 10 ** r.randrange(-30, 30)
    if k == 4:
        return float(r.randrange(-10**6, 10**6))
    return r.uniform(-1, 1) * 10 ** r.randrange(-320, 308)


def hashable_scalar(r):
    k = r.randrange(4)
    if k == 0:
        return rand_int(r)
    if k == 1:
        f = rand_float(r)
        return 0.5 if f != f else f
    if k == 2:
        return tuple(rand_int(r) for _ in range(r.randrange(3)))
    # None's hash is its address in CPython 3.11, so sets holding it have no reproducible order.
    return r.choice([True, False, -1, 0.25])


def scalar(r):
    k = r.randrange(10)
    if k == 0:
        return rand_int(r)
    if k == 1:
        return rand_float(r)
    if k == 2:
        return complex(rand_float(r), rand_float(r))
    if k == 3:
        return rand_str(r)
    if k == 4:
        return bytes(r.randrange(256) for _ in range(r.choice([0, 1, 5, 300])))
    if k == 5:
        return r.choice([None, True, False, StopIteration, Ellipsis])
    if k == 6:
        return frozenset(hashable_scalar(r) for _ in range(r.randrange(6)))
    if k == 7:
        return rand_int(r)
    return rand_str(r)


def value(r, depth=0):
    k = r.randrange(10)
    if depth > 3 or k < 4:
        return scalar(r)
    n = r.choice([0, 1, 2, 3, 5, 8])
    if k == 4:
        if r.random() < 0.05:
            return tuple(rand_int(r) for _ in range(300))
        return tuple(value(r, depth + 1) for _ in range(n))
    if k == 5:
        return [value(r, depth + 1) for _ in range(n)]
    if k == 6:
        d = {}
        for _ in range(n):
            key = r.choice([rand_str(r), rand_int(r), hashable_scalar(r)])
            d[key] = value(r, depth + 1)
        return d
    if k == 7:
        return {hashable_scalar(r) for _ in range(n)}
    if k == 8:
        return frozenset(hashable_scalar(r) for _ in range(n))
    return [value(r, depth + 1), value(r, depth + 1)]


def values():
    r = random.Random(20261125)
    return [value(r) for _ in range(COUNT)]


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(k in b and same(v, b[k]) for k, v in a.items())
    return a == b


def main():
    vals = values()
    if sys.argv[1] == 'gen':
        out = []
        for i, v in enumerate(vals):
            for ver in range(5):
                data = marshal.dumps(v, ver)
                out.append(f"{i}\t{ver}\t{data.hex()}\t{marshal.loads(data)!r}")
        sys.stdout.write('\n'.join(out) + '\n')
    else:
        out = []
        for line in sys.stdin.read().splitlines():
            i, ver, h = line.split(' ')
            try:
                got = marshal.loads(bytes.fromhex(h))
                ok = same(got, marshal.loads(marshal.dumps(vals[int(i)], int(ver))))
                out.append(f"{i} {ver} {'ok' if ok else 'BAD ' + repr(got)}")
            except Exception as e:
                out.append(f"{i} {ver} BAD {type(e).__name__}: {e}")
        sys.stdout.write('\n'.join(out) + '\n')


main()
