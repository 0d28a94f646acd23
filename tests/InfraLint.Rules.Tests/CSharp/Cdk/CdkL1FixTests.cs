using InfraLint.CSharp.Families.Aws;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>Fixes on CDK L1 constructs: CloudFormation's keys written as the Cfn classes' properties, the result compiled against Amazon.CDK.Lib 2.103.0.</summary>
public sealed class CdkL1FixTests
{
    [Fact]
    public void IL2001_encryption_turned_off_is_turned_on_in_place()
    {
        CSharpVerify.Fix("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EFS;

            var stack = new Stack(new App(), "Training");
            new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = false });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EFS;

            var stack = new Stack(new App(), "Training");
            new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = true });
            """);
    }

    [Fact]
    public void IL2001_a_volume_without_encryption_gets_the_property_in_its_props()
    {
        CSharpVerify.Fix("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 500 });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 500, Encrypted = true });
            """);
    }

    [Fact]
    public void IL2001_a_database_without_storage_encryption_gets_it_on_a_line_of_its_own()
    {
        CSharpVerify.Fix("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;

            var stack = new Stack(new App(), "Training");
            new CfnDBInstance(stack, "Metadata", new CfnDBInstanceProps
            {
                DbInstanceClass = "db.t3.micro",
                Engine = "postgres" // the experiment tracker's store
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;

            var stack = new Stack(new App(), "Training");
            new CfnDBInstance(stack, "Metadata", new CfnDBInstanceProps
            {
                DbInstanceClass = "db.t3.micro",
                Engine = "postgres", // the experiment tracker's store
                StorageEncrypted = true
            });
            """);
    }

    [Fact]
    public void IL2001_an_instances_EBS_volume_gets_encryption_in_its_nested_property_object()
    {
        CSharpVerify.Fix("IL2001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            new CfnInstance(stack, "Trainer", new CfnInstanceProps
            {
                ImageId = "ami-0123456789abcdef0",
                InstanceType = "m5.xlarge",
                BlockDeviceMappings = new[]
                {
                    new CfnInstance.BlockDeviceMappingProperty
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new CfnInstance.EbsProperty
                        {
                            VolumeSize = 200,
                        },
                    },
                },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            new CfnInstance(stack, "Trainer", new CfnInstanceProps
            {
                ImageId = "ami-0123456789abcdef0",
                InstanceType = "m5.xlarge",
                BlockDeviceMappings = new[]
                {
                    new CfnInstance.BlockDeviceMappingProperty
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new CfnInstance.EbsProperty
                        {
                            VolumeSize = 200,
                            Encrypted = true,
                        },
                    },
                },
            });
            """);
    }

    [Fact]
    public void IL2012_a_public_access_block_flag_turned_off_is_turned_on()
    {
        CSharpVerify.Fix("IL2012", """
            using Amazon.CDK;
            using S3 = Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            new S3.CfnBucket(stack, "Raw", new S3.CfnBucketProps
            {
                PublicAccessBlockConfiguration = new S3.CfnBucket.PublicAccessBlockConfigurationProperty
                {
                    BlockPublicAcls = true,
                    BlockPublicPolicy = false,
                    IgnorePublicAcls = true,
                    RestrictPublicBuckets = true,
                },
            });
            """, """
            using Amazon.CDK;
            using S3 = Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            new S3.CfnBucket(stack, "Raw", new S3.CfnBucketProps
            {
                PublicAccessBlockConfiguration = new S3.CfnBucket.PublicAccessBlockConfigurationProperty
                {
                    BlockPublicAcls = true,
                    BlockPublicPolicy = true,
                    IgnorePublicAcls = true,
                    RestrictPublicBuckets = true,
                },
            });
            """);
    }

    [Fact]
    public void IL4002_a_short_retention_becomes_the_smallest_period_CloudWatch_accepts()
    {
        CSharpVerify.Fix("IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new CfnLogGroup(stack, "Inference", new CfnLogGroupProps { RetentionInDays = 30 });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Training");
            new CfnLogGroup(stack, "Inference", new CfnLogGroupProps { RetentionInDays = 180 });
            """);
    }

    [Fact]
    public void IL4001_a_trail_that_is_not_logging_is_turned_on()
    {
        CSharpVerify.Fix("IL4001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudTrail;

            var stack = new Stack(new App(), "Audit");
            new CfnTrail(stack, "Api", new CfnTrailProps { IsLogging = false, S3BucketName = "audit-logs" });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudTrail;

            var stack = new Stack(new App(), "Audit");
            new CfnTrail(stack, "Api", new CfnTrailProps { IsLogging = true, S3BucketName = "audit-logs" });
            """);
    }

    [Fact]
    public void IL1006_a_training_node_group_without_a_capacity_type_gets_SPOT()
    {
        CSharpVerify.Fix("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new CfnNodegroup(stack, "Train", new CfnNodegroupProps
            {
                ClusterName = "ml",
                NodeRole = "arn:aws:iam::123456789012:role/nodes",
                Subnets = new[] { "subnet-0123456789abcdef0" },
                InstanceTypes = new[] { "p4d.24xlarge" },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" }
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new CfnNodegroup(stack, "Train", new CfnNodegroupProps
            {
                ClusterName = "ml",
                NodeRole = "arn:aws:iam::123456789012:role/nodes",
                Subnets = new[] { "subnet-0123456789abcdef0" },
                InstanceTypes = new[] { "p4d.24xlarge" },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
                CapacityType = "SPOT"
            });
            """);
    }

    [Fact]
    public void IL1006_an_on_demand_training_node_group_is_switched_to_SPOT()
    {
        CSharpVerify.Fix("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new CfnNodegroup(stack, "Train", new CfnNodegroupProps
            {
                ClusterName = "ml",
                NodeRole = "arn:aws:iam::123456789012:role/nodes",
                Subnets = new[] { "subnet-0123456789abcdef0" },
                InstanceTypes = new[] { "p4d.24xlarge" },
                CapacityType = "ON_DEMAND",
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new CfnNodegroup(stack, "Train", new CfnNodegroupProps
            {
                ClusterName = "ml",
                NodeRole = "arn:aws:iam::123456789012:role/nodes",
                Subnets = new[] { "subnet-0123456789abcdef0" },
                InstanceTypes = new[] { "p4d.24xlarge" },
                CapacityType = "SPOT",
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            """);
    }

    [Fact]
    public void IL2004_an_HTTPS_listener_without_a_policy_gets_the_TLS_1_3_policy()
    {
        CSharpVerify.Fix("IL2004", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ElasticLoadBalancingV2;

            var stack = new Stack(new App(), "Serving");
            new CfnListener(stack, "Https", new CfnListenerProps
            {
                LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
                Port = 443,
                Protocol = "HTTPS",
                Certificates = new[] { new CfnListener.CertificateProperty { CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/llm" } },
                DefaultActions = new[] { new CfnListener.ActionProperty { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/llm/0123456789abcdef" } },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ElasticLoadBalancingV2;

            var stack = new Stack(new App(), "Serving");
            new CfnListener(stack, "Https", new CfnListenerProps
            {
                LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
                Port = 443,
                Protocol = "HTTPS",
                Certificates = new[] { new CfnListener.CertificateProperty { CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/llm" } },
                DefaultActions = new[] { new CfnListener.ActionProperty { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/llm/0123456789abcdef" } },
                SslPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06",
            });
            """);
    }

    [Fact]
    public void IL2004_a_legacy_policy_is_replaced_by_the_TLS_1_3_policy()
    {
        CSharpVerify.Fix("IL2004", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ElasticLoadBalancingV2;

            var stack = new Stack(new App(), "Serving");
            new CfnListener(stack, "Https", new CfnListenerProps
            {
                LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
                Port = 443,
                Protocol = "HTTPS",
                SslPolicy = "ELBSecurityPolicy-2016-08",
                DefaultActions = new[] { new CfnListener.ActionProperty { Type = "fixed-response" } },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ElasticLoadBalancingV2;

            var stack = new Stack(new App(), "Serving");
            new CfnListener(stack, "Https", new CfnListenerProps
            {
                LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
                Port = 443,
                Protocol = "HTTPS",
                SslPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06",
                DefaultActions = new[] { new CfnListener.ActionProperty { Type = "fixed-response" } },
            });
            """);
    }

    [Fact]
    public void IL4001_data_capture_turned_off_on_an_endpoint_config_is_turned_on()
    {
        CSharpVerify.Fix("IL4001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Sagemaker;

            var stack = new Stack(new App(), "Serving");
            new CfnEndpointConfig(stack, "Llm", new CfnEndpointConfigProps
            {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = "llm", InitialInstanceCount = 1, InstanceType = "ml.g5.xlarge" } },
                DataCaptureConfig = new CfnEndpointConfig.DataCaptureConfigProperty
                {
                    EnableCapture = false,
                    InitialSamplingPercentage = 100,
                    DestinationS3Uri = "s3://capture/llm",
                    CaptureOptions = new[] { new CfnEndpointConfig.CaptureOptionProperty { CaptureMode = "Input" } },
                },
            });
            """, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Sagemaker;

            var stack = new Stack(new App(), "Serving");
            new CfnEndpointConfig(stack, "Llm", new CfnEndpointConfigProps
            {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = "llm", InitialInstanceCount = 1, InstanceType = "ml.g5.xlarge" } },
                DataCaptureConfig = new CfnEndpointConfig.DataCaptureConfigProperty
                {
                    EnableCapture = true,
                    InitialSamplingPercentage = 100,
                    DestinationS3Uri = "s3://capture/llm",
                    CaptureOptions = new[] { new CfnEndpointConfig.CaptureOptionProperty { CaptureMode = "Input" } },
                },
            });
            """);
    }

    [Fact]
    public void The_renderer_writes_renamed_properties_and_nested_property_classes_as_the_file_names_the_construct()
    {
        var renderer = new CdkL1Renderer(CdkCfnNames.Types["Amazon.CDK.AWS.S3.CfnBucket"], "S3.CfnBucket");
        Assert.Equal("SseAlgorithm", renderer.Member("Resources.Raw.Properties.BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault", "SSEAlgorithm"));
        Assert.Equal("VersioningConfiguration", renderer.Member("Resources.Raw.Properties", "VersioningConfiguration"));
        Assert.Null(renderer.Member("Resources.Raw.Properties.Tags", "team"));
        Assert.Equal("new S3.CfnBucket.PublicAccessBlockConfigurationProperty", renderer.NewObject("Resources.Raw.Properties.PublicAccessBlockConfiguration"));
        Assert.Null(renderer.NewObject("Resources.Raw.Properties.LoggingConfiguration"));
    }
}
