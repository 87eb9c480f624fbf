"""Differential cases for PickleTools: pickletools.dis text and pickletools.optimize bytes.

Usage: gen_pickletools.py SEED
Prints one JSON object per line:
  {"kind": ..., "hex": pickle, "indent": n, "annotate": n,
   "dis": text printed before any error, "dis_err": "ValueError: msg" or null,
   "opt": hex or null, "opt_err": "TypeError: msg" or null}

Cases: values of every shape CPython pickles (builtins, shared references and cycles, big ints,
float edges, Unicode edges incl. lone surrogates, class instances via __reduce__/__getstate__/
slots/__newobj_ex__, extension codes, persistent ids, out-of-band buffers, frames over 64 KiB,
memos past 256 entries) at protocols 0-5; Python 2 style pickles (STRING, INT 00/01, LONG with
L, text GET/PUT); and truncated and mutated pickles whose dis/optimize fail part way.
"""
import collections
import copyreg
import datetime
import decimal
import io
import json
import pickle
import pickletools
import random
import sys
import uuid


class Plain:
    pass


class WithState:
    def __init__(self, a=1):
        self.a = a
        self.b = [a, 'x']


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 'two'


class GetState:
    def __getstate__(self):
        return ('state', 42)

    def __setstate__(self, s):
        pass


class Reduced:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reduced, self.args, {'k': 1}, iter([1, 2]), iter([('a', 'b')]))

    def append(self, x):
        pass

    def extend(self, xs):
        pass

    def __setitem__(self, k, v):
        pass


class KwOnly:
    def __new__(cls, *args, **kw):
        return object.__new__(cls)

    def __getnewargs_ex__(self):
        return ((1, 2), {'key': 'value', 'n': 3})


class Outer:
    class Inner:
        pass


class ExtCoded:
    pass


class ExtCoded2:
    pass


class ExtCoded4:
    pass


copyreg.add_extension(__name__, 'ExtCoded', 7)
copyreg.add_extension(__name__, 'ExtCoded2', 300)
copyreg.add_extension(__name__, 'ExtCoded4', 70000)


class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith('pid:'):
            return obj[4:] if self.proto == 0 else (obj, 1)
        return None


def rand_str(rnd):
    pools = ['abc', "'\"\\", '\n\t\r\x00\x7f', '\u00e9\u00ff\u0100', '\u20ac\u4e2d\uffff',
             '\U0001f600\U00010000\U0010ffff', '\ud800\udfff\udc00\ud83d', '\u0085\u00a0\u2028\u200b',
             ' ~`', '\x1b\x80']
    pool = ''.join(rnd.sample(pools, rnd.randrange(1, 4)))
    return ''.join(rnd.choice(pool) for _ in range(rnd.randrange(0, 12)))


def rand_float(rnd):
    return rnd.choice([0.0, -0.0, 1.0, -1.5, 1e16, 1e-7, 1.5e300, 5e-324, float('inf'), float('-inf'),
                       float('nan'), 0.1, 1 / 3, 123456789.125, 2.0 ** 53, -2.0 ** 63,
                       rnd.random() * 10 ** rnd.randrange(-20, 20)])


def rand_int(rnd):
    return rnd.choice([0, 1, -1, 255, 256, 65535, 65536, 2 ** 31 - 1, -2 ** 31, 2 ** 31, 2 ** 63 - 1,
                       -2 ** 63, 2 ** 64, -2 ** 100, 10 ** 50, -(10 ** 300), 2 ** 2000 + 1,
                       rnd.randrange(-10 ** 6, 10 ** 6), rnd.randrange(-2 ** 70, 2 ** 70)])


def rand_leaf(rnd):
    k = rnd.randrange(14)
    if k == 0:
        return None
    if k == 1:
        return rnd.choice([True, False])
    if k in (2, 3):
        return rand_int(rnd)
    if k == 4:
        return rand_float(rnd)
    if k in (5, 6):
        return rand_str(rnd)
    if k == 7:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 10)))
    if k == 8:
        return bytearray(rnd.randrange(256) for _ in range(rnd.randrange(0, 6)))
    if k == 9:
        return complex(rand_float(rnd), rand_float(rnd))
    if k == 10:
        return rnd.choice([datetime.datetime(2024, 1, 2, 3, 4, 5, 678901),
                           datetime.date(1999, 12, 31), datetime.time(23, 59, 1, 5),
                           datetime.timedelta(days=-3, seconds=5, microseconds=7),
                           datetime.datetime(2020, 5, 6, tzinfo=datetime.timezone.utc),
                           datetime.datetime(2020, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))])
    if k == 11:
        return rnd.choice([decimal.Decimal('3.14'), decimal.Decimal('-0'), decimal.Decimal('NaN'),
                           uuid.UUID(int=rnd.getrandbits(128)), range(0, 10, 3), slice(1, None, 2)])
    if k == 12:
        return rnd.choice([Plain, len, Outer.Inner, pickle.dumps])
    return rnd.choice([frozenset(), frozenset({1, 2}), set(), {3, 'a'}])


def rand_value(rnd, depth=0):
    if depth > 3 or rnd.random() < 0.3:
        return rand_leaf(rnd)
    k = rnd.randrange(12)
    n = rnd.randrange(0, 5)
    if k in (0, 1):
        return [rand_value(rnd, depth + 1) for _ in range(n)]
    if k in (2, 3):
        return tuple(rand_value(rnd, depth + 1) for _ in range(n))
    if k in (4, 5):
        d = {}
        for _ in range(n):
            key = rand_leaf(rnd)
            try:
                hash(key)
            except TypeError:
                key = repr(key)
            d[key] = rand_value(rnd, depth + 1)
        return d
    if k == 6:
        shared = rand_value(rnd, depth + 1)
        return [shared, (shared, shared), {'s': shared}]
    if k == 7:
        cyc = [1]
        cyc.append(cyc)
        t = (cyc, {'c': cyc})
        return rnd.choice([cyc, t])
    if k == 8:
        o = rnd.choice([Plain(), WithState(rand_leaf(rnd)), Slotted(), GetState(), KwOnly(),
                        Reduced(rand_leaf(rnd)), Outer.Inner(), ExtCoded(), ExtCoded2(), ExtCoded4()])
        if isinstance(o, Plain):
            o.__dict__['v'] = rand_value(rnd, depth + 1)
        return o
    if k == 9:
        return collections.OrderedDict([('a', 1), ('b', rand_value(rnd, depth + 1))])
    if k == 10:
        return rnd.choice([collections.deque([1, 2], maxlen=5), collections.Counter('abca'),
                           collections.defaultdict(list, {'x': [1]})])
    return ['pid:alpha', 'pid:beta', rand_leaf(rnd)]


def dumps(value, proto, rnd):
    f = io.BytesIO()
    if proto == 5 and rnd.random() < 0.3:
        value = [pickle.PickleBuffer(b'oob-bytes'), pickle.PickleBuffer(bytearray(b'oob-ba')), value]
        p = PersistentPickler(f, proto, buffer_callback=lambda b: False if rnd.random() < 0.5 else True)
    else:
        p = PersistentPickler(f, proto)
    if rnd.random() < 0.2:
        p.fast = False
    p.dump(value)
    return f.getvalue()


def special_pickles(rnd):
    # Memos past 256 entries (LONG_BINPUT/LONG_BINGET), frames past 64 KiB, frameless big opcodes.
    strs = ['s%d' % i for i in range(300)]
    big = [strs, strs[::-1]]
    for proto in range(6):
        yield 'memo300', pickle.dumps(big, proto)
    for proto in (4, 5):
        yield 'frames', pickle.dumps([b'x' * 70000, 'y' * 100, list(range(20000)), b'z' * 10], proto)
        yield 'frames2', pickle.dumps([bytes(65530), 1, bytes(65537), 'a' * 66000, ('t', 't')], proto)
        yield 'manyframes', pickle.dumps(['%05d' % i for i in range(12000)], proto)
    # Python 2 style pickles (what Python 2's pickle wrote).
    py2 = [
        b"(lp0\nI1\naI00\naI01\naL12345678901234567890L\naF1.5\naS'abc'\np1\nag1\naS\"it's\"\np2\naVcaf\\u00e9\np3\na.",
        b"(dp0\nS'a\\x00\\n\\\\'\np1\nI-5\nsS'k'\np2\n(I1\nI2\ntp3\ns.",
        b"ccopy_reg\n_reconstructor\np0\n(c__main__\nC\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nS'x'\np6\nI1\nsb.",
        b"(i__main__\nOld\np0\n(dp1\nS'v'\np2\nI3\nsb.",
        b"\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.",
        b"\x80\x02c__builtin__\nxrange\nq\x00K\x00K\x05K\x01\x87q\x01Rq\x02.",
        b"(lp0\nS'\\xe9'\np1\na.",
        b"(lp0\nS'\\777'\np1\na.",
        b"(lp0\nS'\\q\\a\\b\\f\\v\\t\\r\\n\\'\\\"'\np1\na.",
        b"(lp0\nF1_0.5\naF  -inf \naFnan\naF1e999\naF-0\naI 12 \naI+7\naI1_000\naL-0L\na.",
        b"(lp0\nVa\\u20ac\\U0001f600\\ud83d\\ude00\\\\u\\x\np1\na.",
        b"(lp0\nPpid\\x41\naQ.",
        b"U\x03abc.",
        b"T\x03\x00\x00\x00\xe9\xff\x00.",
        b"\x80\x02\x82\x07\x83\x2c\x01\x84\x70\x11\x01\x00\x87.",
        b"(I1\nI2\n0I3\n1N.",
        b"(N2\x85(\x85\x85.",
        b"(Np00\np01\n0g01\n1.",
        b"]q\x00h\x00\x85r\x00\x01\x00\x00j\x00\x01\x00\x00.",
        b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N\x94\x94h\x01.",
        b"\x80\x05\x96\x03\x00\x00\x00\x00\x00\x00\x00abc\x94\x97\x98\x86.",
        b"\x80\x04\x8f\x94(K\x01K\x02\x90(K\x03\x91\x86.",
        b"\x80\x04)}\x94\x92.",
        b"\x80\x02N)\x81(No.",
        b"\x80\x01N.",
        b"\x80\x06N.",
        b"\x80\xffN.",
    ]
    for p in py2:
        yield 'py2', p


def mutate(rnd, p):
    b = bytearray(p)
    k = rnd.randrange(6)
    if k == 0 or len(b) < 2:
        return bytes(b[:rnd.randrange(0, len(b) + 1)])
    if k == 1:
        i = rnd.randrange(len(b))
        b[i] = rnd.randrange(256)
    elif k == 2:
        i = rnd.randrange(len(b))
        b[i] = rnd.choice(b'()0123456789._LI\n\'"\\xuUtlde]}qhpg\x80\x85\x94\x95')
    elif k == 3:
        i = rnd.randrange(len(b))
        del b[i]
    elif k == 4:
        i = rnd.randrange(len(b))
        b.insert(i, rnd.choice(b'(0a.e1\x94h\x00q'))
    else:
        for _ in range(3):
            i = rnd.randrange(len(b))
            b[i] ^= 1 << rnd.randrange(8)
    return bytes(b)


def text_args(rnd):
    """Arguments pickletools parses with int(), float(), escape_decode, raw-unicode-escape, UTF-8."""
    numeric = b'0123456789_+-. eEinfatyINFALl\x00\t\x0b\xe9x'
    text = b'abc\\\'"xuUn0127fF\x00\xe9\t'
    for _ in range(1500):
        op = rnd.choice(b'ILFgpSVPc')
        if op in b'ILFgp':
            body = bytes(rnd.choice(numeric) for _ in range(rnd.randrange(0, 7)))
            if rnd.random() < 0.3:
                body = bytes(rnd.choice(b'0123456789') for _ in range(rnd.randrange(1, 25)))
        else:
            body = bytes(rnd.choice(text) for _ in range(rnd.randrange(0, 9)))
            if op == ord('S') and rnd.random() < 0.7:
                q = rnd.choice([b"'", b'"'])
                body = q + body + q
        rest = b'name\n' if op == ord('c') else b''
        prefix = b'N' if op == ord('p') else b''
        yield prefix + bytes([op]) + body + b'\n' + rest + b'.'
    pieces = [b'a', b'\xc3\xa9', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'\xed\xa0\xbd', b'\xed\xb8\x80',
              b'\xff', b'\x80', b'\xc3', b'\xe2\x82', b'\xf0\x9f', b'\xf4\x90\x80\x80', b'\xe0\x80\x80',
              b'\xed\xa0', b'\xc0\xaf', b'\xf5']
    for _ in range(600):
        body = b''.join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 5)))
        op = rnd.choice([b'X', b'\x8c', b'\x8d'])
        size = {b'X': 4, b'\x8c': 1, b'\x8d': 8}[op]
        yield op + len(body).to_bytes(size, 'little') + body + b'.'


def run(kind, p, indent=4, annotate=0):
    out = io.StringIO()
    dis_err = None
    try:
        pickletools.dis(p, out, None, indent, annotate)
    except Exception as e:
        dis_err = '%s: %s' % (type(e).__name__, e)
    opt = opt_err = None
    try:
        opt = pickletools.optimize(p).hex()
    except Exception as e:
        opt_err = '%s: %s' % (type(e).__name__, e)
    return {'kind': kind, 'hex': p.hex(), 'indent': indent, 'annotate': annotate,
            'dis': out.getvalue(), 'dis_err': dis_err, 'opt': opt, 'opt_err': opt_err}


def main():
    rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    valid = []
    for i in range(260):
        value = rand_value(rnd)
        for proto in range(6):
            try:
                valid.append(('value', dumps(value, proto, rnd)))
            except Exception:
                pass  # e.g. a persistent id whose repr cannot be a protocol 0 line
    valid.extend(special_pickles(rnd))
    lines = []
    for kind, p in valid:
        indent, annotate = 4, 0
        r = rnd.random()
        if r < 0.1:
            indent = rnd.choice([0, 1, 2, 8, -1])
        elif r < 0.2:
            annotate = rnd.choice([1, 30, 50, 60, -3])
        lines.append(run(kind, p, indent, annotate))
    small = [p for _, p in valid if len(p) < 400]
    for _ in range(3000):
        lines.append(run('mutated', mutate(rnd, rnd.choice(small))))
    for p in text_args(rnd):
        lines.append(run('textarg', p))
    for line in lines:
        print(json.dumps(line))


if __name__ == '__main__':
    main()
