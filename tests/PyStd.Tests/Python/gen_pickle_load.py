"""Differential cases for the unpickler: random objects pickled by CPython at protocols 0-5.

Usage: gen_pickle_load.py COUNT SEED
Writes a helper module (unknown classes) to a temp dir, imports it, then prints one line per
(object, protocol):  proto <TAB> pickle-hex <TAB> canonical text <TAB> identity fingerprint
The canonical text is of pickle.loads(data) in CPython (so protocol effects such as a dropped
fold are included); see pickle_canon.py.
"""
import collections
import datetime
import decimal
import importlib
import os
import pickle
import random
import sys
import tempfile
import uuid

from pickle_canon import canon, fingerprint

MODULE = r'''
import copyreg

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

class WithReduce:
    def __init__(self, *args):
        self.args = args
    def __reduce__(self):
        return (WithReduce, self.args)

def make_thing(a, b):
    return ViaFunction(a, b)

class ViaFunction:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __reduce__(self):
        return (make_thing, (self.a, self.b))

class WithState:
    def __init__(self, v):
        self.v = v
    def __getstate__(self):
        return ('state', self.v)
    def __setstate__(self, s):
        self.v = s[1]

class WithNewArgs:
    def __new__(cls, a=None):
        o = object.__new__(cls)
        o.a = a
        return o
    def __getnewargs__(self):
        return (self.a,)

class WithNewArgsEx:
    def __new__(cls, a=None, *, key=None):
        o = object.__new__(cls)
        o.a, o.key = a, key
        return o
    def __getnewargs_ex__(self):
        return ((self.a,), {'key': self.key})

class ListSub(list):
    pass

class DictSub(dict):
    pass

class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v

class Empty:
    pass
'''


def setup_module():
    d = tempfile.mkdtemp(prefix='pystd_pickle_')
    with open(os.path.join(d, 'pystd_cases.py'), 'w') as f:
        f.write(MODULE)
    sys.path.insert(0, d)
    return importlib.import_module('pystd_cases')


M = setup_module()

INTS = [0, 1, -1, 2, 127, 128, 255, 256, -255, -256, -257, 65535, 65536, -65536, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
        2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 10**30, -(10**50), 2**1000, -(2**1000) + 1]
FLOATS = [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          1e16, 1e-7, 0.1, 1 / 3, 123456789.125, -1.5, 9007199254740993.0, 1e22, 1e-5, 100.0]
STRS = ['', 'a', 'hello world', 'é', '€uro', '😀', '\ud800', '\udfff', 'a\udc80b', '\x00', '\n', '\r\n', '\\', "'", '"',
        '\t', 'a\x85b', '\u2028', 'ÿ', '\x7f', 'x' * 300, 'é' * 130, '\\u0041', 'L', 'abc\ndef', ' lead', 'trail ']
DECIMALS = ['0', '-0', '1.50', '1E+3', '-1.23E-10', 'Infinity', '-Infinity', 'NaN', 'sNaN', 'NaN123', '-sNaN5', '0E-7',
            '123456789012345678901234567890.123', '1e-999', '-0.000', '7.0E+20']


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.pool = []

    def scalar(self):
        r = self.r
        k = r.randrange(16)
        if k == 0:
            return r.choice([None, True, False])
        if k in (1, 2):
            return r.choice(INTS) if r.random() < 0.5 else r.randrange(-10**6, 10**6)
        if k == 3:
            return r.getrandbits(r.randrange(1, 400)) * r.choice([1, -1])
        if k in (4, 5):
            return r.choice(FLOATS) if r.random() < 0.5 else r.uniform(-1e6, 1e6)
        if k == 6:
            return complex(r.choice(FLOATS), r.choice(FLOATS))
        if k in (7, 8):
            if r.random() < 0.5:
                return r.choice(STRS)
            return ''.join(chr(r.choice([r.randrange(32, 127), r.randrange(0, 0x300), r.randrange(0x300, 0xd800),
                                         r.randrange(0xe000, 0x110000)])) for _ in range(r.randrange(12)))
        if k == 9:
            return bytes(r.randrange(256) for _ in range(r.choice([0, 1, 5, 40, 300])))
        if k == 10:
            return bytearray(r.randrange(256) for _ in range(r.choice([0, 3, 20])))
        if k == 11:
            return self.datetime_value()
        if k == 12:
            return decimal.Decimal(r.choice(DECIMALS)) if r.random() < 0.5 else decimal.Decimal(
                '%s%d.%dE%d' % (r.choice(['', '-']), r.getrandbits(60), r.getrandbits(20), r.randrange(-30, 30)))
        if k == 13:
            return uuid.UUID(int=r.choice([0, 2**128 - 1, r.getrandbits(128)]))
        if k == 14:
            return r.choice([range(r.randrange(-5, 5), r.randrange(10), r.choice([1, 2, -1])), slice(1, None, 2), slice(None)])
        return r.choice(['key', 'value', 42, 3.5, None])

    def datetime_value(self):
        r = self.r
        k = r.randrange(6)
        us = r.choice([0, 0, r.randrange(1000000)])
        tz = r.choice([None, None, datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=r.randrange(-14, 15))),
                       datetime.timezone(datetime.timedelta(hours=5, minutes=30)),
                       datetime.timezone(datetime.timedelta(seconds=r.randrange(-86399, 86400))),
                       datetime.timezone(datetime.timedelta(hours=-3), 'BRT')])
        if k == 0:
            return datetime.date(r.randrange(1, 10000), r.randrange(1, 13), r.randrange(1, 29))
        if k in (1, 2):
            dt = datetime.datetime(r.randrange(1, 10000), r.randrange(1, 13), r.randrange(1, 29), r.randrange(24),
                                   r.randrange(60), r.randrange(60), us, tzinfo=tz)
            if r.random() < 0.15 and tz is not datetime.timezone.utc:
                dt = dt.replace(fold=1)
            return dt
        if k == 3:
            t = datetime.time(r.randrange(24), r.randrange(60), r.randrange(60), us, tzinfo=tz)
            if r.random() < 0.15 and tz is not datetime.timezone.utc:
                t = t.replace(fold=1)
            return t
        if k == 4:
            return datetime.timedelta(days=r.randrange(-10**6, 10**6), seconds=r.randrange(86400), microseconds=us)
        return datetime.datetime(r.choice([1, 9999]), r.choice([1, 12]), r.choice([1, 31]), tzinfo=r.choice([None, tz]))

    def hashable(self, depth=0):
        r = self.r
        k = r.randrange(5)
        if k == 0 and depth < 2:
            return tuple(self.hashable(depth + 1) for _ in range(r.randrange(3)))
        if k == 1 and depth < 2:
            return frozenset(self.hashable(depth + 1) for _ in range(r.randrange(3)))
        v = self.scalar()
        if isinstance(v, (bytearray, slice, decimal.Decimal)):
            return bytes(v) if isinstance(v, bytearray) else 7
        return v

    def value(self, depth=0):
        r = self.r
        if self.pool and r.random() < 0.08:
            return r.choice(self.pool)  # a shared reference
        if depth >= 4 or r.random() < 0.45:
            return self.scalar()
        k = r.randrange(17)
        n = r.choice([0, 1, 2, 3, 5, 8, 1100 if depth >= 3 else 9]) if r.random() < 0.05 else r.randrange(6)
        if k in (0, 1):
            v = [self.value(depth + 1) for _ in range(n)]
        elif k == 2:
            v = tuple(self.value(depth + 1) for _ in range(n))
        elif k in (3, 4):
            v = {self.hashable(): self.value(depth + 1) for _ in range(n)}
        elif k == 5:
            v = set(self.hashable() for _ in range(n))
        elif k == 6:
            v = frozenset(self.hashable() for _ in range(n))
        elif k == 7:
            v = collections.OrderedDict((self.hashable(), self.value(depth + 1)) for _ in range(n))
        elif k == 8:
            v = collections.defaultdict(r.choice([list, int, None, set, dict]))
            for _ in range(n):
                v[self.hashable()] = self.value(depth + 1)
        elif k == 9:
            v = collections.deque((self.value(depth + 1) for _ in range(n)), r.choice([None, None, 3, 10]))
        elif k == 10:
            v = collections.Counter({self.hashable(): r.randrange(-3, 10) for _ in range(n)})
        elif k == 11:
            v = r.choice([M.Point(self.value(depth + 1), self.value(depth + 1)), M.Slotted(self.value(depth + 1), 2),
                          M.Empty()])
        elif k == 12:
            v = r.choice([M.WithReduce(*(self.value(depth + 1) for _ in range(n % 4))),
                          M.ViaFunction(self.scalar(), self.scalar()), M.WithState(self.value(depth + 1))])
        elif k == 13:
            v = r.choice([M.WithNewArgs(self.hashable()), M.WithNewArgsEx(self.hashable(), key=self.scalar()),
                          M.Outer.Inner(self.scalar())])
        elif k == 14:
            v = M.ListSub(self.value(depth + 1) for _ in range(n))
            if r.random() < 0.3:
                v.extra = self.scalar()
        elif k == 15:
            v = M.DictSub({self.hashable(): self.value(depth + 1) for _ in range(n)})
        else:
            v = self.cycle(depth)
        if isinstance(v, (list, dict, M.Point)):
            self.pool.append(v)
        return v

    def cycle(self, depth):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            a = [1, 'x']
            a.append(a)
            return a
        if k == 1:
            d = {'k': 1}
            d['self'] = d
            return d
        if k == 2:
            lst = [2]
            t = (lst, 3)
            lst.append(t)
            return t
        p = M.Point(1, None)
        p.y = p
        return p


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(seed)
    out = sys.stdout
    for i in range(count):
        g = Gen(rnd)
        obj = g.value()
        for proto in range(6):
            try:
                data = pickle.dumps(obj, proto)
            except Exception:
                continue
            loaded = pickle.loads(data)
            try:
                text = canon(loaded, proto)
            except Exception:
                continue
            if '\t' in text or '\n' in text:
                continue
            out.write('%d\t%s\t%s\t%s\n' % (proto, data.hex(), text, fingerprint(loaded)))


main()
