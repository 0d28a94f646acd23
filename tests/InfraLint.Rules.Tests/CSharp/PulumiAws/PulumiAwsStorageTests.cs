using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>S3 buckets and volumes written with Pulumi AWS (v6 and v7), read syntactically: no Pulumi package is served here.</summary>
public sealed class PulumiAwsStorageTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    [Fact]
    public void A_v7_bucket_without_encryption_relies_on_the_provider_default()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2002", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var models = {|IL2002:new Bucket("models", new BucketArgs { ForceDestroy = true })|};
            });
            """, Syntactic));
        Assert.Equal(("IL2002", 6, 18), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void A_v6_bucket_encrypted_by_its_side_resource_with_a_kms_key_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Pulumi;
            using Pulumi.Aws.S3;
            using Pulumi.Aws.S3.Inputs;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var key = new Aws.Kms.Key("data-key", new() { EnableKeyRotation = true });
                var data = new BucketV2("training-data", new BucketV2Args());
                new BucketServerSideEncryptionConfigurationV2("training-data-sse", new()
                {
                    Bucket = data.Id,
                    Rules =
                    {
                        new BucketServerSideEncryptionConfigurationV2RuleArgs
                        {
                            ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                            {
                                SseAlgorithm = "aws:kms",
                                KmsMasterKeyId = key.Arn,
                            },
                        },
                    },
                });
            });
            """, Syntactic);
    }

    [Fact]
    public void A_v7_side_resource_joins_its_bucket_and_a_provider_key_is_reported_only_when_customer_keys_are_required()
    {
        const string Code = """
            using Pulumi;
            using Pulumi.Aws.S3;
            using Pulumi.Aws.S3.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var data = new Bucket("training-data");
                new BucketServerSideEncryptionConfiguration("training-data-sse", new()
                {
                    Bucket = data.Id,
                    Rules = { new BucketServerSideEncryptionConfigurationRuleArgs { ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "AES256" } } },
                });
            });
            """;
        CSharpVerify.NoFindings("IL2002", Code, Syntactic);
    }

    [Fact]
    public void A_bucket_whose_encryption_resource_names_it_through_a_variable_that_cannot_be_followed_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Pulumi;
            using Pulumi.Aws.S3;
            using Pulumi.Aws.S3.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var config = new Config();
                var data = new BucketV2("training-data", new BucketV2Args());
                var target = config.Require("bucket");
                new BucketServerSideEncryptionConfigurationV2("sse", new()
                {
                    Bucket = target,
                    Rules = { new BucketServerSideEncryptionConfigurationV2RuleArgs { ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "aws:kms" } } },
                });
            });
            """, Syntactic);
    }

    [Fact]
    public void A_users_own_Bucket_class_is_not_S3()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Pulumi;

            namespace Infra;

            public sealed class Bucket
            {
                public Bucket(string name, object? args = null) { }
            }

            public static class Program
            {
                public static void Main() => _ = new Bucket("models", null);
            }
            """, Syntactic);
    }

    [Fact]
    public void A_side_public_access_block_that_turns_a_flag_off_or_omits_one_is_reported()
    {
        var findings = CSharpVerify.Findings("IL2012", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var artifacts = new BucketV2("artifacts");
                var block = {|IL2012:new BucketPublicAccessBlock("artifacts-pab", new()
                {
                    Bucket = artifacts.Id,
                    BlockPublicAcls = true,
                    BlockPublicPolicy = {|IL2012:false|},
                    IgnorePublicAcls = true,
                })|};
            });
            """, Syntactic);
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => (f.Location.StartLine, f.Location.StartColumn) == (11, 29) && f.Message.Contains("BlockPublicPolicy", StringComparison.Ordinal));
        Assert.Contains(findings, f => (f.Location.StartLine, f.Location.StartColumn) == (7, 17) && f.Message.Contains("RestrictPublicBuckets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_access_block_with_every_flag_on_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2012", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var artifacts = new BucketV2("artifacts");
                new BucketPublicAccessBlock("artifacts-pab", new()
                {
                    Bucket = artifacts.Id,
                    BlockPublicAcls = true,
                    BlockPublicPolicy = true,
                    IgnorePublicAcls = true,
                    RestrictPublicBuckets = true,
                });
            });
            """, Syntactic);
    }

    [Fact]
    public void A_public_canned_acl_is_reported_at_the_value()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2012", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var site = new BucketV2("site");
                new BucketAclV2("site-acl", new() { Bucket = site.Id, Acl = {|IL2012:"public-read"|} });
            });
            """, Syntactic));
        Assert.Equal(("IL2012", 7, 65), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void A_bucket_without_a_policy_that_denies_plain_http_is_reported_and_one_with_it_is_not()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2003", """
            using System.Text.Json;
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var open = {|IL2003:new Bucket("open")|};
                var locked = new Bucket("locked");
                new BucketPolicy("locked-tls", new()
                {
                    Bucket = locked.Id,
                    Policy = JsonSerializer.Serialize(new
                    {
                        Version = "2012-10-17",
                        Statement = new[]
                        {
                            new { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*", Condition = new { Bool = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } } },
                        },
                    }),
                });
            });
            """, Syntactic));
        Assert.Equal(("IL2003", 7, 16), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void A_bucket_policy_built_from_an_output_makes_every_bucket_unknown()
    {
        CSharpVerify.NoFindings("IL2003", """
            using System.Text.Json;
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var data = new Bucket("data");
                new BucketPolicy("data-tls", new()
                {
                    Bucket = data.Id,
                    Policy = data.Arn.Apply(arn => JsonSerializer.Serialize(new { Version = "2012-10-17" })),
                });
            });
            """, Syntactic);
    }

    [Fact]
    public void An_unencrypted_volume_is_reported_and_an_encrypted_one_is_not()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2001", """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var scratch = {|IL2001:new Aws.Ebs.Volume("scratch", new() { AvailabilityZone = "us-east-1a", Size = 500 })|};
                var cache = new Aws.Ebs.Volume("cache", new() { AvailabilityZone = "us-east-1a", Size = 500, Encrypted = true });
                var off = new Aws.Ebs.Volume("off", new() { AvailabilityZone = "us-east-1a", Size = 500, Encrypted = {|IL2001:false|} });
            });
            """, Syntactic), f => f.Location.StartLine == 6);
        Assert.Equal(("IL2001", 6, 19), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void A_root_volume_without_Encrypted_follows_its_image_and_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2001", """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                new Aws.Ec2.Instance("box", new()
                {
                    Ami = "ami-0123456789abcdef0",
                    InstanceType = Aws.Ec2.InstanceType.G5_12XLarge,
                    RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { VolumeSize = 200 },
                });
            });
            """, Syntactic);
    }
}
