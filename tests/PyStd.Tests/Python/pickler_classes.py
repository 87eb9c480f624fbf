"""Classes for the pickler differential tests (gen_pickler_values.py).

Each stands for one PyObject shape: Plain (object.__reduce_ex__: NEWOBJ or copyreg._reconstructor
and the instance dict), Red (__reduce__ with args, state, list items, dict items), New
(copyreg.__newobj__ with arguments) and NewEx (copyreg.__newobj_ex__ with keyword arguments).
"""
import copyreg


class Plain:
    pass


class Plain2:
    pass


class Outer:
    class Nested:
        pass


class Red:
    def __init__(self, *args):
        self._a = args
        self._s = None
        self._l = None
        self._d = None

    def __reduce__(self):
        return (Red, (*self._a,), self._s,
                None if self._l is None else iter(self._l),
                None if self._d is None else iter(self._d.items()))

    def __setstate__(self, state):
        self._s = state

    def append(self, item):
        if self._l is None:
            self._l = []
        self._l.append(item)

    def extend(self, items):
        for item in items:
            self.append(item)

    def __setitem__(self, key, value):
        if self._d is None:
            self._d = {}
        self._d[key] = value


class New:
    def __new__(cls, *args):
        self = object.__new__(cls)
        self._a = args
        self._s = None
        return self

    def __reduce_ex__(self, protocol):
        return (copyreg.__newobj__, (New, *self._a), self._s)

    def __setstate__(self, state):
        self._s = state


class NewEx:
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._a = args
        self._k = kwargs
        self._s = None
        return self

    def __reduce_ex__(self, protocol):
        return (copyreg.__newobj_ex__, (NewEx, (*self._a,), dict(self._k)), self._s)

    def __setstate__(self, state):
        self._s = state


class Method:
    """Reduces to a class method (Python: getattr(Method, '_unpickle')), as zoneinfo.ZoneInfo does."""

    def __init__(self, key):
        self.key = key

    @classmethod
    def _unpickle(cls, key):
        return cls(key)

    def __reduce__(self):
        return (self.__class__._unpickle, (self.key,))
