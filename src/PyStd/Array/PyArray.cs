using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PyStd.Objects;

namespace PyStd.Array;

/// <summary>
/// Python's <c>array.array</c>: a compact, growable sequence of one C number type, stored exactly as
/// CPython stores it on linux-x64, so <see cref="ToBytes"/> gives the bytes CPython's
/// <c>tobytes()</c> gives and <see cref="FromBytes"/> reads what CPython wrote.
/// </summary>
/// <remarks>
/// <para>
/// The typecode picks the item type (<see cref="Typecodes"/>):
/// </para>
/// <list type="table">
/// <listheader><term>typecode</term><description>C type, size, .NET span type, Python value</description></listheader>
/// <item><term><c>b</c> / <c>B</c></term><description><c>signed char</c> / <c>unsigned char</c>, 1 byte, <see cref="sbyte"/> / <see cref="byte"/>, int</description></item>
/// <item><term><c>u</c></term><description><c>wchar_t</c> (UTF-32 on Linux), 4 bytes, <see cref="int"/> or <see cref="uint"/>, a one-character str</description></item>
/// <item><term><c>h</c> / <c>H</c></term><description><c>short</c> / <c>unsigned short</c>, 2 bytes, <see cref="short"/> / <see cref="ushort"/>, int</description></item>
/// <item><term><c>i</c> / <c>I</c></term><description><c>int</c> / <c>unsigned int</c>, 4 bytes, <see cref="int"/> / <see cref="uint"/>, int</description></item>
/// <item><term><c>l</c> / <c>L</c></term><description><c>long</c> / <c>unsigned long</c>, 8 bytes, <see cref="long"/> / <see cref="ulong"/>, int</description></item>
/// <item><term><c>q</c> / <c>Q</c></term><description><c>long long</c> / <c>unsigned long long</c>, 8 bytes, <see cref="long"/> / <see cref="ulong"/>, int</description></item>
/// <item><term><c>f</c> / <c>d</c></term><description><c>float</c> / <c>double</c>, 4 / 8 bytes, <see cref="float"/> / <see cref="double"/>, float</description></item>
/// </list>
/// <para>
/// Items are Python values of the PyStd value model: ints are <see cref="long"/> (a <c>L</c>/<c>Q</c>
/// item above <see cref="long.MaxValue"/> is a <see cref="System.Numerics.BigInteger"/>), floats are
/// <see cref="double"/> (an <c>f</c> item is stored as a 32-bit float, so <c>0.1</c> reads back as
/// <c>0.10000000149011612</c>, as in CPython), and <c>u</c> items are one-character strings (two
/// UTF-16 chars for a code point above U+FFFF). Values are checked as CPython checks them, with its
/// messages: <c>array('b', [200])</c> raises <see cref="OverflowException"/>
/// <c>signed char is greater than maximum</c>, <c>array('i', [1.5])</c> raises
/// <see cref="PyTypeException"/> <c>'float' object cannot be interpreted as an integer</c>.
/// </para>
/// <code>
/// var a = new PyArray('i', new List&lt;object?&gt; { 1L, 2L, 3L });
/// a.Append(4L);
/// a.Repr();                      // array('i', [1, 2, 3, 4])
/// a.ToBytes();                   // 01 00 00 00 02 00 00 00 ...
/// Span&lt;int&gt; view = a.AsSpan&lt;int&gt;();   // zero-copy
/// view[0] = 10;                  // a[0] == 10
/// var u = new PyArray('u', "h\U0001F600");
/// u.Count;                       // 2 (one wchar_t per code point)
/// new PyArray('i', new List&lt;object?&gt; { 1L }) == new PyArray('d', new List&lt;object?&gt; { 1.0 });  // True
/// </code>
/// <para>
/// Storage is one growable byte buffer in native (little-endian) order: <see cref="AsSpan{T}"/>
/// and <see cref="AsBytes"/> are views, not copies, valid until the array changes size (as a
/// Python buffer export is). Differences from CPython: a .NET <see cref="string"/> cannot tell a
/// surrogate pair from two adjacent lone surrogates, so <see cref="ToUnicode"/> of a <c>u</c> array
/// holding U+D83D then U+DE00 reads back as one code point (<see cref="Repr"/> still prints
/// CPython's <c>'\ud83d\ude00'</c>); equality of two <c>u</c> arrays compares their code units
/// where CPython would raise for an invalid code point. The type is not thread-safe.
/// </para>
/// </remarks>
public sealed partial class PyArray : IReadOnlyList<object?>, IEquatable<PyArray>
{
    /// <summary>Every typecode, in CPython's order (<c>array.typecodes</c>).</summary>
    public const string Typecodes = "bBuhHiIlLqQfd";

    private const string BadTypecodeMessage = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

    private readonly ArrayDescriptor _descr;
    private byte[] _buffer = [];
    private int _count;
    private bool _pinned;

    /// <summary>Creates an empty array, as <c>array(typecode)</c>.</summary>
    /// <param name="typecode">One of <see cref="Typecodes"/>.</param>
    /// <exception cref="PyValueException"><c>bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)</c>.</exception>
    public PyArray(char typecode)
    {
        _descr = ArrayDescriptor.Find(typecode) ?? throw new PyValueException(BadTypecodeMessage);
    }

    /// <summary>Creates an empty array from a one-character typecode string, as <c>array('i')</c>.</summary>
    /// <param name="typecode">One of <see cref="Typecodes"/>, as a string of length 1.</param>
    /// <exception cref="PyTypeException">The string is not one character long.</exception>
    /// <exception cref="PyValueException">The character is not a typecode.</exception>
    public PyArray(string typecode)
        : this(SingleChar(typecode))
    {
    }

    /// <summary>
    /// Creates an array from an initializer, as <c>array(typecode, initializer)</c>: <c>bytes</c>
    /// (<see cref="byte"/>[] or <see cref="PyByteArray"/>) are read as with <see cref="FromBytes"/>, a
    /// <see cref="string"/> (typecode <c>u</c> only) as with <see cref="FromUnicode"/>, an array of the
    /// same typecode is copied, and any other sequence (<see cref="List{T}"/>, <see cref="PyTuple"/>,
    /// any <see cref="IEnumerable"/>) gives the items.
    /// </summary>
    /// <param name="typecode">One of <see cref="Typecodes"/>.</param>
    /// <param name="initializer">The initial content.</param>
    /// <exception cref="PyValueException">A bad typecode, or bytes whose length is not a multiple of the item size.</exception>
    /// <exception cref="PyTypeException">A str for a typecode other than <c>u</c>, a value of the wrong type, or an initializer that is not iterable.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public PyArray(char typecode, object? initializer)
        : this(typecode)
    {
        Initialize(initializer);
    }

    /// <summary>Creates an array from an initializer, as <c>array('i', initializer)</c>; see <see cref="PyArray(char, object?)"/>.</summary>
    /// <param name="typecode">One of <see cref="Typecodes"/>, as a string of length 1.</param>
    /// <param name="initializer">The initial content.</param>
    /// <exception cref="PyValueException">A bad typecode, or bytes whose length is not a multiple of the item size.</exception>
    /// <exception cref="PyTypeException">A typecode string that is not one character, or a bad initializer.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public PyArray(string typecode, object? initializer)
        : this(SingleChar(typecode), initializer)
    {
    }

    private PyArray(ArrayDescriptor descr, int capacityItems)
    {
        _descr = descr;
        _buffer = capacityItems == 0 ? [] : new byte[checked(capacityItems * descr.ItemSize)];
    }

    /// <summary>Creates an array holding a copy of <paramref name="items"/>, whose type must match the typecode.</summary>
    /// <typeparam name="T">The item type of the typecode (see the table on <see cref="PyArray"/>).</typeparam>
    /// <param name="typecode">One of <see cref="Typecodes"/>.</param>
    /// <param name="items">The items, copied as they are (no range checks are needed: every value of <typeparamref name="T"/> fits).</param>
    /// <returns>The new array.</returns>
    /// <exception cref="PyValueException">A bad typecode.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the typecode's item type.</exception>
    public static PyArray Create<T>(char typecode, ReadOnlySpan<T> items)
        where T : unmanaged
    {
        var array = new PyArray(typecode);
        array.CheckItemType(typeof(T));
        array.AppendRaw(MemoryMarshal.AsBytes(items));
        return array;
    }

    /// <summary>The typecode, as Python's <c>a.typecode</c>.</summary>
    public char Typecode => _descr.Typecode;

    /// <summary>The size in bytes of one item, as Python's <c>a.itemsize</c> (CPython's sizes on linux-x64).</summary>
    public int Itemsize => _descr.ItemSize;

    /// <summary>The number of items, as Python's <c>len(a)</c>.</summary>
    public int Count => _count;

    private int ByteCount => _count * _descr.ItemSize;

    /// <summary>
    /// A zero-copy, writable view of the items as <typeparamref name="T"/>, valid until the array
    /// changes size. Writing through it changes the array (a <c>u</c> item may so receive any 32-bit
    /// value, as through a Python buffer).
    /// </summary>
    /// <typeparam name="T">The typecode's item type: <see cref="sbyte"/> for <c>b</c>, <see cref="int"/> for <c>i</c> … (for <c>u</c>, <see cref="int"/> or <see cref="uint"/> code points).</typeparam>
    /// <returns>The span, <see cref="Count"/> items long.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the typecode's item type.</exception>
    public Span<T> AsSpan<T>()
        where T : unmanaged
    {
        CheckItemType(typeof(T));
        return MemoryMarshal.Cast<byte, T>(_buffer.AsSpan(0, ByteCount));
    }

    /// <summary>A zero-copy view of the items' bytes (native order, what <see cref="ToBytes"/> copies), valid until the array changes size.</summary>
    /// <returns>The bytes, <see cref="Count"/> × <see cref="Itemsize"/> long.</returns>
    public ReadOnlySpan<byte> AsBytes() => _buffer.AsSpan(0, ByteCount);

    /// <summary>
    /// Python's <c>a.buffer_info()</c>: the address of the item storage and the number of items.
    /// The first call moves the storage to the pinned object heap and keeps it there (also after
    /// growth), so the address is real and stays valid until the array changes size — exactly the
    /// guarantee CPython gives. An array that never held an item reports address 0, as CPython's
    /// empty arrays do.
    /// </summary>
    /// <returns>The address and the item count.</returns>
    public (nint Address, int Length) BufferInfo()
    {
        if (!_pinned)
        {
            _pinned = true;
            if (_buffer.Length > 0)
            {
                byte[] pinned = GC.AllocateUninitializedArray<byte>(_buffer.Length, pinned: true);
                _buffer.AsSpan(0, ByteCount).CopyTo(pinned);
                _buffer = pinned;
            }
        }

        nint address = _buffer.Length == 0 ? 0 : System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, 0);
        return (address, _count);
    }

    /// <summary>Python's <c>copy.copy(a)</c>: a new array with the same typecode and items.</summary>
    /// <returns>The copy.</returns>
    public PyArray Copy()
    {
        var copy = new PyArray(_descr, _count);
        copy.AppendRaw(AsBytes());
        return copy;
    }

    /// <summary>Enumerates the items as Python values (see <see cref="this[int]"/>).</summary>
    /// <returns>The enumerator. Like Python's array iterator it tolerates changes, stopping at the current end.</returns>
    public IEnumerator<object?> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return GetItem(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static char SingleChar(string typecode)
    {
        ArgumentNullException.ThrowIfNull(typecode);
        if (typecode.Length == 2 && char.IsSurrogatePair(typecode[0], typecode[1]))
        {
            throw new PyValueException(BadTypecodeMessage); // one Python character, not a typecode
        }

        if (typecode.Length != 1)
        {
            throw new PyTypeException("array() argument 1 must be a unicode character, not str");
        }

        return typecode[0];
    }

    private void CheckItemType(Type type)
    {
        if (!_descr.Accepts(type))
        {
            throw new InvalidOperationException(
                $"array('{Typecode}') holds {_descr.ItemType.Name} items, not {type.Name}.");
        }
    }

    private void Initialize(object? initializer)
    {
        switch (initializer)
        {
            case string s:
                if (_descr.Kind != ItemKind.Unicode)
                {
                    throw new PyTypeException($"cannot use a str to initialize an array with typecode '{Typecode}'");
                }

                FromUnicode(s);
                return;
            case byte[] bytes:
                FromBytes(bytes);
                return;
            case PyByteArray byteArray:
                FromBytes(byteArray.AsSpan());
                return;
            case PyArray other:
                if (other._descr.Kind == ItemKind.Unicode && _descr.Kind != ItemKind.Unicode)
                {
                    throw new PyTypeException($"cannot use a unicode array to initialize an array with typecode '{Typecode}'");
                }

                if (other._descr == _descr)
                {
                    AppendRaw(other.AsBytes());
                }
                else
                {
                    AppendAll(other, atomic: true);
                }

                return;
            default:
                AppendAll(AsIterable(initializer), atomic: true);
                return;
        }
    }

    /// <summary>Makes room for <paramref name="items"/> items in total.</summary>
    private void EnsureCapacity(int items)
    {
        int needed = checked(items * _descr.ItemSize);
        if (needed <= _buffer.Length)
        {
            return;
        }

        Grow(needed);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        int capacity = (int)Math.Min(Math.Max((long)_buffer.Length * 2, needed), System.Array.MaxLength);
        capacity = Math.Max(capacity, Math.Max(needed, 16));
        byte[] grown = _pinned
            ? GC.AllocateUninitializedArray<byte>(capacity, pinned: true)
            : GC.AllocateUninitializedArray<byte>(capacity);
        _buffer.AsSpan(0, ByteCount).CopyTo(grown);
        _buffer = grown;
    }

    private void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        int items = bytes.Length / _descr.ItemSize;
        EnsureCapacity(checked(_count + items));
        bytes.CopyTo(_buffer.AsSpan(ByteCount));
        _count += items;
    }

    private Span<byte> ItemBytes(int index) => _buffer.AsSpan(index * _descr.ItemSize, _descr.ItemSize);
}
