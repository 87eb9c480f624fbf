"""Differential cases for PyStd's pickler (tests/PyStd.Tests/Pickle/PicklerDifferentialTests.cs).

  gen_pickler_values.py gen COUNT
      One JSON line per case: {"r": recipe, "exact": bool, "h": [hex of pickle.dumps(v, p) for p in 0..5],
      "again": {p: hex of pickle.dumps(pickle.loads(h[p]), p), where that differs from h[p]}}.
  gen_pickler_values.py verify COUNT   (stdin: "case<TAB>protocol<TAB>hex" lines, PyStd's pickles)
      Regenerates the cases, loads each of PyStd's pickles and prints "case<TAB>protocol<TAB>OK" or
      "...<TAB>FAIL <why>": the loaded value must equal the original, shared references and cycles included.

A recipe is a JSON tree both sides build the same value from, so that identity (which objects
are one object) is the same in Python and .NET:
  {"lit": "python literal"}      ast.literal_eval / PyLiteral.Parse (every object fresh)
  {"float": "nan"|"inf"|"-inf"}  {"complex": [re, im]} (float reprs)   {"bytearray": hex}
  {"global": [module, qualname]} a class or function by name
  {"datetime": [y, mo, d, h, mi, s, us, utcoffset_seconds|null]}  {"date": [y, mo, d]}  {"time": [h, mi, s, us]}
  {"timedelta": [days, seconds, us]}  {"decimal": text}  {"uuid": hex}  (one timezone object per offset)
  {"odict": [[k, v]...]}  {"ddict": [factory global|null, [[k, v]...]]}  {"deque": [maxlen|null, [n...]]}
  {"counter": [[k, v]...]}
  {"list": [n...]}  {"tuple": [n...]}  {"dict": [[k, v]...]}  {"set": [n...]}  {"frozenset": [n...]}
  {"obj": {"kind": plain|red|new|newex, "cls": name in pickler_classes, "args": [n...],
           "kwargs": [[str, n]...], "state": n|null, "listitems": [n...]|null, "dictitems": [[k, v]...]|null}}
  {"def": id, "v": n}  names the object n builds;  {"ref": id}  is that same object.
Building is in pre-order; a list, dict or instance exists (empty) before its children, so a child may
refer to it (a cycle). A reference to an enclosing tuple from a list item or dict value is patched in
once the tuple exists.
"""
import ast
import collections
import datetime
import decimal
import json
import math
import pickle
import random
import struct
import sys
import uuid

import pickler_classes

SEED = 20240917
CLASSES = {
    'Plain': pickler_classes.Plain,
    'Plain2': pickler_classes.Plain2,
    'Outer.Nested': pickler_classes.Outer.Nested,
    'Red': pickler_classes.Red,
    'New': pickler_classes.New,
    'NewEx': pickler_classes.NewEx,
}
GLOBALS = [
    ('builtins', 'set'), ('builtins', 'list'), ('builtins', 'int'), ('builtins', 'str'),
    ('builtins', 'range'), ('builtins', 'object'), ('builtins', 'getattr'), ('builtins', 'ValueError'),
    ('builtins', 'bytearray'), ('builtins', 'complex'), ('builtins', 'frozenset'),
    ('collections', 'OrderedDict'), ('collections', 'UserDict'), ('collections', 'deque'),
    ('itertools', 'zip_longest'), ('copyreg', '_reconstructor'), ('copyreg', '__newobj__'),
    ('urllib.parse', 'quote'), ('socketserver', 'TCPServer'), ('queue', 'Queue'), ('posixpath', 'join'),
    ('pickler_classes', 'Plain'), ('pickler_classes', 'Outer'), ('pickler_classes', 'Outer.Nested'),
    ('pickler_classes', 'Red'), ('decimal', 'Decimal'), ('datetime', 'datetime'),
]

INT_EDGES = [0, 1, -1, 127, 128, 255, 256, -128, -129, -255, -256, -257, 65535, 65536, -65535, -65536,
             -65537, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63,
             -2**63 - 1, 2**64, -2**64, 2**127, -2**127, 2**2038, 2**2039, 2**2040 - 1, 2**2040, -2**2040,
             2**2047, 2**4000 + 17, -(2**4000)] + [-(2**(8 * k - 1)) for k in range(1, 12)] \
            + [2**(8 * k - 1) for k in range(1, 12)] + [2**(8 * k) - 1 for k in range(1, 12)]
FLOAT_EDGES = [0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e-5, 1e22, 5e-324, -5e-324, 1.7976931348623157e308,
               2.2250738585072014e-308, 123456789.123, 1 / 3, 1e100, -2.5e-300, 9007199254740993.0, 0.5]
STR_EDGES = ['', 'a', '\x00', '\n', '\\', '\r', '\x1a', '\t', '\x7f', '\x80', 'é', 'ÿ', '\u0100', '€',
             '\ud800', '\udfff', '\U0001f600', '\U0010ffff', 'ab', 'latin1', "quote'", '"', 'a\\nb',
             'x' * 85, 'x' * 86, 'x' * 255, 'x' * 256, 'é' * 127, 'é' * 128, '€' * 85, '€' * 86,
             '\ud800x', 'a\udc00', '\udc00\ud800', '\U0001f600' * 64, 'line\r\nbreak\x1a', 'snow☃man']
BYTES_EDGES = [b'', b'\x00', b'a', b'\xff', b'ab', bytes(range(256)), b'x' * 255, b'x' * 256, b'\\\n\r']
OFFSETS = [None, None, 0, 3600, -18000, 19800, 50400, -50400, 60]
DECIMALS = ['0', '-0', '1.5', '-3.14159', '1E+10', '1e-7', 'NaN', '-Infinity', 'Infinity', 'sNaN', '-NaN',
            '123456789012345678901234567890.123', '0.000', '-0E-5', '1.000', '7', '2.5E+300', '1E-400']
TIMEZONES = {}
PLAIN_ATTRS = ['a', 'b', 'name', 'value', 'x', 'items', 'é', 'attr_with_long_name']


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.next_id = 0
        self.done = []        # [(id, hashable)] objects complete in pre-order
        self.ancestors = []   # [(id, kind)] enclosing containers that have ids

    # ---- atoms -------------------------------------------------------------------------------
    def int_value(self):
        r = self.r
        if r.random() < 0.4:
            return r.choice(INT_EDGES)
        bits = r.choice([4, 8, 16, 31, 32, 33, 63, 64, 65, 100, 300, 2100])
        v = r.getrandbits(r.randint(1, bits))
        return -v if r.random() < 0.5 else v

    def float_value(self):
        r = self.r
        if r.random() < 0.4:
            return r.choice(FLOAT_EDGES)
        if r.random() < 0.5:
            return round(r.uniform(-1000, 1000), r.randint(0, 6))
        while True:
            v = struct.unpack('<d', struct.pack('<Q', r.getrandbits(64)))[0]
            if math.isfinite(v):
                return v

    def char(self):
        r = self.r
        pool = r.random()
        if pool < 0.5:
            return chr(r.randint(0x20, 0x7e))
        if pool < 0.65:
            return chr(r.randint(0, 0xff))
        if pool < 0.85:
            c = r.randint(0x100, 0xffff)
            return chr(c)
        if pool < 0.95:
            return chr(r.randint(0x10000, 0x10ffff))
        return r.choice(['\\', '\n', '\r', '\x00', '\x1a', "'", '"'])

    def str_value(self):
        r = self.r
        if r.random() < 0.3:
            return r.choice(STR_EDGES)
        n = r.choice([0, 1, 1, 2, 3, 5, 8, 13, 40, 84, 85, 86, 90, 127, 200, 300])
        s = ''.join(self.char() for _ in range(n))
        return fix_surrogates(s)

    def bytes_value(self):
        r = self.r
        if r.random() < 0.3:
            return r.choice(BYTES_EDGES)
        n = r.choice([0, 1, 1, 2, 5, 17, 100, 254, 255, 256, 300])
        return bytes(r.getrandbits(8) for _ in range(n))

    def atom(self, hashable_only=False):
        r = self.r
        k = r.random()
        if k < 0.25:
            return self.int_value()
        if k < 0.4:
            return self.float_value()
        if k < 0.7:
            return self.str_value()
        if k < 0.82:
            return self.bytes_value()
        if k < 0.9:
            return r.choice([True, False])
        return None

    def literal(self, depth):
        """A random value a Python literal can spell."""
        r = self.r
        if depth <= 0 or r.random() < 0.35:
            return self.atom()
        k = r.random()
        n = r.choice([0, 1, 2, 3, 4, 5, 7])
        if k < 0.3:
            return [self.literal(depth - 1) for _ in range(n)]
        if k < 0.55:
            return tuple(self.literal(depth - 1) for _ in range(n))
        if k < 0.8:
            return {self.hashable(depth - 1): self.literal(depth - 1) for _ in range(n)}
        return set(self.number_hashable(depth - 1) for _ in range(n)) if r.random() < 0.6 \
            else set(self.hashable(depth - 1) for _ in range(n))

    def hashable(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.7:
            v = self.atom()
            return v
        return tuple(self.hashable(depth - 1) for _ in range(r.randint(0, 3)))

    def number_hashable(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.8:
            return self.int_value() if r.random() < 0.7 else self.float_value()
        return tuple(self.number_hashable(depth - 1) for _ in range(r.randint(0, 3)))

    # ---- recipes -----------------------------------------------------------------------------
    def new_id(self):
        self.next_id += 1
        return self.next_id

    def lit(self, v):
        return {'lit': repr(v)}

    def node(self, depth, hashable=False):
        """A recipe node; with an id sometimes, and sometimes a reference to an earlier object."""
        r = self.r
        if hashable:
            cands = [i for i, h in self.done if h]
            if cands and r.random() < 0.15:
                return {'ref': r.choice(cands)}
            v = self.hashable(depth)
            n = self.lit(v)
            if r.random() < 0.2:
                i = self.new_id()
                self.done.append((i, True))
                return {'def': i, 'v': n}
            return n
        k = r.random()
        if self.done and k < 0.08:
            return {'ref': r.choice(self.done)[0]}
        if self.ancestors and k < 0.12:
            return {'ref': r.choice(self.ancestors)[0]}
        if depth <= 0 or k < 0.3:
            n, h = self.leaf()
        elif k < 0.45:
            n, h = self.lit(self.literal(depth - 1)), False
        else:
            return self.container(depth)
        if r.random() < 0.2:
            i = self.new_id()
            self.done.append((i, h))
            return {'def': i, 'v': n}
        return n

    def leaf(self):
        r = self.r
        k = r.random()
        if k < 0.55:
            v = self.atom()
            return self.lit(v), True
        if k < 0.65:
            return {'float': r.choice(['nan', 'inf', '-inf'])}, False
        if k < 0.75:
            parts = [r.choice(['nan', 'inf', '-inf', '-0.0', '0.0', repr(self.float_value())]) if r.random() < 0.3
                     else repr(self.float_value()) for _ in range(2)]
            return {'complex': parts}, False
        if k < 0.82:
            return {'bytearray': self.bytes_value().hex()}, False
        if k < 0.88:
            return {'global': list(r.choice(GLOBALS))}, False
        return self.stdlib_value(), False

    def stdlib_value(self):
        """A value of a standard class PyStd maps to a .NET type (datetime, Decimal, UUID, collections)."""
        r = self.r
        k = r.randrange(9)
        if k == 0:
            off = r.choice(OFFSETS)
            # .NET's DateTimeOffset needs its UTC time within years 1-9999 too.
            year = r.randint(1, 9999) if off is None else r.randint(2, 9998)
            return {'datetime': [year, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23),
                                 r.randint(0, 59), r.randint(0, 59), r.choice([0, r.randint(0, 999999)]), off]}
        if k == 1:
            return {'date': [r.randint(1, 9999), r.randint(1, 12), r.randint(1, 28)]}
        if k == 2:
            return {'time': [r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.choice([0, r.randint(0, 999999)])]}
        if k == 3:
            return {'timedelta': [r.randint(-10000000, 10000000), r.randint(0, 86399), r.randint(0, 999999)]}
        if k == 4:
            return {'decimal': r.choice(DECIMALS)}
        if k == 5:
            return {'uuid': '%032x' % r.getrandbits(128)}
        if k == 6:
            return {'odict': [[self.lit(self.hashable(0)), self.lit(self.literal(1))] for _ in range(r.randint(0, 4))]}
        if k == 7:
            factory = r.choice([None, ['builtins', 'list'], ['builtins', 'int']])
            return {'ddict': [factory, [[self.lit(self.hashable(0)), self.lit(self.literal(1))] for _ in range(r.randint(0, 3))]]}
        if r.random() < 0.5:
            return {'deque': [r.choice([None, 0, 3, 10]), [self.lit(self.literal(1)) for _ in range(r.randint(0, 4))]]}
        return {'counter': [[self.lit(self.str_value()), self.lit(r.randint(-5, 1000))] for _ in range(r.randint(0, 4))]}

    def container(self, depth):
        r = self.r
        k = r.random()
        n = r.choice([0, 1, 2, 3, 4, 5, 8])
        i = self.new_id() if r.random() < 0.6 else None
        if k < 0.25:
            kind = 'list'
        elif k < 0.45:
            kind = 'tuple'
        elif k < 0.65:
            kind = 'dict'
        elif k < 0.72:
            kind = 'set'
        elif k < 0.78:
            kind = 'frozenset'
        else:
            kind = 'obj'
        if i is not None:
            self.ancestors.append((i, kind))
        if kind == 'list':
            body = {'list': [self.node(depth - 1) for _ in range(n)]}
        elif kind == 'tuple':
            body = {'tuple': [self.tuple_item(depth - 1) for _ in range(n)]}
        elif kind == 'dict':
            body = {'dict': [[self.node(depth - 1, hashable=True), self.node(depth - 1)] for _ in range(n)]}
        elif kind in ('set', 'frozenset'):
            body = {kind: [self.node(depth - 1, hashable=True) for _ in range(n)]}
        else:
            body = {'obj': self.obj(depth - 1, i)}
        if i is not None:
            self.ancestors.pop()
            self.done.append((i, kind in ('tuple', 'frozenset') and is_hashable_recipe(body, self)))
            return {'def': i, 'v': body}
        return body

    def tuple_item(self, depth):
        # Items are built before the tuple exists: no references to enclosing tuples here.
        saved = self.ancestors
        self.ancestors = [a for a in saved if a[1] != 'tuple' and a[1] != 'frozenset']
        try:
            return self.node(depth)
        finally:
            self.ancestors = saved

    def obj(self, depth, self_id):
        r = self.r
        kind = r.choice(['plain', 'plain', 'red', 'new', 'newex'])
        spec = {'kind': kind}
        saved = self.ancestors
        mutable = [a for a in saved if a[1] not in ('tuple', 'frozenset')]
        if kind == 'plain':
            spec['cls'] = r.choice(['Plain', 'Plain2', 'Outer.Nested'])
            attrs = r.sample(PLAIN_ATTRS, r.randint(0, 4))
            spec['state'] = {'dict': [[self.lit(a), self.node(depth)] for a in attrs]}
            return spec
        # Arguments are built before the instance exists: no reference to it or to an enclosing tuple.
        self.ancestors = [a for a in mutable if a[0] != self_id]
        try:
            spec['args'] = [self.node(depth) for _ in range(r.randint(1 if kind == 'new' else 0, 3))]
            if kind == 'newex':
                keys = r.sample(['k', 'key', 'flag', '\u00e9'], r.randint(1, 3))
                spec['kwargs'] = [[k, self.node(depth)] for k in keys]
            self.ancestors = mutable
            spec['cls'] = {'red': 'Red', 'new': 'New', 'newex': 'NewEx'}[kind]
            spec['state'] = self.node(depth) if r.random() < 0.7 else None
            if kind == 'red':
                spec['listitems'] = [self.node(depth) for _ in range(r.randint(1, 4))] if r.random() < 0.4 else None
                spec['dictitems'] = [[self.node(depth, hashable=True), self.node(depth)]
                                     for _ in range(r.randint(1, 3))] if r.random() < 0.4 else None
        finally:
            self.ancestors = saved
        return spec


def fix_surrogates(s):
    # A .NET string cannot hold a high surrogate followed by a low one as two code points.
    out = []
    for c in s:
        if out and 0xd800 <= ord(out[-1]) <= 0xdbff and 0xdc00 <= ord(c) <= 0xdfff:
            out.append('x')
        out.append(c)
    return ''.join(out)


def is_hashable_recipe(body, gen):
    try:
        hash(Builder().build(body))
        return True
    except Exception:
        return False


class Pending:
    def __init__(self, i):
        self.i = i


class Builder:
    def __init__(self):
        self.defs = {}
        self.patches = {}

    def build(self, n):
        if 'ref' in n:
            i = n['ref']
            return self.defs[i] if i in self.defs else Pending(i)
        if 'def' in n:
            return self.node(n['v'], n['def'])
        return self.node(n, None)

    def reg(self, i, v):
        if i is not None:
            self.defs[i] = v
            for container, key in self.patches.pop(i, []):
                container[key] = v
        return v

    def item(self, n, container, key):
        v = self.build(n)
        if isinstance(v, Pending):
            self.patches.setdefault(v.i, []).append((container, key))
            return None
        return v

    def concrete(self, n):
        v = self.build(n)
        if isinstance(v, Pending):
            raise ValueError('reference to an unfinished object in a place that cannot be patched')
        return v

    def node(self, n, i):
        if 'lit' in n:
            return self.reg(i, ast.literal_eval(n['lit']))
        if 'float' in n:
            return self.reg(i, float(n['float']))
        if 'complex' in n:
            return self.reg(i, complex(float(n['complex'][0]), float(n['complex'][1])))
        if 'bytearray' in n:
            return self.reg(i, bytearray.fromhex(n['bytearray']))
        if 'global' in n:
            return self.reg(i, resolve_global(*n['global']))
        if 'datetime' in n:
            y, mo, d, h, mi, sec, us, off = n['datetime']
            return self.reg(i, datetime.datetime(y, mo, d, h, mi, sec, us, tzinfo=timezone(off)))
        if 'date' in n:
            return self.reg(i, datetime.date(*n['date']))
        if 'time' in n:
            return self.reg(i, datetime.time(*n['time']))
        if 'timedelta' in n:
            return self.reg(i, datetime.timedelta(*n['timedelta']))
        if 'decimal' in n:
            return self.reg(i, decimal.Decimal(n['decimal']))
        if 'uuid' in n:
            return self.reg(i, uuid.UUID(hex=n['uuid']))
        if 'odict' in n:
            od = self.reg(i, collections.OrderedDict())
            for k, v in n['odict']:
                key = self.concrete(k)
                od[key] = self.concrete(v)
            return od
        if 'ddict' in n:
            factory, pairs = n['ddict']
            dd = self.reg(i, collections.defaultdict(None if factory is None else resolve_global(*factory)))
            for k, v in pairs:
                key = self.concrete(k)
                dd[key] = self.concrete(v)
            return dd
        if 'deque' in n:
            maxlen, items = n['deque']
            dq = self.reg(i, collections.deque((), maxlen))
            for x in items:
                dq.append(self.concrete(x))
            return dq
        if 'counter' in n:
            c = self.reg(i, collections.Counter())
            for k, v in n['counter']:
                key = self.concrete(k)
                c[key] = self.concrete(v)
            return c
        if 'list' in n:
            lst = self.reg(i, [])
            for c in n['list']:
                lst.append(None)
                lst[-1] = self.item(c, lst, len(lst) - 1)
            return lst
        if 'dict' in n:
            d = self.reg(i, {})
            for k, v in n['dict']:
                key = self.concrete(k)
                d[key] = None
                d[key] = self.item(v, d, key)
            return d
        if 'set' in n:
            s = self.reg(i, set())
            for c in n['set']:
                s.add(self.concrete(c))
            return s
        if 'tuple' in n:
            return self.reg(i, tuple(self.concrete(c) for c in n['tuple']))
        if 'frozenset' in n:
            return self.reg(i, frozenset(self.concrete(c) for c in n['frozenset']))
        if 'obj' in n:
            return self.obj(n['obj'], i)
        raise ValueError(n)

    def obj(self, spec, i):
        cls = CLASSES[spec['cls']]
        kind = spec['kind']
        if kind == 'plain':
            o = self.reg(i, cls.__new__(cls))
            # A dict of its own: the class's shared-key table would make equal attribute names one object.
            d = {}
            o.__dict__ = d
            for k, v in spec['state']['dict']:
                key = self.concrete(k)
                d[key] = None
                d[key] = self.item(v, d, key)
            return o
        args = [self.concrete(a) for a in spec['args']]
        if kind == 'red':
            o = self.reg(i, cls.__new__(cls))
            o._a = tuple(args)
            o._s = self.concrete(spec['state']) if spec['state'] is not None else None
            o._l = [self.concrete(x) for x in spec['listitems']] if spec.get('listitems') is not None else None
            if spec.get('dictitems') is not None:
                o._d = {}
                for k, v in spec['dictitems']:
                    key = self.concrete(k)
                    o._d[key] = self.concrete(v)
            else:
                o._d = None
            return o
        if kind == 'new':
            o = self.reg(i, cls.__new__(cls, *args))
        else:
            kwargs = {k: self.concrete(v) for k, v in spec['kwargs']}
            o = self.reg(i, cls.__new__(cls, *args, **kwargs))
        o._s = self.concrete(spec['state']) if spec['state'] is not None else None
        return o


def timezone(offset):
    # One object per offset, as PyStd's datetime converter shares one per offset.
    if offset is None:
        return None
    if offset not in TIMEZONES:
        TIMEZONES[offset] = datetime.timezone(datetime.timedelta(seconds=offset))
    return TIMEZONES[offset]


def resolve_global(module, qualname):
    obj = __import__(module, fromlist=['_'])
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    assert obj.__module__ == module and obj.__qualname__ == qualname, (module, qualname)
    return obj


def exact(v, seen=None):
    """False when a set holds members whose order CPython takes from randomised or id-based hashes."""
    if seen is None:
        seen = set()
    if id(v) in seen:
        return True
    seen.add(id(v))
    if isinstance(v, (set, frozenset)):
        return all(numeric(m) for m in v)
    if isinstance(v, (list, tuple, collections.deque)):
        return all(exact(x, seen) for x in v)
    if isinstance(v, dict):
        return all(exact(k, seen) and exact(x, seen) for k, x in v.items())
    if hasattr(v, '__dict__') and not isinstance(v, type) and not callable(v):
        return all(exact(x, seen) for x in vars(v).values())
    return True


def numeric(m):
    if isinstance(m, bool) or isinstance(m, int):
        return True
    if isinstance(m, float):
        return not math.isnan(m)
    if isinstance(m, tuple):
        return all(numeric(x) for x in m)
    return False


def fixed_cases():
    """Edge cases every run has: batch and frame boundaries, big memo indexes, each atom edge."""
    cases = []
    for v in INT_EDGES + FLOAT_EDGES + STR_EDGES + BYTES_EDGES + [True, False, None]:
        cases.append({'lit': repr(v)})
    for f in ['nan', 'inf', '-inf']:
        cases.append({'float': f})
    for n in [0, 1, 2, 3, 4, 5, 999, 1000, 1001, 2000, 2001]:
        cases.append({'lit': repr(list(range(n)))})
        cases.append({'lit': repr(tuple(range(n)))})
        cases.append({'lit': repr({i: -i for i in range(n)})})
        cases.append({'lit': repr(set(range(n))) if n else 'set()'})
        cases.append({'frozenset': [{'lit': repr(i)} for i in range(n)]})
        cases.append({'obj': {'kind': 'red', 'cls': 'Red', 'args': [], 'state': None,
                              'listitems': [{'lit': repr(i)} for i in range(n)] or None,
                              'dictitems': [[{'lit': repr(i)}, {'lit': repr(str(i))}] for i in range(n)] or None}})
    cases.append({'lit': repr(['s%d' % i for i in range(300)])})
    cases.append({'lit': repr(['s%d' % i for i in range(70000)])})
    cases.append({'lit': repr('x' * 70000)})
    cases.append({'lit': repr('€' * 21846)})
    cases.append({'lit': repr('\U0001f600' * 16384)})
    cases.append({'lit': repr(b'y' * 65535)})
    cases.append({'lit': repr([b'y' * 65536, 'z', b'w' * 70000, 'x' * 65536])})
    cases.append({'bytearray': (b'q' * 65536).hex()})
    cases.append({'lit': repr([i * 1.5 for i in range(20000)])})
    cases.append({'lit': repr([[i, str(i), (i,)] for i in range(5000)])})
    # standard classes
    for off in OFFSETS:
        cases.append({'datetime': [2024, 2, 29, 23, 59, 58, 123456, off]})
        cases.append({'list': [{'datetime': [1, 1, 2, 0, 0, 0, 0, off]}, {'datetime': [9999, 12, 30, 23, 59, 59, 999999, off]}]})
    cases.append({'list': [{'datetime': [1, 1, 1, 0, 0, 0, 0, None]}, {'datetime': [9999, 12, 31, 23, 59, 59, 999999, None]}]})
    cases.append({'list': [{'date': [1, 1, 1]}, {'date': [9999, 12, 31]}, {'time': [0, 0, 0, 0]},
                           {'time': [23, 59, 59, 999999]}, {'timedelta': [0, 0, 0]}, {'timedelta': [-1, 86399, 999999]},
                           {'timedelta': [10675198, 0, 0]}, {'timedelta': [-10675198, 0, 0]}]})
    cases.append({'list': [{'decimal': d} for d in DECIMALS]})
    cases.append({'list': [{'uuid': '0' * 32}, {'uuid': 'f' * 32}, {'uuid': '12345678123456781234567812345678'}]})
    cases.append({'odict': [[{'lit': repr(i)}, {'lit': repr(str(i))}] for i in range(1001)]})
    cases.append({'ddict': [['builtins', 'list'], [[{'lit': "'a'"}, {'lit': '[1]'}]]]})
    cases.append({'deque': [None, [{'lit': repr(i)} for i in range(1001)]]})
    cases.append({'deque': [5, [{'lit': repr(i)} for i in range(5)]]})
    cases.append({'counter': [[{'lit': repr('k%d' % i)}, {'lit': repr(i)}] for i in range(10)]})
    # cycles and sharing
    cases.append({'def': 1, 'v': {'list': [{'ref': 1}]}})
    cases.append({'def': 1, 'v': {'dict': [[{'lit': "'me'"}, {'ref': 1}]]}})
    for n in range(1, 6):
        cases.append({'def': 1, 'v': {'tuple': [{'def': 2, 'v': {'list': [{'ref': 1}]}}]
                                     + [{'lit': repr(i)} for i in range(n - 1)]}})
    cases.append({'list': [{'def': 1, 'v': {'lit': "'shared'"}}, {'ref': 1}, {'ref': 1}]})
    cases.append({'list': [{'def': 1, 'v': {'lit': "(1, 2)"}}, {'ref': 1}]})
    cases.append({'def': 1, 'v': {'obj': {'kind': 'plain', 'cls': 'Plain',
                                          'state': {'dict': [[{'lit': "'me'"}, {'ref': 1}]]}}}})
    cases.append({'list': [{'global': list(g)} for g in GLOBALS] + [{'global': list(g)} for g in GLOBALS]})
    cases.append({'list': [{'obj': {'kind': 'plain', 'cls': c, 'state': {'dict': []}}} for c in CLASSES
                           if c.startswith(('Plain', 'Outer'))]})
    return cases


def all_cases(count):
    """The recipes, through JSON as the C# side reads them: every string in them a fresh object."""
    return [json.loads(json.dumps(c)) for c in raw_cases(count)]


def raw_cases(count):
    rnd = random.Random(SEED)
    cases = fixed_cases()
    while len(cases) < count:
        g = Gen(rnd)
        k = rnd.random()
        if k < 0.3:
            cases.append(g.lit(g.literal(rnd.randint(0, 4))))
        else:
            cases.append(g.node(rnd.randint(1, 4)))
    return cases


def deep_eq(a, b, pairs):
    if type(a) is not type(b):
        return False
    if a is None or isinstance(a, (bool, int)):
        return a == b
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, complex):
        return deep_eq(a.real, b.real, pairs) and deep_eq(a.imag, b.imag, pairs)
    if isinstance(a, type) or callable(a):
        return a is b
    if isinstance(a, (datetime.date, datetime.time, datetime.timedelta, uuid.UUID)):
        return a == b and getattr(a, 'tzinfo', None) == getattr(b, 'tzinfo', None)
    if isinstance(a, decimal.Decimal):
        return str(a) == str(b)
    if isinstance(a, collections.deque):
        return a.maxlen == b.maxlen and deep_eq(list(a), list(b), pairs)
    if isinstance(a, collections.defaultdict) and a.default_factory is not b.default_factory:
        return False
    if id(a) in pairs:
        return pairs[id(a)][1] is b
    pairs[id(a)] = (a, b)
    if isinstance(a, (str, bytes, bytearray)):
        return a == b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(deep_eq(x, y, pairs) for x, y in zip(a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(deep_eq(k1, k2, pairs) and deep_eq(v1, v2, pairs)
                                        for (k1, v1), (k2, v2) in zip(a.items(), b.items()))
    if isinstance(a, (set, frozenset)):
        if len(a) != len(b):
            return False
        if a == b:
            return True
        # Members compared by identity (instances): match them up structurally.
        rest = list(b)
        for x in a:
            for j, y in enumerate(rest):
                if deep_eq(x, y, dict(pairs)):
                    deep_eq(x, y, pairs)
                    del rest[j]
                    break
            else:
                return False
        return True
    va, vb = vars(a), vars(b)
    return len(va) == len(vb) and all(k1 == k2 and deep_eq(v1, v2, pairs)
                                      for (k1, v1), (k2, v2) in zip(va.items(), vb.items()))


def main():
    mode, count = sys.argv[1], int(sys.argv[2])
    cases = all_cases(count)
    out = sys.stdout
    if mode == 'gen':
        for recipe in cases:
            v = Builder().build(recipe)
            pickles = [pickle.dumps(v, protocol=p) for p in range(6)]
            # Where CPython's own pickles.loads-then-dumps changes the bytes (a set rebuilt in pickle
            # order can lay out its table differently), what it writes the second time.
            again = {str(p): pickle.dumps(pickle.loads(b), protocol=p).hex() for p, b in enumerate(pickles)}
            again = {p: h for p, h in again.items() if h != pickles[int(p)].hex()}
            out.write(json.dumps({'r': recipe, 'exact': exact(v), 'h': [b.hex() for b in pickles], 'again': again}) + '\n')
    elif mode == 'verify':
        for line in sys.stdin:
            case, proto, data = line.rstrip('\n').split('\t')
            original = Builder().build(cases[int(case)])
            try:
                loaded = pickle.loads(bytes.fromhex(data))
                ok = deep_eq(original, loaded, {})
                why = '' if ok else 'loaded %r' % (loaded,)
            except Exception as e:  # noqa: BLE001 - report every failure as a verdict
                ok, why = False, '%s: %s' % (type(e).__name__, e)
            out.write('%s\t%s\t%s\n' % (case, proto, 'OK' if ok else 'FAIL ' + why[:300]))


if __name__ == '__main__':
    main()
