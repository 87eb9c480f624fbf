"""The subprocess differential table: runs each case through CPython's subprocess.run (or
check_output/call/check_call) and prints one JSON line per case with what it gave: the repr of the
CompletedProcess, or the exception's type, errno, str() and captured output. The C# side
(SubprocessDifferentialTests) replays the same cases through PyStd and compares exactly.

Keyword values that are not JSON: input as {"b64": ...} for bytes; stdout/stderr/stdin as the
strings "PIPE", "DEVNULL", "STDOUT".
"""
import base64
import json
import os
import subprocess
import sys
import tempfile

TMP = tempfile.mkdtemp(prefix="pystd-sp-diff-")
with open(os.path.join(TMP, "plain.txt"), "w") as f:
    f.write("not a program\n")
os.chmod(os.path.join(TMP, "plain.txt"), 0o644)
with open(os.path.join(TMP, "script.sh"), "w") as f:
    f.write("#!/bin/sh\necho script \"$@\"\n")
os.chmod(os.path.join(TMP, "script.sh"), 0o755)

B = lambda b: {"b64": base64.b64encode(b).decode()}
ENV = {"PATH": "/usr/bin:/bin", "PYSTD_A": "alpha", "PYSTD_U": "ünï"}

CASES = [
    ("run", ["true"], {}),
    ("run", ["false"], {}),
    ("run", ["sh", "-c", "exit 3"], {}),
    ("run", ["sh", "-c", "exit 255"], {}),
    ("run", ["echo", "hello", "world"], {"capture_output": True}),
    ("run", ["sh", "-c", "printf out; printf err >&2"], {"capture_output": True}),
    ("run", ["sh", "-c", "printf out; printf err >&2"], {"stdout": "PIPE"}),
    ("run", ["sh", "-c", "printf out >/dev/null; printf err >&2"], {"stderr": "PIPE"}),
    ("run", ["sh", "-c", "echo a; echo b >&2; echo c"], {"stdout": "PIPE", "stderr": "STDOUT"}),
    ("run", ["sh", "-c", "echo a; echo b >&2"], {"stdout": "DEVNULL", "stderr": "PIPE"}),
    ("run", ["cat"], {"input": B(b"abc\x00\xff"), "capture_output": True}),
    ("run", ["cat"], {"input": B(b""), "capture_output": True}),
    ("run", ["cat"], {"stdin": "DEVNULL", "capture_output": True}),
    ("run", ["wc", "-c"], {"input": B(bytes(range(256)) * 4000), "capture_output": True}),
    ("run", ["printf", "a\\r\\nb\\rc\\n\\r"], {"capture_output": True}),
    ("run", ["printf", "a\\r\\nb\\rc\\n\\r"], {"capture_output": True, "text": True}),
    ("run", ["printf", "a\\r\\nb\\rc\\n\\r"], {"capture_output": True, "universal_newlines": True}),
    ("run", ["cat"], {"input": "x\r\ny\u00e9\n", "capture_output": True, "text": True}),
    ("run", ["cat"], {"input": "\u00ff\u00e9", "capture_output": True, "encoding": "latin-1"}),
    ("run", ["printf", "a\\377\\342\\202b"], {"capture_output": True, "errors": "replace"}),
    ("run", ["printf", "a\\377\\342\\202b"], {"capture_output": True, "errors": "ignore"}),
    ("run", ["printf", "a\\377\\342\\202b"], {"capture_output": True, "errors": "surrogateescape"}),
    ("run", ["printf", "a\\377\\342\\202b"], {"capture_output": True, "errors": "backslashreplace"}),
    ("run", ["printf", "\\355\\240\\200\\300\\257\\364\\220\\200\\200ok"], {"capture_output": True, "errors": "surrogateescape"}),
    ("run", ["printf", "a\\377b"], {"capture_output": True, "text": True}),
    ("run", ["printf", "a\\377b"], {"capture_output": True, "encoding": "ascii", "errors": "backslashreplace"}),
    ("run", ["sh", "-c", "echo $PYSTD_A $PYSTD_U; echo ${HOME:-nohome}"], {"capture_output": True, "env": ENV}),
    ("run", ["env"], {"capture_output": True, "env": {"ONLY": "1"}}),
    ("run", ["pwd"], {"capture_output": True, "cwd": TMP}),
    ("run", ["./script.sh", "x", "y"], {"capture_output": True, "cwd": TMP}),
    ("run", "echo $0 $1", {"capture_output": True, "shell": True}),
    ("run", ["echo \"$0|$1|$2\"", "zero", "one", "two"], {"capture_output": True, "shell": True}),
    ("run", "exit 126", {"shell": True}),
    ("run", "pystd-no-such-command-x 2>/dev/null", {"shell": True}),
    ("run", os.path.join(TMP, "plain.txt") + " 2>/dev/null", {"shell": True}),
    ("run", "kill -9 $$", {"shell": True}),
    ("run", "kill $$", {"shell": True}),
    ("run", "kill -HUP $$", {"shell": True, "capture_output": True}),
    ("run", "kill -USR1 $$", {"shell": True}),
    ("run", ["sh", "-c", "echo $0", "named"], {"capture_output": True}),
    ("run", ["my-argv0", "-c", "echo $0"], {"capture_output": True, "executable": "/bin/sh"}),
    ("run", "echo via-shell", {"capture_output": True, "shell": True, "executable": "/bin/sh"}),
    ("run", ["false"], {"check": True}),
    ("run", ["sh", "-c", "echo partial; echo oops >&2; exit 2"], {"check": True, "capture_output": True}),
    ("run", ["sh", "-c", "echo partial; exit 2"], {"check": True, "capture_output": True, "text": True}),
    ("run", "kill -9 $$", {"shell": True, "check": True}),
    ("run", "kill -TERM $$", {"shell": True, "check": True}),
    ("run", "kill -s RTMIN $$", {"shell": True, "check": True}),
    ("run", "kill -s 40 $$", {"shell": True, "check": True}),
    ("run", ["pystd-no-such-program"], {}),
    ("run", "pystd-no-such-program", {}),
    ("run", [os.path.join(TMP, "plain.txt")], {}),
    ("run", [TMP], {}),
    ("run", ["/pystd/no/such/dir/prog"], {}),
    ("run", ["true"], {"cwd": "/pystd/no/such/dir"}),
    ("run", ["true"], {"cwd": os.path.join(TMP, "plain.txt")}),
    ("run", [""], {}),
    ("run", ["true"], {"executable": "/pystd/none"}),
    ("run", ["sh", "-c", "echo before; sleep 5"], {"capture_output": True, "timeout": 0.5}),
    ("run", ["sleep", "5"], {"timeout": 0.25}),
    ("check_output", ["echo", "out"], {}),
    ("check_output", ["printf", "x\\r\\n"], {"text": True}),
    ("check_output", ["sh", "-c", "echo so-far; exit 9"], {}),
    ("check_output", "echo $((6*7))", {"shell": True}),
    ("call", ["sh", "-c", "exit 4"], {}),
    ("call", "exit 5", {"shell": True}),
    ("check_call", ["true"], {}),
    ("check_call", ["sh", "-c", "exit 6"], {}),
]


def decode(v):
    if isinstance(v, dict) and "b64" in v:
        return base64.b64decode(v["b64"])
    return v


def prepare(kwargs):
    out = {}
    for k, v in kwargs.items():
        if k in ("stdout", "stderr", "stdin") and isinstance(v, str):
            v = getattr(subprocess, v)
        out[k] = decode(v)
    return out


def main():
    for i, (func, args, kwargs) in enumerate(CASES):
        result = {"id": i, "func": func, "args": args, "kwargs": kwargs}
        try:
            value = getattr(subprocess, func)(args, **prepare(kwargs))
            result["value"] = repr(value)
        except subprocess.CalledProcessError as e:
            result["error"] = "CalledProcessError"
            result["message"] = str(e)
            result["returncode"] = e.returncode
            result["output"] = repr(e.output)
            result["stderr"] = repr(e.stderr)
        except subprocess.TimeoutExpired as e:
            result["error"] = "TimeoutExpired"
            result["message"] = str(e)
            result["output"] = repr(e.output)
            result["stderr"] = repr(e.stderr)
        except UnicodeDecodeError as e:
            result["error"] = "UnicodeDecodeError"
        except OSError as e:
            result["error"] = "OSError"
            result["errno"] = e.errno
            result["message"] = str(e)
        print(json.dumps(result, ensure_ascii=True))


main()
