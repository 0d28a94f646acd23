using InfraLint.Core.Facts;

namespace InfraLint.Rules
{
    /// <summary>
    /// Where findings about what a workload leaves out (hardening it does not ask for, limits and health checks it
    /// does not set) are worth reading. On a developer's workstation the developer is the only user and the only
    /// neighbour, so they are not, unless the team says its stacks run elsewhere (judgeWorkstationStacks).
    /// Findings about what a workload explicitly asks for (privileged, root, host namespaces) hold everywhere.
    /// </summary>
    internal static class Workstations
    {
        public static bool OmissionsJudged(ComputeWorkload workload, LintSettings settings) =>
            workload.WorkstationStack is null || settings.JudgeWorkstationStacks;
    }
}
