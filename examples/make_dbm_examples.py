"""Writes the example dbm files in this folder with CPython's own modules.

Run from anywhere: python3 examples/make_dbm_examples.py

- inventory.shelf.dat/.dir/.bak: a shelf written by shelve over dbm.dumb (the dbm module every
  CPython has), values pickled at pickle.DEFAULT_PROTOCOL as shelve does.
- colors.sqlite3: a database in CPython 3.13's dbm.sqlite3 format, made with the exact table,
  pragma and SQL of Lib/dbm/sqlite3.py through the sqlite3 module (so a 3.11 python3 can make it too);
  python3.13 opens it with dbm.open('examples/colors.sqlite3').

Rerunning rewrites the dumb files byte for byte; the SQLite file is the same bytes for the same
SQLite library version (its header records the version).
"""
import dbm.dumb
import os
import shelve
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))


def inventory():
    """A small shop's stock as a Python program might keep it in a shelf."""
    return {
        "apples": {"name": "Apple (Braeburn)", "qty": 120, "price": 0.35, "tags": ["fruit", "red"], "origin": ("NZ", "Hawke's Bay")},
        "bread": {"name": "Sourdough loaf", "qty": 8, "price": 4.5, "tags": ["bakery"], "origin": None},
        "cheese": {"name": "Gruyère", "qty": 0, "price": 27.9, "tags": [], "origin": ("CH", "Fribourg"), "discontinued": True},
        "eggs": {"name": "Free-range eggs (dozen)", "qty": 36, "price": 3.2, "tags": ["dairy", "fresh"], "origin": ("UK", None)},
        "tea": {"name": "Sencha 緑茶", "qty": 15, "price": 12.0, "tags": ["drinks"], "origin": ("JP", "Shizuoka"), "barcode": b"\x04\x90\x12\x34"},
        "_meta": {"version": 3, "currency": "EUR", "updated": (2024, 11, 2)},
    }


def colors():
    """str keys and values, stored as UTF-8 bytes as dbm does."""
    return [
        ("red", "#ff0000"),
        ("green", "#00ff00"),
        ("blue", "#0000ff"),
        ("rebeccapurple", "#663399"),
        ("schwarz", "schwarz = #000000"),
        ("白", "#ffffff"),
    ]


# Lib/dbm/sqlite3.py (CPython 3.13): the table, and how values are stored.
BUILD_TABLE = """
  CREATE TABLE IF NOT EXISTS Dict (
    key BLOB UNIQUE NOT NULL,
    value BLOB NOT NULL
  )
"""
STORE_KV = "REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))"


def write_shelf(name):
    base = os.path.join(HERE, name)
    for suffix in (".dat", ".dir", ".bak"):
        if os.path.exists(base + suffix):
            os.remove(base + suffix)
    with shelve.Shelf(dbm.dumb.open(base, "n")) as shelf:
        for key, value in inventory().items():
            shelf[key] = value
    # A second session, as a program updating its stock: dbm.dumb keeps the previous index as .bak.
    with shelve.Shelf(dbm.dumb.open(base, "w")) as shelf:
        item = shelf["bread"]
        item["qty"] -= 2
        shelf["bread"] = item
    for suffix in (".dat", ".dir", ".bak"):
        print("wrote %s (%d bytes)" % (base + suffix, os.path.getsize(base + suffix)))


def write_sqlite(name):
    path = os.path.join(HERE, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    cx = sqlite3.connect(path, isolation_level=None)  # autocommit, as dbm.sqlite3's autocommit=True
    cx.execute("PRAGMA journal_mode = wal")
    cx.execute(BUILD_TABLE)
    for key, value in colors():
        cx.execute(STORE_KV, (key, value))
    cx.close()
    print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))


if __name__ == "__main__":
    write_shelf("inventory.shelf")
    write_sqlite("colors.sqlite3")
