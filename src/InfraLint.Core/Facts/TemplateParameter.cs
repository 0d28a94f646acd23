using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// A parameter a template declares (CloudFormation <c>Parameters</c>). Its <c>Default</c> is written in the template
    /// like any other value, whatever the console later hides: <c>NoEcho</c> masks what DescribeStacks shows, not the file.
    /// </summary>
    public sealed class TemplateParameter : InfraResource
    {
        public TemplateParameter(string format, string name, string @namespace, SourceSpan span)
            : base(format, "Parameter", name, @namespace, span)
        {
        }

        /// <summary>The template marks the parameter as sensitive (<c>NoEcho: true</c>).</summary>
        public bool NoEcho { get; init; }

        /// <summary>The <c>Default</c> value; missing when there is none, unknown when it is not a literal.</summary>
        public Located<string?> Default { get; init; } = null!;
    }
}
