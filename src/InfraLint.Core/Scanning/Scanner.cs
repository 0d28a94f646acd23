using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Scanning
{
    /// <summary>A file to scan: where the host reads it and how findings should name it.</summary>
    /// <remarks>
    /// A scan keeps every input to its end, and the full path nearly always ends with the display path (a path below the
    /// working directory): the input then keeps the display path and the part before it, shared by all inputs under the same
    /// folder, and makes the full path when asked. At 100,000 files the full paths alone were some 14 MB.
    /// </remarks>
    public sealed record ScanInput
    {
        // A tree given as thousands of separate folders keeps a prefix for each input past the cap.
        private static readonly SharedValues<string, string> Prefixes = new SharedValues<string, string>(1024, StringComparer.Ordinal);

        private readonly string? _fullPath;
        private readonly string? _prefix;

        public ScanInput(string fullPath, string displayPath)
        {
            if (fullPath is null) throw new ArgumentNullException(nameof(fullPath));
            DisplayPath = displayPath ?? throw new ArgumentNullException(nameof(displayPath));
            if (displayPath.Length > 0 && fullPath.Length > displayPath.Length && fullPath.EndsWith(displayPath, StringComparison.Ordinal))
                _prefix = Prefixes.For(fullPath.Substring(0, fullPath.Length - displayPath.Length), p => p);
            else
                _fullPath = fullPath;
        }

        /// <summary>Where the host reads the file.</summary>
        public string FullPath => _fullPath ?? _prefix + DisplayPath;

        /// <summary>How findings name the file.</summary>
        public string DisplayPath { get; }

        public void Deconstruct(out string fullPath, out string displayPath)
        {
            fullPath = FullPath;
            displayPath = DisplayPath;
        }

        public bool Equals(ScanInput? other) =>
            other is not null && string.Equals(DisplayPath, other.DisplayPath, StringComparison.Ordinal) && string.Equals(FullPath, other.FullPath, StringComparison.Ordinal);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(DisplayPath);
    }

    /// <summary>
    /// The pipeline: sources read by the host, in parallel → adapters → facts → one engine session → suppressions →
    /// sorted findings, and what each enabled rule evaluated. Whatever goes wrong with one source (it cannot be read, an adapter throws) becomes a parse
    /// failure of that source, so one hostile file never costs the others their results.
    /// </summary>
    public sealed class Scanner
    {
        private readonly Lazy<RuleEngine> _engine;
        private readonly IReadOnlyList<IAdapter> _adapters;
        private readonly LintSettings _settings;
        private readonly IReadOnlyList<object> _configurationFacts;

        /// <param name="configurationFacts">Facts about the configuration itself (its ConfigProblems), evaluated with every scan.</param>
        public Scanner(RuleEngine engine, IReadOnlyList<IAdapter> adapters, LintSettings? settings = null, IReadOnlyList<object>? configurationFacts = null, ScanOptions? options = null)
            : this(new Lazy<RuleEngine>(() => engine), adapters, settings, configurationFacts, options)
        {
        }

        /// <param name="engine">
        /// The engine, asked for only once the sources are read: a host may build it meanwhile (the CLI compiles the rules on
        /// another thread while the files are read, which is most of a one-file scan).
        /// </param>
        public Scanner(Lazy<RuleEngine> engine, IReadOnlyList<IAdapter> adapters, LintSettings? settings = null, IReadOnlyList<object>? configurationFacts = null, ScanOptions? options = null)
        {
            Options = options ?? ScanOptions.Default;
            _engine = engine;
            _adapters = adapters;
            _settings = settings ?? LintSettings.Default;
            _configurationFacts = configurationFacts ?? Array.Empty<object>();
        }

        public ScanOptions Options { get; }

        public bool Accepts(string path) => _adapters.Any(a => a.Accepts(path));

        /// <param name="read">The host's way to get a source's text; it throws <see cref="SourceUnreadableException"/> for a source it will not read.</param>
        /// <exception cref="OperationCanceledException">The token was cancelled before the scan finished.</exception>
        public ScanResult Scan(IReadOnlyList<ScanInput> inputs, Func<ScanInput, SourceText> read, CancellationToken cancellationToken = default)
        {
            if (Options.Partitioned && Options.StreamAbove is int above && inputs.Count > above) return ScanStreaming(inputs, read, cancellationToken);
            var clock = Stopwatch.StartNew();
            // In input order, whichever thread read them: the facts reach the sessions in the same order on every run.
            var results = new AdapterResult[inputs.Count];
            // Each file's secrets and adoption signal are taken as it is read, on every core, as a streaming scan does.
            var masks = new SecretMask[inputs.Count];
            var adoptions = new Adoption?[inputs.Count];
            var progress = Options.Progress;
            progress?.Reading(inputs.Count);
            ForEachInput(inputs.Count, cancellationToken, i =>
            {
                var result = results[i] = Read(inputs[i].DisplayPath, () => read(inputs[i]));
                masks[i] = SecretMask.FromFacts(result.Facts);
                adoptions[i] = Adoption.Detect(result.Facts, _settings);
                progress?.FileRead(inputs[i].DisplayPath);
            });
            var phases = new List<ScanPhase> { new ScanPhase("read and adapt", clock.Elapsed) };
            return Evaluate(results, inputs.Select(i => i.DisplayPath).ToArray(), clock, cancellationToken, phases, (masks, adoptions));
        }

        /// <summary>
        /// <see cref="Scan"/> with memory bounded by the sessions running at once rather than by the tree: every file is read
        /// and adapted once for what the partition needs (its namespaces and resources, its secrets, the adoption signal),
        /// and only the facts that decide the partition stay in memory (<see cref="EvaluationScopes.StaysResident"/>, and the
        /// files with suppression directives). Every other file is read again for the sessions of its scopes, and its
        /// facts are let go with the session. The same findings as <see cref="Scan"/>; twice the reading.
        /// </summary>
        private ScanResult ScanStreaming(IReadOnlyList<ScanInput> inputs, Func<ScanInput, SourceText> read, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var phases = new List<ScanPhase>();
            // What the partition needed of each file ends with this call: it is not held while the findings are ordered.
            var (run, directives, secrets) = StreamedRun(inputs, read, clock, phases, cancellationToken);
            return Finish(run, directives, secrets, inputs.Select(i => i.DisplayPath).ToArray(), clock, phases);
        }

        private (RuleRun Run, SuppressionDirective[] Directives, SecretMask Secrets) StreamedRun(IReadOnlyList<ScanInput> inputs, Func<ScanInput, SourceText> read, Stopwatch clock, List<ScanPhase> phases, CancellationToken cancellationToken)
        {
            var progress = Options.Progress;
            progress?.Reading(inputs.Count);
            var kept = new AdapterResult?[inputs.Count];
            var pending = new PendingFile?[inputs.Count];
            var masks = new SecretMask[inputs.Count];
            var adoptions = new Adoption?[inputs.Count];
            var strings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            Func<string, string> shared = s => strings.GetOrAdd(s, s);
            ForEachInput(inputs.Count, cancellationToken, i =>
            {
                var (result, version) = ReadVersioned(inputs[i], read);
                masks[i] = SecretMask.FromFacts(result.Facts);
                adoptions[i] = Adoption.Detect(result.Facts, _settings);
                if (PendingFile.Of(i, result, version, shared) is { } later) pending[i] = later;
                else kept[i] = result;
                progress?.FileRead(inputs[i].DisplayPath);
            });
            phases.Add(new ScanPhase($"read and adapt ({pending.Count(p => p is not null)} files to read again)", clock.Elapsed));

            var started = clock.Elapsed;
            var today = (Options.Today ?? DateTime.UtcNow).Date;
            var resident = kept.Where(r => r is not null).Select(r => r!).ToArray();
            var directives = resident.SelectMany(r => r.Suppressions).Select(d => d.On(today)).ToArray();
            var facts = resident.SelectMany(r => r.Facts).ToArray();
            var secrets = SecretMask.Combine(masks);
            var adoption = FirstAdoption(adoptions);
            phases.Add(new ScanPhase("secrets and adoption", clock.Elapsed - started));
            var later = pending.Where(p => p is not null).Select(p => p!).ToArray();
            var scopes = Partition(facts, directives, adoption, later, clock, phases);
            foreach (var file in later) file.Partitioned();
            started = clock.Elapsed;
            var second = new SecondRead(inputs, read, later, this);
            var run = Run(scopes, cancellationToken, second, secrets);
            if (second.Changed.Count > 0) run = second.Judge(run, _engine.Value, _settings, cancellationToken, Options.RecordEvaluations);
            phases.Add(new ScanPhase("second read, adapt and rules", clock.Elapsed - started));
            return (run, directives, secrets);
        }

        /// <summary>
        /// Indexes 0 … <paramref name="count"/> − 1 for the cores to take a few at a time. PLINQ splits an indexable source
        /// (<see cref="Enumerable.Range"/> is one, and so is a list) into one fixed range per core, and a core whose range
        /// reads faster then waits for the other: a tree is rarely laid out evenly.
        /// </summary>
        private static ParallelQuery<int> InputOrder(int count) =>
            Partitioner.Create(Enumerable.Range(0, count).ToArray(), loadBalance: true).AsParallel();

        /// <summary>
        /// <paramref name="body"/> for every input, on every core (<see cref="InputOrder"/>); one input is read on the
        /// calling thread, where setting up PLINQ would cost a one-file scan more than the file.
        /// </summary>
        private static void ForEachInput(int count, CancellationToken cancellationToken, Action<int> body)
        {
            if (count == 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(0);
            }
            else InputOrder(count).WithCancellation(cancellationToken).ForAll(body);
        }

        /// <summary>The first file in input order that speaks InfraLint's vocabulary: what <see cref="Adoption.Detect"/> says of all their facts in that order.</summary>
        private Adoption? FirstAdoption(IEnumerable<Adoption?> perFile) =>
            perFile.FirstOrDefault(a => a?.Reason is not null) ?? Adoption.Detect(Array.Empty<object>(), _settings);

        /// <summary>A source read and adapted, and which text it was (its length and hash; 0 when it could not be read).</summary>
        private (AdapterResult Result, long Version) ReadVersioned(ScanInput input, Func<ScanInput, SourceText> read)
        {
            long version = 0;
            var result = Read(input.DisplayPath, () =>
            {
                var source = read(input);
                version = ((long)source.Text.Length << 32) | (uint)source.Text.GetHashCode();
                return source;
            });
            return (result, version);
        }

        /// <summary>
        /// The files a streaming scan reads again, by session: a session gets the facts its scopes own from each file
        /// that brings facts to them. A file that reads differently the second time (it changed during the scan, or cannot
        /// be read any more) is not judged: its findings are dropped and it is reported as unreadable.
        /// </summary>
        private sealed class SecondRead
        {
            private readonly IReadOnlyList<ScanInput> _inputs;
            private readonly Func<ScanInput, SourceText> _read;
            private readonly IReadOnlyList<PendingFile> _files;
            private readonly Scanner _scanner;

            public SecondRead(IReadOnlyList<ScanInput> inputs, Func<ScanInput, SourceText> read, IReadOnlyList<PendingFile> files, Scanner scanner)
            {
                _inputs = inputs;
                _read = read;
                _files = files;
                _scanner = scanner;
            }

            public ConcurrentDictionary<int, string> Changed { get; } = new ConcurrentDictionary<int, string>();

            /// <summary>The files each session reads: those with facts in one of its scopes.</summary>
            public List<PendingFile>[] BySession(EvaluationScopes scopes, int[] sessionOf, int sessions)
            {
                var files = new List<PendingFile>[sessions];
                for (int i = 0; i < sessions; i++) files[i] = new List<PendingFile>();
                foreach (var file in _files)
                    foreach (var session in file.Namespaces.Select(n => sessionOf[scopes.ScopeOfNamespace(n)]).Where(s => s >= 0).Distinct())
                        files[session].Add(file);
                return files;
            }

            /// <summary>The facts these files bring to the session's scopes, and the resources they belong to.</summary>
            /// <param name="parallelism">How many files to read at once; they are taken in order whatever the number.</param>
            public (List<object> Facts, HashSet<object> Owners) Read(List<PendingFile> files, EvaluationScopes scopes, int[] sessionOf, int session, int parallelism, CancellationToken cancellationToken)
            {
                var facts = new List<object>();
                var owners = new HashSet<object>(Identity.Instance);
                var results = Partitioner.Create(files, loadBalance: true).AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, parallelism)).WithCancellation(cancellationToken)
                    .Select(file => (File: file, Read: _scanner.ReadVersioned(_inputs[file.Index], _read)));
                foreach (var (file, (result, version)) in results)
                {
                    if (!file.Matches(PendingFile.Of(file.Index, result, version, s => s)))
                    {
                        Changed.TryAdd(file.Index, _inputs[file.Index].DisplayPath);
                        continue;
                    }
                    foreach (var fact in result.Facts)
                    {
                        var owner = EvaluationScopes.OwnerOf(fact)!;
                        if (sessionOf[scopes.ScopeOfNamespace(owner.Namespace)] != session) continue;
                        facts.Add(fact);
                        owners.Add(owner);
                    }
                }
                return (facts, owners);
            }

            /// <summary>The run without what was found in changed files, and with each of them reported as unreadable.</summary>
            public RuleRun Judge(RuleRun run, RuleEngine engine, LintSettings settings, CancellationToken cancellationToken, bool recordEvaluations)
            {
                var changed = new HashSet<string>(Changed.Values, StringComparer.Ordinal);
                var failures = Changed.OrderBy(c => c.Key).Select(c => (object)new ParseFailure(
                    SourceSpan.FileStart(c.Value),
                    "The file changed while InfraLint read it; it was not checked. Scan again."));
                var unreadable = engine.Run(failures, settings, cancellationToken, recordEvaluations);
                return new RuleRun(
                    run.Findings.Where(f => !changed.Contains(f.Location.File)).Concat(unreadable.Findings).ToList(),
                    run.Evaluations.Where(e => !changed.Contains(e.Location.File)).Concat(unreadable.Evaluations).ToList());
            }
        }

        /// <summary>Scans in-memory text (tests, the analyzer host): same pipeline, no file system.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled before the scan finished.</exception>
        public ScanResult ScanTexts(IEnumerable<SourceText> sources, CancellationToken cancellationToken = default)
        {
            var clock = Stopwatch.StartNew();
            var list = sources.ToArray();
            var adapted = new AdapterResult[list.Length];
            for (int i = 0; i < list.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                adapted[i] = Read(list[i]);
            }
            return Evaluate(adapted, list.Select(s => s.Path).ToArray(), clock, cancellationToken);
        }

        /// <summary>
        /// Evaluates sources the host has already adapted with <see cref="Read(SourceText)"/> (an analyzer host keeps
        /// them per file and re-reads only what changed) exactly as a scan does: rules over all of them in one session,
        /// so cross-file rules see every file, then settings, severities, secret masking and suppressions.
        /// </summary>
        /// <param name="files">Display paths of the sources, reported as <see cref="ScanResult.Files"/>.</param>
        /// <exception cref="OperationCanceledException">The token was cancelled before evaluation finished.</exception>
        public ScanResult Evaluate(IReadOnlyList<AdapterResult> adapted, IReadOnlyList<string> files, CancellationToken cancellationToken = default) =>
            Evaluate(adapted, files, Stopwatch.StartNew(), cancellationToken);

        /// <param name="perFile">Each file's secrets and adoption signal, when they were taken as the files were read.</param>
        private ScanResult Evaluate(IReadOnlyList<AdapterResult> adapted, IReadOnlyList<string> files, Stopwatch clock, CancellationToken cancellationToken, List<ScanPhase>? phases = null, (SecretMask[] Masks, Adoption?[] Adoptions)? perFile = null)
        {
            phases ??= new List<ScanPhase>();
            var started = clock.Elapsed;
            var today = (Options.Today ?? DateTime.UtcNow).Date;
            var directives = adapted.SelectMany(r => r.Suppressions).Select(d => d.On(today)).ToArray();
            var facts = adapted.SelectMany(r => r.Facts).ToArray();
            var (secrets, adoption) = perFile is var (masks, adoptions)
                ? (SecretMask.Combine(masks), FirstAdoption(adoptions))
                : (SecretMask.FromFacts(facts), Adoption.Detect(facts, _settings));
            phases.Add(new ScanPhase("secrets and adoption", clock.Elapsed - started));
            var scopes = Partition(facts, directives, adoption, null, clock, phases);
            started = clock.Elapsed;
            var run = Run(scopes, cancellationToken);
            phases.Add(new ScanPhase("rules", clock.Elapsed - started));
            return Finish(run, directives, secrets, files, clock, phases);
        }

        private EvaluationScopes Partition(IReadOnlyList<object> facts, IReadOnlyList<SuppressionDirective> directives, Adoption? adoption, IReadOnlyList<PendingFile>? pending, Stopwatch clock, List<ScanPhase> phases)
        {
            var started = clock.Elapsed;
            // Directives are facts too, so rules can judge them (IL0003 without a reason, IL0002 unknown rule ids or a bad
            // date, IL0004 expired on the day of the scan).
            var everything = new List<object>(facts.Count + directives.Count + _configurationFacts.Count);
            everything.AddRange(facts);
            everything.AddRange(directives);
            everything.AddRange(_configurationFacts);
            var everywhere = adoption is null ? Array.Empty<object>() : new object[] { adoption };
            var scopes = Options.Partitioned
                ? EvaluationScopes.Partition(everything, everywhere, pending)
                : EvaluationScopes.Single(everything.Concat(everywhere).ToArray());
            var shard = Options.Shard;
            string shardNote = shard is null ? string.Empty : $"; shard {shard} evaluates {scopes.Scopes.Count(shard.Owns)}";
            phases.Add(new ScanPhase($"partition ({scopes.Scopes.Count} scopes, largest {scopes.Scopes.Max(x => x.Size)} facts, {scopes.Scopes.Sum(x => x.Guests.Count)} guests{shardNote})", clock.Elapsed - started));
            return scopes;
        }

        /// <summary>What every scan ends with: the settings' severities and switches, secrets masked, suppressions applied, findings in order.</summary>
        private ScanResult Finish(RuleRun run, IReadOnlyList<SuppressionDirective> directives, SecretMask secrets, IReadOnlyList<string> files, Stopwatch clock, List<ScanPhase> phases)
        {
            var started = clock.Elapsed;
            var findings = run.Findings.Where(f => _settings.IsEnabled(f.Rule)).ToList();
            var evaluations = run.Evaluations
                .Where(e => _settings.IsEnabled(e.Rule))
                .OrderBy(e => e.Location.File, StringComparer.Ordinal)
                .ThenBy(e => e.Location.StartLine)
                .ThenBy(e => e.Location.StartColumn)
                .ThenBy(e => e.RuleId, StringComparer.Ordinal)
                .ThenBy(e => e.LogicalPath, StringComparer.Ordinal)
                .ToArray();
            foreach (var evaluation in evaluations) evaluation.Mask(secrets);
            foreach (var finding in findings)
            {
                finding.Severity = _settings.SeverityOf(finding.Rule);
                finding.Mask(secrets);
            }
            ApplySuppressions(findings, directives);
            var sorted = InReportOrder(findings);
            phases.Add(new ScanPhase("settings, suppressions and order", clock.Elapsed - started));
            return new ScanResult(sorted, files, clock.Elapsed, secrets, evaluations) { Phases = phases };
        }

        /// <summary>
        /// By file, line, column, rule and message, equal findings in the order they came: a stable sort that reads a
        /// message only to break a tie, since a streaming scan keeps its findings' messages outside memory.
        /// </summary>
        private static Finding[] InReportOrder(List<Finding> findings)
        {
            var order = new int[findings.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                Finding x = findings[a], y = findings[b];
                int c = string.CompareOrdinal(x.Location.File, y.Location.File);
                if (c == 0) c = x.Location.StartLine.CompareTo(y.Location.StartLine);
                if (c == 0) c = x.Location.StartColumn.CompareTo(y.Location.StartColumn);
                if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
                if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
                return c != 0 ? c : a.CompareTo(b);
            });
            var sorted = new Finding[order.Length];
            for (int i = 0; i < order.Length; i++) sorted[i] = findings[order[i]];
            return sorted;
        }

        /// <summary>What the adapters make of one source; never throws.</summary>
        public AdapterResult Read(SourceText source) => Read(_adapters, source.Path, () => source);

        /// <summary>What these adapters make of one source, without an engine (a host that reads before it evaluates); never throws.</summary>
        public static AdapterResult Read(IReadOnlyList<IAdapter> adapters, SourceText source) => Read(adapters, source.Path, () => source);

        private AdapterResult Read(string path, Func<SourceText> text) => Read(_adapters, path, text);

        private static AdapterResult Read(IReadOnlyList<IAdapter> adapters, string path, Func<SourceText> text)
        {
            try
            {
                var source = text();
                return Adapt(adapters, source.Path == path ? source : new SourceText(path, source.Text));
            }
            catch (SourceUnreadableException e)
            {
                return Failure(SourceSpan.At(path, e.Line, e.Column, 0), e.Message);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // An adapter bug or a parser surprise must not take the scan down: this file is reported, the rest goes on.
                return Failure(SourceSpan.FileStart(path), $"InfraLint could not read this file ({e.GetType().Name}: {e.Message}); it was not checked.");
            }
        }

        /// <summary>
        /// One session per scope, the largest first so the last to finish is a small one, up to <see cref="ScanOptions.MaxParallelism"/>
        /// at once; small scopes share a session (<see cref="Sessions"/>). A session reports what it found about its own facts: a
        /// guest's findings come from its home scope's session, and a finding about no resource (a setting, the input) once.
        /// </summary>
        /// <remarks>
        /// With a <see cref="ScanOptions.Shard"/>, only the shard's scopes are evaluated, so a finding whose subject lives
        /// in another shard's scope is never made here; a finding about no resource is reported by shard 0 alone, which
        /// evaluates the global scope those come from.
        /// </remarks>
        /// <param name="secrets">A streaming scan's mask, known before its sessions: findings are masked with it when their body is kept outside (<see cref="ScanOptions.FindingBodies"/>).</param>
        private RuleRun Run(EvaluationScopes scopes, CancellationToken cancellationToken, SecondRead? second = null, SecretMask? secrets = null)
        {
            var shard = Options.Shard;
            var sessions = Sessions(scopes, shard);
            var sessionOf = new int[scopes.Scopes.Count];
            for (int i = 0; i < sessionOf.Length; i++) sessionOf[i] = -1;
            for (int i = 0; i < sessions.Count; i++)
                foreach (var scope in sessions[i]) sessionOf[scope.Index] = i;
            var runs = new RuleRun[sessions.Count];
            var progress = Options.Progress;
            progress?.Evaluating(scopes.Scopes.Count, sessions.Count);
            var filesOf = second?.BySession(scopes, sessionOf, sessions.Count);
            // Streaming, a large session holds its scope's facts: one runs at a time (its files are read on every core), and
            // small ones run beside it.
            var large = sessions.Select(s => second is not null && s.Sum(scope => scope.Size) >= CompactAfterSessionFacts).ToArray();
            var properties = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            void Evaluate(int session)
            {
                IEnumerable<object> facts = sessions[session].SelectMany(s => s.Home.Concat(s.Guests));
                if (second is null) runs[session] = _engine.Value.Run(facts, _settings, cancellationToken, Options.RecordEvaluations);
                else Stream(session, facts);
                foreach (var finding in runs[session].Findings) finding.ShareProperties(properties);
                progress?.SessionDone(sessions[session].Length);
            }
            void Stream(int session, IEnumerable<object> facts)
            {
                // Facts read again live only as long as this session. Their findings are kept here or nowhere (the
                // loop below only sees what it is given), then let their subject go; the rest is judged below.
                var (again, owners) = second!.Read(filesOf![session], scopes, sessionOf, session, large[session] ? Options.MaxParallelism : 1, cancellationToken);
                var run = _engine.Value.Run(facts.Concat(again), _settings, cancellationToken, Options.RecordEvaluations);
                bool HomeHere(InfraResource? subject) => subject is null || !owners.Contains(subject) || sessionOf[scopes.ScopeOfNamespace(subject.Namespace)] == session;
                var findings = run.Findings.Where(f => HomeHere(f.Subject)).ToList();
                var evaluations = run.Evaluations.Where(e => HomeHere(e.Resource)).ToList();
                foreach (var finding in findings)
                    if (finding.Subject is not null && owners.Contains(finding.Subject)) finding.ReleaseSubject();
                // What the findings say waits outside memory for the report; those about no resource are compared below.
                if (Options.FindingBodies is { } bodies && secrets is not null)
                    foreach (var finding in findings)
                        if (finding.SubjectId is not null) finding.KeepBodyIn(bodies, secrets);
                foreach (var evaluation in evaluations)
                    if (evaluation.Resource is not null && owners.Contains(evaluation.Resource)) evaluation.ReleaseResource();
                runs[session] = new RuleRun(findings, evaluations);
                // A large session's facts and its network's memories are garbage now, and old enough to sit in the
                // oldest generation, which the collector compacts rarely: without this a streaming scan's heap grows
                // by the holes they leave (at 100,000 files: 764 against 593 MiB, at no measurable cost in time).
                if (large[session]) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            if (Options.MaxParallelism <= 1 || sessions.Count == 1)
                for (int i = 0; i < sessions.Count; i++) Evaluate(i);
            else if (second is not null)
                LargeSessionsInTurn.Run(sessions.Count, i => large[i], Options.MaxParallelism, cancellationToken, Evaluate);
            else
                ParallelFor.Run(sessions.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelism, CancellationToken = cancellationToken }, Evaluate);
            cancellationToken.ThrowIfCancellationRequested();

            var findings = new List<Finding>();
            var evaluations = new List<Evaluated>();
            var unowned = new HashSet<string>(StringComparer.Ordinal);
            bool reportsUnowned = shard is null || shard.Index == 0;
            for (int session = 0; session < sessions.Count; session++)
            {
                var run = runs[session];
                // A finding about a resource is kept by its home's session (a streaming session kept only those and may have
                // released the subject: SubjectId tells the two apart); one about none, once.
                foreach (var finding in run.Findings)
                    if (finding.SubjectId is null
                        ? reportsUnowned && unowned.Add($"{finding.RuleId}\u0000{finding.Location.File}\u0000{finding.Location.StartOffset}\u0000{finding.Location.Length}\u0000{finding.LogicalPath}\u0000{finding.Message}")
                        : finding.Subject is null || sessionOf[scopes.HomeOf(finding.Subject)] == session)
                        findings.Add(finding);
                foreach (var evaluation in run.Evaluations)
                    if (evaluation.ResourceId is null
                        ? reportsUnowned && unowned.Add($"{evaluation.RuleId}\u0001{evaluation.Location.File}\u0001{evaluation.Location.StartOffset}\u0001{evaluation.Location.Length}\u0001{evaluation.LogicalPath}")
                        : evaluation.Resource is null || sessionOf[scopes.HomeOf(evaluation.Resource)] == session)
                        evaluations.Add(evaluation);
            }
            return new RuleRun(findings, evaluations);
        }

        /// <summary>
        /// Facts of one session at most, when small scopes share it. A session has a fixed cost (creating it, activating the
        /// network) that a one-template scope does not repay, and NRules joins every pair of facts a join sees, so the cap
        /// keeps shared sessions small. Joining scopes is always safe: no rule matches across two of them.
        /// </summary>
        internal const int SharedSessionFacts = 512;

        /// <summary>Facts of a streaming session after which the heap is compacted (see <see cref="Run"/>).</summary>
        private const int CompactAfterSessionFacts = 4096;

        /// <summary>The sessions to run, largest first: each large scope alone, the small ones packed up to <see cref="SharedSessionFacts"/>.</summary>
        private static IReadOnlyList<EvaluationScope[]> Sessions(EvaluationScopes scopes, ScanShard? shard)
        {
            var sessions = new List<EvaluationScope[]>();
            var batch = new List<EvaluationScope>();
            int size = 0;
            foreach (var scope in scopes.Scopes.Where(s => shard is null || shard.Owns(s)).OrderByDescending(s => s.Size).ThenBy(s => s.Index))
            {
                if (scope.Size >= SharedSessionFacts)
                {
                    sessions.Add(new[] { scope });
                    continue;
                }
                if (batch.Count > 0 && size + scope.Size > SharedSessionFacts)
                {
                    sessions.Add(batch.ToArray());
                    batch.Clear();
                    size = 0;
                }
                batch.Add(scope);
                size += scope.Size;
            }
            if (batch.Count > 0) sessions.Add(batch.ToArray());
            return sessions;
        }

        private static AdapterResult Adapt(IReadOnlyList<IAdapter> adapters, SourceText source)
        {
            var facts = new List<object>();
            var suppressions = new List<SuppressionDirective>();
            foreach (var adapter in adapters)
            {
                if (!adapter.Accepts(source.Path)) continue;
                var result = adapter.Read(source);
                facts.AddRange(result.Facts);
                suppressions.AddRange(result.Suppressions);
            }
            return new AdapterResult(facts, suppressions);
        }

        private static AdapterResult Failure(SourceSpan at, string message) =>
            new AdapterResult(new object[] { new ParseFailure(at, message) }, Array.Empty<SuppressionDirective>());

        private static void ApplySuppressions(IEnumerable<Finding> findings, IReadOnlyList<SuppressionDirective> directives)
        {
            var byFile = directives.Where(d => d.Subject is null)
                .GroupBy(d => d.Span.File).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            // A line or file directive wins over one on the subject, so a finding keeps the comment's justification.
            var bySubject = directives.Where(d => d.Subject is not null).ToLookup(d => d.Subject!);
            foreach (var finding in findings)
            {
                if (!finding.Rule.SuppressibleInSource) continue;
                var directive = (byFile.TryGetValue(finding.Location.File, out var fileDirectives) ? fileDirectives.FirstOrDefault(d => d.Covers(finding)) : null)
                    ?? (finding.Subject is null ? null : bySubject[finding.Subject].FirstOrDefault(d => d.Covers(finding)));
                if (directive is not null)
                    finding.Suppression = new Suppression("inSource", directive.Justification, directive.Span) { Until = directive.Until };
            }
        }
    }
}
