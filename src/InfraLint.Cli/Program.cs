using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using InfraLint.Cli.Commands;
using InfraLint.Cli.Diagnostics;

namespace InfraLint.Cli;

/// <summary>The <c>infralint</c> dotnet tool: builds the command tree from <c>Commands/</c> and maps failures to exit codes.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // A scan's engine for the default settings is built on another thread while the console is set up and the command
        // line, the configuration and the files are read: a one-file scan waits for that engine more than for anything else.
        if (args.Length > 0 && args[0] == "scan") LintHost.StartPreparing();
        return Run(args, CliEnvironment.FromConsole());
    }

    /// <summary>Runs one command line against <paramref name="env"/>; tests call this in-process with captured writers.</summary>
    internal static int Run(string[] args, CliEnvironment env)
    {
        env = env.WithClosedPipesTolerated();
        try
        {
            return Execute(args, env);
        }
        finally
        {
            Timings.Report(env.Error);
        }
    }

    private static int Execute(string[] args, CliEnvironment env)
    {
        try
        {
            ParseResult parseResult;
            using (Timings.Measure("command line"))
                parseResult = BuildRoot(env).Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var error in parseResult.Errors) env.Error.WriteLine($"infralint: {error.Message}");
                env.Error.WriteLine("Run 'infralint --help' for usage.");
                return ExitCodes.Usage;
            }
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            env.Error.WriteLine($"infralint: {Output.TerminalText.Escape(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            env.Error.WriteLine($"infralint: internal error: {e.GetType().Name}: {e.Message}");
            env.Error.WriteLine(e.StackTrace);
            return ExitCodes.InternalError;
        }
    }

    internal static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand("InfraLint: policy linter for the infrastructure that runs AI workloads.");
        root.Subcommands.Add(ScanCommand.Create(env));
        root.Subcommands.Add(FixCommand.Create(env));
        root.Subcommands.Add(RulesCommand.Create(env));
        root.Subcommands.Add(ExplainCommand.Create(env));
        root.Subcommands.Add(MergeCommand.Create(env));
        root.Subcommands.Add(SizeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create(env));
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersion(env);
        root.Subcommands.Add(HistoryCommand.Create(env));
        root.Subcommands.Add(StoreCommand.Create(env));
        root.Subcommands.Add(ShardCommand.Create(env));
        return root;
    }

    /// <summary>VERSION+COMMIT (the SDK's SourceLink adds the commit to the informational version when it builds from git).</summary>
    internal static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// <c>--version</c> prints this assembly's version; System.CommandLine's own action prints the entry assembly's,
    /// which is a test host's when tests run the CLI in-process.
    /// </summary>
    private sealed class PrintVersion(CliEnvironment env) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            env.Out.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
