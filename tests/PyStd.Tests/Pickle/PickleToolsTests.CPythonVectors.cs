namespace PyStd.Tests.Pickle;

/// <summary>
/// The DATA0–DATA4 pickles of CPython 3.11's Lib/test/pickletester.py (hex) and their DATA0_DIS–DATA4_DIS
/// texts, transcribed as written in that file. DATA4_DIS predates pickletools' "(as N)" note on MEMOIZE
/// lines; its test compares with those notes removed.
/// </summary>
public partial class PickleToolsTests
{
    public static TheoryData<string> PickletesterNames => new() { "DATA0", "DATA1", "DATA2", "DATA3", "DATA4" };

    private static readonly Dictionary<string, (string Hex, string Dis)> s_pickletester = new()
    {
        ["DATA0"] = (
            "286c70300a4c304c0a614c314c0a6146322e300a61635f5f6275696c74696e5f5f0a636f6d706c65780a70310a2846332e300a46302e300a7470320a" +
            "5270330a614c314c0a614c2d314c0a614c3235354c0a614c2d3235354c0a614c2d3235364c0a614c36353533354c0a614c2d36353533354c0a614c2d" +
            "36353533364c0a614c323134373438333634374c0a614c2d323134373438333634374c0a614c2d323134373438333634384c0a6128566162630a7034" +
            "0a67340a63636f70795f7265670a5f7265636f6e7374727563746f720a70350a28635f5f6d61696e5f5f0a430a70360a635f5f6275696c74696e5f5f" +
            "0a6f626a6563740a70370a4e7470380a5270390a28647031300a56666f6f0a7031310a4c314c0a73566261720a7031320a4c324c0a736267390a7470" +
            "31330a616731330a614c354c0a612e",
            """
                0: (    MARK
                1: l        LIST       (MARK at 0)
                2: p    PUT        0
                5: L    LONG       0
                9: a    APPEND
               10: L    LONG       1
               14: a    APPEND
               15: F    FLOAT      2.0
               20: a    APPEND
               21: c    GLOBAL     '__builtin__ complex'
               42: p    PUT        1
               45: (    MARK
               46: F        FLOAT      3.0
               51: F        FLOAT      0.0
               56: t        TUPLE      (MARK at 45)
               57: p    PUT        2
               60: R    REDUCE
               61: p    PUT        3
               64: a    APPEND
               65: L    LONG       1
               69: a    APPEND
               70: L    LONG       -1
               75: a    APPEND
               76: L    LONG       255
               82: a    APPEND
               83: L    LONG       -255
               90: a    APPEND
               91: L    LONG       -256
               98: a    APPEND
               99: L    LONG       65535
              107: a    APPEND
              108: L    LONG       -65535
              117: a    APPEND
              118: L    LONG       -65536
              127: a    APPEND
              128: L    LONG       2147483647
              141: a    APPEND
              142: L    LONG       -2147483647
              156: a    APPEND
              157: L    LONG       -2147483648
              171: a    APPEND
              172: (    MARK
              173: V        UNICODE    'abc'
              178: p        PUT        4
              181: g        GET        4
              184: c        GLOBAL     'copy_reg _reconstructor'
              209: p        PUT        5
              212: (        MARK
              213: c            GLOBAL     '__main__ C'
              225: p            PUT        6
              228: c            GLOBAL     '__builtin__ object'
              248: p            PUT        7
              251: N            NONE
              252: t            TUPLE      (MARK at 212)
              253: p        PUT        8
              256: R        REDUCE
              257: p        PUT        9
              260: (        MARK
              261: d            DICT       (MARK at 260)
              262: p        PUT        10
              266: V        UNICODE    'foo'
              271: p        PUT        11
              275: L        LONG       1
              279: s        SETITEM
              280: V        UNICODE    'bar'
              285: p        PUT        12
              289: L        LONG       2
              293: s        SETITEM
              294: b        BUILD
              295: g        GET        9
              298: t        TUPLE      (MARK at 172)
              299: p    PUT        13
              303: a    APPEND
              304: g    GET        13
              308: a    APPEND
              309: L    LONG       5
              313: a    APPEND
              314: .    STOP
            highest protocol among opcodes = 0
            """ + "\n"),
        ["DATA1"] = (
            "5d7100284b004b01474000000000000000635f5f6275696c74696e5f5f0a636f6d706c65780a71012847400800000000000047000000000000000074" +
            "71025271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a000000802858030000006162" +
            "637104680463636f70795f7265670a5f7265636f6e7374727563746f720a710528635f5f6d61696e5f5f0a430a7106635f5f6275696c74696e5f5f0a" +
            "6f626a6563740a71074e7471085271097d710a285803000000666f6f710b4b015803000000626172710c4b027562680974710d680d4b05652e",
            """
                0: ]    EMPTY_LIST
                1: q    BINPUT     0
                3: (    MARK
                4: K        BININT1    0
                6: K        BININT1    1
                8: G        BINFLOAT   2.0
               17: c        GLOBAL     '__builtin__ complex'
               38: q        BINPUT     1
               40: (        MARK
               41: G            BINFLOAT   3.0
               50: G            BINFLOAT   0.0
               59: t            TUPLE      (MARK at 40)
               60: q        BINPUT     2
               62: R        REDUCE
               63: q        BINPUT     3
               65: K        BININT1    1
               67: J        BININT     -1
               72: K        BININT1    255
               74: J        BININT     -255
               79: J        BININT     -256
               84: M        BININT2    65535
               87: J        BININT     -65535
               92: J        BININT     -65536
               97: J        BININT     2147483647
              102: J        BININT     -2147483647
              107: J        BININT     -2147483648
              112: (        MARK
              113: X            BINUNICODE 'abc'
              121: q            BINPUT     4
              123: h            BINGET     4
              125: c            GLOBAL     'copy_reg _reconstructor'
              150: q            BINPUT     5
              152: (            MARK
              153: c                GLOBAL     '__main__ C'
              165: q                BINPUT     6
              167: c                GLOBAL     '__builtin__ object'
              187: q                BINPUT     7
              189: N                NONE
              190: t                TUPLE      (MARK at 152)
              191: q            BINPUT     8
              193: R            REDUCE
              194: q            BINPUT     9
              196: }            EMPTY_DICT
              197: q            BINPUT     10
              199: (            MARK
              200: X                BINUNICODE 'foo'
              208: q                BINPUT     11
              210: K                BININT1    1
              212: X                BINUNICODE 'bar'
              220: q                BINPUT     12
              222: K                BININT1    2
              224: u                SETITEMS   (MARK at 199)
              225: b            BUILD
              226: h            BINGET     9
              228: t            TUPLE      (MARK at 112)
              229: q        BINPUT     13
              231: h        BINGET     13
              233: K        BININT1    5
              235: e        APPENDS    (MARK at 3)
              236: .    STOP
            highest protocol among opcodes = 1
            """ + "\n"),
        ["DATA2"] = (
            "80025d7100284b004b01474000000000000000635f5f6275696c74696e5f5f0a636f6d706c65780a7101474008000000000000470000000000000000" +
            "8671025271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a0000008028580300000061" +
            "626371046804635f5f6d61696e5f5f0a430a7105298171067d7107285803000000666f6f71084b01580300000062617271094b027562680674710a68" +
            "0a4b05652e",
            """
                0: \x80 PROTO      2
                2: ]    EMPTY_LIST
                3: q    BINPUT     0
                5: (    MARK
                6: K        BININT1    0
                8: K        BININT1    1
               10: G        BINFLOAT   2.0
               19: c        GLOBAL     '__builtin__ complex'
               40: q        BINPUT     1
               42: G        BINFLOAT   3.0
               51: G        BINFLOAT   0.0
               60: \x86     TUPLE2
               61: q        BINPUT     2
               63: R        REDUCE
               64: q        BINPUT     3
               66: K        BININT1    1
               68: J        BININT     -1
               73: K        BININT1    255
               75: J        BININT     -255
               80: J        BININT     -256
               85: M        BININT2    65535
               88: J        BININT     -65535
               93: J        BININT     -65536
               98: J        BININT     2147483647
              103: J        BININT     -2147483647
              108: J        BININT     -2147483648
              113: (        MARK
              114: X            BINUNICODE 'abc'
              122: q            BINPUT     4
              124: h            BINGET     4
              126: c            GLOBAL     '__main__ C'
              138: q            BINPUT     5
              140: )            EMPTY_TUPLE
              141: \x81         NEWOBJ
              142: q            BINPUT     6
              144: }            EMPTY_DICT
              145: q            BINPUT     7
              147: (            MARK
              148: X                BINUNICODE 'foo'
              156: q                BINPUT     8
              158: K                BININT1    1
              160: X                BINUNICODE 'bar'
              168: q                BINPUT     9
              170: K                BININT1    2
              172: u                SETITEMS   (MARK at 147)
              173: b            BUILD
              174: h            BINGET     6
              176: t            TUPLE      (MARK at 113)
              177: q        BINPUT     10
              179: h        BINGET     10
              181: K        BININT1    5
              183: e        APPENDS    (MARK at 5)
              184: .    STOP
            highest protocol among opcodes = 2
            """ + "\n"),
        ["DATA3"] = (
            "80035d7100284b004b01474000000000000000636275696c74696e730a636f6d706c65780a7101474008000000000000470000000000000000867102" +
            "5271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a0000008028580300000061626371" +
            "046804635f5f6d61696e5f5f0a430a7105298171067d710728580300000062617271084b025803000000666f6f71094b017562680674710a680a4b05" +
            "652e",
            """
                0: \x80 PROTO      3
                2: ]    EMPTY_LIST
                3: q    BINPUT     0
                5: (    MARK
                6: K        BININT1    0
                8: K        BININT1    1
               10: G        BINFLOAT   2.0
               19: c        GLOBAL     'builtins complex'
               37: q        BINPUT     1
               39: G        BINFLOAT   3.0
               48: G        BINFLOAT   0.0
               57: \x86     TUPLE2
               58: q        BINPUT     2
               60: R        REDUCE
               61: q        BINPUT     3
               63: K        BININT1    1
               65: J        BININT     -1
               70: K        BININT1    255
               72: J        BININT     -255
               77: J        BININT     -256
               82: M        BININT2    65535
               85: J        BININT     -65535
               90: J        BININT     -65536
               95: J        BININT     2147483647
              100: J        BININT     -2147483647
              105: J        BININT     -2147483648
              110: (        MARK
              111: X            BINUNICODE 'abc'
              119: q            BINPUT     4
              121: h            BINGET     4
              123: c            GLOBAL     '__main__ C'
              135: q            BINPUT     5
              137: )            EMPTY_TUPLE
              138: \x81         NEWOBJ
              139: q            BINPUT     6
              141: }            EMPTY_DICT
              142: q            BINPUT     7
              144: (            MARK
              145: X                BINUNICODE 'bar'
              153: q                BINPUT     8
              155: K                BININT1    2
              157: X                BINUNICODE 'foo'
              165: q                BINPUT     9
              167: K                BININT1    1
              169: u                SETITEMS   (MARK at 144)
              170: b            BUILD
              171: h            BINGET     6
              173: t            TUPLE      (MARK at 110)
              174: q        BINPUT     10
              176: h        BINGET     10
              178: K        BININT1    5
              180: e        APPENDS    (MARK at 5)
              181: .    STOP
            highest protocol among opcodes = 2
            """ + "\n"),
        ["DATA4"] = (
            "800495a8000000000000005d94284b004b014740000000000000008c086275696c74696e73948c07636f6d706c657894939447400800000000000047" +
            "0000000000000000869452944b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a0000008028" +
            "8c036162639468068c085f5f6d61696e5f5f948c01439493942981947d94288c03626172944b028c03666f6f944b017562680a7494680e4b05652e",
            """
                0: \x80 PROTO      4
                2: \x95 FRAME      168
               11: ]    EMPTY_LIST
               12: \x94 MEMOIZE
               13: (    MARK
               14: K        BININT1    0
               16: K        BININT1    1
               18: G        BINFLOAT   2.0
               27: \x8c     SHORT_BINUNICODE 'builtins'
               37: \x94     MEMOIZE
               38: \x8c     SHORT_BINUNICODE 'complex'
               47: \x94     MEMOIZE
               48: \x93     STACK_GLOBAL
               49: \x94     MEMOIZE
               50: G        BINFLOAT   3.0
               59: G        BINFLOAT   0.0
               68: \x86     TUPLE2
               69: \x94     MEMOIZE
               70: R        REDUCE
               71: \x94     MEMOIZE
               72: K        BININT1    1
               74: J        BININT     -1
               79: K        BININT1    255
               81: J        BININT     -255
               86: J        BININT     -256
               91: M        BININT2    65535
               94: J        BININT     -65535
               99: J        BININT     -65536
              104: J        BININT     2147483647
              109: J        BININT     -2147483647
              114: J        BININT     -2147483648
              119: (        MARK
              120: \x8c         SHORT_BINUNICODE 'abc'
              125: \x94         MEMOIZE
              126: h            BINGET     6
              128: \x8c         SHORT_BINUNICODE '__main__'
              138: \x94         MEMOIZE
              139: \x8c         SHORT_BINUNICODE 'C'
              142: \x94         MEMOIZE
              143: \x93         STACK_GLOBAL
              144: \x94         MEMOIZE
              145: )            EMPTY_TUPLE
              146: \x81         NEWOBJ
              147: \x94         MEMOIZE
              148: }            EMPTY_DICT
              149: \x94         MEMOIZE
              150: (            MARK
              151: \x8c             SHORT_BINUNICODE 'bar'
              156: \x94             MEMOIZE
              157: K                BININT1    2
              159: \x8c             SHORT_BINUNICODE 'foo'
              164: \x94             MEMOIZE
              165: K                BININT1    1
              167: u                SETITEMS   (MARK at 150)
              168: b            BUILD
              169: h            BINGET     10
              171: t            TUPLE      (MARK at 119)
              172: \x94     MEMOIZE
              173: h        BINGET     14
              175: K        BININT1    5
              177: e        APPENDS    (MARK at 13)
              178: .    STOP
            highest protocol among opcodes = 4
            """ + "\n"),
    };
}
