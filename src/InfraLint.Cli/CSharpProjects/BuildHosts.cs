using System.Diagnostics;

namespace InfraLint.Cli.CSharpProjects;

/// <summary>
/// The out-of-process build hosts <c>MSBuildWorkspace</c> starts for design-time builds. One that is stuck (an import
/// that never ends, a FIFO among a project's imports) outlives the load that gave up on it: it is ended here, so a
/// deadline leaves no process behind.
/// </summary>
internal static class BuildHosts
{
    /// <summary>Ends every build host this process started (Linux: children found through /proc; elsewhere nothing is known to end).</summary>
    public static void EndOurs()
    {
        if (!OperatingSystem.IsLinux()) return;
        int self = Environment.ProcessId;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out int pid) || pid == self) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                if (fields.Length < 2 || !int.TryParse(fields[1], out int parent) || parent != self) continue;
                var command = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (!command.Contains("BuildHost", StringComparison.Ordinal)) continue;
                using var host = Process.GetProcessById(pid);
                host.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to read: nothing to end.
            }
        }
    }
}
