"""Python 2 style pickles (STRING, BINSTRING, SHORT_BINSTRING, old datetime state strings) loaded
by CPython 3 with each `encoding`, as the C unpickler decodes them.

Usage: gen_pickle_py2.py SEED
Prints: encoding <TAB> pickle-hex <TAB> canonical text, or ERR <TAB> exception name
"""
import pickle
import random
import sys

from pickle_canon import canon

ENCODINGS = ['ASCII', 'latin1', 'bytes', 'utf-8', 'cp1252', 'koi8-r']


def py2_repr(b):
    # Python 2's repr of a str: the STRING opcode's argument.
    out = []
    for c in b:
        ch = chr(c)
        if ch == "'":
            out.append("\\'")
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\r':
            out.append('\\r')
        elif 32 <= c < 127:
            out.append(ch)
        else:
            out.append('\\x%02x' % c)
    return ("'" + ''.join(out) + "'").encode('ascii')


def cases(rnd):
    samples = [b'', b'abc', b'caf\xc3\xa9', b'caf\xe9', b'\x00\xff\x80', b"it's", b'a\\b\nc', b'\xd0\xbf\xd1\x80',
               b'\x93quoted\x94', b'\x81']
    for _ in range(60):
        samples.append(bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 12))))
    for b in samples:
        yield b'S' + py2_repr(b) + b'\np0\n.'
        yield b'U' + bytes([len(b)]) + b + b'q\x00.'
        yield b'T' + len(b).to_bytes(4, 'little') + b + b'.'
        yield b'\x80\x02]q\x00(U' + bytes([len(b)]) + b + b'q\x01h\x01e.'
        yield b'(dp0\nS' + py2_repr(b) + b'\np1\nI1\ns.'
    # Python 2 datetime, date, time pickles: the state is a str.
    yield b"cdatetime\ndatetime\np0\n(S'\\x07\\xd0\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x07'\np1\ntp2\nRp3\n."
    yield b"cdatetime\ndate\np0\n(S'\\x07\\xd0\\x0c\\x1f'\np1\ntp2\nRp3\n."
    yield b"cdatetime\ntime\np0\n(S'\\x17;;\\x0f\\x42\\x3f'\np1\ntp2\nRp3\n."
    yield b'\x80\x02cdatetime\ndatetime\nq\x00U\n\x07\xdf\x0c\x19\x17;;\x00\x00\x01q\x01\x85q\x02Rq\x03.'
    yield b"cdecimal\nDecimal\np0\n(S'3.14'\np1\ntp2\nRp3\n."
    yield b"ccollections\nOrderedDict\np0\n((lp1\n(lp2\nS'a'\np3\naI1\naa(lp4\nS'b'\np5\naI2\naatp6\nRp7\n."
    yield b"ccollections\ndeque\np0\n((lp1\nI1\naI2\naI3\naI2\ntp2\nRp3\n."
    yield b"ccopy_reg\n_reconstructor\np0\n(cuuid\nUUID\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nS'int'\np6\nL302231454903657293676544L\nsb."


def main():
    rnd = random.Random(int(sys.argv[1]))
    for data in cases(rnd):
        for enc in ENCODINGS:
            try:
                value = pickle.loads(data, encoding=enc)
                text = canon(value, 2)
                print('%s\t%s\t%s' % (enc, data.hex(), text))
            except Exception as e:
                print('%s\t%s\tERR\t%s' % (enc, data.hex(), type(e).__name__))


main()
