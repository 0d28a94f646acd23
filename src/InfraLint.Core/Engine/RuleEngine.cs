using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules;
using NRules.Fluent;

namespace InfraLint.Core.Engine
{
    /// <summary>One session's output: the findings, and the evaluations the rules recorded, unsorted and unfiltered (the scanner applies settings).</summary>
    public sealed record RuleRun(IReadOnlyList<Finding> Findings, IReadOnlyList<Evaluated> Evaluations);

    /// <summary>
    /// The NRules host. Rules are compiled into one Rete network when the engine is built (a few
    /// milliseconds per rule, so once per process); each scan gets a cheap session of its own, with the
    /// facts of every scanned file in it, so cross-document rules are ordinary joins.
    /// </summary>
    public sealed class RuleEngine
    {
        private readonly ISessionFactory _sessionFactory;

        /// <param name="cancellationToken">Lets a host that gives up (an IDE closing a document) stop the compilation.</param>
        /// <param name="expressionCompiler">
        /// How the rules' expressions become code; NRules' own compiler when null. The host chooses (the analyzer compiles
        /// them lazily, <see cref="LazyExpressionCompiler"/>): Core has no opinion about start-up against throughput.
        /// </param>
        /// <exception cref="OperationCanceledException">The token was cancelled before the compilation finished.</exception>
        public RuleEngine(IReadOnlyList<Assembly> ruleAssemblies, CancellationToken cancellationToken = default, NRules.Extensibility.IExpressionCompiler? expressionCompiler = null)
            : this(Load(spec => spec.From(ruleAssemblies)), RuleCatalog.FromAssemblies(ruleAssemblies), cancellationToken, expressionCompiler)
        {
        }

        /// <summary>
        /// An engine of exactly these rule classes and this catalog, without scanning assemblies for them (a host that
        /// keeps the list, such as the CLI at start-up, checks it against the scan in a test instead).
        /// </summary>
        /// <param name="ruleTypes">The NRules rule classes, each loaded as NRules would load it from its assembly.</param>
        /// <param name="catalog">The metadata of the rule ids these classes report.</param>
        /// <inheritdoc cref="RuleEngine(IReadOnlyList{Assembly}, CancellationToken, NRules.Extensibility.IExpressionCompiler?)" path="/param[@name='cancellationToken' or @name='expressionCompiler']"/>
        /// <exception cref="OperationCanceledException">The token was cancelled before the compilation finished.</exception>
        public RuleEngine(IReadOnlyList<Type> ruleTypes, RuleCatalog catalog, CancellationToken cancellationToken = default, NRules.Extensibility.IExpressionCompiler? expressionCompiler = null)
            : this(Define(ruleTypes), catalog, cancellationToken, expressionCompiler)
        {
        }

        /// <summary>
        /// What <c>RuleRepository.Load</c> does with these types, on every core: each rule's <c>Define</c> builds its own
        /// expression trees, independent of the others, and that is half of building an engine (bench/README.md, Start-up).
        /// </summary>
        private static RuleRepository Define(IReadOnlyList<Type> ruleTypes)
        {
            var factory = new RuleDefinitionFactory();
            var definitions = new NRules.RuleModel.IRuleDefinition[ruleTypes.Count];
            ParallelFor.Run(ruleTypes.Count, new System.Threading.Tasks.ParallelOptions(), i =>
                definitions[i] = factory.Create((NRules.Fluent.Dsl.Rule)Activator.CreateInstance(ruleTypes[i])!));
            var rules = new NRules.RuleModel.RuleSet("default");
            rules.Add(definitions);
            var repository = new RuleRepository();
            repository.Add(rules);
            return repository;
        }

        private RuleEngine(RuleRepository repository, RuleCatalog catalog, CancellationToken cancellationToken, NRules.Extensibility.IExpressionCompiler? expressionCompiler)
        {
            var compiler = new RuleCompiler();
            if (expressionCompiler is not null) compiler.ExpressionCompiler = expressionCompiler;
            _sessionFactory = compiler.Compile(repository.GetRuleSets(), cancellationToken);
            // NRules 1.0.4 stops compiling without throwing and returns a network that lacks the rules it had not reached:
            // an engine that silently knows fewer rules must not exist.
            cancellationToken.ThrowIfCancellationRequested();
            Catalog = catalog;
            RuleCount = repository.GetRules().Count();
            Reach = RuleReaches.Of(repository.GetRules());
        }

        private static RuleRepository Load(Action<NRules.Fluent.IRuleLoadSpec> spec)
        {
            var repository = new RuleRepository();
            repository.Load(spec);
            return repository;
        }

        /// <summary>How far each rule id looks (one resource, or across resources), from the rules' own conditions.</summary>
        public IReadOnlyDictionary<string, RuleReach> Reach { get; }

        /// <summary>The reach of each rule id of these assemblies, without compiling them into an engine.</summary>
        public static IReadOnlyDictionary<string, RuleReach> ReachOf(IReadOnlyList<Assembly> ruleAssemblies)
        {
            var repository = new RuleRepository();
            repository.Load(spec => spec.From(ruleAssemblies));
            return RuleReaches.Of(repository.GetRules());
        }

        public RuleCatalog Catalog { get; }

        public int RuleCount { get; }

        /// <summary>Runs every rule over the facts and returns what they found, unsuppressed and unsorted.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled before the rules finished.</exception>
        public IReadOnlyList<Finding> Evaluate(IEnumerable<object> facts, LintSettings settings, CancellationToken cancellationToken = default) =>
            Run(facts, settings, cancellationToken).Findings;

        /// <summary>Runs every rule over the facts: what they found, and what each of them evaluated (the ground of "holds").</summary>
        /// <param name="recordEvaluations">False when nothing will read <see cref="RuleRun.Evaluations"/>: the run then has none, and the same findings.</param>
        /// <exception cref="OperationCanceledException">The token was cancelled before the rules finished.</exception>
        public RuleRun Run(IEnumerable<object> facts, LintSettings settings, CancellationToken cancellationToken = default, bool recordEvaluations = true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = _sessionFactory.CreateSession();
            var report = new SessionReport(recordEvaluations);
            session.DependencyResolver = report;
            var unique = new HashSet<object>(Identity.Instance) { settings };
            foreach (var fact in facts)
                foreach (var flat in Flatten(fact))
                    unique.Add(flat);
            session.InsertAll(unique);
            session.Fire(cancellationToken);
            // Fire stops between rules without throwing (NRules 1.0.4 fires one even on a token cancelled beforehand):
            // what fired by then is a partial result no host may take for the answer.
            cancellationToken.ThrowIfCancellationRequested();
            return new RuleRun(report.Findings, report.Evaluations);
        }

        /// <summary>
        /// Parts that rules match on their own (pod templates, containers, access statements) go into the
        /// session beside their parent, so a per-container rule is a plain pattern rather than a loop.
        /// </summary>
        private static IEnumerable<object> Flatten(object fact)
        {
            yield return fact;
            switch (fact)
            {
                case ComputeWorkload workload:
                    foreach (var pod in workload.Pods)
                    {
                        yield return pod;
                        foreach (var container in pod.Containers) yield return container;
                    }
                    break;
                case AccessPolicy policy:
                    foreach (var statement in policy.Statements) yield return statement;
                    break;
            }
        }
    }
}
