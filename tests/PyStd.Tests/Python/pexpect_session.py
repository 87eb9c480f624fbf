"""The reference for PtyDifferentialTests: runs a scripted session with pexpect itself.

Reads {"argv": [...], "env": {...}, "steps": [...]} as JSON on stdin. Steps are
{"op": "expect"|"expect_exact", "patterns": [...], "timeout": s} (the strings "<EOF>" and
"<TIMEOUT>" stand for pexpect.EOF and pexpect.TIMEOUT), {"op": "sendline", "text": ...},
{"op": "sendcontrol", "char": ...}, {"op": "sendeof"}, {"op": "wait"}. Prints one JSON list of
results: index, before, after, match groups; or the exception raised.
"""
import json
import sys

import pexpect

spec = json.load(sys.stdin)
MARKERS = {"<EOF>": pexpect.EOF, "<TIMEOUT>": pexpect.TIMEOUT}


def show(value):
    if value is pexpect.EOF:
        return "<EOF>"
    if value is pexpect.TIMEOUT:
        return "<TIMEOUT>"
    return value


child = pexpect.spawn(spec["argv"][0], spec["argv"][1:], env=spec["env"], encoding="utf-8",
                      timeout=20, dimensions=(24, 80))
results = []
for step in spec["steps"]:
    op = step["op"]
    if op in ("expect", "expect_exact"):
        patterns = [MARKERS.get(p, p) for p in step["patterns"]]
        run = child.expect if op == "expect" else child.expect_exact
        try:
            index = run(patterns, timeout=step.get("timeout", 20))
            match = child.match
            groups = list(match.groups()) if hasattr(match, "groups") else None
            results.append({"index": index, "before": child.before, "after": show(child.after), "groups": groups})
        except pexpect.EOF:
            results.append({"error": "EOF", "before": child.before})
        except pexpect.TIMEOUT:
            results.append({"error": "TIMEOUT", "before": child.before})
    elif op == "sendline":
        results.append({"sent": child.sendline(step["text"])})
    elif op == "sendcontrol":
        results.append({"sent": child.sendcontrol(step["char"])})
    elif op == "sendeof":
        child.sendeof()
        results.append({})
    elif op == "wait":
        results.append({"status": child.wait()})
    else:
        raise ValueError(op)

child.close()
results.append({"exitstatus": child.exitstatus, "signalstatus": child.signalstatus})
print(json.dumps(results))
