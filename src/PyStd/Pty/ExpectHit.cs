using System.Text.RegularExpressions;

namespace PyStd.Pty;

/// <summary>A successful search: which pattern, where in the buffer, and the regex match if any.</summary>
/// <param name="Index">The pattern's index in the caller's list.</param>
/// <param name="Start">First character of the match in the buffer.</param>
/// <param name="End">First character after the match.</param>
/// <param name="Match">The regex match (relative to the searched window), or <see langword="null"/> for a literal.</param>
internal readonly record struct ExpectHit(int Index, int Start, int End, Match? Match);
