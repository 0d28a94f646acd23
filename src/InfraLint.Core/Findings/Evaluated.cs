using System;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Findings
{
    /// <summary>
    /// One rule judged one thing, whatever its verdict. A finding says a control fails; an evaluation without a finding
    /// says it holds there, and no evaluation at all says the rule had nothing to look at. Rules record it themselves
    /// (<see cref="Engine.SimpleCheck{TFact}"/>, or <see cref="Engine.RuleContextExtensions.Evaluated"/> in a join), so
    /// what "holds" means is never a second copy of a rule's logic.
    /// </summary>
    public sealed class Evaluated
    {
        public Evaluated(RuleDescriptor rule, InfraResource? resource, SourceSpan location, string logicalPath)
        {
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            Resource = resource;
            ResourceId = resource?.Id;
            Location = location;
            LogicalPath = logicalPath;
        }

        public RuleDescriptor Rule { get; }

        public string RuleId => Rule.Id;

        /// <summary>The resource the judged thing belongs to (a container's workload, a stage's AIWorkload); null for what belongs to none.</summary>
        /// <remarks>Null as well once a streaming scan released it (<see cref="Finding.ReleaseSubject"/>); <see cref="ResourceId"/> stays.</remarks>
        public InfraResource? Resource { get; private set; }

        /// <summary><see cref="InfraResource.Id"/> of <see cref="Resource"/>, or null.</summary>
        public string? ResourceId { get; }

        internal void ReleaseResource() => Resource = null;

        /// <summary>Where the judged thing is declared: the resource's name, a container's or pod template's mapping.</summary>
        public SourceSpan Location { get; }

        /// <summary>What was judged, independent of line numbers, in the style of <see cref="Finding.LogicalPath"/>.</summary>
        public string LogicalPath { get; private set; }

        /// <summary>
        /// The evaluation of <paramref name="judged"/>, a fact the engine holds: an <see cref="InfraResource"/> is itself the
        /// resource; a container, pod template, pipeline stage, access statement or region placement belongs to the resource that declares it.
        /// </summary>
        /// <exception cref="ArgumentException">The fact is of a kind that names no place (settings, a parse failure).</exception>
        public static Evaluated Of(RuleDescriptor rule, object judged) => judged switch
        {
            InfraResource resource => new Evaluated(rule, resource, resource.Span, resource.Id),
            Container container => Part(rule, container.Workload, container.Span, container.Path),
            PodTemplate pod => Part(rule, pod.Workload, pod.Span, pod.Path),
            PipelineStage stage => Part(rule, stage.Profile, stage.Span, stage.Path),
            AccessStatement statement => Part(rule, statement.Policy, statement.Span, statement.Path),
            RegionPlacement placement => Part(rule, placement.Resource, placement.Region.Span, placement.Region.Path),
            _ => throw new ArgumentException($"{judged.GetType().Name} is not a resource or a part of one; say what {rule.Id} judged with Evaluated(rule, resource, location, path).", nameof(judged)),
        };

        private static Evaluated Part(RuleDescriptor rule, InfraResource resource, SourceSpan location, string path) =>
            new Evaluated(rule, resource, location, $"{resource.Id}:{path}");

        /// <summary>Hides the scan's secrets in the path (a resource named after one), as a finding's are.</summary>
        internal void Mask(Knowledge.SecretMask mask) => LogicalPath = mask.Apply(LogicalPath);

        public override string ToString() => $"{Location}: {RuleId} evaluated {LogicalPath}";
    }
}
