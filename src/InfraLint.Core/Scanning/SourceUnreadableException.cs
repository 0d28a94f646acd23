using System;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// A host could not hand over a source's text (not a regular file, too large, not UTF-8); the scan reports the
    /// message as that file's parse failure, at <see cref="Line"/> and <see cref="Column"/> when the problem has a place.
    /// </summary>
    /// <summary>Why a host would not hand over a source's text.</summary>
    public enum UnreadableReason
    {
        Unreadable,
        NotRegularFile,
        TooLarge,
        NotUtf8,
    }

    public sealed class SourceUnreadableException : Exception
    {
        public SourceUnreadableException(string message, int line = 1, int column = 1, UnreadableReason reason = UnreadableReason.Unreadable)
            : base(message)
        {
            Line = line;
            Column = column;
            Reason = reason;
        }

        public UnreadableReason Reason { get; }

        public int Line { get; }

        public int Column { get; }
    }
}
