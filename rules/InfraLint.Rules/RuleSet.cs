using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using InfraLint.Core.Engine;
using InfraLint.Core.Findings;

namespace InfraLint.Rules
{
    /// <summary>The built-in rules: their assembly (for the engine), their catalog, and their docs pages.</summary>
    public static class RuleSet
    {
        public static Assembly Assembly => typeof(RuleSet).Assembly;

        /// <summary>
        /// Every NRules rule class of the assembly, listed so that a host's start-up does not scan the assembly's types
        /// for them (RuleListTests checks the list against that scan).
        /// </summary>
        public static IReadOnlyList<Type> RuleTypes { get; } = new Type[]
        {
            typeof(Compute.CapacityCaseRule),
            typeof(Compute.IL1001GpusOverProvisioned),
            typeof(Compute.IL1002GpusUnderProvisioned),
            typeof(Compute.IL1003OversizedAcceleratorClass),
            typeof(Compute.IL1004GpuWorkloadWithoutACapacityPlan),
            typeof(Compute.IL1005InferenceWithoutAutoscaling),
            typeof(Compute.IL1006TrainingWithoutSpotPreemptibleCapacity),
            typeof(Compute.IL1007ProfileSchedule),
            typeof(Compute.IL1007ScheduledTrigger),
            typeof(Compute.IL1007TrainingScheduledAtPeakHours),
            typeof(Compute.IL1008FullPrecisionInference),
            typeof(Compute.IL1009TrainingAndInferenceShareCapacity),
            typeof(Compute.IL1010GpuRequestWithoutLimit),
            typeof(Compute.IL1011MissingCostAllocationLabels),
            typeof(Compute.IL1011MissingStorageCostLabels),
            typeof(DataPipelines.IL5001NoSchemaValidation),
            typeof(DataPipelines.IL5002NoDataQualityChecks),
            typeof(DataPipelines.IL5003StreamWithoutDeadLetterHandling),
            typeof(Governance.IL4001NoAuditTrail),
            typeof(Governance.IL4002LogRetentionTooShort),
            typeof(Governance.IL4003DatasetNotVersioned),
            typeof(Governance.IL4003DatasetNotVersionedInContainer),
            typeof(Governance.IL4003DatasetNotVersionedInPipeline),
            typeof(Governance.IL4004NoLineageMetadata),
            typeof(Governance.IL4005NoExperimentTracking),
            typeof(Governance.IL4006DisallowedRegion),
            typeof(Input.IL0001FileCouldNotBeParsed),
            typeof(Input.IL0002BadProfileSchedule),
            typeof(Input.IL0002BadSuppressionExpiry),
            typeof(Input.IL0002ConfigurationProblem),
            typeof(Input.IL0002UnknownProfileModel),
            typeof(Input.IL0002UnknownRuleInSuppression),
            typeof(Input.IL0002UnmatchedProfileTarget),
            typeof(Input.IL0003SuppressionWithoutJustification),
            typeof(Input.IL0004ExpiredSuppression),
            typeof(Observability.IL3001NoDriftMonitoring),
            typeof(Observability.IL3001NoDriftMonitoringInProfile),
            typeof(Observability.IL3002NoMetricsScraping),
            typeof(Observability.IL3003NoLatencySlo),
            typeof(Observability.IL3003NoLatencySloInProfile),
            typeof(Observability.IL3004NoHealthProbes),
            typeof(Observability.IL3005NoProgressiveDelivery),
            typeof(Observability.IL3006NoResourceLimits),
            typeof(Security.IL2001StorageNotEncryptedAtRest),
            typeof(Security.IL2002WeakOrProviderDefaultEncryption),
            typeof(Security.IL2003BucketAllowsPlaintext),
            typeof(Security.IL2003TrafficNotEncryptedInTransit),
            typeof(Security.IL2004LegacyTlsVersionsAllowed),
            typeof(Security.IL2005WildcardPermissions),
            typeof(Security.IL2006PrivilegedContainer),
            typeof(Security.IL2007ContainerRunsAsRoot),
            typeof(Security.IL2008HostNamespacesShared),
            typeof(Security.IL2009PlaintextSecret),
            typeof(Security.IL2010ExternalModelWithoutRateLimiting),
            typeof(Security.IL2010IngressToModelWithoutRateLimiting),
            typeof(Security.IL2010PublicModelEndpointWithoutRateLimiting),
            typeof(Security.IL2011UnpinnedImage),
            typeof(Security.IL2012PublicStorage),
            typeof(Security.IL2013NoNetworkPolicy),
            typeof(Security.IL2013OpenNetworkBoundary),
        };

        /// <summary>The descriptors the rule classes declare (a companion class or a derivation declares none).</summary>
        public static RuleCatalog Catalog { get; } = new RuleCatalog(RuleTypes.Select(RuleCatalog.DescriptorOf).OfType<RuleDescriptor>());

        /// <summary>The markdown of <c>rules/docs/{id}.md</c>, embedded at build time; null when the page is missing.</summary>
        public static string? Docs(string ruleId)
        {
            using var stream = Assembly.GetManifestResourceStream($"InfraLint.Rules.Docs.{ruleId.ToUpperInvariant()}.md");
            if (stream is null) return null;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
