namespace InfraLint.Cli;

/// <summary>The CLI's exit codes, as DESIGN.md fixes them.</summary>
internal static class ExitCodes
{
    /// <summary>No unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>At least one unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments, a missing path, an unwritable output file, an unknown rule id.</summary>
    public const int Usage = 2;

    /// <summary>A bug in InfraLint: anything not foreseen. Parse errors in scanned files are findings, never this.</summary>
    public const int InternalError = 3;
}

/// <summary>A problem with what the user asked for; <see cref="Program.Run"/> prints the message and exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
