using System.Runtime.CompilerServices;
using InfraLint.Cli.Files;

namespace InfraLint.Cli.CSharpProjects;

/// <summary>
/// One C# project of a <c>.csproj</c>, <c>.sln</c> or <c>.slnx</c> on the command line: its C# documents and the
/// compilation that binds them, or why it has none (then its files are read syntactically).
/// </summary>
/// <param name="ProjectFile">Absolute path of the project (or of the solution, when the solution itself could not be read).</param>
/// <param name="Documents">Absolute paths of the project's C# documents as MSBuild lists them; empty when the project could not be evaluated.</param>
/// <param name="Compilation">A <c>Microsoft.CodeAnalysis.Compilation</c> whose syntax trees are named by display path; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the project is read syntactically: it did not load, or its packages are not restored.</param>
internal sealed record LoadedProject(string ProjectFile, IReadOnlyList<string> Documents, object? Compilation, string? Problem)
{
    public string Directory => Path.GetDirectoryName(ProjectFile)!;
}

/// <summary>
/// Opens projects and solutions with Roslyn's <c>MSBuildWorkspace</c>, on the MSBuild of the machine's .NET SDK (found by
/// <c>Microsoft.Build.Locator</c>; the tool ships no MSBuild). Nothing here loads Roslyn or MSBuild until
/// <see cref="Load"/> is called: no Roslyn type is in a signature or a field of this class, and the code that uses
/// them sits in methods that are compiled only when they first run.
/// </summary>
internal static class ProjectLoader
{
    private static readonly string[] Extensions = { ".csproj", ".sln", ".slnx" };

    private static readonly object RegisterLock = new();

    private static string? _registrationProblem;

    private static bool _registered;

    /// <summary>Whether a path on the command line names a project or solution (read semantically).</summary>
    public static bool IsProjectOrSolution(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The C# projects of one project or solution file. Never throws for a project that cannot be loaded: every
    /// problem is a <see cref="LoadedProject.Problem"/> (for the whole file, when it cannot be opened at all).
    /// </summary>
    /// <param name="displayPath">How findings name a file; the compilation's syntax trees are renamed to it, so the C# front end finds each file's tree by the path it reads the file under.</param>
    public static IReadOnlyList<LoadedProject> Load(string fullPath, Func<string, string> displayPath)
    {
        // MSBuild would block on a FIFO and read a file of any size: only a regular file of bounded size is handed to it.
        if (Unreadable(fullPath) is { } unreadable)
            return new[] { new LoadedProject(fullPath, Array.Empty<string>(), null, unreadable) };
        if (RegisterMSBuild() is { } problem)
            return new[] { new LoadedProject(fullPath, Array.Empty<string>(), null, problem) };
        var deadline = new CancellationTokenSource();
        var timedOut = new[] { new LoadedProject(fullPath, Array.Empty<string>(), null, $"loading it took longer than {LoadTimeout.TotalSeconds:0} s (an import that never ends, a build that waits for input)") };
        try
        {
            // MSBuild does not always honour cancellation (a build host blocked opening a FIFO never looks): the load
            // runs apart, and past the deadline it is abandoned and its build hosts are ended.
            var load = Task.Run(() => WorkspaceLoader.Open(fullPath, displayPath, deadline.Token));
            if (!load.Wait(LoadTimeout))
            {
                deadline.Cancel();
                BuildHosts.EndOurs();
                return timedOut;
            }
            deadline.Dispose();
            return load.Result;
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or AggregateException { InnerException: OperationCanceledException })
        {
            return timedOut;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new[] { new LoadedProject(fullPath, Array.Empty<string>(), null, Describe(e)) };
        }
    }

    /// <summary>
    /// How long loading one project or solution (MSBuild's design-time build, then the compilation) may take before it
    /// is read syntactically instead: far more than any real project needs, finite so that nothing hangs a scan.
    /// </summary>
    internal static TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Why a file cannot be given to MSBuild or Roslyn (not a regular file, or over the size limit); null when it can.</summary>
    internal static string? Unreadable(string fullPath)
    {
        try
        {
            var kind = RegularFile.KindOf(fullPath, followLinks: true);
            if (kind != FileKind.Regular) return $"it is {RegularFile.Describe(kind)}, not a regular file";
            long length = new FileInfo(fullPath).Length;
            return length > RegularFile.MaxBytes ? $"it is {length:N0} bytes; InfraLint reads files up to {RegularFile.MaxBytes:N0} bytes" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>The message of an exception and of its inner ones (MSBuild's say which file and line is wrong).</summary>
    internal static string Describe(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } single) e = single.InnerExceptions[0];
        var message = e.Message.Trim();
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (!message.Contains(inner.Message.Trim(), StringComparison.Ordinal)) message += " " + inner.Message.Trim();
        return message;
    }

    /// <summary>
    /// Points the process at the .NET SDK's MSBuild, once, before any MSBuild type loads; null when that worked, else
    /// why not (no SDK on this machine: projects are then read syntactically).
    /// </summary>
    private static string? RegisterMSBuild()
    {
        lock (RegisterLock)
        {
            if (!_registered)
            {
                _registered = true;
                _registrationProblem = Register();
            }
            return _registrationProblem;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? Register()
    {
        try
        {
            if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered) Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"no .NET SDK was found to load projects with ({Describe(e)})";
        }
    }
}
