using System;
using System.Collections.Generic;

namespace InfraLint.Core.Fixes
{
    /// <summary>A mechanical remedy: text edits that together resolve one finding.</summary>
    public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits)
    {
        public static readonly IReadOnlyList<Fix> None = Array.Empty<Fix>();

        /// <summary>
        /// The usual fix: set one attribute to one value. Empty when the adapter cannot edit that place
        /// safely, so rules never have to special-case formats.
        /// </summary>
        public static IReadOnlyList<Fix> Set(EditTarget? target, object value, string description)
        {
            if (target is null) return None;
            var edits = target.Set(value);
            return edits.Count == 0 ? None : new[] { new Fix(description, edits) };
        }
    }
}
