"""Drive a keypress program through a real pseudo-terminal (tests/PyStd.Tests/Terminal).

usage: pty_keys.py STEPS_JSON PROGRAM [ARG...]

STEPS_JSON is a list of [keys, expect]: write `keys` to the terminal WITHOUT Enter, then read
what the program writes until `expect` appears (expect "" = read until the program exits);
keys "!SIGTERM" (any signal name) sends that signal with kill(2) instead.
The program runs as a session leader whose controlling terminal, stdin, stdout and stderr are
the pty's slave, so Ctrl-C ("\\u0003") reaches it as SIGINT from the line discipline, exactly as
from a keyboard. Before it starts and after it ends, `stty -g` runs on the same terminal.
The driver waits until the program has turned canonical mode off before sending any key.
Prints one JSON object: stty before/after, the local flags seen while reading, what arrived
after each step, and the exit status (negative = killed by that signal, as subprocess reports).
"""
import fcntl
import json
import os
import select
import signal
import subprocess
import sys
import termios
import time


def main():
    steps = json.loads(sys.argv[1])
    program = sys.argv[2:]
    master, slave = os.openpty()

    def stty():
        return subprocess.run(["stty", "-g"], stdin=slave, capture_output=True, text=True, check=True).stdout.strip()

    def become_terminal_owner():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    before = stty()
    env = dict(os.environ, TERM="dumb")
    proc = subprocess.Popen(program, stdin=slave, stdout=slave, stderr=slave, env=env,
                            preexec_fn=become_terminal_owner, close_fds=True)
    result = {"stty_before": before}
    try:
        deadline = time.monotonic() + 30
        early = b""
        while termios.tcgetattr(master)[3] & termios.ICANON:
            if proc.poll() is not None or time.monotonic() > deadline:
                early += drain(master, 0.2)
                raise SystemExit(f"program never left canonical mode: {early!r}")
            early += drain(master, 0.02)
        lflag = termios.tcgetattr(master)[3]
        result["icanon"] = bool(lflag & termios.ICANON)
        result["echo"] = bool(lflag & termios.ECHO)
        result["isig"] = bool(lflag & termios.ISIG)
        result["early"] = early.decode("utf-8", "backslashreplace")

        chunks = []
        for keys, expect in steps:
            if keys.startswith("!SIG"):
                proc.send_signal(getattr(signal, keys[1:]))
            else:
                os.write(master, keys.encode("utf-8"))
            chunks.append(read_until(master, proc, expect.encode("utf-8")).decode("utf-8", "backslashreplace"))
        result["chunks"] = chunks
        proc.wait(timeout=30)
        result["rest"] = drain(master, 0.1).decode("utf-8", "backslashreplace")
        result["returncode"] = proc.returncode
        result["stty_after"] = stty()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    print(json.dumps(result))


def drain(fd, seconds):
    data = b""
    while select.select([fd], [], [], seconds)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


def read_until(fd, proc, expect, timeout=30):
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if expect and expect in data:
            return data
        if select.select([fd], [], [], 0.05)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            data += chunk
            continue
        if proc.poll() is not None:
            data += drain(fd, 0.1)
            if not expect or expect in data:
                return data
            raise SystemExit(f"program exited ({proc.returncode}) before {expect!r}; got {data!r}")
    raise SystemExit(f"timed out waiting for {expect!r}; got {data!r}")


if __name__ == "__main__":
    main()
