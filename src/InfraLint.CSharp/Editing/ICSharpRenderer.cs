namespace InfraLint.CSharp.Editing
{
    /// <summary>
    /// A family's side of a fix: how a schema key, a new object and a value are written in that library's C#. Paths are
    /// the tree's logical paths without list indexes (<c>spec.template.spec.containers[].securityContext</c>). Every
    /// method returns null for what the family cannot write; the fix is then not offered.
    /// </summary>
    public interface ICSharpRenderer
    {
        /// <summary>The C# member that holds <paramref name="key"/> of the object at <paramref name="objectPath"/> (<c>allowPrivilegeEscalation</c> → <c>AllowPrivilegeEscalation</c>).</summary>
        string? Member(string objectPath, string key);

        /// <summary>Whether the object at <paramref name="path"/> is a dictionary, whose entries are keyed by strings rather than members.</summary>
        bool IsMap(string path);

        /// <summary>The creation of a new, empty object at <paramref name="path"/> without its initializer (<c>new V1SecurityContext</c>).</summary>
        string? NewObject(string path);

        /// <summary>The C# expression for <paramref name="value"/> (bool, number or string) at <paramref name="path"/>.</summary>
        string? Value(string path, object value);
    }
}
