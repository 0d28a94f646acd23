using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Scheduling;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Input
{
    /// <summary>
    /// Adapters and the configuration loader turn bad values into <see cref="ConfigProblem"/> facts
    /// (a negative request rate, an unknown precision, an unknown key); this rule reports them where they are.
    /// </summary>
    [Name(Id)]
    public sealed class IL0002ConfigurationProblem : Rule
    {
        public const string Id = "IL0002";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Configuration problem",
            "A configuration file, workload profile or suppression has an unknown key or a bad value, so InfraLint cannot apply it as written.",
            Severity.Error,
            Precision.VeryHigh,
            new[] { "input", "configuration" });

        public override void Define()
        {
            ConfigProblem problem = default!;

            When()
                .Match(() => problem);

            Then()
                .Do(ctx => ctx.Report(new Finding(Descriptor, problem.Message, problem.Span, "config:" + problem.Span.StartLine)));
        }
    }

    /// <summary>A suppression that names a rule id no rule has silences nothing, usually because of a typo.</summary>
    [Name(IL0002ConfigurationProblem.Id + ".suppression")]
    public sealed class IL0002UnknownRuleInSuppression : Rule
    {
        public override void Define()
        {
            SuppressionDirective directive = default!;

            // Only comments are judged: directives on a subject (annotations) were never checked for unknown ids, and
            // checking them would add findings to scans that had none; that is a change of its own.
            When()
                .Match(() => directive, d => d.Subject == null && UnknownIds(d).Any());

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    $"The suppression names {string.Join(", ", UnknownIds(directive))}, which no InfraLint rule has; it suppresses nothing for that id.",
                    directive.Span,
                    "suppression:" + directive.Span.StartLine)));
        }

        private static string[] UnknownIds(SuppressionDirective directive) =>
            directive.RuleIds.Where(id => RuleSet.Catalog.Find(id) == null).ToArray();
    }

    /// <summary>
    /// A suppression whose expiry is not a date would otherwise apply forever, or never, depending on how it was read: it
    /// applies to nothing until the date is fixed, and this says so at the directive. Every form is judged (comments,
    /// annotations, CloudFormation metadata): expiries are new, so no scan that passed before gains a finding.
    /// </summary>
    [Name(IL0002ConfigurationProblem.Id + ".expiry")]
    public sealed class IL0002BadSuppressionExpiry : Rule
    {
        public override void Define()
        {
            SuppressionDirective directive = default!;

            When()
                .Match(() => directive, d => d.UntilProblem != null);

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    directive.UntilProblem!,
                    directive.Span,
                    "suppression:" + directive.Span.StartLine)));
        }
    }

    /// <summary>A spec target that names no resource in the scan describes nothing, usually because of a typo or a rename.</summary>
    [Name(IL0002ConfigurationProblem.Id + ".target")]
    public sealed class IL0002UnmatchedProfileTarget : Rule
    {
        public override void Define()
        {
            ProfileTarget target = default!;

            When()
                .Match(() => target, t => !t.Profile.FromAnnotations)
                .Not<InfraResource>(r => !(r is WorkloadProfile) && target.Matches(r));

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    $"AIWorkload '{target.Profile.Name}' targets {(target.Kind.Length == 0 ? "a resource" : target.Kind)} '{target.Name}'"
                    + (target.NamespaceGiven ? $" in namespace '{target.Namespace}'" : string.Empty)
                    + ", but the scan has no such resource; the profile describes nothing there.",
                    target.Span,
                    $"{target.Profile.Id}:targets:{target}",
                    target.Profile)));
        }
    }

    /// <summary>A profile whose model the catalog does not know and which gives no parameter count cannot be sized.</summary>
    [Name(IL0002ConfigurationProblem.Id + ".model")]
    public sealed class IL0002UnknownProfileModel : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            WorkloadProfile profile = default!;

            When()
                .Match(() => settings)
                .Match(() => profile, p => p.ModelName.IsPresent, p => p.Parameters.IsMissing, p => settings.Catalog.FindModel(p.ModelName.Value!) == null);

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    $"Model '{profile.ModelName.Value}' is not in the sizing catalog and the profile gives no parameter count, so its capacity cannot be sized; use a catalog name (such as llama-3.1-8b) or add the parameter count ({profile.Parameters.Name}).",
                    profile.ModelName.Span,
                    $"{profile.Id}:{profile.ModelName.Path}",
                    profile)));
        }
    }

    /// <summary>A profile's training schedule that is not a cron expression cannot be checked against the peak window.</summary>
    [Name(IL0002ConfigurationProblem.Id + ".schedule")]
    public sealed class IL0002BadProfileSchedule : Rule
    {
        public override void Define()
        {
            WorkloadProfile profile = default!;

            When()
                .Match(() => profile, p => p.TrainingSchedule.IsPresent, p => Error(p) != null);

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    $"'{profile.TrainingSchedule.Path}' is not a cron schedule: {Error(profile)}",
                    profile.TrainingSchedule.Span,
                    $"{profile.Id}:{profile.TrainingSchedule.Path}",
                    profile)));
        }

        private static string? Error(WorkloadProfile profile) =>
            CronSchedule.TryParse(profile.TrainingSchedule.Value, out _, out var error) ? null : error;
    }
}
