"""Typed-mapping cases (tests/PyStd.Tests/Pickle/PicklerTypedTests.cs).

  gen_pickler_typed.py gen       "protocol<TAB>hex" of pickle.dumps(PEOPLE, protocol) for 0..5
  gen_pickler_typed.py verify    stdin "protocol<TAB>hex" (PyStd's pickles); prints "protocol<TAB>OK" or FAIL
"""
import datetime
import pickle
import sys

from pickler_typed import Address, Empty, Person, Point


def people():
    return [
        Person('Ann Lee', 31, ['a1', 'b2'], Address('1 Main St', 'Springfield'), datetime.date(1990, 5, 17),
               {'math': 9.5, 'art': 7.25}, [Point(0, 0), Point(3, -4)], True, None),
        Person('Bo', 5, [], None, None, {}, [], False, 'bobo'),
        Point(10**6, -7),
        Empty(),
    ]


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a.keys()) == list(b.keys()) and all(same(a[k], b[k]) for k in a)
    if hasattr(a, '__dict__'):
        return same(vars(a), vars(b))
    return a == b


def main():
    if sys.argv[1] == 'gen':
        for p in range(6):
            print('%d\t%s' % (p, pickle.dumps(people(), protocol=p).hex()))
    else:
        for line in sys.stdin:
            p, data = line.split()
            loaded = pickle.loads(bytes.fromhex(data))
            print('%s\t%s' % (p, 'OK' if same(loaded, people()) else 'FAIL %r' % (vars(loaded[0]),)))


if __name__ == '__main__':
    main()
