using System.Text.Json;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

/// <summary>Tables python3 writes and <see cref="PyLiteral"/> must agree with, case for case.</summary>
public partial class PyLiteralTests
{
    private const int ShownFailures = 15;

    private static readonly Lazy<string[]> MalformedTexts = new(() =>
        PythonRunner.RunScriptLines("gen_malformed_literals.py", "malformed")
            .Select(line => JsonSerializer.Deserialize<string>(line)!)
            .ToArray());

    private static readonly Lazy<(string Text, string Value)[]> AcceptedTexts = new(() =>
        PythonRunner.RunScriptLines("gen_malformed_literals.py", "accepted")
            .Select(line => JsonSerializer.Deserialize<string[]>(line)!)
            .Select(pair => (pair[0], pair[1]))
            .ToArray());

    [Fact]
    public void Every_text_python_refuses_is_refused_with_LiteralSyntaxException()
    {
        string[] texts = MalformedTexts.Value;
        Assert.True(texts.Length >= 300, $"only {texts.Length} malformed texts");
        var failures = new List<string>();
        foreach (string text in texts)
        {
            try
            {
                object? value = PyLiteral.Parse(text);
                failures.Add($"{Show(text)} accepted as {Canonical(value)}");
            }
            catch (LiteralSyntaxException e) when (!string.IsNullOrWhiteSpace(e.Message) && e.Line >= 1 && e.Column >= 1)
            {
                // refused, as CPython refuses it, with a message and a position
            }
            catch (Exception e)
            {
                failures.Add($"{Show(text)} threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, Report(failures, texts.Length));
    }

    [Fact]
    public void Every_mutation_python_accepts_parses_to_the_same_value()
    {
        (string Text, string Value)[] cases = AcceptedTexts.Value;
        Assert.True(cases.Length >= 200, $"only {cases.Length} accepted texts");
        var failures = new List<string>();
        foreach ((string text, string expected) in cases)
        {
            try
            {
                string actual = Canonical(PyLiteral.Parse(text));
                if (expected == "ELLIPSIS" || actual != expected)
                {
                    failures.Add($"{Show(text)}\n  python {expected}\n  ours   {actual}");
                }
            }
            catch (LiteralSyntaxException e) when (expected == "ELLIPSIS" && e.Message.Contains("Ellipsis", StringComparison.Ordinal))
            {
                // the one deliberate difference: the value model has no Ellipsis
            }
            catch (Exception e)
            {
                failures.Add($"{Show(text)}\n  python {expected}\n  ours   threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, Report(failures, cases.Length));
    }

    [Fact]
    public void Every_unicode_name_resolves_as_in_python()
    {
        // Every named code point (CPython 3.11, Unicode 14.0), a third of them in lower case,
        // the aliases listed below, and samples of the algorithmic Hangul and CJK names.
        const string Script = """
            import ast, sys, unicodedata, warnings
            warnings.simplefilter("ignore")
            aliases = ["BEL", "LF", "NUL", "NBSP", "ZWSP", "BOM", "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA",
                       "CHARACTER TABULATION", "END OF LINE", "SHY", "VS16", "ZWJ", "KANNADA LETTER LLLA"]
            names = []
            for cp in range(0x110000):
                name = unicodedata.name(chr(cp), None)
                if name and not name.startswith(("HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-")):
                    names.append(name.lower() if cp % 3 == 0 else name)
            names += aliases
            names += [unicodedata.name(chr(cp)) for cp in range(0xAC00, 0xD7A4, 37)]
            names += ["CJK UNIFIED IDEOGRAPH-%X" % cp for cp in (0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x2B738, 0x3134A, 0x3134B, 0xA000)]
            names += ["HANGUL SYLLABLE GA", "hangul syllable GA", "HANGUL SYLLABLE ", "NOT A NAME", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"]
            for name in names:
                try:
                    value = "%X" % ord(ast.literal_eval("'\\N{%s}'" % name))
                except SyntaxError:
                    value = "ERR"
                print(name + "\t" + value)
            """;
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunSource(Script));
        Assert.True(lines.Length > 34_000, $"only {lines.Length} names");
        var failures = new List<string>();
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            string ours = PyLiteral.TryParse("'\\N{" + parts[0] + "}'", out object? value)
                ? char.ConvertToUtf32((string)value!, 0).ToString("X", System.Globalization.CultureInfo.InvariantCulture)
                : "ERR";
            if (ours != parts[1])
            {
                failures.Add($"\\N{{{parts[0]}}}: python {parts[1]}, ours {ours}");
            }
        }

        Assert.True(failures.Count == 0, Report(failures, lines.Length));
    }

    [Fact]
    public void Random_numbers_parse_to_the_values_python_gives()
    {
        const string Script = """
            import ast, json, random, struct, sys
            r = random.Random(1234)
            bits = lambda f: str(struct.unpack("<q", struct.pack("<d", f))[0])
            def digits(n): return "".join(r.choice("0123456789") for _ in range(n))
            texts = []
            for _ in range(3000):
                k = r.randrange(7)
                if k == 0: texts.append(str(r.randint(1, 9)) + digits(r.randint(0, 40)))
                elif k == 1: texts.append(str(r.randint(1, 9)) + digits(r.randint(0, 25)) + r.choice([".", "e" + str(r.randint(-350, 350)), ".5e-3"]))
                elif k == 2: texts.append("0." + digits(r.randint(1, 400)) + "e" + str(r.randint(-330, 310)))
                elif k == 3: texts.append("%.17g" % (r.random() * 10 ** r.randint(-320, 308)))
                elif k == 4: texts.append(r.choice(["", "-", "+"]) + str(r.getrandbits(r.randint(50, 1030))) + r.choice(["+1j", "-2.5j", "-0j", "+1e999j"]))
                elif k == 5: p = r.choice("xob"); texts.append("0" + p + format(r.getrandbits(r.randint(1, 300)), p))
                else: texts.append("-" + str(r.getrandbits(r.randint(60, 70))) + r.choice(["", "j", ".0"]))
            for t in texts:
                try:
                    v = ast.literal_eval(t)
                except (SyntaxError, ValueError, OverflowError):
                    print(json.dumps([t, "ERR"])); continue
                if isinstance(v, int): c = "I" + str(v)
                elif isinstance(v, float): c = "F" + bits(v)
                else: c = "C" + bits(v.real) + "," + bits(v.imag)
                print(json.dumps([t, c]))
            """;
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunSource(Script));
        Assert.Equal(3000, lines.Length);
        var failures = new List<string>();
        int refused = 0;
        foreach (string line in lines)
        {
            string[] pair = JsonSerializer.Deserialize<string[]>(line)!;
            string ours = PyLiteral.TryParse(pair[0], out object? value) ? Canonical(value) : "ERR";
            refused += ours == "ERR" ? 1 : 0;
            if (ours != pair[1])
            {
                failures.Add($"{pair[0]}: python {pair[1]}, ours {ours}");
            }
        }

        Assert.True(failures.Count == 0, Report(failures, lines.Length));
        Assert.InRange(refused, 1, 100); // ints of more than 1024 bits beside an imaginary number
    }

    [Fact]
    public void Literals_nested_near_cpythons_parser_stack_limit_are_accepted_or_refused_alike()
    {
        // Random chains of 194-200 brackets, biased towards the items that cost the parser most
        // (later items: 30-31 levels), so that CPython overflows (MemoryError) on a few percent of them.
        const string Script = """
            import ast, json, random
            r = random.Random(99)
            free = [("[", "]"), ("[1,", "]"), ("[1, 2,", "]"), ("(", ")"), ("(", ",)"), ("(1,", ")"), ("(1,2,", ")"),
                    ("(1,2,3,", ")"), ("{1:", "}"), ("{1:1,2:", "}"), ("[", ", 1]"), ("(", ", 1)"), ("[", ",]"),
                    ("{1: 1, 2: ", ",}"), ("{(", ",):1}"), ("{1:1, (", ",): 2}"), ("{(", ",)}"), ("{1, (", ",)}")]
            costly = [("[1,", "]"), ("(1,2,", ")"), ("{1:1,2:", "}"), ("(1,", ")"), ("(1,2,3,", ")"), ("{1: 1, 2: ", ",}")]
            tuples = [("(", ")"), ("(", ",)"), ("(1,", ")"), ("(1,2,", ")"), ("(1,2,3,", ")"), ("(", ", 1)")]
            keyed = {("{(", ",):1}"), ("{1:1, (", ",): 2}"), ("{(", ",)}"), ("{1, (", ",)}")}
            leaves = ["1", "-1", "'a'", "'a' 'b'", "set()", "(set)()", "()", "[]", "{}", "(1,)", "[1,]", "{1,}", "{1:1,}",
                      "(1,2,)", "None", "1+2j", "-1-2j", "(-1)+(2j)", "-(1)", "(-(1)+(2j))", "[1, 2, 3,]", "(1, 2, 3,)"]
            hashable = ["1", "-1", "'a'", "()", "(1,)", "(1,2,)", "None", "1+2j", "(-1)+(2j)", "-(1)", "(1, 2, 3,)"]
            for _ in range(1500):
                n, depth, chain, inkey, bias = r.randint(194, 200), 0, [], False, 0.6 + r.random() * 0.4
                while True:
                    f = r.choice(tuples) if inkey else r.choice(costly) if r.random() < bias else r.choice(free)
                    if depth + sum(f[0].count(c) for c in "([{") > n:
                        break
                    chain.append(f)
                    depth += sum(f[0].count(c) for c in "([{")
                    inkey = inkey or f in keyed
                s = "".join(f[0] for f in chain) + r.choice(hashable if inkey else leaves) + "".join(f[1] for f in reversed(chain))
                if r.random() < 0.3:
                    s = r.choice(["1, ", "(1,2), ", "[], "]) + s + r.choice(["", ",", ", 1"])
                try:
                    ast.literal_eval(s)
                    verdict = "ok"
                except MemoryError:
                    verdict = "MemoryError"
                except SyntaxError:
                    verdict = "SyntaxError"
                print(json.dumps([s, verdict]))
            """;
        string[][] cases = PythonRunner.SplitLines(PythonRunner.RunSource(Script))
            .Select(line => JsonSerializer.Deserialize<string[]>(line)!)
            .ToArray();
        Assert.Equal(1500, cases.Length);
        Assert.True(cases.Count(c => c[1] == "MemoryError") >= 50, "too few cases overflow CPython's parser");
        var failures = new List<string>();
        foreach (string[] c in cases)
        {
            bool ours = PyLiteral.TryParse(c[0], out _);
            if (ours != (c[1] == "ok"))
            {
                failures.Add($"{Show(c[0])}: python {c[1]}, ours {(ours ? "accepted" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, Report(failures, cases.Length));
    }

    private static string Report(List<string> failures, int total) =>
        $"{failures.Count} of {total} cases differ from CPython; first {Math.Min(ShownFailures, failures.Count)}:\n"
        + string.Join("\n", failures.Take(ShownFailures));
}
