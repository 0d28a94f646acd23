using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>Audit trails, log retention and IAM policies written with Pulumi AWS, read syntactically.</summary>
public sealed class PulumiAwsGovernanceTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    [Fact]
    public void A_trail_that_stops_logging_is_reported_and_one_that_omits_EnableLogging_logs_by_default()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4001", """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                new Aws.CloudTrail.Trail("paused", new() { S3BucketName = "audit-logs", EnableLogging = {|IL4001:false|} });
                new Aws.CloudTrail.Trail("default", new() { S3BucketName = "audit-logs" });
            });
            """, Syntactic));
        Assert.Equal(("IL4001", 6, 93), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void An_eks_cluster_without_the_audit_log_type_is_reported_at_the_cluster()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4001", """
            using Pulumi;
            using Pulumi.Aws.Eks;

            return await Deployment.RunAsync(() =>
            {
                var quiet = {|IL4001:new Cluster("quiet", new ClusterArgs { RoleArn = "arn:aws:iam::123456789012:role/eks" })|};
                var api = new Cluster("api-only", new ClusterArgs { RoleArn = "arn:aws:iam::123456789012:role/eks", EnabledClusterLogTypes = { "api", "audit" } });
            });
            """, Syntactic));
        Assert.Equal(("IL4001", 6, 17), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void Log_types_from_configuration_are_unknown()
    {
        CSharpVerify.NoFindings("IL4001", """
            using Pulumi;
            using Pulumi.Aws.Eks;

            return await Deployment.RunAsync(() =>
            {
                var config = new Config();
                new Cluster("gpu", new ClusterArgs { RoleArn = "arn:aws:iam::123456789012:role/eks", EnabledClusterLogTypes = config.RequireObject<string[]>("logTypes") });
            });
            """, Syntactic);
    }

    [Fact]
    public void A_data_capture_config_without_EnableCapture_captures_nothing_in_Pulumi()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4001", """
            using Pulumi;
            using Pulumi.Aws.Sagemaker;
            using Pulumi.Aws.Sagemaker.Inputs;

            return await Deployment.RunAsync(() =>
            {
                new EndpointConfiguration("llm", new EndpointConfigurationArgs
                {
                    ProductionVariants = { new EndpointConfigurationProductionVariantArgs { VariantName = "main", ModelName = "llm", InstanceType = "ml.g5.2xlarge", InitialInstanceCount = 1 } },
                    DataCaptureConfig = {|IL4001:new EndpointConfigurationDataCaptureConfigArgs|} { InitialSamplingPercentage = 20, DestinationS3Uri = "s3://capture/llm" },
                });
            });
            """, Syntactic));
        Assert.Equal(("IL4001", 10, 29), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void A_short_log_retention_is_reported_and_one_from_config_Require_is_unknown()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4002", """
            using Pulumi;
            using Pulumi.Aws.CloudWatch;

            return await Deployment.RunAsync(() =>
            {
                var config = new Config();
                new LogGroup("inference", new LogGroupArgs { RetentionInDays = {|IL4002:30|} });
                new LogGroup("training", new LogGroupArgs { RetentionInDays = config.RequireInt32("retention") });
                new LogGroup("audit", new LogGroupArgs { RetentionInDays = 365 });
            });
            """, Syntactic));
        Assert.Equal(("IL4002", 7, 68), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void Wildcards_in_a_policy_string_are_reported_inside_the_literal()
    {
        var findings = CSharpVerify.Findings("IL2005", """"
            using Pulumi;
            using Pulumi.Aws.Iam;

            return await Deployment.RunAsync(() =>
            {
                new RolePolicy("sagemaker-all", new RolePolicyArgs
                {
                    Role = "trainer",
                    Policy = """
                        {
                          "Version": "2012-10-17",
                          "Statement": [{ "Effect": "Allow", "Action": [{|IL2005:"sagemaker:*"|}], "Resource": "*" }]
                        }
                        """,
                });
                new Policy("escaped", new PolicyArgs { Policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":{|IL2005:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::data/*\"}}" });
            });
            """", Syntactic);
        Assert.Equal(new[] { (12, 61), (16, 129) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).OrderBy(p => p).ToArray());
    }

    [Fact]
    public void Wildcards_in_a_serialized_dictionary_or_anonymous_object_are_reported_at_the_value()
    {
        var findings = CSharpVerify.Findings("IL2005", """
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                new Aws.Iam.Policy("admin", new()
                {
                    Policy = JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["Version"] = "2012-10-17",
                        ["Statement"] = new[] { new Dictionary<string, object?> { ["Effect"] = "Allow", ["Action"] = {|IL2005:"*"|}, ["Resource"] = "*" } },
                    }),
                });
                new Aws.Iam.Role("trainer", new()
                {
                    AssumeRolePolicy = "{}",
                    InlinePolicies =
                    {
                        new Aws.Iam.Inputs.RoleInlinePolicyArgs
                        {
                            Name = "read-data",
                            Policy = JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = new[] { new { Effect = "Allow", Action = new[] { "s3:GetObject" }, Resource = {|IL2005:"*"|} } } }),
                        },
                    },
                });
            });
            """, Syntactic);
        Assert.Equal(new[] { (12, 106), (23, 171) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).OrderBy(p => p).ToArray());
    }

    [Fact]
    public void A_scoped_policy_and_one_built_from_an_output_are_not_reported()
    {
        CSharpVerify.NoFindings("IL2005", """"
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var data = new Aws.S3.BucketV2("data");
                new Aws.Iam.Policy("read", new() { Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}""" });
                new Aws.Iam.Policy("from-output", new() { Policy = data.Arn.Apply(arn => JsonSerializer.Serialize(new { Statement = new[] { new { Effect = "Allow", Action = "*", Resource = "*" } } })) });
            });
            """", Syntactic);
    }
}
