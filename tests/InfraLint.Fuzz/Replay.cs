namespace InfraLint.Fuzz;

/// <summary>Reruns a saved failing input (a file, or a folder written by the fuzzer) with every scan format.</summary>
public static class Replay
{
    public static int Run(string path, TimeSpan timeout, TextWriter log)
    {
        var fuzzCase = Load(path);
        int failed = 0;
        foreach (var format in new[] { "console", "json", "sarif" })
        {
            var failures = Fuzzer.RunCase(fuzzCase, format, timeout);
            log.WriteLine($"scan --format {format} + fix --dry-run: {(failures.Count == 0 ? "ok" : $"{failures.Count} failure(s)")}");
            foreach (var failure in failures) log.WriteLine($"{failure}\n{failure.Detail}");
            failed += failures.Count;
        }
        return failed == 0 ? 0 : 1;
    }

    private static FuzzCase Load(string path)
    {
        if (File.Exists(path)) return new FuzzCase(0, Path.GetFileName(path), File.ReadAllBytes(path), $"replay of {path}", null);
        var main = Directory.EnumerateFiles(path).Where(Mutator.IsYaml).Single();
        var neighbourDir = Path.Combine(path, "neighbour");
        var neighbour = Directory.Exists(neighbourDir) ? Directory.EnumerateFiles(neighbourDir).Select(f => new CorpusFile(f, File.ReadAllBytes(f))).FirstOrDefault() : null;
        return new FuzzCase(0, Path.GetFileName(main), File.ReadAllBytes(main), $"replay of {main}", neighbour);
    }
}
