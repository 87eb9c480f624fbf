"""Single-threaded operation sequences on CPython's queue classes, with what each operation gave.

One line per case: kind|maxsize|op;op;...|result;result;...
  kind    Queue, LifoQueue, PriorityQueue or SimpleQueue
  op      put X, put_nowait X, put_t0 X (put(X, True, 0)), put_neg X (put(X, True, -1)),
          get (only when an item is there), get_nowait, get_t0, get_neg, get_false_neg
          (get(False, -1)), qsize, empty, full, task_done, unfinished
  result  None, an int, True/False, or the exception class name (Empty, Full, ValueError)
PriorityQueue items are P(priority, tag), ordered by priority alone, so equal priorities show
heapq's (unstable) pop order; they are written priority:tag. shutdown() is 3.13-only and is
covered by hand-checked vectors in QueueShutdownTests instead.
"""
import queue
import random
import sys


class P:
    __slots__ = ("p", "tag")

    def __init__(self, p, tag):
        self.p, self.tag = p, tag

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return f"{self.p}:{self.tag}"


def show(v):
    if v is None or isinstance(v, (bool, int, P)):
        return repr(v)
    raise TypeError(v)


def make(kind, maxsize):
    if kind == "SimpleQueue":
        return queue.SimpleQueue()
    return getattr(queue, kind)(maxsize)


def run_case(rng, kind, maxsize, nops, prio_range):
    q = make(kind, maxsize)
    ops, results = [], []
    tag = 0
    simple = kind == "SimpleQueue"
    for _ in range(nops):
        choices = ["put", "put", "put_nowait", "get_nowait", "get", "qsize", "empty", "get_t0",
                   "get_neg", "get_false_neg"]
        if not simple:
            choices += ["put_t0", "put_neg", "full", "task_done", "unfinished"]
        op = rng.choice(choices)
        if op == "put" and not simple and 0 < maxsize <= q.qsize():
            op = "put_t0"  # a plain put would block for ever
        if op == "get" and q.qsize() == 0:
            op = "get_nowait"
        arg = None
        if op.startswith("put"):
            tag += 1
            arg = P(rng.randrange(prio_range), tag) if kind == "PriorityQueue" else rng.randrange(-1000, 1000)
            text = f"{op} {arg!r}"
        else:
            text = op
        try:
            if op == "put":
                r = q.put(arg)
            elif op == "put_nowait":
                r = q.put_nowait(arg)
            elif op == "put_t0":
                r = q.put(arg, True, 0)
            elif op == "put_neg":
                r = q.put(arg, True, -1)
            elif op == "get":
                r = q.get()
            elif op == "get_nowait":
                r = q.get_nowait()
            elif op == "get_t0":
                r = q.get(True, 0)
            elif op == "get_neg":
                r = q.get(True, -1)
            elif op == "get_false_neg":
                r = q.get(False, -1)
            elif op == "qsize":
                r = q.qsize()
            elif op == "empty":
                r = q.empty()
            elif op == "full":
                r = q.full()
            elif op == "task_done":
                r = q.task_done()
            elif op == "unfinished":
                r = q.unfinished_tasks
            res = show(r)
        except Exception as e:  # noqa: BLE001 - the name is the result
            res = type(e).__name__
        ops.append(text)
        results.append(res)
    return f"{kind}|{maxsize}|{';'.join(ops)}|{';'.join(results)}"


def main():
    rng = random.Random(20250313)
    for kind in ["Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"]:
        for i in range(60):
            maxsize = 0 if kind == "SimpleQueue" else rng.choice([0, 0, -3, 1, 2, 3, 5, 8, 20])
            prio = rng.choice([1, 2, 3, 5, 50])
            print(run_case(rng, kind, maxsize, rng.randrange(20, 250), prio))
    # Long heaps with few distinct priorities: heapq's exact tie order over thousands of items.
    for prio in [1, 2, 3, 7]:
        q = queue.PriorityQueue()
        ops, results = [], []
        for tag in range(1, 3001):
            x = P(rng.randrange(prio), tag)
            q.put(x)
            ops.append(f"put {x!r}")
            results.append("None")
            if rng.random() < 0.3:
                ops.append("get_nowait")
                results.append(repr(q.get_nowait()))
        while not q.empty():
            ops.append("get")
            results.append(repr(q.get()))
        print(f"PriorityQueue|0|{';'.join(ops)}|{';'.join(results)}")


if __name__ == "__main__":
    sys.exit(main())
