using System;
using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Json.Editing
{
    /// <summary>
    /// Replaces one existing scalar (an array item, say) in place with the new value's JSON literal: JSON has one way to
    /// write each type, so unlike YAML there is no quoting style to keep.
    /// </summary>
    public sealed class JsonScalarEditTarget : EditTarget
    {
        // The scalar's place, not the scalar: a fact keeps its targets to the end of the scan.
        private readonly SourceSpan _span;
        private readonly string _describe;

        internal JsonScalarEditTarget(TreeScalar scalar, string describe)
        {
            _span = scalar.Span;
            _describe = describe;
        }

        public override string Describe => _describe;

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            string? rendered = JsonText.Render(value);
            return rendered is null ? Array.Empty<TextEdit>() : new[] { new TextEdit(_span, rendered) };
        }
    }
}
