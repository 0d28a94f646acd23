using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// IL1001-IL1004 (GPU sizing) on CDK, in both modes: a SageMaker endpoint's profile comes from its infralint.dev/* tags
/// written on the construct (CDK tags applied elsewhere never hide a profile the file shows), its capacity from the
/// endpoint config the endpoint names; EC2 instances and EKS nodegroups are GPU capacity through their instance types.
/// </summary>
public sealed class CdkCapacityTests
{
    private const string Endpoint = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Sagemaker;

        var stack = new Stack(new App(), "Serving");
        var config = new CfnEndpointConfig(stack, "ChatConfig", new CfnEndpointConfigProps
        {
            ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "main", ModelName = "chat-model", InstanceType = TYPE, InitialInstanceCount = COUNT } },
        });
        new CfnEndpoint(stack, "ChatEndpoint", new CfnEndpointProps
        {
            EndpointConfigName = config.AttrEndpointConfigName,
            Tags = new[]
            {
                new CfnTag { Key = "infralint.dev/model", Value = MODEL },
                new CfnTag { Key = "infralint.dev/peak-rps", Value = RPS },
                new CfnTag { Key = "infralint.dev/p99-latency-ms", Value = "20000" },
            },
        });
        """;

    private static string Serving(string type, string count, string model, string rps) =>
        Endpoint.Replace("TYPE", type).Replace("COUNT", count).Replace("MODEL", model).Replace("RPS", rps);

    [Fact]
    public void IL1001_more_endpoint_instances_than_the_tagged_workload_needs_are_reported_at_the_count()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1001", Serving("\"ml.g5.12xlarge\"", "{|IL1001:4|}", "\"llama-3.1-8b\"", "\"2\"")));
        Assert.Equal(("IL1001", 7, 188), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("16 GPUs provisioned", finding.Message);
    }

    [Fact]
    public void IL1001_the_needed_count_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1001", Serving("\"ml.g5.xlarge\"", "3", "\"llama-3.1-8b\"", "\"2\""));
    }

    [Fact]
    public void IL1002_a_model_that_does_not_fit_the_endpoint_instance_is_reported()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1002", Serving("{|IL1002:\"ml.g5.xlarge\"|}", "1", "\"llama-3.1-70b\"", "\"2\"")));
        Assert.Equal(("IL1002", 7, 147), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL1002_a_model_that_fits_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1002", Serving("\"ml.g5.12xlarge\"", "1", "\"llama-3.1-8b\"", "\"2\""));
    }

    [Fact]
    public void IL1003_an_8B_model_on_p4d_is_reported_at_the_instance_type()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1003", Serving("{|IL1003:\"ml.p4d.24xlarge\"|}", "1", "\"llama-3.1-8b\"", "\"1\"")));
        Assert.Equal(("IL1003", 7, 147), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.StartsWith("ml.", finding.Properties["alternativeInstanceType"]);
    }

    [Fact]
    public void IL1003_a_right_sized_instance_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1003", Serving("\"ml.g5.xlarge\"", "1", "\"llama-3.1-8b\"", "\"1\""));
    }

    [Fact]
    public void IL1004_GPU_instances_L2_and_L1_without_a_profile_are_reported_at_new_X()
    {
        var findings = CSharpVerify.Findings("IL1004", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var vpc = new Vpc(stack, "Vpc");
            {|IL1004:new Instance_(stack, "Trainer", new InstanceProps { Vpc = vpc, InstanceType = InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24), MachineImage = MachineImage.LatestAmazonLinux2() })|};
            new Instance_(stack, "Web", new InstanceProps { Vpc = vpc, InstanceType = InstanceType.Of(InstanceClass.M5, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2() });
            {|IL1004:new CfnInstance(stack, "Trainer5", new CfnInstanceProps { InstanceType = "p5.48xlarge", ImageId = "ami-12345678" })|};
            """);
        Assert.Equal(new[] { (7, 1), (9, 1) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
    }

    [Fact]
    public void IL1004_a_tagged_profile_is_a_capacity_plan_and_a_nodegroup_is_capacity_not_a_workload()
    {
        CSharpVerify.NoFindings("IL1004", Serving("\"ml.g5.12xlarge\"", "1", "\"llama-3.1-8b\"", "\"2\""));
        CSharpVerify.NoFindings("IL1004", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new CfnInstance(stack, "Trainer", new CfnInstanceProps
            {
                InstanceType = "p4d.24xlarge",
                ImageId = "ami-12345678",
                Tags = new[] { new CfnTag { Key = "infralint.dev/model", Value = "llama-3.1-70b" }, new CfnTag { Key = "infralint.dev/role", Value = "training" } },
            });
            new CfnNodegroup(stack, "GpuNodes", new CfnNodegroupProps { ClusterName = "ml", NodeRole = "arn:aws:iam::123456789012:role/node", Subnets = new[] { "subnet-1" }, InstanceTypes = new[] { "p5.48xlarge" } });
            """);
        CSharpVerify.NoFindings("IL1004", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Serving");
            new CfnNodegroup(stack, "GpuNodes", new CfnNodegroupProps
            {
                ClusterName = "ml",
                NodeRole = "arn:aws:iam::123456789012:role/node",
                Subnets = new[] { "subnet-1" },
                InstanceTypes = new[] { "g5.xlarge" },
                Tags = new Dictionary<string, string> { ["infralint.dev/model"] = "llama-3.1-8b", ["infralint.dev/peak-rps"] = "2" },
            });
            """);
    }
}
