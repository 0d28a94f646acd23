using System;
using System.Collections.Generic;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;

namespace InfraLint.Core.Scanning
{
    public sealed class ScanResult
    {
        public ScanResult(IReadOnlyList<Finding> findings, IReadOnlyList<string> files, TimeSpan elapsed, SecretMask? secrets = null)
        {
            Secrets = secrets ?? SecretMask.None;
            Findings = findings;
            Files = files;
            Elapsed = elapsed;
        }

        /// <summary>Every finding, suppressed ones included (outputs decide how to show them), in file, line, column, rule order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Display paths of the files read.</summary>
        public IReadOnlyList<string> Files { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>The secrets found in the scanned files: whatever shows file content (a diff, an excerpt) hides them with this.</summary>
        public SecretMask Secrets { get; }
    }
}
