"""Random sequences of array operations, applied by CPython, as JSON lines for ArrayOperationTests.

Each line is one sequence: {"tc", "hex" (starting content), "ops": [...]}. Each op is
{"op", "args", then either "ret" (the encoded return value) or "err": [exception name, message],
and "after" (tobytes hex of the array after the op)}. Encodings: see gen_array_common.py; slice
bounds and indices are plain JSON ints or null.

Usage: gen_array_ops.py SEED SEQUENCES_PER_TYPECODE OPS_PER_SEQUENCE
"""
import json
import random
import sys
from array import array

from gen_array_common import TYPECODES, enc, random_array, random_bad_value, random_text, random_value

seed = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 7
sequences = int(sys.argv[2]) if len(sys.argv) > 2 and __name__ == "__main__" else 12
length = int(sys.argv[3]) if len(sys.argv) > 3 and __name__ == "__main__" else 60
rng = random.Random(seed)


def index(a):
    n = len(a)
    return rng.randint(-2 * n - 3, 2 * n + 3)


def bound(a):
    return None if rng.random() < 0.2 else index(a)


def value(a):
    r = rng.random()
    if r < 0.15:
        return random_bad_value(rng, a.typecode)
    if r < 0.55 and len(a):
        try:
            return a[rng.randrange(len(a))]  # an existing item, for index/count/remove
        except ValueError:
            pass  # a 'u' item that is not a code point
    if r < 0.65 and a.typecode not in "fu":
        return rng.choice([1, 0, True, 1.0, 2.5, -1])
    return random_value(rng, a.typecode)


def other_array(tc):
    other = tc if rng.random() < 0.85 else rng.choice(TYPECODES)
    return random_array(rng, other, rng.choice([0, 1, 2, 3, 5]))


def valid_unicode(a):
    try:
        a.tounicode()
        return True
    except ValueError:
        return False


def make_op(a):
    tc = a.typecode
    kind = rng.choice([
        "append", "append", "insert", "insert", "pop", "remove", "index", "count", "reverse",
        "extend_list", "extend_array", "extend_str", "extend_bytes", "getslice", "setslice", "delslice",
        "getitem", "setitem", "delitem", "byteswap", "frombytes", "tobytes", "fromlist", "tolist",
        "fromunicode", "tounicode", "concat", "repeat", "eq", "contains", "repr", "len",
    ])
    if kind == "append":
        return "append", [value(a)]
    if kind == "insert":
        return "insert", [index(a), value(a)]
    if kind == "pop":
        return "pop", [] if rng.random() < 0.3 else [index(a)]
    if kind in ("remove", "count", "contains"):
        return kind, [value(a)]
    if kind == "index":
        args = [value(a)]
        if rng.random() < 0.5:
            args.append(index(a))
            if rng.random() < 0.5:
                args.append(index(a))
        return "index", args
    if kind == "extend_list":
        return "extend", [[value(a) for _ in range(rng.randint(0, 4))]]
    if kind == "extend_array":
        return "extend", [a if rng.random() < 0.1 else other_array(tc)]
    if kind == "extend_str":
        return "extend", [random_text(rng, rng.randint(0, 3))]
    if kind == "extend_bytes":
        return "extend", [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3)))]
    if kind == "getslice":
        return "getslice", [bound(a), bound(a), rng.choice([None, 1, 1, 2, 3, -1, -2, -3, 0])]
    if kind == "setslice":
        step = rng.choice([None, 1, 1, 2, -1, -2, 0])
        return "setslice", [bound(a), bound(a), step, a if rng.random() < 0.1 else other_array(tc)]
    if kind == "delslice":
        return "delslice", [bound(a), bound(a), rng.choice([None, 1, 2, 3, -1, -2, 0])]
    if kind in ("getitem", "delitem"):
        return kind, [index(a)]
    if kind == "setitem":
        return "setitem", [index(a), value(a)]
    if kind == "frombytes":
        size = a.itemsize
        n = rng.randint(0, 3) * size + (rng.randint(1, size - 1) if size > 1 and rng.random() < 0.2 else 0)
        if tc == "u" and rng.random() < 0.8:
            return "frombytes", [random_text(rng, n // 4).encode("utf-32-le", "surrogatepass")]
        return "frombytes", [bytes(rng.getrandbits(8) for _ in range(n))]
    if kind == "fromlist":
        return "fromlist", [[value(a) for _ in range(rng.randint(0, 4))]]
    if kind == "fromunicode":
        return "fromunicode", [random_text(rng, rng.randint(0, 3))]
    if kind == "concat":
        return "concat", [other_array(tc)]
    if kind == "repeat":
        return "repeat", [rng.randint(-1, 3)]
    if kind == "eq" and tc == "u" and not valid_unicode(a):
        return "len", []  # CPython raises comparing an invalid item; PyArray compares code units
    if kind == "eq":
        other = a[:] if rng.random() < 0.5 else other_array(tc)
        if rng.random() < 0.3 and tc not in "u" and len(a):
            other = array(rng.choice("bBhHiIlLqQfd".replace("f", "d")), [])
            try:
                other = array(other.typecode, a.tolist())
            except (OverflowError, TypeError):
                pass
        return "eq", [other]
    return kind, []


def apply(a, op, args):
    if op == "append":
        return a.append(*args)
    if op == "insert":
        return a.insert(*args)
    if op == "pop":
        return a.pop(*args)
    if op == "remove":
        return a.remove(*args)
    if op == "index":
        return a.index(*args)
    if op == "count":
        return a.count(*args)
    if op == "contains":
        return args[0] in a
    if op == "reverse":
        return a.reverse()
    if op == "extend":
        return a.extend(args[0])
    if op == "getslice":
        return a[args[0]:args[1]:args[2]]
    if op == "setslice":
        a[args[0]:args[1]:args[2]] = args[3]
        return None
    if op == "delslice":
        del a[args[0]:args[1]:args[2]]
        return None
    if op == "getitem":
        return a[args[0]]
    if op == "setitem":
        a[args[0]] = args[1]
        return None
    if op == "delitem":
        del a[args[0]]
        return None
    if op == "byteswap":
        return a.byteswap()
    if op == "frombytes":
        return a.frombytes(args[0])
    if op == "tobytes":
        return a.tobytes()
    if op == "fromlist":
        return a.fromlist(args[0])
    if op == "tolist":
        return a.tolist()
    if op == "fromunicode":
        return a.fromunicode(args[0])
    if op == "tounicode":
        return a.tounicode()
    if op == "concat":
        return a + args[0]
    if op == "repeat":
        return a * args[0]
    if op == "eq":
        return a == args[0]
    if op == "repr":
        return repr(a)
    if op == "len":
        return len(a)
    raise ValueError(op)


def encode_arg(op, i, v):
    # Indices and slice bounds are plain ints; everything else is a Python value.
    if op in ("insert", "pop", "getitem", "delitem", "setitem", "repeat") and i == 0:
        return v
    if op == "index" and i > 0:
        return v
    if op in ("getslice", "setslice", "delslice") and i < 3:
        return v
    return enc(v)


def main():
    for tc in TYPECODES:
        for _ in range(sequences):
            a = random_array(rng, tc, rng.choice([0, 1, 3, 6, 10]))
            start = a.tobytes().hex()
            ops = []
            for _ in range(length):
                op, args = make_op(a)
                record = {"op": op, "args": [encode_arg(op, i, v) for i, v in enumerate(args)]}
                try:
                    ret = apply(a, op, args)
                    record["ret"] = enc(ret)
                except (ValueError, TypeError, IndexError, OverflowError) as e:
                    record["err"] = [type(e).__name__, str(e)]
                record["after"] = a.tobytes().hex()
                ops.append(record)
                if len(a) > 200:
                    del a[100:]
                    ops.append({"op": "delslice", "args": [100, None, None], "ret": "n:", "after": a.tobytes().hex()})
            print(json.dumps({"tc": tc, "hex": start, "ops": ops}))


if __name__ == "__main__":
    main()
