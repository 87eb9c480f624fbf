namespace PyStd.Tests.Python;

public class PythonRunnerTests
{
    [Fact]
    public void Python3_is_present_and_is_version_3()
    {
        string version = PythonRunner.RunSource("import sys; print(sys.version_info[0])").Trim();
        Assert.Equal("3", version);
    }

    [Fact]
    public void Failing_script_raises_with_its_stderr()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PythonRunner.RunSource("raise SystemExit('boom')"));
        Assert.Contains("boom", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_and_stdin_round_trip()
    {
        Assert.Equal("é€😀\n", PythonRunner.RunSource("import sys; print(sys.stdin.read())", "é€😀"));
    }
}
