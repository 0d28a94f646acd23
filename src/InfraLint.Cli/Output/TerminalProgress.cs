using System.Globalization;
using InfraLint.Core.Scanning;
using Spectre.Console;

namespace InfraLint.Cli.Output;

/// <summary>
/// A scan's progress on standard error, drawn by Spectre.Console: files read, then scopes evaluated. Shown only where
/// <see cref="CliEnvironment.ShowsProgress"/> says; with NO_COLOR it is plain lines without any escape sequence. File
/// names are text from the scan: they are escaped for the terminal and for Spectre's markup, where '[' starts a style.
/// </summary>
internal sealed class TerminalProgress : IScanProgress
{
    /// <summary>Longest file name shown; a longer one keeps its end, which names the file.</summary>
    private const int PathWidth = 48;

    private readonly ProgressContext _context;
    private readonly object _gate = new();
    private ProgressTask? _reading;
    private ProgressTask? _evaluating;
    private int _read;
    private int _scopes;
    private bool _drawnOnce;

    private TerminalProgress(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="work"/> with a progress sink when progress is to be shown, else with none.</summary>
    public static T Run<T>(CliEnvironment env, bool quiet, Func<IScanProgress?, T> work)
    {
        return env.ShowsProgress(quiet) ? Shown(env, work) : work(null);
    }

    // A method of its own: compiling Run loads no Spectre.Console assembly when no progress is shown.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static T Shown<T>(CliEnvironment env, Func<IScanProgress?, T> work)
    {
        var progress = new Progress(ErrorConsole(env))
        {
            AutoClear = true,
            HideCompleted = false,
        };
        progress.Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
        return progress.Start(context => work(new TerminalProgress(context)));
    }

    /// <summary>A console on standard error that decides nothing from the process's own environment: the CLI decided already.</summary>
    private static IAnsiConsole ErrorConsole(CliEnvironment env)
    {
        bool ansi = env.ErrorUsesAnsi;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(env.Error),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
    }

    public void Reading(int files)
    {
        lock (_gate) _reading = _context.AddTask(Describe("Reading", files, "file"), maxValue: Math.Max(1, files));
    }

    public void FileRead(string path)
    {
        bool first;
        lock (_gate)
        {
            if (_reading is null) return;
            _read++;
            _reading.Increment(1);
            // The last file read until evaluation begins, so the first one drawn is a name too.
            _reading.Description = $"Reading {Markup.Escape(TerminalText.Escape(Shorten(path)))}";
            first = !_drawnOnce;
            _drawnOnce = true;
        }
        // The display refreshes ten times a second; the first file is drawn at once, so even a short scan shows one.
        if (first) _context.Refresh();
    }

    public void Evaluating(int scopes, int sessions)
    {
        lock (_gate)
        {
            if (_reading is not null)
            {
                _reading.Value = _reading.MaxValue;
                _reading.Description = Describe("Read", _read, "file");
            }
            _evaluating = _context.AddTask(Describe("Evaluating", scopes, "scope"), maxValue: Math.Max(1, scopes));
        }
    }

    public void SessionDone(int scopes)
    {
        lock (_gate)
        {
            if (_evaluating is null) return;
            _scopes += scopes;
            _evaluating.Increment(scopes);
            if (_evaluating.IsFinished) _evaluating.Description = Describe("Evaluated", _scopes, "scope");
        }
    }

    private static string Describe(string verb, int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{verb} {count} {noun}{(count == 1 ? "" : "s")}");

    private static string Shorten(string path) => path.Length <= PathWidth ? path : "…" + path[^(PathWidth - 1)..];
}
