"""Compiles stdlib modules into a directory and describes a sample of the code objects.

argv: outdir count sample-every. Prints one line per .pyc written ('F\tpath'), then for every
code object (recursively) of every sample-every'th file a line
'C\tpath\tqualname\tfirstlineno\tco_code hex\tnames repr\tconsts canon\tlinetable hex\texctable hex\tfilename'.
"""
import marshal
import os
import py_compile
import sys
import sysconfig
import types

outdir, count, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stdlib = sysconfig.get_paths()['stdlib']
sources = []
for root, dirs, files in os.walk(stdlib):
    dirs[:] = sorted(d for d in dirs if d not in ('site-packages', 'test', 'idlelib', 'lib2to3', '__pycache__'))
    for f in sorted(files):
        if f.endswith('.py'):
            sources.append(os.path.join(root, f))
sources = sources[:count]


def canon(x):
    if isinstance(x, types.CodeType):
        return 'code:' + x.co_qualname
    if isinstance(x, tuple):
        return '(' + ', '.join(canon(i) for i in x) + ')'
    if isinstance(x, frozenset):
        return 'frozenset{' + ', '.join(sorted(canon(i) for i in x)) + '}'
    return repr(x)


def walk(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)


out = []
n = 0
for i, src in enumerate(sources):
    dest = os.path.join(outdir, f'm{i:04d}.pyc')
    invalidation = py_compile.PycInvalidationMode.CHECKED_HASH if i % 7 == 3 else py_compile.PycInvalidationMode.TIMESTAMP
    try:
        py_compile.compile(src, cfile=dest, doraise=True, invalidation_mode=invalidation)
    except Exception:
        continue
    out.append(f'F\t{dest}')
    if n % every == 0:
        with open(dest, 'rb') as fh:
            fh.read(16)
            top = marshal.load(fh)
        for c in walk(top):
            out.append('\t'.join(['C', dest, c.co_qualname, str(c.co_firstlineno), c.co_code.hex(), repr(c.co_names),
                                  canon(c.co_consts), c.co_linetable.hex(), c.co_exceptiontable.hex(), c.co_filename,
                                  repr(c.co_varnames + c.co_cellvars + c.co_freevars), str(c.co_argcount), str(c.co_flags)]))
    n += 1
sys.stdout.write('\n'.join(out) + '\n')
