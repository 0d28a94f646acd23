using System;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>A catalog file has bad data. The message starts with <c>file:line:</c> like a compiler error.</summary>
    public sealed class CatalogFormatException : Exception
    {
        public CatalogFormatException(string file, int line, string message, Exception? inner = null)
            : base($"{file}:{line}: {message}", inner)
        {
            File = file;
            Line = line;
        }

        public string File { get; }

        public int Line { get; }
    }
}
