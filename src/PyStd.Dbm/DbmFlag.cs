namespace PyStd.Dbm;

/// <summary>The parsed <c>flag</c> argument of <c>dbm.open</c>.</summary>
internal enum DbmOpenMode
{
    /// <summary><c>"r"</c>: existing database, read-only.</summary>
    Read,

    /// <summary><c>"w"</c>: existing database, read-write.</summary>
    Write,

    /// <summary><c>"c"</c>: read-write, created if missing.</summary>
    Create,

    /// <summary><c>"n"</c>: read-write, always a new empty database.</summary>
    New,
}

/// <summary>Parses CPython's flag strings.</summary>
internal static class DbmFlag
{
    /// <summary>
    /// Parses <c>"r"</c>, <c>"w"</c>, <c>"c"</c>, <c>"n"</c>, optionally followed by the GNU dbm
    /// modifiers <c>f</c>, <c>s</c>, <c>u</c>, which are accepted and ignored: every write here is
    /// already durable when acknowledged (<c>s</c>), never deferred (<c>f</c>), and the
    /// <c>dbm.dumb</c> writer lock is not optional (<c>u</c>).
    /// </summary>
    public static DbmOpenMode Parse(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (flag.Length >= 1)
        {
            bool modifiersOk = true;
            for (int i = 1; i < flag.Length; i++)
            {
                if (flag[i] is not ('f' or 's' or 'u'))
                {
                    modifiersOk = false;
                }
            }

            if (modifiersOk)
            {
                switch (flag[0])
                {
                    case 'r': return DbmOpenMode.Read;
                    case 'w': return DbmOpenMode.Write;
                    case 'c': return DbmOpenMode.Create;
                    case 'n': return DbmOpenMode.New;
                }
            }
        }

        throw new ArgumentException($"Flag must be one of 'r', 'w', 'c', or 'n', not {Objects.PyRepr.Repr(flag)}", nameof(flag));
    }
}
