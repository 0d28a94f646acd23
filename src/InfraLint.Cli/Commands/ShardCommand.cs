using System.CommandLine;
using InfraLint.Core.Scanning;

namespace InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint shard K/N [--by repository] &lt; LIST</c>: of the repository names, URLs or paths on standard input (one
/// a line; blank lines and <c>#</c> comments skipped), prints those shard K of <c>scan --shard K/N --shard-by repository</c>
/// would scan, in input order, so a Job's pod or a matrix job fetches only its share. The name hashed is
/// <see cref="RepositoryScan.NameOf"/>'s: the last segment without <c>.git</c>, the folder <c>git clone</c> makes.
/// </summary>
internal static class ShardCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shard = new Argument<string>("shard")
        {
            Description = "K/N: shard K of N, K from 0 to N-1 (JOB_COMPLETION_INDEX, a CI matrix index).",
        };
        var by = new Option<string>("--by")
        {
            Description = "What is split: repositories (the only kind a list names; scope sharding needs every file read).",
            DefaultValueFactory = _ => "repository",
        };
        by.AcceptOnlyFromAmong("repository");

        var command = new Command("shard", "Print the repositories of standard input that shard K of N scans with --shard-by repository.");
        command.Arguments.Add(shard);
        command.Options.Add(by);
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetValue(shard)!;
            var part = ScanShard.Parse(text, out var error) ?? throw new UsageException(error!.Replace("--shard", "shard", StringComparison.Ordinal));
            for (var line = env.In.ReadLine(); line is not null; line = env.In.ReadLine())
            {
                var entry = line.Trim();
                if (entry.Length == 0 || entry.StartsWith('#')) continue;
                if (part.Takes(RepositoryScan.NameOf(entry))) env.Out.WriteLine(entry);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
