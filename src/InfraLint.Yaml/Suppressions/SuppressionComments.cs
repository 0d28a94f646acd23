using System.Collections.Generic;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Yaml.Suppressions
{
    /// <summary>
    /// Reads <c># infralint-disable-next-line IL2001,IL2006 -- reason (until 2027-03-31)</c>, <c># infralint-disable-line …</c>
    /// (trailing, same line) and <c># infralint-disable-file …</c>. No ids means every rule.
    /// </summary>
    public static class SuppressionComments
    {
        public static IReadOnlyList<SuppressionDirective> Read(SourceText source) => CommentDirectives.Read(source, "#");
    }
}
