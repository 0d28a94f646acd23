using System.Collections.Generic;

namespace InfraLint.Core.Fixes
{
    /// <summary>
    /// A place in a source file that the adapter which read it knows how to change. Rules ask for a
    /// value ("set allowPrivilegeEscalation to false") and never see text; the adapter renders the
    /// value in its own syntax and keeps comments and formatting around it.
    /// </summary>
    public abstract class EditTarget
    {
        /// <summary>Human-readable path of what is set, e.g. <c>securityContext.allowPrivilegeEscalation</c>.</summary>
        public abstract string Describe { get; }

        /// <summary>
        /// Edits that make this attribute hold <paramref name="value"/> (bool, number or string),
        /// creating the key and any missing parent mappings. Returns no edits when it cannot be done safely.
        /// </summary>
        public abstract IReadOnlyList<TextEdit> Set(object value);
    }
}
