using System.Text;

namespace InfraLint.Fuzz;

/// <summary>A corpus file: its name relative to the corpus folder, and its bytes.</summary>
public sealed record CorpusFile(string Name, byte[] Bytes);

/// <summary>One fuzz input: the mutated file, how it was made, and an optional unmutated neighbour for cross-file rules.</summary>
public sealed record FuzzCase(int Index, string FileName, byte[] Bytes, string Description, CorpusFile? Neighbour);

/// <summary>
/// Makes damaged YAML from real files. Every case draws from its own <see cref="Random"/> seeded from (seed, index),
/// so any single case can be regenerated without replaying the ones before it.
/// Works on bytes, not text, so invalid UTF-8 (flipped bytes, truncation inside a character) reaches the reader.
/// </summary>
public sealed class Mutator
{
    /// <summary>Things YAML parsers and tree walkers historically choke on.</summary>
    private static readonly string[] HostileTokens =
    {
        "*alias", "*a", "&a ", "&a", "<<: *a", "<<: [*a, *b]", "<<: 1", "!!binary ", "!!binary |\n  ====", "!!int x", "!!map ",
        "!custom ", "? ", "? [a, b]\n: c", "- : :x", ": ", ":", "- ", "-", "{", "}", "[", "]", "{a: [}", "\"", "'", "\t",
        "|", ">-", "|+9", "#", "%YAML 1.1\n", "%TAG ! tag:x:\n", "--- ", "...\n", "key: key: key", "null", "~", "\u00a0",
        "\ufeff", "\u2028", "\0", "a: &x b\nc: *x\n", "<<: *undefined\n", "? - x\n", "- - - - x\n", "[a, [b, {c: ]]]",
    };

    /// <summary>Values rules parse (replicas, ports, quantities, GPU counts, instance types) at their edges.</summary>
    private static readonly string[] HostileValues =
    {
        "99999999999999999999", "-1", "0", "-0", "1e400", "-1e400", "NaN", ".nan", ".inf", "-.inf", "0x", "0x7fffffff", "2147483648",
        "-2147483649", "9223372036854775808", "1.5", "1/2", "''", "\"\"", "[]", "{}", "~", "null", "true", "1Gi", "99999999999Ei",
        "1e3m", "0.0000001m", "-5Gi", "Gi", "1.2.3", "p4d.", ".", "::", "*undefined", "!!str 3", "[1, [2]]", "{a: {b: c}}", "\"\\u0000\"",
    };

    private static readonly byte[] InterestingBytes =
        Encoding.ASCII.GetBytes(":-\n\t#&*!|>'\"{}[],%@` ?\r").Concat(new byte[] { 0x00, 0x7f, 0xc3, 0xe2, 0xef, 0xff }).ToArray();

    private readonly IReadOnlyList<CorpusFile> _corpus;

    public Mutator(IReadOnlyList<CorpusFile> corpus)
    {
        if (corpus.Count == 0) throw new ArgumentException("The corpus has no *.yaml, *.yml, *.json or *.template file.", nameof(corpus));
        _corpus = corpus;
    }

    public int CorpusSize => _corpus.Count;

    /// <summary>Every *.yaml, *.yml, *.json and *.template file under the folders that exist, in a fixed order (the file system's order is not).</summary>
    public static IReadOnlyList<CorpusFile> LoadCorpus(IEnumerable<string> directories) =>
        directories
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(IsYaml)
                .Select(path => new CorpusFile(Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/', '\\')) + "/" + Path.GetRelativePath(dir, path).Replace('\\', '/'), File.ReadAllBytes(path))))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".template", StringComparison.OrdinalIgnoreCase);

    public static int CaseSeed(int seed, int index) => unchecked(seed * 1_000_003 + index);

    public FuzzCase Create(int seed, int index)
    {
        var random = new Random(CaseSeed(seed, index));
        var source = Pick(random);
        var bytes = new List<byte>(source.Bytes);
        var steps = new List<string>();
        int mutations = random.Next(1, 4);
        for (int i = 0; i < mutations; i++) steps.Add(Mutate(random, bytes));

        // Dialects are recognised by content, but compose files are also known by name: keep the name, sometimes as .yml.
        var fileName = Path.GetFileName(source.Name);
        if (random.Next(10) == 0)
        {
            fileName = Path.ChangeExtension(fileName, ".yml");
            steps.Add("renamed .yml");
        }
        // A neighbour makes the cross-file rules (Service selectors, references between documents) see the damaged file.
        var neighbour = random.Next(5) == 0 ? Pick(random) : null;
        if (neighbour is not null && Path.GetFileName(neighbour.Name) == fileName) neighbour = null;

        var description = $"{source.Name}: {string.Join("; ", steps)}" + (neighbour is null ? "" : $" (beside {neighbour.Name})");
        return new FuzzCase(index, fileName, bytes.ToArray(), description, neighbour);
    }

    private CorpusFile Pick(Random random) => _corpus[random.Next(_corpus.Count)];

    private string Mutate(Random random, List<byte> bytes)
    {
        switch (random.Next(11))
        {
            case 10: return ReplaceValue(random, bytes);
            case 0: return FlipBytes(random, bytes);
            case 1: return InsertByte(random, bytes);
            case 2: return DeleteBytes(random, bytes);
            case 3: return Truncate(random, bytes);
            case 4: return DeleteLines(random, bytes);
            case 5: return DuplicateLines(random, bytes);
            case 6: case 7: return ShiftIndentation(random, bytes);
            case 8: return Splice(random, bytes);
            default: return InsertHostile(random, bytes);
        }
    }

    private static string FlipBytes(Random random, List<byte> bytes)
    {
        if (bytes.Count == 0) return "flip (empty)";
        int count = random.Next(1, 5);
        var offsets = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int at = random.Next(bytes.Count);
            bytes[at] ^= (byte)random.Next(1, 256);
            offsets.Add(at);
        }
        return $"flip bytes at {string.Join(",", offsets)}";
    }

    private static string InsertByte(Random random, List<byte> bytes)
    {
        int at = random.Next(bytes.Count + 1);
        byte value = random.Next(2) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);
        bytes.Insert(at, value);
        return $"insert 0x{value:x2} at {at}";
    }

    private static string DeleteBytes(Random random, List<byte> bytes)
    {
        if (bytes.Count == 0) return "delete bytes (empty)";
        int at = random.Next(bytes.Count);
        int count = Math.Min(random.Next(1, 17), bytes.Count - at);
        bytes.RemoveRange(at, count);
        return $"delete {count} bytes at {at}";
    }

    private static string Truncate(Random random, List<byte> bytes)
    {
        // Half the time cut inside a multi-byte character, if there is one: the reader must not trust the encoding.
        var continuations = Enumerable.Range(0, bytes.Count).Where(i => (bytes[i] & 0xC0) == 0x80).ToList();
        int at = continuations.Count > 0 && random.Next(2) == 0
            ? continuations[random.Next(continuations.Count)]
            : random.Next(bytes.Count + 1);
        bytes.RemoveRange(at, bytes.Count - at);
        return $"truncate at {at}";
    }

    private static string DeleteLines(Random random, List<byte> bytes)
    {
        var lines = LineStarts(bytes);
        int first = random.Next(lines.Count);
        int count = Math.Min(random.Next(1, 4), lines.Count - first);
        int start = lines[first], end = first + count < lines.Count ? lines[first + count] : bytes.Count;
        bytes.RemoveRange(start, end - start);
        return $"delete {count} lines at line {first + 1}";
    }

    private static string DuplicateLines(Random random, List<byte> bytes)
    {
        var lines = LineStarts(bytes);
        int first = random.Next(lines.Count);
        int count = Math.Min(random.Next(1, 4), lines.Count - first);
        int start = lines[first], end = first + count < lines.Count ? lines[first + count] : bytes.Count;
        var copy = bytes.GetRange(start, end - start);
        if (copy.Count > 0 && copy[^1] != (byte)'\n') copy.Insert(0, (byte)'\n'); // the last line has no break of its own
        bytes.InsertRange(end, copy);
        return $"duplicate {count} lines at line {first + 1}";
    }

    /// <summary>Indentation is YAML's structure: shifting it re-parents keys, which is where tree walkers go wrong.</summary>
    private static string ShiftIndentation(Random random, List<byte> bytes)
    {
        var lines = LineStarts(bytes);
        int first = random.Next(lines.Count);
        int count = Math.Min(random.Next(1, 6), lines.Count - first);
        int kind = random.Next(3), amount = random.Next(1, 5);
        // Walk backwards so earlier line starts stay valid while later lines change length.
        for (int line = first + count - 1; line >= first; line--)
        {
            int start = lines[line];
            if (kind == 0) bytes.InsertRange(start, Enumerable.Repeat((byte)' ', amount));
            else if (kind == 1) bytes.Insert(start, (byte)'\t');
            else
            {
                int removable = 0;
                while (removable < amount && start + removable < bytes.Count && bytes[start + removable] is (byte)' ' or (byte)'\t') removable++;
                bytes.RemoveRange(start, removable);
            }
        }
        string what = kind switch { 0 => $"indent +{amount}", 1 => "indent +tab", _ => $"indent -{amount}" };
        return $"{what} on {count} lines at line {first + 1}";
    }

    /// <summary>Pastes part of another file (a whole document or some lines) at a line boundary, as a new document or not.</summary>
    private string Splice(Random random, List<byte> bytes)
    {
        var other = Pick(random);
        var otherLines = LineStarts(other.Bytes);
        int first = random.Next(otherLines.Count);
        int count = Math.Min(random.Next(1, 40), otherLines.Count - first);
        int start = otherLines[first], end = first + count < otherLines.Count ? otherLines[first + count] : other.Bytes.Length;
        var chunk = new List<byte>(other.Bytes[start..end]);
        if (chunk.Count == 0 || chunk[^1] != (byte)'\n') chunk.Add((byte)'\n');
        bool separator = random.Next(2) == 0;
        if (separator) chunk.InsertRange(0, "---\n"u8.ToArray());

        var lines = LineStarts(bytes);
        int at = random.Next(lines.Count + 1);
        int offset = at < lines.Count ? lines[at] : bytes.Count;
        if (offset == bytes.Count && offset > 0 && bytes[^1] != (byte)'\n') chunk.Insert(0, (byte)'\n');
        bytes.InsertRange(offset, chunk);
        return $"splice {count} lines of {other.Name} from line {first + 1} at line {at + 1}{(separator ? " after ---" : "")}";
    }

    private static string InsertHostile(Random random, List<byte> bytes)
    {
        string token, name;
        switch (random.Next(8))
        {
            case 0:
                int length = random.Next(1_000, 200_000);
                token = "long: " + new string('x', length) + "\n";
                name = $"a {length}-character line";
                break;
            case 1:
                // Around and far beyond the loader's depth limit (128).
                int depth = random.Next(2) == 0 ? random.Next(100, 160) : random.Next(1_000, 20_000);
                bool closed = random.Next(2) == 0;
                char open = random.Next(2) == 0 ? '[' : '{';
                token = new string(open, depth) + (closed ? new string(open == '[' ? ']' : '}', depth) : "");
                name = $"nesting {open} x{depth}{(closed ? " closed" : "")}";
                break;
            case 2:
                int levels = random.Next(3, 12);
                var bomb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < levels; i++) bomb.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
                token = bomb.ToString();
                name = $"alias bomb of {levels} levels";
                break;
            default:
                token = HostileTokens[random.Next(HostileTokens.Length)];
                name = $"token {Quote(token)}";
                break;
        }
        var lines = LineStarts(bytes);
        bool atLineStart = random.Next(2) == 0;
        int offset = atLineStart ? lines[random.Next(lines.Count)] : random.Next(bytes.Count + 1);
        bytes.InsertRange(offset, Encoding.UTF8.GetBytes(token));
        return $"insert {name} at {offset}{(atLineStart ? " (line start)" : "")}";
    }

    /// <summary>Replaces the value after the first ": " of a random line, where the rules read numbers and names.</summary>
    private static string ReplaceValue(Random random, List<byte> bytes)
    {
        var lines = LineStarts(bytes);
        var colon = Encoding.ASCII.GetBytes(": ");
        // A few tries to land on a "key: value" line; most lines of a manifest are one.
        for (int attempt = 0; attempt < 10; attempt++)
        {
            int line = random.Next(lines.Count);
            int start = lines[line], end = line + 1 < lines.Count ? lines[line + 1] - 1 : bytes.Count;
            int at = bytes.GetRange(start, end - start).ToArray().AsSpan().IndexOf(colon);
            if (at < 0) continue;
            int valueStart = start + at + colon.Length;
            string value = HostileValues[random.Next(HostileValues.Length)];
            bytes.RemoveRange(valueStart, end - valueStart);
            bytes.InsertRange(valueStart, Encoding.UTF8.GetBytes(value));
            return $"value {Quote(value)} on line {line + 1}";
        }
        return "value (no key: value line)";
    }

    private static string Quote(string token)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in token)
            quoted.Append(c switch { '\n' => "\\n", '\t' => "\\t", '\0' => "\\0", '"' => "\\\"", < ' ' or > '~' => $"\\u{(int)c:x4}", _ => c.ToString() });
        return quoted.Append('"').ToString();
    }

    /// <summary>Offsets where each line begins; always at least one (an empty file has one empty line).</summary>
    private static List<int> LineStarts(IReadOnlyList<byte> bytes)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < bytes.Count - 1; i++)
            if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }
}
