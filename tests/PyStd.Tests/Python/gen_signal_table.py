"""The signal module's tables and error messages, for tests/PyStd.Tests/Lifecycle (one JSON object).

valid: signal.valid_signals(); strsignal: number -> text or None for 1..64; members:
Signals.__members__ (aliases included); getsignal: the start-up handler of each valid signal in a
fresh process (SIG_DFL, SIG_IGN, default_int_handler, None); errors: str() of the exceptions
CPython raises for bad calls, by case name; termios: str() of termios.error for a non-terminal stdin.
"""
import json
import os
import signal
import sys
import termios


def handler_name(h):
    if h is None:
        return "None"
    if h is signal.default_int_handler:
        return "default_int_handler"
    return h.name  # Handlers.SIG_DFL / SIG_IGN


def error(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001 - the message is the data
        return f"{type(e).__name__}|{e}"
    return "no error"


def main():
    out = {
        "valid": sorted(signal.valid_signals()),
        "strsignal": {str(n): signal.strsignal(n) for n in range(1, signal.NSIG)},
        "members": [[name, int(m)] for name, m in signal.Signals.__members__.items()],
        "names": {str(n): (signal.Signals(n).name if n in signal.Signals._value2member_map_ else None) for n in range(1, signal.NSIG)},
        "getsignal": {str(n): handler_name(signal.getsignal(n)) for n in sorted(signal.valid_signals())},
        "nsig": signal.NSIG,
        "errors": {
            "signal_0": error(lambda: signal.signal(0, signal.SIG_IGN)),
            "signal_65": error(lambda: signal.signal(65, signal.SIG_IGN)),
            "signal_-1": error(lambda: signal.signal(-1, signal.SIG_IGN)),
            "signal_9": error(lambda: signal.signal(9, signal.SIG_IGN)),
            "signal_19": error(lambda: signal.signal(19, signal.SIG_IGN)),
            "signal_32": error(lambda: signal.signal(32, signal.SIG_IGN)),
            "signal_33": error(lambda: signal.signal(33, signal.SIG_IGN)),
            "strsignal_0": error(lambda: signal.strsignal(0)),
            "strsignal_65": error(lambda: signal.strsignal(65)),
            "getsignal_0": error(lambda: signal.getsignal(0)),
            "getsignal_65": error(lambda: signal.getsignal(65)),
            "close_-1": error(lambda: os.close(-1)),
            "dup_-1": error(lambda: os.dup(-1)),
            "dup2_-1": error(lambda: os.dup2(-1, 5)),
        },
    }
    r, w = os.pipe()
    os.dup2(r, 0)
    out["termios"] = error(lambda: termios.tcgetattr(0))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
