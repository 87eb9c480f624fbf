"""The reference for PtyDifferentialTests: runs each case under CPython's pty.spawn.

Reads {"env": {...}, "cases": [argv, ...]} as JSON on stdin; for each argv prints what the
master read (hex) and the return code (os.waitstatus_to_exitcode), as one JSON list.
"""
import json
import os
import pty
import sys

spec = json.load(sys.stdin)
os.environ.clear()
os.environ.update(spec["env"])

results = []
saved_stdout = os.dup(1)
for argv in spec["cases"]:
    chunks = []

    def master_read(fd):
        data = os.read(fd, 65536)
        chunks.append(data)
        return data

    # pty.spawn also copies the output to fd 1: send that copy to /dev/null.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    try:
        status = pty.spawn(argv, master_read, lambda fd: b"")
    finally:
        os.dup2(saved_stdout, 1)
    results.append({"hex": b"".join(chunks).hex(), "returncode": os.waitstatus_to_exitcode(status)})

print(json.dumps(results))
