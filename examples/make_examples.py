"""Writes the example pickles in this folder with CPython's own pickle module.

Run from anywhere: python3 examples/make_examples.py
The outputs are committed next to this script; rerunning it rewrites them byte for byte
(no value below depends on hash randomisation).
"""
import collections
import datetime
import decimal
import os
import pickle
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))


def records():
    """A few user records as a Python service might cache them: nested data and standard classes."""
    utc = datetime.timezone.utc
    return [
        {
            "id": 1,
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "joined": datetime.datetime(2021, 3, 4, 9, 30, 0, 123456),
            "last_login": datetime.datetime(2024, 11, 2, 18, 5, 7, tzinfo=utc),
            "balance": decimal.Decimal("1234.50"),
            "tags": ["admin", "math"],
            "address": {"city": "London", "zip": None},
            "scores": (9.5, 8.25),
            "avatar": b"\x89PNG\r\n\x1a\n",
            "key": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        },
        {
            "id": 2,
            "name": "Grace Hopper",
            "email": "grace@example.org",
            "joined": datetime.datetime(2022, 7, 14, 12, 0),
            "last_login": None,
            "balance": decimal.Decimal("-0.01"),
            "tags": [],
            "address": {"city": "New York", "zip": "10001"},
            "scores": (),
            "avatar": b"",
            "key": uuid.UUID("87654321-4321-8765-4321-876543218765"),
        },
        {
            "id": 3,
            "name": "Żaneta Ōta 🐍",
            "email": None,
            "joined": datetime.datetime(2023, 1, 1),
            "last_login": datetime.datetime(2023, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
            "balance": decimal.Decimal("1E+3"),
            "tags": ["new"],
            "address": {"city": "東京", "zip": "100-0001", "geo": (35.6812, 139.7671)},
            "scores": (10.0,),
            "avatar": bytes(range(8)),
            "key": uuid.UUID(int=3),
            "session": datetime.timedelta(minutes=42, seconds=5),
            "visits": collections.Counter({"home": 3, "settings": 1}),
            "recent": collections.deque(["home", "settings"], maxlen=10),
        },
    ]


def py2_data():
    """What a Python 2 program's data looks like when written at protocol 2 with fix_imports: builtins
    as __builtin__, xrange, bytes via _codecs.encode, collections.OrderedDict."""
    return {
        "ids": {1, 2, 3},
        "frozen": frozenset([10, 20]),
        "when": datetime.date(2010, 5, 1),
        "name": "café",
        "raw": b"\x00\x01\xff",
        "counts": collections.OrderedDict([("b", 2), ("a", 1)]),
        "span": range(0, 10, 2),
        "ratio": 0.1,
        "big": 2 ** 70,
        "flags": [True, False, None],
        "point": complex(1.5, -2),
    }


def write(name, value, protocol, **kwargs):
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        pickle.dump(value, f, protocol=protocol, **kwargs)
    print("wrote %s (%d bytes, protocol %d)" % (path, os.path.getsize(path), protocol))


if __name__ == "__main__":
    write("records.pkl", records(), 4)
    write("py2.pkl", py2_data(), 2, fix_imports=True)
