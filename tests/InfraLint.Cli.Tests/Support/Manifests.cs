namespace InfraLint.Cli.Tests.Support;

/// <summary>
/// Manifests for end-to-end tests. Each breaks one rule on purpose and is otherwise hardened, and tests assert on
/// the lines of the rule they are about, so new rules do not break tests of the CLI.
/// </summary>
public static class Manifests
{
    /// <summary>A Pod with <c>hostNetwork: true</c> (IL2008, an error) on line 6, column 16; named by <c>{0}</c>.</summary>
    public const string HostNetworkPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {0}
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: busybox:1.36
              securityContext: {{runAsNonRoot: true, allowPrivilegeEscalation: false}}
              resources: {{limits: {{cpu: "1", memory: 128Mi}}}}

        """;

    /// <summary>The same Pod with the IL2008 line suppressed by a comment with a reason (hostPID on line 7, column 12).</summary>
    public const string SuppressedHostPidPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          # infralint-disable-next-line IL2008 -- node debugging pod
          hostPID: true
          containers:
            - name: debug
              image: busybox:1.36
              securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
              resources: {limits: {cpu: "1", memory: 128Mi}}

        """;

    public static string Pod(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, HostNetworkPod, name);

    /// <summary>Lines of console output about one rule.</summary>
    public static string[] LinesOf(string output, string ruleId) =>
        output.Split('\n').Where(l => l.Contains($" {ruleId}: ", StringComparison.Ordinal)).ToArray();
}
