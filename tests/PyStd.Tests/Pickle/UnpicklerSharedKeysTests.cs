using PyStd.Objects;
using PyStd.Tests.Python;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// SETITEMS into fresh dicts whose keys come back from the memo (the unpickler's shortcut for
/// records that repeat one key layout): hand-written pickles that reuse, reorder, duplicate and
/// re-add memoized keys load to exactly what CPython loads, duplicate keys keeping the last value.
/// </summary>
public class UnpicklerSharedKeysTests
{
    private const string Generator = """
        import pickle, struct
        P = b'\x80\x04'
        def s(t):
            b = t.encode()
            return b'\x8c' + bytes([len(b)]) + b + b'\x94'
        def g(i): return b'h' + bytes([i])
        def k(v): return b'K' + bytes([v])
        EL, ED, MARK, SI, SIS, APS, STOP = b']', b'}', b'(', b's', b'u', b'e', b'.'
        # memo: 0 list, 1 first dict, 2 'a', 3 'b', 4 'c'
        head = P + EL + b'\x94' + MARK + ED + b'\x94' + MARK + s('a') + k(1) + s('b') + k(2) + s('c') + k(3) + SIS
        cases = [
            head + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(4) + k(6) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(2) + k(5) + g(4) + k(6) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(2) + k(6) + SIS + APS + STOP,
            head + ED + MARK + g(3) + k(4) + g(2) + k(5) + g(4) + k(6) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(4) + k(6) + SIS + MARK + g(3) + k(7) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(4) + k(6) + SIS + g(2) + k(8) + SI + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + SIS + ED + MARK + g(2) + k(6) + g(3) + k(7) + g(4) + k(8) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(4) + k(6) + SIS + ED + MARK + g(2) + k(7) + b'\x8c\x01a' + k(8) + g(4) + k(9) + SIS + APS + STOP,
            head + ED + MARK + g(2) + k(4) + g(3) + k(5) + g(4) + k(6) + SIS + ED + MARK + g(2) + k(7) + g(3) + k(8) + g(4) + k(9) + SIS + ED + MARK + g(4) + k(1) + g(4) + k(2) + g(4) + k(3) + SIS + APS + STOP,
            P + EL + MARK + ED + MARK + k(1) + k(1) + b'\x88' + k(2) + SIS + ED + MARK + k(1) + k(3) + b'\x88' + k(4) + SIS + APS + STOP,
            pickle.dumps([{'id': i, 'name': 'u%d' % i, 't': (i, i)} for i in range(5)], 4),
        ]
        for c in cases:
            print(c.hex() + '\t' + repr(pickle.loads(c)))
        """;

    [Fact]
    public void Dicts_refilled_from_memoized_keys_load_as_CPython_loads_them()
    {
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunSource(Generator));
        Assert.Equal(12, lines.Length);
        foreach (string line in lines)
        {
            string[] f = line.Split('\t');
            object? value = PyPickle.Loads(System.Convert.FromHexString(f[0]));
            Assert.Equal(f[1], PyRepr.Repr(value));
        }
    }
}
