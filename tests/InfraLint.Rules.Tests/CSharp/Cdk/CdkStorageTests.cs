using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>IL2001, IL2002 and IL2012 on CDK L1 and L2 storage, in both modes.</summary>
public sealed class CdkStorageTests
{
    [Fact]
    public void IL2001_an_L1_file_system_with_encryption_off_is_reported_at_the_value()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EFS;

            var stack = new Stack(new App(), "Training");
            new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = {|IL2001:false|} });
            """));
        Assert.Equal(("IL2001", 5, 78), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2001_an_L1_volume_without_encryption_is_reported_at_its_construct()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            {|IL2001:new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 500 })|};
            """));
        Assert.Equal(("IL2001", 5, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2001_encrypted_L1_storage_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EFS;
            using Amazon.CDK.AWS.RDS;

            var stack = new Stack(new App(), "Training");
            const bool encrypted = true;
            new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = encrypted });
            new CfnDBInstance(stack, "Metadata", new CfnDBInstanceProps { DbInstanceClass = "db.t3.micro", Engine = "postgres", StorageEncrypted = true });
            """);
    }

    [Fact]
    public void IL2002_an_L2_bucket_relies_on_S3s_default_encryption_by_CDKs_default()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            var data = {|IL2002:new Bucket(stack, "Data", new BucketProps { Versioned = true })|};
            """));
        Assert.Equal(("IL2002", 5, 12), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2002_L2_and_L1_buckets_with_encryption_are_not_reported()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.KMS;

            var stack = new Stack(new App(), "Training");
            var key = new Key(stack, "DataKey", new KeyProps { EnableKeyRotation = true });
            new Bucket(stack, "Data", new BucketProps { EncryptionKey = key });
            new Bucket(stack, "Models", new BucketProps { Encryption = BucketEncryption.KMS_MANAGED });
            new CfnBucket(stack, "Raw", new CfnBucketProps
            {
                BucketEncryption = new CfnBucket.BucketEncryptionProperty
                {
                    ServerSideEncryptionConfiguration = new[]
                    {
                        new CfnBucket.ServerSideEncryptionRuleProperty
                        {
                            ServerSideEncryptionByDefault = new CfnBucket.ServerSideEncryptionByDefaultProperty { SseAlgorithm = "aws:kms", KmsMasterKeyId = key.KeyArn },
                        },
                    },
                },
            });
            """);
    }

    [Fact]
    public void IL2002_an_encryption_that_is_not_a_constant_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            BucketEncryption Pick() => BucketEncryption.S3_MANAGED;
            new Bucket(stack, "Data", new BucketProps { Encryption = Pick() });
            var props = new BucketProps();
            new Bucket(stack, "Logs", props);
            """);
    }

    [Fact]
    public void IL2002_a_bucket_changed_after_it_is_built_is_not_read()
    {
        CSharpVerify.NoFindings("IL2002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            var data = new Bucket(stack, "Data");
            data.AddLifecycleRule(new LifecycleRule { Expiration = Duration.Days(30) });
            var raw = new CfnBucket(stack, "Raw");
            raw.AddPropertyOverride("BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm", "aws:kms");
            """);
    }

    [Fact]
    public void IL2012_a_public_ACL_and_a_public_access_block_turned_off_are_reported_at_the_value()
    {
        var findings = CSharpVerify.Findings("IL2012", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Serving");
            new Bucket(stack, "Site", new BucketProps { Encryption = BucketEncryption.S3_MANAGED, AccessControl = {|IL2012:BucketAccessControl.PUBLIC_READ|} });
            new Bucket(stack, "Open", new BucketProps
            {
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = {|IL2012:false|}, IgnorePublicAcls = true, RestrictPublicBuckets = true }),
            });
            """);
        Assert.Equal(new[] { 5, 9 }, findings.Select(f => f.Location.StartLine).Order().ToArray());
    }

    [Fact]
    public void IL2012_a_bucket_that_blocks_public_access_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2012", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Serving");
            new Bucket(stack, "Data", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, AccessControl = BucketAccessControl.PRIVATE });
            """);
    }

    [Fact]
    public void A_users_own_Bucket_type_is_not_S3()
    {
        const string code = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            new LogGroup(stack, "Audit");
            new Storage.Bucket(stack, "Data", new Storage.BucketProps());

            namespace Storage
            {
                public sealed class BucketProps { public bool Versioned { get; set; } }
                public sealed class Bucket { public Bucket(Constructs.Construct scope, string id, BucketProps props) { } }
                public static class Buckets { public static Bucket Make(Constructs.Construct scope) => new Bucket(scope, "Mine", new BucketProps()); }
            }
            """;
        foreach (var mode in new[] { CSharpMode.Syntactic, CSharpMode.Semantic })
            Assert.Empty(CSharpLint.Run(code, mode).Findings);
    }
}
