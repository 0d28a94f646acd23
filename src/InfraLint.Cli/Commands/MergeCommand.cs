using System.CommandLine;
using System.Text;
using InfraLint.Cli.Files;
using InfraLint.Cli.Inputs;
using InfraLint.Cli.Output;
using InfraLint.Core.Scanning;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace InfraLint.Cli.Commands;

/// <summary><c>infralint merge A.sarif B.sarif... [--output FILE]</c>: one SARIF upload from shards or categories (<see cref="SarifMerge"/>).</summary>
internal static class MergeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var inputs = new Argument<string[]>("logs")
        {
            Description = "SARIF 2.1.0 logs to merge (InfraLint's, or any tool's).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the merged log to this file (atomically) instead of standard output.",
        };
        var command = new Command("merge", "Merge SARIF logs into one upload: one run per tool and category, results found twice kept once.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var logs = parseResult.GetValue(inputs)!.Select(path => Read(env, path)).ToList();
            var merged = SarifMerge.Merge(logs);
            if (merged.Runs.Count > SarifLimits.MaxRunsPerFile)
                throw new UsageException($"the merged log would have {merged.Runs.Count} runs (one per tool and category); GitHub accepts at most {SarifLimits.MaxRunsPerFile} in one upload: merge fewer categories per file.");
            foreach (var note in SarifLimits.Apply(merged)) env.Error.WriteLine($"infralint: {TerminalText.Escape(note)}");

            var outputPath = parseResult.GetValue(output);
            if (string.IsNullOrEmpty(outputPath))
            {
                SarifOutput.Write(merged, env.Out);
            }
            else
            {
                AtomicFile.Write(env.FullPath(outputPath), w => SarifOutput.Write(merged, w), shownAs: outputPath);
                var results = merged.Runs.Sum(r => r.Results?.Count ?? 0);
                env.Out.WriteLine($"Merged {logs.Count} log(s) into {merged.Runs.Count} run(s), {results} result(s): {outputPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static SarifLog Read(CliEnvironment env, string path)
    {
        var full = env.FullPath(path);
        if (!File.Exists(full)) throw new UsageException($"SARIF log not found: {path}");
        SarifLog? log;
        try
        {
            var text = Encoding.UTF8.GetString(RegularFile.ReadBytes(full, BaselineFile.MaxBytes));
            log = JsonConvert.DeserializeObject<SarifLog>(text);
        }
        catch (Exception e) when (e is JsonException or SourceUnreadableException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"cannot read {path} as SARIF: {e.Message}");
        }
        if (log is null || log.Runs is null || log.Version != SarifVersion.Current)
            throw new UsageException($"{path} is not a SARIF 2.1.0 log (it needs \"version\": \"2.1.0\" and a \"runs\" array).");
        return log;
    }
}
