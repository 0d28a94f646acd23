using System.IO;
using System.Reflection;
using InfraLint.Core.Engine;

namespace InfraLint.Rules
{
    /// <summary>The built-in rules: their assembly (for the engine), their catalog, and their docs pages.</summary>
    public static class RuleSet
    {
        public static Assembly Assembly => typeof(RuleSet).Assembly;

        public static RuleCatalog Catalog { get; } = RuleCatalog.FromAssemblies(new[] { Assembly });

        /// <summary>The markdown of <c>rules/docs/{id}.md</c>, embedded at build time; null when the page is missing.</summary>
        public static string? Docs(string ruleId)
        {
            using var stream = Assembly.GetManifestResourceStream($"InfraLint.Rules.Docs.{ruleId.ToUpperInvariant()}.md");
            if (stream is null) return null;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
