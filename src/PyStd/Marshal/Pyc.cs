using System.Buffers.Binary;

namespace PyStd.Marshal;

/// <summary>The 16-byte header of a <c>.pyc</c> file (PEP 552).</summary>
/// <param name="Magic">The magic number (the first two bytes, little-endian; followed by <c>\r\n</c>).</param>
/// <param name="PythonVersion">The Python version the magic number belongs to, e.g. <c>3.11</c>, or null if unknown.</param>
/// <param name="Flags">The flags word: bit 0 = hash-based, bit 1 = check_source.</param>
/// <param name="Timestamp">The source's modification time (seconds since the epoch), for timestamp-based files.</param>
/// <param name="SourceSize">The source's size in bytes (modulo 2**32), for timestamp-based files.</param>
/// <param name="SourceHash">The SipHash of the source, for hash-based files.</param>
public sealed record PycHeader(int Magic, string? PythonVersion, uint Flags, uint? Timestamp, uint? SourceSize, byte[]? SourceHash)
{
    /// <summary>Whether the file is hash-based (PEP 552) rather than timestamp-based.</summary>
    public bool IsHashBased => (Flags & 1) != 0;

    /// <summary>Whether a hash-based file asks the importer to check the source.</summary>
    public bool CheckSource => (Flags & 2) != 0;
}

/// <summary>A <c>.pyc</c> file: its header and its code object.</summary>
/// <param name="Header">The header.</param>
/// <param name="Code">The module's code object.</param>
public sealed record PycFile(PycHeader Header, PyCode Code);

/// <summary>
/// Reads compiled Python files of CPython 3.8 to 3.14: the magic number picks the Python version and
/// with it the code-object layout (<see cref="PyCodeLayout"/>) from one table. A file with an unknown
/// magic number has its header read by <see cref="ReadHeader(Stream)"/>, but <see cref="Read(Stream)"/>
/// raises <see cref="MarshalException"/>.
/// </summary>
public static class Pyc
{
    // CPython's magic numbers per version (Lib/importlib/_bootstrap_external.py, from 3.14
    // Include/internal/pycore_magic_number.h), alphas and betas included.
    private static readonly (int First, int Last, string Version, PyCodeLayout Layout)[] MagicTable =
    [
        (3400, 3413, "3.8", PyCodeLayout.Python38),
        (3420, 3425, "3.9", PyCodeLayout.Python38),
        (3430, 3439, "3.10", PyCodeLayout.Python310),
        (3450, 3495, "3.11", PyCodeLayout.Python311),
        (3500, 3531, "3.12", PyCodeLayout.Python311),
        (3550, 3571, "3.13", PyCodeLayout.Python311),
        (3600, 3649, "3.14", PyCodeLayout.Python311),
    ];

    /// <summary>The Python version (<c>3.8</c> … <c>3.14</c>) a magic number belongs to, or null.</summary>
    /// <param name="magic">The magic number, e.g. 3495.</param>
    /// <returns>The version, or null if unknown.</returns>
    public static string? VersionOf(int magic)
    {
        foreach ((int first, int last, string version, _) in MagicTable)
        {
            if (magic >= first && magic <= last)
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>The code-object layout of the Python version a magic number belongs to, or null.</summary>
    /// <param name="magic">The magic number, e.g. 3413 (3.8) gives <see cref="PyCodeLayout.Python38"/>.</param>
    /// <returns>The layout, or null if the magic number is unknown.</returns>
    public static PyCodeLayout? LayoutOf(int magic)
    {
        foreach ((int first, int last, _, PyCodeLayout layout) in MagicTable)
        {
            if (magic >= first && magic <= last)
            {
                return layout;
            }
        }

        return null;
    }

    /// <summary>Reads the 16-byte header.</summary>
    /// <param name="stream">The stream, positioned at the start of the file.</param>
    /// <returns>The header.</returns>
    /// <exception cref="MarshalException">The header is truncated or has no <c>\r\n</c> after the magic number.</exception>
    public static PycHeader ReadHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> h = stackalloc byte[16];
        int got = 0;
        while (got < 16)
        {
            int n = stream.Read(h[got..]);
            if (n == 0)
            {
                throw new MarshalException("EOF read where not expected", "EOFError");
            }

            got += n;
        }

        if (h[2] != '\r' || h[3] != '\n')
        {
            throw new MarshalException("bad magic number in .pyc file");
        }

        int magic = BinaryPrimitives.ReadUInt16LittleEndian(h);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
        return (flags & 1) != 0
            ? new PycHeader(magic, VersionOf(magic), flags, null, null, h[8..16].ToArray())
            : new PycHeader(magic, VersionOf(magic), flags, BinaryPrimitives.ReadUInt32LittleEndian(h[8..]), BinaryPrimitives.ReadUInt32LittleEndian(h[12..]), null);
    }

    /// <summary>Reads a <c>.pyc</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The header and code object.</returns>
    /// <exception cref="MarshalException">The file is not a valid <c>.pyc</c> of CPython 3.8–3.14.</exception>
    public static PycFile Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a <c>.pyc</c> file from a stream.</summary>
    /// <param name="stream">The stream, positioned at the start of the file.</param>
    /// <returns>The header and code object.</returns>
    /// <exception cref="MarshalException">The data is not a valid <c>.pyc</c> of CPython 3.8–3.14.</exception>
    public static PycFile Read(Stream stream)
    {
        PycHeader header = ReadHeader(stream);
        PyCodeLayout layout = LayoutOf(header.Magic)
            ?? throw new MarshalException($"unknown magic number {header.Magic} in .pyc file; CPython 3.8–3.14 are read");
        object? value = Marshal.Load(stream, layout);
        return value is PyCode code
            ? new PycFile(header, code)
            : throw new MarshalException("bad marshal data (not a code object)");
    }
}
