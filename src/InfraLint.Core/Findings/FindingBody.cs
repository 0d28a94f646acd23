using System.Collections.Generic;
using InfraLint.Core.Fixes;

namespace InfraLint.Core.Findings
{
    /// <summary>
    /// What a finding says, as opposed to where it is and which rule made it: its message, logical path, related
    /// locations, fixes and properties. A report needs it; the scan that orders and suppresses findings does not. This is
    /// most of a finding's memory (about 1 KB of a 1.3 KB finding).
    /// </summary>
    public sealed record FindingBody(
        string Message,
        string LogicalPath,
        IReadOnlyList<RelatedLocation> Related,
        IReadOnlyList<Fix> Fixes,
        IReadOnlyDictionary<string, string> Properties);

    /// <summary>
    /// Where a streaming scan keeps its findings' bodies until the report is written, instead of memory: the host's
    /// storage (the CLI: a temporary file). A scan of 100,000 files makes some 160,000 findings.
    /// </summary>
    public interface IFindingBodies
    {
        /// <summary>Keeps <paramref name="body"/>; false when it cannot (the finding then keeps it in memory). Safe to call from several threads.</summary>
        bool TryKeep(FindingBody body, out long at);

        /// <summary>A body kept at <paramref name="at"/>, read back as it was kept. Safe to call from several threads.</summary>
        FindingBody Read(long at);
    }
}
