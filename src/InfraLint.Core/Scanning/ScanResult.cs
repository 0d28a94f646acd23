using System;
using System.Collections.Generic;
using InfraLint.Core.Findings;

namespace InfraLint.Core.Scanning
{
    public sealed class ScanResult
    {
        public ScanResult(IReadOnlyList<Finding> findings, IReadOnlyList<string> files, TimeSpan elapsed)
        {
            Findings = findings;
            Files = files;
            Elapsed = elapsed;
        }

        /// <summary>Every finding, suppressed ones included (outputs decide how to show them), in file, line, column, rule order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Display paths of the files read.</summary>
        public IReadOnlyList<string> Files { get; }

        public TimeSpan Elapsed { get; }
    }
}
