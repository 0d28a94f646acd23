using System.Collections.Concurrent;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Tests;

/// <summary>What the scanner tells a progress sink: each file once, and sessions that add up to every scope.</summary>
public class ScanProgressTests
{
    private sealed class Recorder : IScanProgress
    {
        public int Files = -1;
        public int Scopes = -1;
        public int Sessions = -1;
        public int SessionsDone;
        public int ScopesDone;
        public readonly ConcurrentBag<string> Read = new();

        public void Reading(int files) => Files = files;

        public void FileRead(string path) => Read.Add(path);

        public void Evaluating(int scopes, int sessions) => (Scopes, Sessions) = (scopes, sessions);

        public void SessionDone(int scopes)
        {
            Interlocked.Increment(ref SessionsDone);
            Interlocked.Add(ref ScopesDone, scopes);
        }
    }

    [Fact]
    public void The_scanner_reports_every_file_read_and_every_scope_evaluated()
    {
        var texts = Enumerable.Range(0, 40).ToDictionary(
            i => $"ns{i % 7}/app{i}.yaml",
            i => $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: app{i}, namespace: ns{i % 7}}}\nspec:\n  template:\n    spec:\n      containers: [{{name: c, image: nginx:1.27}}]\n");
        var recorder = new Recorder();
        var scanner = LintHost.CreateScanner(progress: recorder);

        var result = scanner.Scan(texts.Keys.Select(p => new ScanInput(p, p)).ToArray(), input => new SourceText(input.DisplayPath, texts[input.DisplayPath]));

        Assert.NotEmpty(result.Findings);
        Assert.Equal(40, recorder.Files);
        Assert.Equal(texts.Keys.Order(StringComparer.Ordinal), recorder.Read.Order(StringComparer.Ordinal));
        // One namespace is one scope at least; the seven are evaluated whether they share sessions or not.
        Assert.True(recorder.Scopes >= 7, $"{recorder.Scopes} scopes");
        Assert.Equal(recorder.Scopes, recorder.ScopesDone);
        Assert.Equal(recorder.Sessions, recorder.SessionsDone);
    }
}
