using System.Text.Json;
using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;
using Aws = Pulumi.Aws;

/// <summary>Datasets, model artifacts and the GPU node group that trains on them.</summary>
public static class TrainingStack
{
    public sealed record Outputs(Output<string> DatasetBucketName, Output<string> ModelBucketName);

    public static Outputs Define()
    {
        var config = new Config();
        var tags = new Dictionary<string, string> { ["team"] = "ml-platform", ["cost-center"] = "cc-4410", ["model"] = "llama-3-8b" };

        // Encrypted with a customer-managed key, through the v7 side resource.
        var dataKey = new Aws.Kms.Key("dataset-key", new() { EnableKeyRotation = true, Tags = tags });
        var datasets = new Bucket("datasets", new BucketArgs { Tags = tags });
        new BucketServerSideEncryptionConfiguration("datasets-sse", new()
        {
            Bucket = datasets.Id,
            Rules =
            {
                new BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                        KmsMasterKeyId = dataKey.Arn,
                    },
                },
            },
        });
        new BucketPolicy("datasets-tls", new()
        {
            Bucket = datasets.Id,
            Policy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }]
                }
                """,
        });

        // Problem: model artifacts rely on S3's default key, accept plain HTTP, and one public-access flag is off.
        var models = new Bucket("model-artifacts", new BucketArgs { Tags = tags });
        new BucketPublicAccessBlock("model-artifacts-pab", new()
        {
            Bucket = models.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = false,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        });

        // Problem: the training role may do anything with S3, anywhere.
        new Aws.Iam.Role("trainer", new()
        {
            AssumeRolePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
            InlinePolicies =
            {
                new Aws.Iam.Inputs.RoleInlinePolicyArgs
                {
                    Name = "data-access",
                    Policy = JsonSerializer.Serialize(new
                    {
                        Version = "2012-10-17",
                        Statement = new[] { new { Effect = "Allow", Action = new[] { "s3:*" }, Resource = "*" } },
                    }),
                },
            },
            Tags = tags,
        });

        // Problem: the cluster keeps no audit log, and training logs vanish after a week.
        var cluster = new Aws.Eks.Cluster("training", new()
        {
            RoleArn = config.Require("clusterRoleArn"),
            VpcConfig = new Aws.Eks.Inputs.ClusterVpcConfigArgs { SubnetIds = config.RequireObject<string[]>("subnets") },
            EnabledClusterLogTypes = { "api", "authenticator" },
            Tags = tags,
        });
        new Aws.CloudWatch.LogGroup("training-jobs", new() { RetentionInDays = 7, Tags = tags });

        // Problem: scratch space for checkpoints is not encrypted.
        new Aws.Ebs.Volume("checkpoint-scratch", new() { AvailabilityZone = "us-east-1a", Size = 2000, Type = "gp3", Tags = tags });

        new Aws.CloudTrail.Trail("account-audit", new() { S3BucketName = datasets.Id, IsMultiRegionTrail = true, Tags = tags });

        return new Outputs(datasets.BucketName, models.BucketName);
    }
}
