using System.Text.Json;
using PyStd.Tests.Python;

namespace PyStd.Tests.Lifecycle;

/// <summary>python3's signal tables and error messages (Python/gen_signal_table.py), run once for all tests.</summary>
internal static class PythonSignalTable
{
    private static readonly Lazy<JsonElement> s_table = new(() =>
        JsonDocument.Parse(PythonRunner.RunScript("gen_signal_table.py")).RootElement);

    public static JsonElement Value => s_table.Value;

    public static string Error(string name) => Value.GetProperty("errors").GetProperty(name).GetString()!;
}
