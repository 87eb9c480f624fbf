"""The canonical text of a loaded pickle value, shared by the gen_pickle_*.py scripts.

It is repr(), except where PyStd's model prints differently by design, and the C# side
(tests/PyStd.Tests/Pickle/PickleCanon.cs) prints the same way:
  - set/frozenset members are sorted by their canonical text (str hashes are randomised);
  - an instance of a class PyStd has no type for prints as its pickle pieces, as PyRepr prints
    a PyObject: module.Name(args, key=value).extend([...]).update({...}).__setstate__(state);
  - range/slice/timezone print as those pieces too (builtins.range(0, 5, 1)).
fingerprint() lists the identity structure (which lists/tuples/dicts are shared).
"""
import collections
import copyreg
import datetime
import decimal
import uuid

MARKERS = {list: '[...]', dict: '{...}', tuple: '(...)', set: 'set(...)', frozenset: 'frozenset(...)',
           collections.deque: '[...]', collections.OrderedDict: '...',
           collections.Counter: '{...}', collections.defaultdict: '{...}'}

SCALARS = (type(None), bool, int, float, complex, str, bytes, bytearray, decimal.Decimal, uuid.UUID,
           datetime.datetime, datetime.date, datetime.time, datetime.timedelta)


def qualified(cls):
    return cls.__module__ + '.' + cls.__qualname__


def canon(obj, proto, active=None):
    if active is None:
        active = set()
    t = type(obj)
    if t in SCALARS:
        return repr(obj)
    if t is type:
        if obj.__module__ == 'builtins':
            return "<class '%s'>" % obj.__qualname__
        return "<class '%s'>" % qualified(obj)
    if t is datetime.timezone:
        return 'datetime.timezone(' + ', '.join(canon(a, proto, active) for a in obj.__getinitargs__()) + ')'
    if t is range:
        return 'builtins.range(%d, %d, %d)' % (obj.start, obj.stop, obj.step)
    if t is slice:
        return 'builtins.slice(%s, %s, %s)' % (canon(obj.start, proto, active), canon(obj.stop, proto, active), canon(obj.step, proto, active))
    if id(obj) in active:
        if t in MARKERS:
            return MARKERS[t]
        return qualified(t) + '(...)'
    active.add(id(obj))
    try:
        c = lambda x: canon(x, proto, active)
        if t is list:
            return '[' + ', '.join(c(x) for x in obj) + ']'
        if t is tuple:
            if len(obj) == 1:
                return '(' + c(obj[0]) + ',)'
            return '(' + ', '.join(c(x) for x in obj) + ')'
        if t is dict:
            return '{' + ', '.join(c(k) + ': ' + c(v) for k, v in obj.items()) + '}'
        if t is collections.OrderedDict:
            if not obj:
                return 'OrderedDict()'
            return 'OrderedDict([(' + '), ('.join(c(k) + ', ' + c(v) for k, v in obj.items()) + ')])'
        if t is collections.Counter:
            if not obj:
                return 'Counter()'
            return 'Counter({' + ', '.join(c(k) + ': ' + c(v) for k, v in obj.most_common()) + '})'
        if t is collections.defaultdict:
            body = '{' + ', '.join(c(k) + ': ' + c(v) for k, v in obj.items()) + '}'
            return 'defaultdict(' + c(obj.default_factory) + ', ' + body + ')'
        if t is set or t is frozenset:
            items = sorted(c(x) for x in obj)
            if t is set:
                return '{' + ', '.join(items) + '}' if items else 'set()'
            return 'frozenset({' + ', '.join(items) + '})' if items else 'frozenset()'
        if t is collections.deque:
            s = 'deque([' + ', '.join(c(x) for x in obj) + ']'
            return s + (', maxlen=%d)' % obj.maxlen if obj.maxlen is not None else ')')
        return canon_instance(obj, proto, c)
    finally:
        active.discard(id(obj))


def canon_instance(obj, proto, c):
    rv = obj.__reduce_ex__(proto)
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listitems = list(rv[3]) if len(rv) > 3 and rv[3] is not None else []
    dictitems = list(rv[4]) if len(rv) > 4 and rv[4] is not None else []
    kwargs = None
    if func is copyreg.__newobj__:
        name, args = qualified(args[0]), args[1:]
    elif func is copyreg.__newobj_ex__:
        name, args, kwargs = qualified(args[0]), args[1], args[2]
    elif func is copyreg._reconstructor and args[1] is object and args[2] is None:
        name, args = qualified(args[0]), ()
    elif isinstance(func, type):
        name = qualified(func)
    else:
        name = func.__module__ + '.' + func.__qualname__
    parts = [c(a) for a in args]
    if kwargs:
        parts += ['%s=%s' % (k, c(v)) for k, v in kwargs.items()]
    s = name + '(' + ', '.join(parts)
    if listitems:
        s += ').extend([' + ', '.join(c(x) for x in listitems) + ']'
    if dictitems:
        s += ').update({' + ', '.join(c(k) + ': ' + c(v) for k, v in dictitems) + '}'
    if state is not None:
        s += ').__setstate__(' + c(state)
    return s + ')'


def fingerprint(obj):
    """Preorder walk of lists, tuples and plain dicts: #n for a first visit, @n for a repeat."""
    ids = {}
    out = []

    def walk(o):
        t = type(o)
        if t not in (list, tuple, dict):
            return
        if id(o) in ids:
            out.append('@%d' % ids[id(o)])
            return
        ids[id(o)] = len(ids)
        out.append('#%d' % ids[id(o)])
        if t is dict:
            for k, v in o.items():
                walk(k)
                walk(v)
        else:
            for x in o:
                walk(x)

    walk(obj)
    return ' '.join(out)
