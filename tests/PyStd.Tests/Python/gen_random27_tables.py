"""Differential tables for PyStd.Random's Python 2.7 mode, from Python 2.7's algorithms.

No Python 2.7 interpreter is needed: class Random27 below is Python 2.7's Lib/random.py (the
2.7.18 text, as kept in pypy's lib-python/2.7/random.py) transcribed method by method, with
Python-2-only syntax rewritten (xrange -> range, 'raise E, msg' -> 'raise E(msg)'), on top of
python3's random.Random. That is sound because the parts it inherits are identical in 2.7 and 3.x:
the Mersenne Twister, random() (genrand_res53), getrandbits(k) for k > 0, and the seeding of ints
(abs(a) split into 32-bit words for init_by_array, Modules/_randommodule.c). What 2.7 did
differently for other seeds — (unsigned long)hash(a) with 2.7's hash() — is transcribed here too
(hash27_*: Objects/stringobject.c, unicodeobject.c, object.c _Py_HashDouble, longobject.c
long_hash with 30-bit digits, tupleobject.c tuplehash; 64-bit build, no -R randomisation), as is
the C half of jumpahead (random_jumpahead after CPython issue #14591).

Usage:
  gen_random27_tables.py tables         one JSON line per (seed, method) case: {"id", "seed",
                                        "kind", "method", "args", "count", "sha"}, sha = SHA-256
                                        of the newline-joined reprs of COUNT results
  gen_random27_tables.py detail ID      the reprs of case ID, one per line
  gen_random27_tables.py hashes         "literal<TAB>hash27" lines for the seed values
"""
import hashlib
import json
import sys
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin, frexp as _frexp
from random import Random

COUNT = 1000
MASK64 = (1 << 64) - 1
N = 624


def _signed64(x):
    x &= MASK64
    return x - (1 << 64) if x >= 1 << 63 else x


def hash27_codes(codes):
    """string_hash / unicode_hash: the same loop over bytes or (UCS-4) code points."""
    if not codes:
        return 0
    x = codes[0] << 7
    for c in codes:
        x = ((1000003 * x) ^ c) & MASK64
    x ^= len(codes)
    x = _signed64(x)
    return -2 if x == -1 else x


def hash27_long(v):
    """long_hash with PyLong_SHIFT = 30: circular shifts, congruent to |v| modulo 2**64 - 1."""
    sign = -1 if v < 0 else 1
    a = abs(v)
    digits = []
    while a:
        digits.append(a & ((1 << 30) - 1))
        a >>= 30
    x = 0
    for d in reversed(digits):
        x = ((x >> (64 - 30)) | (x << 30)) & MASK64
        x = (x + d) & MASK64
        if x < d:
            x += 1
    x = (x * sign) & MASK64
    if x == MASK64:
        x = MASK64 - 1
    return _signed64(x)


def hash27_int(v):
    if -(1 << 63) <= v < (1 << 63):   # a PyInt hashes as itself
        return -2 if v == -1 else v
    return hash27_long(v)


def hash27_float(v):
    """_Py_HashDouble of 2.7."""
    if v != v:
        return 0
    if v in (float("inf"), float("-inf")):
        return -271828 if v < 0 else 314159
    intpart = float(int(v))
    if v - intpart == 0.0:
        if intpart > 4611686018427387904.0 or -intpart > 4611686018427387904.0:
            return hash27_long(int(v))
        x = int(intpart)
        return -2 if x == -1 else x
    m, expo = _frexp(v)
    m *= 2147483648.0
    hipart = int(m)
    m = (m - hipart) * 2147483648.0
    x = hipart + int(m) + (expo << 15)
    return -2 if x == -1 else x


def hash27_tuple(t):
    x = 0x345678
    mult = 1000003
    n = len(t)
    for item in t:
        n -= 1
        y = hash27(item)
        x = _signed64((x ^ y) * mult)
        mult = _signed64(mult + 82520 + n + n)
    x = _signed64(x + 97531)
    return -2 if x == -1 else x


def hash27(v):
    if isinstance(v, bool) or isinstance(v, int):
        return hash27_int(int(v))
    if isinstance(v, float):
        return hash27_float(v)
    if isinstance(v, str):
        return hash27_codes([ord(c) for c in v])
    if isinstance(v, bytes):
        return hash27_codes(list(v))
    if isinstance(v, tuple):
        return hash27_tuple(v)
    raise TypeError(type(v).__name__)


def py2_repr_int(n):
    return repr(n) if -(1 << 63) <= n < (1 << 63) else repr(n) + "L"


class Random27(Random):
    """Python 2.7's Lib/random.py Random, transcribed; the core generator is python3's _random."""

    BPF = 53

    def seed(self, a=None):
        # random.py 2.7 seed() -> _random.seed: abs() of an int or long, else (unsigned long)hash(a).
        if a is None or (isinstance(a, int)):
            super().seed(a)
        else:
            super().seed(hash27(a) & MASK64)
        self.gauss_next = None

    def jumpahead(self, n):
        # random.py 2.7
        s = py2_repr_int(n) + self._py2_repr_state()
        n = int(hashlib.new('sha512', s.encode('ascii')).hexdigest(), 16)
        # _randommodule.c random_jumpahead
        version, internal, gauss_next = self.getstate()
        mt = list(internal[:N])
        for i in range(N - 1, 1, -1):
            j = n % i
            mt[i], mt[j] = mt[j], mt[i]
        nonzero = False
        for i in range(1, N):
            mt[i] = (mt[i] + i + 1) & 0xffffffff
            nonzero |= bool(mt[i])
        if nonzero:
            mt[0] = (mt[0] + 1) & 0xffffffff
        else:
            mt[0] = 0x80000000
        self.setstate((version, tuple(mt) + (N,), gauss_next))

    def _py2_repr_state(self):
        # repr(getstate()) on a 64-bit 2.7: the C code builds every entry with PyLong_From*.
        version, internal, gauss_next = self.getstate()
        return "(%d, (%s), %s)" % (version, ", ".join("%dL" % x for x in internal), repr(gauss_next))

    def getrandbits(self, k):
        if k <= 0:
            raise ValueError("number of bits must be greater than zero")
        return super().getrandbits(k)

## -------------------- integer methods  -------------------

    def randrange(self, start, stop=None, step=1, _int=int, _maxwidth=1 << BPF):
        istart = _int(start)
        if istart != start:
            raise ValueError("non-integer arg 1 for randrange()")
        if stop is None:
            if istart > 0:
                if istart >= _maxwidth:
                    return self._randbelow27(istart)
                return _int(self.random() * istart)
            raise ValueError("empty range for randrange()")

        istop = _int(stop)
        if istop != stop:
            raise ValueError("non-integer stop for randrange()")
        width = istop - istart
        if step == 1 and width > 0:
            if width >= _maxwidth:
                return _int(istart + self._randbelow27(width))
            return _int(istart + _int(self.random() * width))
        if step == 1:
            raise ValueError("empty range for randrange() (%d,%d, %d)" % (istart, istop, width))

        istep = _int(step)
        if istep != step:
            raise ValueError("non-integer step for randrange()")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")

        if n <= 0:
            raise ValueError("empty range for randrange()")

        if n >= _maxwidth:
            return istart + istep * self._randbelow27(n)
        return istart + istep * _int(self.random() * n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def _randbelow27(self, n, _log=_log, _int=int):
        getrandbits = self.getrandbits
        k = _int(1.00001 + _log(n - 1, 2.0))   # 2**k > n-1 > 2**(k-2)
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

## -------------------- sequence methods  -------------------

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]  # raises IndexError if seq is empty

    def shuffle(self, x, random=None):
        if random is None:
            random = self.random
        _int = int
        for i in reversed(range(1, len(x))):
            j = _int(random() * (i + 1))
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("sample larger than population")
        random = self.random
        _int = int
        result = [None] * k
        setsize = 21        # size of a small set minus size of an empty list
        if k > 5:
            setsize += 4 ** float(_ceil(_log(k * 3, 4)))  # 2.7's ceil returns a float
        if n <= setsize or hasattr(population, "keys"):
            pool = list(population)
            for i in range(k):         # invariant:  non-selected at [0,n-i)
                j = _int(random() * (n - i))
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]   # move non-selected item into vacancy
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = _int(random() * n)
                while j in selected:
                    j = _int(random() * n)
                selected_add(j)
                result[i] = population[j]
        return result

## -------------------- real-valued distributions  -------------------

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * (u * c) ** 0.5

    def normalvariate(self, mu, sigma):
        random = self.random
        while 1:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()

        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)

        while 1:
            u1 = random()
            z = _cos(_pi * u1)

            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break

        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI

        return theta

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')

        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv

            while 1:
                u1 = random()
                if not 1e-7 < u1 < .9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta

        elif alpha == 1.0:
            # expovariate(1)
            u = random()
            while u <= 1e-7:
                u = random()
            return -_log(u) * beta

        else:   # alpha is between 0 and 1 (exclusive)
            while 1:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def gauss(self, mu, sigma):
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad

        return mu + z * sigma

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.)
        if y == 0:
            return 0.0
        else:
            return y / (y + self.gammavariate(beta, 1.))

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return 1.0 / pow(u, 1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * pow(-_log(u), 1.0 / beta)


NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)

# ---------------------------------------------------------------------------------------------
# The grid. Populations are keyed by name; "bytes" is a 2.7 str, whose items are 1-char strs.

POPS = {
    "letters": "abcdefghij",
    "ints1000": list(range(1000)),
    "mixed": (1, "a", 2.5, None, (1, 2), b"x", -7, 2 ** 70, True),
    "bytes": [b"b", b"y", b"t", b"e", b"s", b"!"],
    "one": ["only"],
    "unicode": "h\u00e9llo\U0001F600w\u00f6rld",
    "xy": ("x", "y"),
    "ten": list(range(10)),
}

SEEDS = (
    [("int", v) for v in [0, 1, -1, 2, 42, -42, 12345, 2 ** 31 - 1, 2 ** 32, 2 ** 32 + 1, -(2 ** 32),
                          2 ** 53, 2 ** 63 - 1, -(2 ** 63), 2 ** 64 - 1, 2 ** 64, 10 ** 30, -(10 ** 30),
                          2 ** 256 + 12345, 2 ** 1000 + 7, 20251125, 987654321, 314159, 271828,
                          3, 100, 65535, 2 ** 40 + 1, -(2 ** 100), 10 ** 12]]
    + [("int", 7 ** k) for k in range(3, 30, 3)]
    + [("str", v) for v in ["", "a", "abc", "nofar", "rachel", "text seed", "Hello, World!",
                            "h\u00e9llo", "\u65e5\u672c\u8a9e", "\U0001F600 emoji", "x" * 100,
                            "The quick brown fox", "0", "-1", "seed", "random", "\x00", "\uffff",
                            "python2.7", "spam and eggs", "\ud800", "AB" * 50, "z" * 1000]]
    + [("bytes", v) for v in [b"", b"a", b"abc", b"nofar", b"\x00\x20\x40\x60\x80\xA0\xC0\xE0\xF0",
                              b"\xff" * 8, "h\u00e9llo".encode("utf-8"), bytes(range(256)), b"seed",
                              b"text seed", b"\x80"]]
    + [("float", v) for v in [0.0, -0.0, 0.5, 1.5, -2.25, 3.0, -7.0, -1.0, 1e300, -1e300, 1e-300,
                              5e-324, 2.0 ** 62, 2.0 ** 62 + 2048.0, -(2.0 ** 63), 2.0 ** 64, 1e20,
                              12345.678, 0.1, float("inf"), float("-inf"), float("nan"), 2.0 ** 100,
                              -123456789.5, 1.7976931348623157e308, 2.5, -0.5]]
    + [("tuple", v) for v in [(), (1,), (1, 2, 3), ("a", 1), (1.5, "x", b"y"), ((1, 2), (3, 4)),
                              (-1,), (2 ** 70, "big"), (True, False), ("nested", ("t", 0.25)), (0,)]]
)

M = {
    "random": [()],
    "getrandbits": [(1,), (7,), (31,), (32,), (33,), (53,), (64,), (100,)],
    "randrange1": [(1,), (2,), (10,), (1000,), (2 ** 31 - 1,), (2 ** 52 + 1,), (2 ** 53,),
                   (2 ** 60 + 12345,), (10 ** 20,), (2 ** 200 + 3,), (3 * 2 ** 51,), (2.0,), (100.0,)],
    "randrange2": [(-10, 10), (0, 2 ** 53 + 5), (-(2 ** 70), 2 ** 70), (5, 6), (-3, 1000),
                   (2 ** 62, 2 ** 63), (-5.0, 5)],
    "randrange3": [(0, 100, 7), (100, 0, -3), (-50, 50, 5), (0, 2 ** 60, 3), (10, -10, -1),
                   (1, 2 ** 54, 2 ** 20 + 1), (0, 10, 1), (0, 20, 2.0)],
    "randint": [(1, 6), (-1000, 1000), (0, 2 ** 53), (0, 2 ** 64), (7, 7), (-(2 ** 63), 2 ** 63 - 1)],
    "choice": [("letters",), ("ints1000",), ("mixed",), ("bytes",), ("one",), ("unicode",), ("xy",)],
    "shuffle": [("range", 1), ("range", 2), ("range", 10), ("range", 52), ("letters",)],
    "sample": [("range", 10, 5), ("range", 1000, 10), ("range", 100, 30), ("range", 10000, 40),
               ("range", 30, 30), ("range", 22, 3), ("range", 21, 3), ("range", 10 ** 18, 4),
               ("range", 2 ** 62 + 12345, 3), ("letters", 4), ("bytes", 3), ("mixed", 5),
               ("unicode", 6), ("ints1000", 6), ("ints1000", 0)],
    "triangular": [(), (0.0, 1.0), (-5.0, 10.0, 2.5), (1.0, 3.0, 3.0), (2.0, 2.0, 2.0),
                   (10.0, 0.0, 7.0), (0.0, 1.0, None)],
    "gammavariate": [(1.0, 1.0), (1.0, 2.5), (0.5, 1.0), (3.0, 0.5), (1.0, 1e-3)],
    "betavariate": [(1.0, 1.0), (1.0, 3.0), (2.0, 1.0), (0.5, 0.5)],
    "paretovariate": [(1.0,), (2.5,), (0.1,), (-1.5,)],
    "gauss": [(0.0, 1.0), (10.0, 2.5), (-3.0, 0.001)],
    "normalvariate": [(0.0, 1.0), (100.0, 15.0)],
    "lognormvariate": [(0.0, 0.5), (1.0, 0.25)],
    "expovariate": [(1.0,), (1.5,), (-2.0,)],
    "vonmisesvariate": [(1.0, 4.0), (0.0, 0.0), (3.0, 0.5)],
    "weibullvariate": [(1.0, 2.0), (2.5, 0.5)],
    "uniform": [(-2.5, 7.25), (0.0, 1.0)],
    "mix": [()],
    "jumpahead": [(0,), (1,), (-5,), (2 ** 70,), (123456789,)],
}

JUMP_COUNT = 100   # each draw hashes and reshuffles the whole state; 100 per case keeps the run short


def make(kind, seed):
    r = Random27(0)
    r.gauss(0.0, 1.0)           # a cached gauss value must not survive seeding
    r.seed(seed)
    return r


def call(r, method, args):
    """A function returning the next result of the case (lists are returned after mutation)."""
    if method == "random":
        return r.random
    if method == "getrandbits":
        return lambda: r.getrandbits(args[0])
    if method.startswith("randrange"):
        return lambda: r.randrange(*args)
    if method == "randint":
        return lambda: r.randint(*args)
    if method == "choice":
        pop = POPS[args[0]]
        return lambda: r.choice(pop)
    if method == "shuffle":
        x = list(range(args[1])) if args[0] == "range" else list(POPS[args[0]])

        def shuffle():
            r.shuffle(x)
            return x
        return shuffle
    if method == "sample":
        pop = range(args[1]) if args[0] == "range" else POPS[args[0]]
        k = args[-1]
        return lambda: r.sample(pop, k)
    if method == "mix":
        return lambda: (r.gauss(0.0, 1.0), r.random(), r.randrange(100), r.choice("abcdefghij"),
                        r.gauss(0.0, 1.0), r.getrandbits(40), r.sample(range(50), 3))
    if method == "jumpahead":
        counter = [0]

        def jump():
            counter[0] += 1
            r.jumpahead(args[0] + counter[0] * 7919)
            if counter[0] % 3 == 0:
                r.gauss(0.0, 1.0)   # leave a gauss_next for repr(getstate()) to print
            return (r.random(), r.gauss(0.0, 1.0))
        return jump
    fn = getattr(r, method)
    return lambda: fn(*args)


def cases():
    methods = list(M)
    cid = 0
    for si, (kind, seed) in enumerate(SEEDS):
        for mi, method in enumerate(methods):
            grid = M[method]
            args = grid[(si + mi) % len(grid)]
            yield cid, kind, seed, method, args
            cid += 1


def run(kind, seed, method, args):
    r = make(kind, seed)
    f = call(r, method, args)
    count = JUMP_COUNT if method == "jumpahead" else COUNT
    return [repr(f()) for _ in range(count)]


def seed_literal(kind, seed):
    if kind == "float" and (seed != seed or seed in (float("inf"), float("-inf"))):
        return repr(seed)   # 'inf', '-inf', 'nan': not literals, the reader maps them
    return repr(seed)


def main():
    mode = sys.argv[1]
    if mode == "tables":
        out = []
        for cid, kind, seed, method, args in cases():
            lines = run(kind, seed, method, args)
            sha = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
            out.append(json.dumps({"id": cid, "seed": seed_literal(kind, seed), "kind": kind, "method": method,
                                   "args": repr(args), "count": len(lines), "sha": sha}))
        sys.stdout.write("\n".join(out) + "\n")
    elif mode == "detail":
        want = int(sys.argv[2])
        for cid, kind, seed, method, args in cases():
            if cid == want:
                sys.stdout.write("\n".join(run(kind, seed, method, args)) + "\n")
                return
    elif mode == "hashes":
        for kind, seed in SEEDS:
            if kind != "int":
                sys.stdout.write("%s\t%s\t%d\n" % (kind, seed_literal(kind, seed), hash27(seed)))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
