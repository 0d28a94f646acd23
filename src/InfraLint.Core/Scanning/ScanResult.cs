using System;
using System.Collections.Generic;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;

namespace InfraLint.Core.Scanning
{
    /// <summary>One phase of a scan and how long it took.</summary>
    public sealed class ScanPhase
    {
        public ScanPhase(string name, TimeSpan elapsed)
        {
            Name = name;
            Elapsed = elapsed;
        }

        public string Name { get; }

        public TimeSpan Elapsed { get; }
    }

    public sealed class ScanResult
    {
        public ScanResult(IReadOnlyList<Finding> findings, IReadOnlyList<string> files, TimeSpan elapsed, SecretMask? secrets = null, IReadOnlyList<Evaluated>? evaluations = null)
        {
            Secrets = secrets ?? SecretMask.None;
            Findings = findings;
            Evaluations = evaluations ?? Array.Empty<Evaluated>();
            Files = files;
            Elapsed = elapsed;
        }

        /// <summary>Every finding, suppressed ones included (outputs decide how to show them), in file, line, column, rule order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>
        /// What each enabled rule judged, whatever the verdict, in file, line, column, rule order: with <see cref="Findings"/>
        /// it tells a control that holds (evaluated, no finding) from one with nothing to look at (not evaluated).
        /// Suppressions do not touch it: a suppressed finding was still evaluated. Empty when the scan did not record them
        /// (<see cref="ScanOptions.RecordEvaluations"/>).
        /// </summary>
        public IReadOnlyList<Evaluated> Evaluations { get; }

        /// <summary>Display paths of the files read.</summary>
        public IReadOnlyList<string> Files { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>Where <see cref="Elapsed"/> went, phase by phase, for a host that reports timings.</summary>
        public IReadOnlyList<ScanPhase> Phases { get; init; } = Array.Empty<ScanPhase>();

        /// <summary>The secrets found in the scanned files: whatever shows file content (a diff, an excerpt) hides them with this.</summary>
        public SecretMask Secrets { get; }
    }
}
