using PyStd.Objects;
using PyStd.Pickle;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// The pickles of CPython's Lib/test/pickletester.py (3.11), transcribed as hex: DATA0–DATA4
/// (create_data() at protocols 0–4, with their shared tuple and instance), the Python 2 pickles
/// DATA_SET, DATA_XRANGE, DATA_SET2, DATA_UEERR, DATA_COOKIE, and every Python 2 exception of
/// python2_exceptions_without_args. Expected values are CPython's loads, in the canonical text of
/// Python/pickle_canon.py (an unknown class prints as its pickle pieces) — except that the aliases
/// EnvironmentError and IOError keep their names, where CPython resolves them to OSError.
/// </summary>
public class UnpicklerCPythonVectorTests
{
    public static TheoryData<string, string, string, string> Vectors => new()
    {
        { "DATA0", "286c70300a4c304c0a614c314c0a6146322e300a61635f5f6275696c74696e5f5f0a636f6d706c65780a70310a2846332e300a46302e300a7470320a5270330a614c314c0a614c2d314c0a614c3235354c0a614c2d3235354c0a614c2d3235364c0a614c36353533354c0a614c2d36353533354c0a614c2d36353533364c0a614c323134373438333634374c0a614c2d323134373438333634374c0a614c2d323134373438333634384c0a6128566162630a70340a67340a63636f70795f7265670a5f7265636f6e7374727563746f720a70350a28635f5f6d61696e5f5f0a430a70360a635f5f6275696c74696e5f5f0a6f626a6563740a70370a4e7470380a5270390a28647031300a56666f6f0a7031310a4c314c0a73566261720a7031320a4c324c0a736267390a747031330a616731330a614c354c0a612e", "[0, 1, 2.0, (3+0j), 1, -1, 255, -255, -256, 65535, -65535, -65536, 2147483647, -2147483647, -2147483648, ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), 5]", "#0 #1 @1" },
        { "DATA1", "5d7100284b004b01474000000000000000635f5f6275696c74696e5f5f0a636f6d706c65780a7101284740080000000000004700000000000000007471025271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a000000802858030000006162637104680463636f70795f7265670a5f7265636f6e7374727563746f720a710528635f5f6d61696e5f5f0a430a7106635f5f6275696c74696e5f5f0a6f626a6563740a71074e7471085271097d710a285803000000666f6f710b4b015803000000626172710c4b027562680974710d680d4b05652e", "[0, 1, 2.0, (3+0j), 1, -1, 255, -255, -256, 65535, -65535, -65536, 2147483647, -2147483647, -2147483648, ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), 5]", "#0 #1 @1" },
        { "DATA2", "80025d7100284b004b01474000000000000000635f5f6275696c74696e5f5f0a636f6d706c65780a71014740080000000000004700000000000000008671025271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a0000008028580300000061626371046804635f5f6d61696e5f5f0a430a7105298171067d7107285803000000666f6f71084b01580300000062617271094b027562680674710a680a4b05652e", "[0, 1, 2.0, (3+0j), 1, -1, 255, -255, -256, 65535, -65535, -65536, 2147483647, -2147483647, -2147483648, ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), ('abc', 'abc', __main__.C().__setstate__({'foo': 1, 'bar': 2}), __main__.C().__setstate__({'foo': 1, 'bar': 2})), 5]", "#0 #1 @1" },
        { "DATA3", "80035d7100284b004b01474000000000000000636275696c74696e730a636f6d706c65780a71014740080000000000004700000000000000008671025271034b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a0000008028580300000061626371046804635f5f6d61696e5f5f0a430a7105298171067d710728580300000062617271084b025803000000666f6f71094b017562680674710a680a4b05652e", "[0, 1, 2.0, (3+0j), 1, -1, 255, -255, -256, 65535, -65535, -65536, 2147483647, -2147483647, -2147483648, ('abc', 'abc', __main__.C().__setstate__({'bar': 2, 'foo': 1}), __main__.C().__setstate__({'bar': 2, 'foo': 1})), ('abc', 'abc', __main__.C().__setstate__({'bar': 2, 'foo': 1}), __main__.C().__setstate__({'bar': 2, 'foo': 1})), 5]", "#0 #1 @1" },
        { "DATA4", "800495a8000000000000005d94284b004b014740000000000000008c086275696c74696e73948c07636f6d706c6578949394474008000000000000470000000000000000869452944b014affffffff4bff4a01ffffff4a00ffffff4dffff4a0100ffff4a0000ffff4affffff7f4a010000804a00000080288c036162639468068c085f5f6d61696e5f5f948c01439493942981947d94288c03626172944b028c03666f6f944b017562680a7494680e4b05652e", "[0, 1, 2.0, (3+0j), 1, -1, 255, -255, -256, 65535, -65535, -65536, 2147483647, -2147483647, -2147483648, ('abc', 'abc', __main__.C().__setstate__({'bar': 2, 'foo': 1}), __main__.C().__setstate__({'bar': 2, 'foo': 1})), ('abc', 'abc', __main__.C().__setstate__({'bar': 2, 'foo': 1}), __main__.C().__setstate__({'bar': 2, 'foo': 1})), 5]", "#0 #1 @1" },
        { "DATA_SET", "8002635f5f6275696c74696e5f5f0a7365740a71005d7101284b014b02658571025271032e", "{1, 2}", "" },
        { "DATA_XRANGE", "8002635f5f6275696c74696e5f5f0a7872616e67650a71004b004b054b018771015271022e", "builtins.range(0, 5, 1)", "" },
        { "DATA_SET2", "8002635f5f6275696c74696e5f5f0a7365740a71005d71014b03618571025271032e", "{3}", "" },
        { "DATA_UEERR", "800263657863657074696f6e730a556e69636f6465456e636f64654572726f720a7100285505617363696971015803000000666f6f71024b004b01550362616471037471045271052e", "builtins.UnicodeEncodeError('ascii', 'foo', 0, 1, 'bad')", "" },
        { "exceptions.ArithmeticError", "800263657863657074696f6e730a41726974686d657469634572726f720a7100295271012e", "builtins.ArithmeticError()", "" },
        { "exceptions.AssertionError", "800263657863657074696f6e730a417373657274696f6e4572726f720a7100295271012e", "builtins.AssertionError()", "" },
        { "exceptions.AttributeError", "800263657863657074696f6e730a4174747269627574654572726f720a7100295271012e", "builtins.AttributeError()", "" },
        { "exceptions.BaseException", "800263657863657074696f6e730a42617365457863657074696f6e0a7100295271012e", "builtins.BaseException()", "" },
        { "exceptions.BufferError", "800263657863657074696f6e730a4275666665724572726f720a7100295271012e", "builtins.BufferError()", "" },
        { "exceptions.BytesWarning", "800263657863657074696f6e730a42797465735761726e696e670a7100295271012e", "builtins.BytesWarning()", "" },
        { "exceptions.DeprecationWarning", "800263657863657074696f6e730a4465707265636174696f6e5761726e696e670a7100295271012e", "builtins.DeprecationWarning()", "" },
        { "exceptions.EOFError", "800263657863657074696f6e730a454f464572726f720a7100295271012e", "builtins.EOFError()", "" },
        { "exceptions.OSError", "800263657863657074696f6e730a4f534572726f720a7100295271012e", "builtins.OSError()", "" },
        { "exceptions.Exception", "800263657863657074696f6e730a457863657074696f6e0a7100295271012e", "builtins.Exception()", "" },
        { "exceptions.FloatingPointError", "800263657863657074696f6e730a466c6f6174696e67506f696e744572726f720a7100295271012e", "builtins.FloatingPointError()", "" },
        { "exceptions.FutureWarning", "800263657863657074696f6e730a4675747572655761726e696e670a7100295271012e", "builtins.FutureWarning()", "" },
        { "exceptions.GeneratorExit", "800263657863657074696f6e730a47656e657261746f72457869740a7100295271012e", "builtins.GeneratorExit()", "" },
        { "exceptions.ImportError", "800263657863657074696f6e730a496d706f72744572726f720a7100295271012e", "builtins.ImportError()", "" },
        { "exceptions.ImportWarning", "800263657863657074696f6e730a496d706f72745761726e696e670a7100295271012e", "builtins.ImportWarning()", "" },
        { "exceptions.IndentationError", "800263657863657074696f6e730a496e64656e746174696f6e4572726f720a7100295271012e", "builtins.IndentationError()", "" },
        { "exceptions.IndexError", "800263657863657074696f6e730a496e6465784572726f720a7100295271012e", "builtins.IndexError()", "" },
        { "exceptions.KeyError", "800263657863657074696f6e730a4b65794572726f720a7100295271012e", "builtins.KeyError()", "" },
        { "exceptions.KeyboardInterrupt", "800263657863657074696f6e730a4b6579626f617264496e746572727570740a7100295271012e", "builtins.KeyboardInterrupt()", "" },
        { "exceptions.LookupError", "800263657863657074696f6e730a4c6f6f6b75704572726f720a7100295271012e", "builtins.LookupError()", "" },
        { "exceptions.MemoryError", "800263657863657074696f6e730a4d656d6f72794572726f720a7100295271012e", "builtins.MemoryError()", "" },
        { "exceptions.NameError", "800263657863657074696f6e730a4e616d654572726f720a7100295271012e", "builtins.NameError()", "" },
        { "exceptions.NotImplementedError", "800263657863657074696f6e730a4e6f74496d706c656d656e7465644572726f720a7100295271012e", "builtins.NotImplementedError()", "" },
        { "exceptions.OverflowError", "800263657863657074696f6e730a4f766572666c6f774572726f720a7100295271012e", "builtins.OverflowError()", "" },
        { "exceptions.PendingDeprecationWarning", "800263657863657074696f6e730a50656e64696e674465707265636174696f6e5761726e696e670a7100295271012e", "builtins.PendingDeprecationWarning()", "" },
        { "exceptions.ReferenceError", "800263657863657074696f6e730a5265666572656e63654572726f720a7100295271012e", "builtins.ReferenceError()", "" },
        { "exceptions.RuntimeError", "800263657863657074696f6e730a52756e74696d654572726f720a7100295271012e", "builtins.RuntimeError()", "" },
        { "exceptions.RuntimeWarning", "800263657863657074696f6e730a52756e74696d655761726e696e670a7100295271012e", "builtins.RuntimeWarning()", "" },
        { "exceptions.StopIteration", "800263657863657074696f6e730a53746f70497465726174696f6e0a7100295271012e", "builtins.StopIteration()", "" },
        { "exceptions.SyntaxError", "800263657863657074696f6e730a53796e7461784572726f720a7100295271012e", "builtins.SyntaxError()", "" },
        { "exceptions.SyntaxWarning", "800263657863657074696f6e730a53796e7461785761726e696e670a7100295271012e", "builtins.SyntaxWarning()", "" },
        { "exceptions.SystemError", "800263657863657074696f6e730a53797374656d4572726f720a7100295271012e", "builtins.SystemError()", "" },
        { "exceptions.SystemExit", "800263657863657074696f6e730a53797374656d457869740a7100295271012e", "builtins.SystemExit()", "" },
        { "exceptions.TabError", "800263657863657074696f6e730a5461624572726f720a7100295271012e", "builtins.TabError()", "" },
        { "exceptions.TypeError", "800263657863657074696f6e730a547970654572726f720a7100295271012e", "builtins.TypeError()", "" },
        { "exceptions.UnboundLocalError", "800263657863657074696f6e730a556e626f756e644c6f63616c4572726f720a7100295271012e", "builtins.UnboundLocalError()", "" },
        { "exceptions.UnicodeError", "800263657863657074696f6e730a556e69636f64654572726f720a7100295271012e", "builtins.UnicodeError()", "" },
        { "exceptions.UnicodeWarning", "800263657863657074696f6e730a556e69636f64655761726e696e670a7100295271012e", "builtins.UnicodeWarning()", "" },
        { "exceptions.UserWarning", "800263657863657074696f6e730a557365725761726e696e670a7100295271012e", "builtins.UserWarning()", "" },
        { "exceptions.ValueError", "800263657863657074696f6e730a56616c75654572726f720a7100295271012e", "builtins.ValueError()", "" },
        { "exceptions.Warning", "800263657863657074696f6e730a5761726e696e670a7100295271012e", "builtins.Warning()", "" },
        { "exceptions.ZeroDivisionError", "800263657863657074696f6e730a5a65726f4469766973696f6e4572726f720a7100295271012e", "builtins.ZeroDivisionError()", "" },
        { "exceptions.EnvironmentError", "800263657863657074696f6e730a456e7669726f6e6d656e744572726f720a7100295271012e", "builtins.EnvironmentError()", "" },
        { "exceptions.IOError", "800263657863657074696f6e730a494f4572726f720a7100295271012e", "builtins.IOError()", "" },
        { "exceptions.StandardError", "800263657863657074696f6e730a5374616e646172644572726f720a7100295271012e", "builtins.Exception()", "" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Pickletester_vector_loads_as_CPython_loads_it(string name, string hex, string canonical, string fingerprint)
    {
        object? value = PyPickle.Loads(System.Convert.FromHexString(hex));
        Assert.True(canonical == PickleCanon.Of(value), $"{name}: {PickleCanon.Of(value)}");
        Assert.Equal(fingerprint, PickleCanon.Fingerprint(value));
    }

    [Fact]
    public void Data0_shares_the_instance_and_the_tuple_as_create_data_does()
    {
        var value = (List<object?>)PyPickle.Loads(System.Convert.FromHexString(Hex("DATA0")))!;
        var y = (PyTuple)value[15]!;
        Assert.Same(y, value[16]);
        Assert.Same(y[2], y[3]);
        var c = Assert.IsType<PyObject>(y[2]);
        Assert.Equal(("__main__", "C", PyObjectKind.NewObj), (c.Module, c.Name, c.Kind));
        Assert.Equal(new PyDict { ["foo"] = 1L, ["bar"] = 2L }, c.State);
    }

    [Fact]
    public void Python2_SimpleCookie_loads_under_its_Python3_name()
    {
        const string cookie = "800263436f6f6b69650a53696d706c65436f6f6b69650a71002981710155036b6579710263436f6f6b69650a4d6f7273656c0a710329817104285507636f6d6d656e747105550071065506646f6d61696e710768065506736563757265710868065507657870697265737109680655076d61782d616765710a6806550776657273696f6e710b6806550470617468710c68065508687474706f6e6c79710d6806757d710e28550b636f6465645f76616c7565710f550576616c7565711068106810680268027562737d7111622e";
        var jar = Assert.IsType<PyObject>(PyPickle.Loads(System.Convert.FromHexString(cookie)));
        Assert.Equal(("http.cookies", "SimpleCookie"), (jar.Module, jar.Name));
        var morsel = Assert.IsType<PyObject>(jar.DictItems!["key"]);
        Assert.Equal(("http.cookies", "Morsel"), (morsel.Module, morsel.Name));
        Assert.Equal(string.Empty, morsel.DictItems!["comment"]);
        var state = Assert.IsType<PyDict>(morsel.State);
        Assert.Equal("value", state["value"]);
        Assert.Equal("value", state["coded_value"]);
        Assert.Equal("key", state["key"]);
        Assert.True(jar.HasState);
        Assert.Equal(new PyDict(), jar.State);
    }

    private static string Hex(string name)
    {
        foreach (object[] row in Vectors)
        {
            if ((string)row[0] == name)
            {
                return (string)row[1];
            }
        }

        throw new KeyNotFoundException(name);
    }
}
