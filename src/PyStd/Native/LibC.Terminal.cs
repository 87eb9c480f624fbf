namespace PyStd.Native;

/// <summary>
/// The termios flags the keyboard reader needs. <c>struct termios</c>, <c>tcgetattr</c> and
/// <c>tcsetattr</c> are declared once in <c>LibC.Pty.cs</c> and shared.
/// </summary>
internal static partial class LibC
{
    /// <summary><c>ENOTTY</c>: the descriptor is not a terminal.</summary>
    public const int ENOTTY = 25;

    /// <summary><c>ISIG</c> in <c>c_lflag</c>: Ctrl-C, Ctrl-\ and Ctrl-Z send signals.</summary>
    public const uint ISIG = 0x1;

    /// <summary><c>ICANON</c> in <c>c_lflag</c>: line-by-line input.</summary>
    public const uint ICANON = 0x2;

    /// <summary>Index of <c>VTIME</c> in <see cref="Termios"/>'s control characters.</summary>
    public const int VTIME = 5;

    /// <summary>Index of <c>VMIN</c> in <see cref="Termios"/>'s control characters.</summary>
    public const int VMIN = 6;
}
