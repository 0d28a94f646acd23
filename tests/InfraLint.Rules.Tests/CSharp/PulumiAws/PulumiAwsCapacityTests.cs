using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// GPU capacity on Pulumi AWS, read syntactically: a SageMaker endpoint sized from its endpoint configuration and the
/// <c>infralint.dev/*</c> tags of the endpoint (IL1001–IL1003), GPU instances without a profile (IL1004), and training
/// on on-demand capacity (IL1006): EKS node groups, launch templates and instances.
/// </summary>
public sealed class PulumiAwsCapacityTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    /// <summary>An endpoint configuration, the endpoint that uses it and the scalable target that names it.</summary>
    private const string Endpoint = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            var config = new Aws.Sagemaker.EndpointConfiguration("chat-config", new()
            {
                ProductionVariants = { new Aws.Sagemaker.Inputs.EndpointConfigurationProductionVariantArgs { VariantName = "main", ModelName = "chat-model", InstanceType = TYPE, InitialInstanceCount = COUNT } },
            });
            new Aws.Sagemaker.Endpoint("chat", new()
            {
                Name = "chat",
                EndpointConfigName = config.Name,
                Tags = { { "infralint.dev/model", "llama-3.1-8b" }, { "infralint.dev/peak-rps", RPS }, { "infralint.dev/p99-latency-ms", "20000" } },
            });
            new Aws.AppAutoScaling.Target("chat-scaling", new()
            {
                ServiceNamespace = "sagemaker",
                ResourceId = "endpoint/chat/variant/main",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                MinCapacity = 1,
                MaxCapacity = MAX,
            });
        });
        """;

    private static string EndpointWith(string type, string count, string rps, string max) =>
        Endpoint.Replace("TYPE", type).Replace("COUNT", count).Replace("RPS", rps).Replace("MAX", max);

    /// <summary>The endpoint without its scalable target: a fixed instance count.</summary>
    private static string FixedEndpoint(string type, string count, string rps)
    {
        string code = EndpointWith(type, count, rps, "4");
        int start = code.IndexOf("    new Aws.AppAutoScaling.Target", StringComparison.Ordinal);
        int end = code.IndexOf("    });", start, StringComparison.Ordinal) + "    });\n".Length;
        return code.Remove(start, end - start);
    }

    [Fact]
    public void IL1001_more_endpoint_instances_than_the_tagged_demand_needs_is_reported_at_the_instance_count()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1001", FixedEndpoint("\"ml.g5.12xlarge\"", "{|IL1001:4|}", "\"2\""), Syntactic));
        Assert.Equal(("IL1001", 8, 206), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("16 GPUs provisioned", finding.Message);
        Assert.Contains("ml.g5.12xlarge prices", finding.Message);
    }

    [Fact]
    public void IL1001_an_endpoint_sized_for_its_demand_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1001", FixedEndpoint("\"ml.g5.xlarge\"", "2", "\"2\""), Syntactic);
    }

    [Fact]
    public void IL1002_a_scaling_maximum_below_the_tagged_peak_is_reported_at_MaxCapacity()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1002", EndpointWith("\"ml.g5.xlarge\"", "1", "\"20\"", "{|IL1002:2|}"), Syntactic));
        Assert.Equal(("IL1002", 22, 23), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("scales AWS::SageMaker::Endpoint 'chat' to at most 2 replica(s)", finding.Message);
    }

    [Fact]
    public void IL1002_a_scaling_maximum_that_covers_the_peak_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1002", EndpointWith("\"ml.g5.xlarge\"", "1", "\"20\"", "40"), Syntactic);
    }

    [Fact]
    public void IL1003_an_endpoint_on_a_larger_accelerator_than_its_demand_needs_is_reported_at_the_instance_type()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1003", EndpointWith("{|IL1003:\"ml.p4d.24xlarge\"|}", "1", "\"1\"", "4"), Syntactic));
        Assert.Equal(("IL1003", 8, 165), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.StartsWith("ml.", finding.Properties["alternativeInstanceType"]);
    }

    [Fact]
    public void IL1003_an_endpoint_on_the_accelerator_its_demand_needs_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1003", EndpointWith("\"ml.g6.xlarge\"", "1", "\"1\"", "4"), Syntactic);
    }

    [Fact]
    public void IL1004_a_gpu_instance_without_a_profile_is_reported_at_the_instance()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1004", """
            using Pulumi;
            using Pulumi.Aws.Ec2;

            return await Deployment.RunAsync(() =>
            {
                {|IL1004:new Instance("trainer", new InstanceArgs { InstanceType = "p4d.24xlarge", Ami = "ami-12345678" })|};
                new Instance("web", new InstanceArgs { InstanceType = "m5.large", Ami = "ami-12345678" });
            });
            """, Syntactic));
        Assert.Equal(("IL1004", 6, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("p4d.24xlarge", finding.Message);
    }

    [Fact]
    public void IL1004_a_gpu_instance_with_a_profile_a_cpu_instance_and_a_gpu_node_group_are_not_reported()
    {
        CSharpVerify.NoFindings("IL1004", """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Eks;

            return await Deployment.RunAsync(() =>
            {
                new Instance("chat", new InstanceArgs
                {
                    InstanceType = "g5.xlarge",
                    Ami = "ami-12345678",
                    Tags = { { "infralint.dev/model", "llama-3.1-8b" }, { "infralint.dev/peak-rps", "1" }, { "infralint.dev/p99-latency-ms", "20000" } },
                });
                new Instance("web", new InstanceArgs { InstanceType = "m5.large", Ami = "ami-12345678" });
                new NodeGroup("gpu", new NodeGroupArgs { ClusterName = "ml", NodeRoleArn = "arn:aws:iam::123456789012:role/node", SubnetIds = { "subnet-1" }, InstanceTypes = { "p5.48xlarge" } });
            });
            """, Syntactic);
    }

    private const string Training = """
        using Pulumi;
        using Pulumi.Aws.Ec2;
        using Pulumi.Aws.Ec2.Inputs;
        using Pulumi.Aws.Eks;

        return await Deployment.RunAsync(() =>
        {
            new NodeGroup("train", new NodeGroupArgs
            {
                ClusterName = "ml",
                NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                SubnetIds = { "subnet-1" },
                InstanceTypes = { "p5.48xlarge" },
                CapacityType = CAPACITY,
                Tags = { { "infralint.dev/role", "training" } },
            });
            TEMPLATE
        });
        """;

    [Fact]
    public void IL1006_an_on_demand_training_node_group_is_reported_at_its_capacity_type()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1006", Training.Replace("CAPACITY", "{|IL1006:\"ON_DEMAND\"|}").Replace("TEMPLATE", string.Empty), Syntactic));
        Assert.Equal(("IL1006", 14, 24), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("p5.48xlarge prices", finding.Message);
    }

    [Fact]
    public void IL1006_a_training_node_group_without_a_capacity_type_runs_on_demand_and_is_reported_at_the_node_group()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1006", """
            using Pulumi;
            using Pulumi.Aws.Eks;

            return await Deployment.RunAsync(() =>
            {
                {|IL1006:new NodeGroup("train", new NodeGroupArgs
                {
                    ClusterName = "ml",
                    NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                    SubnetIds = { "subnet-1" },
                    InstanceTypes = { "p5.48xlarge" },
                    Tags = { { "infralint.dev/role", "training" } },
                })|};
            });
            """, Syntactic));
        Assert.Equal(("IL1006", 6, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL1006_a_training_launch_template_on_demand_is_reported_at_the_template()
    {
        const string template = """
            {|IL1006:new LaunchTemplate("gpu", new LaunchTemplateArgs
                    {
                        InstanceType = "p4d.24xlarge",
                        TagSpecifications = { new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = { { "infralint.dev/role", "training" } } } },
                    })|};
            """;
        var finding = Assert.Single(CSharpVerify.Findings("IL1006", Training.Replace("CAPACITY", "\"SPOT\"").Replace("TEMPLATE", template), Syntactic));
        Assert.Equal(("IL1006", 17, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("p4d.24xlarge prices", finding.Message);
    }

    [Fact]
    public void IL1006_spot_node_groups_and_spot_launch_templates_are_not_reported()
    {
        const string template = """
            new LaunchTemplate("gpu", new LaunchTemplateArgs
                    {
                        InstanceType = "p4d.24xlarge",
                        InstanceMarketOptions = new LaunchTemplateInstanceMarketOptionsArgs { MarketType = "spot" },
                        TagSpecifications = { new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = { { "infralint.dev/role", "training" } } } },
                    });
            """;
        CSharpVerify.NoFindings("IL1006", Training.Replace("CAPACITY", "\"SPOT\"").Replace("TEMPLATE", template), Syntactic);
    }

    [Fact]
    public void IL1006_an_on_demand_training_instance_is_reported_and_a_critical_one_is_not()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL1006", """
            using Pulumi;
            using Pulumi.Aws.Ec2;

            return await Deployment.RunAsync(() =>
            {
                {|IL1006:new Instance("trainer", new InstanceArgs { InstanceType = "p4d.24xlarge", Ami = "ami-12345678", Tags = { { "infralint.dev/role", "training" } } })|};
                new Instance("critical", new InstanceArgs { InstanceType = "p4d.24xlarge", Ami = "ami-12345678", Tags = { { "infralint.dev/role", "training" }, { "infralint.dev/critical", "true" } } });
            });
            """, Syntactic));
        Assert.Equal(("IL1006", 6, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void Tags_with_a_computed_key_or_computed_as_a_whole_may_hold_any_profile_attribute()
    {
        const string code = """
            using System.Collections.Generic;
            using Pulumi;
            using Pulumi.Aws.Ec2;

            return await Deployment.RunAsync(() =>
            {
                var config = new Config();
                new Instance("keyed", new InstanceArgs { InstanceType = "p4d.24xlarge", Ami = "ami-12345678", Tags = { { "infralint.dev/role", "training" }, { config.Require("flag"), "true" } } });
                new Instance("computed", new InstanceArgs { InstanceType = "p4d.24xlarge", Ami = "ami-12345678", Tags = config.RequireObject<Dictionary<string, string>>("tags") });
            });
            """;
        CSharpVerify.NoFindings("IL1006", code, Syntactic);
        CSharpVerify.NoFindings("IL1004", code, Syntactic);
    }
}
