using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.CSharp;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>Fixes on CDK L2 constructs: the change the CloudFormation rule asks for, written as the L2 prop that synthesizes it, compiled against Amazon.CDK.Lib 2.103.0.</summary>
public sealed class CdkL2FixTests
{
    [Fact]
    public void IL4002_a_short_retention_becomes_the_smallest_RetentionDays_that_keeps_logs_long_enough()
    {
        CSharpVerify.Fix("IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new LogGroupProps { Retention = RetentionDays.ONE_WEEK });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new LogGroupProps { Retention = RetentionDays.SIX_MONTHS });
            """);
    }

    [Fact]
    public void IL4002_the_enum_keeps_the_files_qualifier()
    {
        CSharpVerify.Fix("IL4002", """
            using Amazon.CDK;

            var stack = new Stack(new App(), "Training");
            new Amazon.CDK.AWS.Logs.LogGroup(stack, "Inference", new Amazon.CDK.AWS.Logs.LogGroupProps
            {
                Retention = Amazon.CDK.AWS.Logs.RetentionDays.THREE_MONTHS,
            });
            """, """
            using Amazon.CDK;

            var stack = new Stack(new App(), "Training");
            new Amazon.CDK.AWS.Logs.LogGroup(stack, "Inference", new Amazon.CDK.AWS.Logs.LogGroupProps
            {
                Retention = Amazon.CDK.AWS.Logs.RetentionDays.SIX_MONTHS,
            });
            """);
    }

    [Fact]
    public void IL1006_an_on_demand_training_node_group_is_switched_to_CapacityType_SPOT()
    {
        CSharpVerify.Fix("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
            new Nodegroup(stack, "Train", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24) },
                CapacityType = CapacityType.ON_DEMAND,
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
            new Nodegroup(stack, "Train", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24) },
                CapacityType = CapacityType.SPOT,
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            """);
    }

    [Fact]
    public void IL1006_a_training_node_group_left_to_EKSs_on_demand_default_gets_CapacityType_SPOT_in_its_props()
    {
        CSharpVerify.Fix("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Eks = Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Eks.Cluster(stack, "Ml", new Eks.ClusterProps { Version = Eks.KubernetesVersion.V1_27 });
            new Eks.Nodegroup(stack, "Train", new Eks.NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { new InstanceType("p5.48xlarge") },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" }
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Eks = Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Eks.Cluster(stack, "Ml", new Eks.ClusterProps { Version = Eks.KubernetesVersion.V1_27 });
            new Eks.Nodegroup(stack, "Train", new Eks.NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { new InstanceType("p5.48xlarge") },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
                CapacityType = Eks.CapacityType.SPOT
            });
            """);
    }

    [Fact]
    public void IL2012_a_public_access_option_turned_off_is_turned_on()
    {
        CSharpVerify.Fix("IL2012", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            new Bucket(stack, "Data", new BucketProps
            {
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = false, IgnorePublicAcls = true, RestrictPublicBuckets = true }),
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            new Bucket(stack, "Data", new BucketProps
            {
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true }),
            });
            """);
    }

    [Fact]
    public void IL1006_a_construct_named_through_an_alias_of_its_type_gets_the_enum_in_full()
    {
        CSharpVerify.Fix("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;
            using TrainingNodes = Amazon.CDK.AWS.EKS.Nodegroup;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
            new TrainingNodes(stack, "Train", new NodegroupProps { Cluster = cluster, InstanceTypes = new[] { new InstanceType("p5.48xlarge") }, Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" } });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;
            using TrainingNodes = Amazon.CDK.AWS.EKS.Nodegroup;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
            new TrainingNodes(stack, "Train", new NodegroupProps { Cluster = cluster, InstanceTypes = new[] { new InstanceType("p5.48xlarge") }, Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" }, CapacityType = Amazon.CDK.AWS.EKS.CapacityType.SPOT });
            """);
    }

    /// <summary>CDK keeps logs two years by default: a policy that asks for more (minLogRetentionDays 1000) fixes the default.</summary>
    private static readonly LintSettings ThreeYears = new() { MinLogRetentionDays = 1000 };

    [Fact]
    public void IL4002_CDKs_default_retention_is_fixed_by_adding_the_prop_to_the_props()
    {
        FixWith(ThreeYears, "IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new LogGroupProps
            {
                LogGroupName = "/ml/inference",
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new LogGroupProps
            {
                LogGroupName = "/ml/inference",
                Retention = RetentionDays.THREE_YEARS,
            });
            """);
    }

    [Fact]
    public void IL4002_a_construct_without_props_gets_new_props()
    {
        FixWith(ThreeYears, "IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference");
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new LogGroupProps { Retention = RetentionDays.THREE_YEARS });
            """);
    }

    [Fact]
    public void IL4002_null_props_and_named_arguments_are_replaced_and_followed()
    {
        FixWith(ThreeYears, "IL4002", """
            using Amazon.CDK;
            using Logs = Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new Logs.LogGroup(stack, "Inference", null);
            new Logs.LogGroup(scope: stack, id: "Training");
            """, """
            using Amazon.CDK;
            using Logs = Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new Logs.LogGroup(stack, "Inference", new Logs.LogGroupProps { Retention = Logs.RetentionDays.THREE_YEARS });
            new Logs.LogGroup(scope: stack, id: "Training", props: new Logs.LogGroupProps { Retention = Logs.RetentionDays.THREE_YEARS });
            """);
    }

    [Fact]
    public void IL4002_a_props_class_another_imported_namespace_also_declares_is_written_in_full()
    {
        FixWith(ThreeYears, "IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Events.Targets;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference");
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Events.Targets;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Inference", new Amazon.CDK.AWS.Logs.LogGroupProps { Retention = RetentionDays.THREE_YEARS });
            """);
    }

    /// <summary>Applies every fix of <paramref name="ruleId"/> under <paramref name="settings"/>: the text, that it compiles, and that a second run finds nothing to fix.</summary>
    private static void FixWith(LintSettings settings, string ruleId, string code, string expected)
    {
        var findings = Scan(settings.Selecting(ruleId), code).Of(ruleId);
        Assert.NotEmpty(findings);
        var fixedText = code;
        foreach (var finding in findings.OrderByDescending(f => f.Location.StartOffset))
            fixedText = Verify.Apply(fixedText, Assert.Single(finding.Fixes));
        Assert.Equal(expected.ReplaceLineEndings("\n"), fixedText.ReplaceLineEndings("\n"));
        Assert.Equal(0, CSharpAdapter.SyntaxErrors(new SourceText(CSharpLint.File, fixedText)));
        CSharpLint.Compile(new SourceText(CSharpLint.File, fixedText));
        Assert.Empty(Scan(settings.Selecting(ruleId), fixedText).Of(ruleId));
    }

    private static ScanResult Scan(LintSettings settings, string code) =>
        new Scanner(Lint.Engine, new IAdapter[] { CSharpLint.Adapter }, settings).ScanTexts(new[] { new SourceText(CSharpLint.File, code) });
}
