namespace PyStd.Array;

/// <summary>What kind of value an array item is, which decides how items convert to and from Python values.</summary>
internal enum ItemKind
{
    Signed,
    Unsigned,
    Float,
    Unicode,
}

/// <summary>
/// One row of CPython's <c>descriptors</c> table (Modules/arraymodule.c) for linux-x64: typecode,
/// C item size, and the .NET type whose bits are the item's bits.
/// </summary>
internal sealed class ArrayDescriptor
{
    private static readonly ArrayDescriptor[] s_byCode = Build();

    private ArrayDescriptor(char typecode, int itemSize, ItemKind kind, Type itemType)
    {
        Typecode = typecode;
        ItemSize = itemSize;
        Kind = kind;
        ItemType = itemType;
    }

    public char Typecode { get; }

    public int ItemSize { get; }

    public ItemKind Kind { get; }

    /// <summary>The element type <see cref="PyArray.AsSpan{T}"/> expects ('u' also accepts <see cref="uint"/>).</summary>
    public Type ItemType { get; }

    public bool IsInteger => Kind is ItemKind.Signed or ItemKind.Unsigned;

    public static ArrayDescriptor? Find(char typecode) =>
        typecode < s_byCode.Length ? s_byCode[typecode] : null;

    public bool Accepts(Type type) =>
        type == ItemType || (Kind == ItemKind.Unicode && type == typeof(uint));

    private static ArrayDescriptor[] Build()
    {
        var table = new ArrayDescriptor[128];
        ArrayDescriptor[] rows =
        [
            new('b', 1, ItemKind.Signed, typeof(sbyte)),
            new('B', 1, ItemKind.Unsigned, typeof(byte)),
            new('u', 4, ItemKind.Unicode, typeof(int)), // wchar_t is a signed 32-bit int on Linux
            new('h', 2, ItemKind.Signed, typeof(short)),
            new('H', 2, ItemKind.Unsigned, typeof(ushort)),
            new('i', 4, ItemKind.Signed, typeof(int)),
            new('I', 4, ItemKind.Unsigned, typeof(uint)),
            new('l', 8, ItemKind.Signed, typeof(long)),
            new('L', 8, ItemKind.Unsigned, typeof(ulong)),
            new('q', 8, ItemKind.Signed, typeof(long)),
            new('Q', 8, ItemKind.Unsigned, typeof(ulong)),
            new('f', 4, ItemKind.Float, typeof(float)),
            new('d', 8, ItemKind.Float, typeof(double)),
        ];
        foreach (ArrayDescriptor row in rows)
        {
            table[row.Typecode] = row;
        }

        return table;
    }
}
