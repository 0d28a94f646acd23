using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// Fixes written in Pulumi AWS C#: the args property that holds the CloudFormation key the rule sets (a trail's
/// <c>EnableLogging</c> is CloudFormation's <c>IsLogging</c>), replaced in place or added in the initializer's layout.
/// Pulumi is not served here: the fixed code is parsed, not compiled.
/// </summary>
public sealed class PulumiAwsFixTests
{
    [Fact]
    public void IL4001_a_trail_that_stops_logging_is_turned_back_on() => CSharpVerify.Fix("IL4001", """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                new Aws.CloudTrail.Trail("paused", new() { S3BucketName = "audit-logs", EnableLogging = false });
            });
            """, """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                new Aws.CloudTrail.Trail("paused", new() { S3BucketName = "audit-logs", EnableLogging = true });
            });
            """, compiles: false);

    [Fact]
    public void IL4001_a_data_capture_config_without_EnableCapture_gets_it_on_a_line_of_its_own() => CSharpVerify.Fix("IL4001", """
            using Pulumi;
            using Pulumi.Aws.Sagemaker;
            using Pulumi.Aws.Sagemaker.Inputs;

            return await Deployment.RunAsync(() =>
            {
                new EndpointConfiguration("llm", new EndpointConfigurationArgs
                {
                    ProductionVariants = { new EndpointConfigurationProductionVariantArgs { VariantName = "main", ModelName = "llm", InstanceType = "ml.g5.2xlarge", InitialInstanceCount = 1 } },
                    DataCaptureConfig = new EndpointConfigurationDataCaptureConfigArgs
                    {
                        InitialSamplingPercentage = 20,
                        DestinationS3Uri = "s3://capture/llm",
                    },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Sagemaker;
            using Pulumi.Aws.Sagemaker.Inputs;

            return await Deployment.RunAsync(() =>
            {
                new EndpointConfiguration("llm", new EndpointConfigurationArgs
                {
                    ProductionVariants = { new EndpointConfigurationProductionVariantArgs { VariantName = "main", ModelName = "llm", InstanceType = "ml.g5.2xlarge", InitialInstanceCount = 1 } },
                    DataCaptureConfig = new EndpointConfigurationDataCaptureConfigArgs
                    {
                        InitialSamplingPercentage = 20,
                        DestinationS3Uri = "s3://capture/llm",
                        EnableCapture = true,
                    },
                });
            });
            """, compiles: false);

    [Fact]
    public void IL4002_a_short_retention_is_raised_to_the_minimum() => CSharpVerify.Fix("IL4002", """
            using Pulumi;
            using Pulumi.Aws.CloudWatch;

            return await Deployment.RunAsync(() =>
            {
                var logs = new LogGroup("inference", new LogGroupArgs
                {
                    Name = "/ml/inference",
                    RetentionInDays = 30
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.CloudWatch;

            return await Deployment.RunAsync(() =>
            {
                var logs = new LogGroup("inference", new LogGroupArgs
                {
                    Name = "/ml/inference",
                    RetentionInDays = 180
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2001_a_volume_without_Encrypted_gets_it_in_its_one_line_initializer() => CSharpVerify.Fix("IL2001", """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var scratch = new Aws.Ebs.Volume("scratch", new() { AvailabilityZone = "us-east-1a", Size = 500 });
            });
            """, """
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var scratch = new Aws.Ebs.Volume("scratch", new() { AvailabilityZone = "us-east-1a", Size = 500, Encrypted = true });
            });
            """, compiles: false);

    [Fact]
    public void IL2001_a_launch_template_volume_is_encrypted_with_the_string_Pulumi_types_it_as() => CSharpVerify.Fix("IL2001", """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var template = new LaunchTemplate("gpu", new LaunchTemplateArgs
                {
                    InstanceType = "g5.2xlarge",
                    BlockDeviceMappings =
                    {
                        new LaunchTemplateBlockDeviceMappingArgs
                        {
                            DeviceName = "/dev/xvda",
                            Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { VolumeSize = 200, Encrypted = "false" },
                        },
                    },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var template = new LaunchTemplate("gpu", new LaunchTemplateArgs
                {
                    InstanceType = "g5.2xlarge",
                    BlockDeviceMappings =
                    {
                        new LaunchTemplateBlockDeviceMappingArgs
                        {
                            DeviceName = "/dev/xvda",
                            Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { VolumeSize = 200, Encrypted = "true" },
                        },
                    },
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2001_a_launch_template_volume_without_Encrypted_gets_the_string_true() => CSharpVerify.Fix("IL2001", """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var template = new LaunchTemplate("gpu", new LaunchTemplateArgs
                {
                    InstanceType = "g5.2xlarge",
                    BlockDeviceMappings =
                    {
                        new LaunchTemplateBlockDeviceMappingArgs
                        {
                            DeviceName = "/dev/xvda",
                            Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { VolumeSize = 200 },
                        },
                    },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var template = new LaunchTemplate("gpu", new LaunchTemplateArgs
                {
                    InstanceType = "g5.2xlarge",
                    BlockDeviceMappings =
                    {
                        new LaunchTemplateBlockDeviceMappingArgs
                        {
                            DeviceName = "/dev/xvda",
                            Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { VolumeSize = 200, Encrypted = "true" },
                        },
                    },
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2001_an_instance_ebs_block_device_gets_Encrypted_in_its_own_args() => CSharpVerify.Fix("IL2001", """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var box = new Instance("box", new InstanceArgs
                {
                    Ami = "ami-0123456789abcdef0",
                    InstanceType = "g5.2xlarge",
                    EbsBlockDevices =
                    {
                        new InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", VolumeSize = 500 },
                    },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Ec2;
            using Pulumi.Aws.Ec2.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var box = new Instance("box", new InstanceArgs
                {
                    Ami = "ami-0123456789abcdef0",
                    InstanceType = "g5.2xlarge",
                    EbsBlockDevices =
                    {
                        new InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", VolumeSize = 500, Encrypted = true },
                    },
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2012_a_flag_the_public_access_block_omits_is_added_to_the_block() => CSharpVerify.Fix("IL2012", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var bucket = new BucketV2("artifacts");
                new BucketPublicAccessBlock("artifacts-pab", new()
                {
                    Bucket = bucket.Id,
                    BlockPublicAcls = true,
                    IgnorePublicAcls = true,
                    RestrictPublicBuckets = true,
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var bucket = new BucketV2("artifacts");
                new BucketPublicAccessBlock("artifacts-pab", new()
                {
                    Bucket = bucket.Id,
                    BlockPublicAcls = true,
                    IgnorePublicAcls = true,
                    RestrictPublicBuckets = true,
                    BlockPublicPolicy = true,
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2012_a_flag_turned_off_is_turned_on() => CSharpVerify.Fix("IL2012", """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var data = new Bucket("data");
                new BucketPublicAccessBlock("data-pab", new() { Bucket = data.Id, BlockPublicAcls = true, BlockPublicPolicy = false, IgnorePublicAcls = true, RestrictPublicBuckets = true });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var data = new Bucket("data");
                new BucketPublicAccessBlock("data-pab", new() { Bucket = data.Id, BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true });
            });
            """, compiles: false);

    [Fact]
    public void IL1006_a_training_node_group_without_a_capacity_type_gets_SPOT() => CSharpVerify.Fix("IL1006", """
            using Pulumi;
            using Pulumi.Aws.Eks;
            using Pulumi.Aws.Eks.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var training = new NodeGroup("training", new NodeGroupArgs
                {
                    ClusterName = "ml",
                    NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                    SubnetIds = { "subnet-1" },
                    InstanceTypes = { "p4d.24xlarge" },
                    ScalingConfig = new NodeGroupScalingConfigArgs { DesiredSize = 2, MinSize = 0, MaxSize = 4 },
                    Tags = { { "infralint.dev/role", "training" } },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Eks;
            using Pulumi.Aws.Eks.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var training = new NodeGroup("training", new NodeGroupArgs
                {
                    ClusterName = "ml",
                    NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                    SubnetIds = { "subnet-1" },
                    InstanceTypes = { "p4d.24xlarge" },
                    ScalingConfig = new NodeGroupScalingConfigArgs { DesiredSize = 2, MinSize = 0, MaxSize = 4 },
                    Tags = { { "infralint.dev/role", "training" } },
                    CapacityType = "SPOT",
                });
            });
            """, compiles: false);

    [Fact]
    public void IL1006_an_on_demand_training_node_group_is_moved_to_SPOT() => CSharpVerify.Fix("IL1006", """
            using Pulumi;
            using Pulumi.Aws.Eks;
            using Pulumi.Aws.Eks.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var training = new NodeGroup("training", new NodeGroupArgs
                {
                    ClusterName = "ml",
                    NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                    SubnetIds = { "subnet-1" },
                    InstanceTypes = { "p4d.24xlarge" },
                    ScalingConfig = new NodeGroupScalingConfigArgs { DesiredSize = 2, MinSize = 0, MaxSize = 4 },
                    CapacityType = "ON_DEMAND",
                    Tags = { { "infralint.dev/role", "training" } },
                });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.Eks;
            using Pulumi.Aws.Eks.Inputs;

            return await Deployment.RunAsync(() =>
            {
                var training = new NodeGroup("training", new NodeGroupArgs
                {
                    ClusterName = "ml",
                    NodeRoleArn = "arn:aws:iam::123456789012:role/node",
                    SubnetIds = { "subnet-1" },
                    InstanceTypes = { "p4d.24xlarge" },
                    ScalingConfig = new NodeGroupScalingConfigArgs { DesiredSize = 2, MinSize = 0, MaxSize = 4 },
                    CapacityType = "SPOT",
                    Tags = { { "infralint.dev/role", "training" } },
                });
            });
            """, compiles: false);

    [Fact]
    public void IL2004_an_old_tls_policy_is_replaced() => CSharpVerify.Fix("IL2004", """
            using Pulumi;
            using Pulumi.Aws.LB;

            return await Deployment.RunAsync(() =>
            {
                var lb = new LoadBalancer("api", new LoadBalancerArgs { Internal = false });
                new Listener("https", new ListenerArgs { LoadBalancerArn = lb.Arn, Port = 443, Protocol = "HTTPS", SslPolicy = "ELBSecurityPolicy-2016-08", CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/x" });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.LB;

            return await Deployment.RunAsync(() =>
            {
                var lb = new LoadBalancer("api", new LoadBalancerArgs { Internal = false });
                new Listener("https", new ListenerArgs { LoadBalancerArn = lb.Arn, Port = 443, Protocol = "HTTPS", SslPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06", CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/x" });
            });
            """, compiles: false);

    [Fact]
    public void IL2004_a_listener_without_a_policy_gets_one() => CSharpVerify.Fix("IL2004", """
            using Pulumi;
            using Pulumi.Aws.LB;

            return await Deployment.RunAsync(() =>
            {
                var lb = new LoadBalancer("api", new LoadBalancerArgs { Internal = false });
                new Listener("https", new ListenerArgs { LoadBalancerArn = lb.Arn, Port = 443, Protocol = "HTTPS", CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/x" });
            });
            """, """
            using Pulumi;
            using Pulumi.Aws.LB;

            return await Deployment.RunAsync(() =>
            {
                var lb = new LoadBalancer("api", new LoadBalancerArgs { Internal = false });
                new Listener("https", new ListenerArgs { LoadBalancerArn = lb.Arn, Port = 443, Protocol = "HTTPS", CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/x", SslPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06" });
            });
            """, compiles: false);

    [Fact]
    public void IL2002_a_bucket_encrypted_by_a_resource_of_its_own_in_Pulumi_is_offered_no_fix()
    {
        var finding = Assert.Single(CSharpLint.Run("""
            using Pulumi;
            using Pulumi.Aws.S3;

            return await Deployment.RunAsync(() =>
            {
                var models = new Bucket("models", new BucketArgs { ForceDestroy = true });
            });
            """, CSharpMode.Syntactic).Of("IL2002"));
        Assert.Equal(("IL2002", 6, 18), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Empty(finding.Fixes);
    }
}
