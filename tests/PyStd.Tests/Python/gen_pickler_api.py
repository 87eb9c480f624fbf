"""CPython's pickles for the pickler's options and API (tests/PyStd.Tests/Pickle/PicklerTests.cs).

  gen_pickler_api.py    prints "name<TAB>hex" lines; the C# test builds the same value and options.
"""
import copyreg
import enum
import io
import pickle
import sys

import pickler_classes


class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith('ext'):
            return 'pid:' + obj
        return None


def emit(name, data):
    print('%s\t%s' % (name, data.hex()))


def main():
    for p in range(6):
        f = io.BytesIO()
        PersPickler(f, p).dump(['ext1', 'plain', ('ext2', 5), 'ext1'])
        emit('persistent_%d' % p, f.getvalue())
    for p in range(3):
        emit('no_fix_imports_%d' % p, pickle.dumps([set(), range, copyreg._reconstructor, b'x'], p, fix_imports=False))
        emit('fix_imports_%d' % p, pickle.dumps([set(), range, copyreg._reconstructor, b'x'], p))
    emit('buffers_in_band', pickle.dumps([pickle.PickleBuffer(b'abc'), pickle.PickleBuffer(bytearray(b'xyz'))], 5))
    seen = []
    emit('buffers_out_of_band', pickle.dumps(
        [pickle.PickleBuffer(b'abc'), pickle.PickleBuffer(bytearray(b'xyz'))], 5, buffer_callback=seen.append))
    for p in (0, 2, 4):
        f = io.BytesIO()
        pk = pickle.Pickler(f, p)
        shared = ['shared', 2]
        pk.dump(shared)
        pk.dump(shared)
        pk.clear_memo()
        pk.dump(shared)
        emit('memo_across_dumps_%d' % p, f.getvalue())
    copyreg.add_extension('pickler_classes', 'Plain', 240)
    copyreg.add_extension('collections', 'OrderedDict', 0x1234)
    copyreg.add_extension('pickler_classes', 'Plain2', 0x123456)
    import collections
    for p in range(6):
        emit('extensions_%d' % p, pickle.dumps(
            [pickler_classes.Plain, collections.OrderedDict, pickler_classes.Plain2, pickler_classes.Plain], p))
    for p in range(6):
        emit('callable_%d' % p, pickle.dumps([pickler_classes.Method('k1'), pickler_classes.Method('k2')], p))
    records = [{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "bb"], "active": i % 2 == 0,
                "blob": b"xyzxyzxyz", "t": (i, i + 1)} for i in range(3000)]
    for p in range(6):
        emit('records_%d' % p, pickle.dumps(records, p))
    for p in range(6):
        emit('clr_values_%d' % p, pickle.dumps([1, -2, 3, 2**64 - 1, 4.5, 'c', 7, [1, 2], {'a': 1, 'b': 2}, {1, 2}, (1, 'x'), 3.25], p))


if __name__ == '__main__':
    main()
