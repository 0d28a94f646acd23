namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// Where a host follows a scan as it runs (a terminal's progress display). Called from the scan's worker threads, so
    /// an implementation must be thread-safe and cheap: it is told of each file and each rule session, never of a fact.
    /// </summary>
    public interface IScanProgress
    {
        /// <summary>Reading begins: this many files will be read.</summary>
        void Reading(int files);

        /// <summary>A file has been read and adapted (its display path).</summary>
        void FileRead(string path);

        /// <summary>Rule evaluation begins: this many scopes, run in this many sessions.</summary>
        void Evaluating(int scopes, int sessions);

        /// <summary>A session has finished evaluating this many scopes.</summary>
        void SessionDone(int scopes);
    }
}
