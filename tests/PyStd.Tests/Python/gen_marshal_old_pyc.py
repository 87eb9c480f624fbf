"""Hand-built .pyc files in the code-object layouts of CPython 3.8-3.9 and 3.10.

There is no python3.8-3.10 on the machine, so this writes the documented TYPE_CODE layout of
those versions (Python/marshal.c w_complex_object of 3.8/3.9/3.10) field by field: the 32-bit
fields with struct, every object field with this python3's marshal.dumps(part, 2) (version 2:
no references, the same bytes in every version), nested code objects recursively. The values
come from real code objects compiled here (co_lnotab and co_linetable both exist in 3.11).

argv: outdir. For each layout (38 for magic 3413 = 3.8, 39 for 3425 = 3.9, 310 for 3439 = 3.10)
writes OUTDIR/<layout>.pyc and prints 'P\t<layout>\tpath\tmagic', then one line per code object
(pre-order): 'C\t<layout>\tname\targcount\tposonly\tkwonly\tnlocals\tstacksize\tflags\tfirstlineno\t
code hex\tnames repr\tvarnames repr\tfreevars repr\tcellvars repr\tfilename\ttable hex\tconsts count'.
"""
import marshal
import os
import struct
import sys
import types

SOURCE = '''
import os
X = (1, 2.5, 'three', b'four', None, ...)
def outer(a, b, /, c, *args, d=1, **kw):
    y = a + b
    def inner(z):
        return y + z + c
    return inner
class K:
    def m(self, *, flag=False):
        return [i for i in range(3) if flag]
lam = lambda q: q * 2
'''

LAYOUTS = [(38, 3413), (39, 3425), (310, 3439)]


def dump_code(co, layout):
    out = bytearray(b'c')
    out += struct.pack('<6i', co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
                       co.co_nlocals, co.co_stacksize, co.co_flags)
    out += marshal.dumps(co.co_code, 2)
    out += dump_tuple(co.co_consts, layout)
    for part in (co.co_names, co.co_varnames, co.co_freevars, co.co_cellvars, co.co_filename, co.co_name):
        out += marshal.dumps(part, 2)
    out += struct.pack('<i', co.co_firstlineno)
    out += marshal.dumps(table(co, layout), 2)
    return bytes(out)


def dump_tuple(t, layout):
    out = bytearray(b'(') + struct.pack('<i', len(t))
    for item in t:
        out += dump_code(item, layout) if isinstance(item, types.CodeType) else marshal.dumps(item, 2)
    return bytes(out)


def table(co, layout):
    return co.co_linetable if layout == 310 else co.co_lnotab


def describe(co, layout):
    fields = [co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
              co.co_stacksize, co.co_flags, co.co_firstlineno, co.co_code.hex(), repr(co.co_names),
              repr(co.co_varnames), repr(co.co_freevars), repr(co.co_cellvars), co.co_filename,
              table(co, layout).hex(), len(co.co_consts)]
    print('C\t%d\t' % layout + '\t'.join(str(f) for f in fields))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            describe(c, layout)


import warnings
warnings.simplefilter('ignore', DeprecationWarning)  # co_lnotab
code = compile(SOURCE, 'old.py', 'exec')
for layout, magic in LAYOUTS:
    path = os.path.join(sys.argv[1], '%d.pyc' % layout)
    with open(path, 'wb') as f:
        f.write(struct.pack('<H', magic) + b'\r\n' + struct.pack('<III', 0, 1700000000, len(SOURCE)))
        f.write(dump_code(code, layout))
    print('P\t%d\t%s\t%d' % (layout, path, magic))
    describe(code, layout)
