using System;

namespace InfraLint.Core.Tree
{
    /// <summary>
    /// One instance of each text that facts keep in many copies: logical paths (<c>spec.template.spec.containers[0].name</c>
    /// in every file), what an edit target is called, a kind, an indentation. A 10,000-file scan kept some 200,000 such
    /// strings of 10,000 distinct texts until its end, and every one of them was copied by each collection it lived through.
    /// The pool is the process's and capped (<see cref="SharedValues{TKey, TValue}"/>): texts past the cap are kept as given.
    /// </summary>
    public static class SharedStrings
    {
        // Longer texts are rarely repeated (messages, values), and hashing them costs more than a copy saves.
        private const int MaxLength = 256;

        private static readonly SharedValues<string, string> Pool = new SharedValues<string, string>(32_768, StringComparer.Ordinal);

        /// <summary>The pool's instance of <paramref name="text"/>, or <paramref name="text"/> itself.</summary>
        public static string Of(string text) => text.Length > MaxLength ? text : Pool.For(text, t => t);
    }
}
