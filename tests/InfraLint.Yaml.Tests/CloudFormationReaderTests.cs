using InfraLint.Tests;
using InfraLint.Core.Facts;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

public class CloudFormationReaderTests
{
    private static List<object> Example() =>
        Facts(File.ReadAllText(Path.Combine(Repo.Root, "examples", "cloudformation", "sagemaker-endpoint.yaml")), "sagemaker-endpoint.yaml");

    [Fact]
    public void Bucket_encryption_and_public_access_follow_s3_defaults()
    {
        var bucket = Example().OfType<StorageResource>().Single(s => s.Name == "ArtifactBucket");
        Assert.Equal(EncryptionAtRest.ProviderDefault, bucket.Encryption.Value);
        Assert.False(bucket.Encryption.IsPresent);
        Assert.Equal((9, 3), Pos(bucket.Encryption.Span));
        Assert.False(bucket.BlocksPublicAccess.Value);
        var off = Assert.Single(bucket.PublicAccessFlags, f => f.Value == false);
        Assert.Equal((14, 28), Pos(off.Span));
        Assert.False(bucket.RequiresSecureTransport.IsPresent);
    }

    [Fact]
    public void Endpoint_takes_instances_from_its_config_and_model_keeps_its_environment()
    {
        var facts = Example();
        var endpoint = facts.OfType<ComputeWorkload>().Single(w => w.Kind == "AWS::SageMaker::Endpoint");
        Assert.Equal(("ml.g5.12xlarge", 2), (endpoint.InstanceType!.Value, endpoint.Replicas.Value));
        Assert.Equal((34, 33), Pos(endpoint.Replicas.Span));
        Assert.True(endpoint.IsLongRunning);
        Assert.Null(endpoint.InlineAutoscaling);
        var model = facts.OfType<ComputeWorkload>().Single(w => w.Kind == "AWS::SageMaker::Model").Containers.Single();
        Assert.True(model.ManagedByPlatform);
        var token = model.Env.Single(e => e.Name.Value == "HUGGING_FACE_HUB_TOKEN");
        Assert.Equal((26, 35), Pos(token.Value.Span));
        var capture = facts.OfType<AuditLog>().Single();
        Assert.False(capture.Enabled.IsPresent);
    }

    [Fact]
    public void Intrinsics_are_unknown_and_kms_root_is_the_default_key_policy()
    {
        var facts = Example();
        var managed = facts.OfType<AccessPolicy>().Single(p => p.Kind == "AWS::IAM::ManagedPolicy").Statements.Single();
        Assert.Equal("sagemaker:*", managed.Actions.Single().Value);
        Assert.Equal("*", managed.Resources.Single().Value);
        Assert.Null(managed.ConventionalDefault);
        var key = facts.OfType<AccessPolicy>().Single(p => p.Kind == "AWS::KMS::Key").Statements.Single();
        Assert.NotNull(key.ConventionalDefault);
        var efs = facts.OfType<StorageResource>().Single(s => s.Name == "SharedFiles");
        Assert.Equal(EncryptionAtRest.None, efs.Encryption.Value);
        string fixedText = Apply(File.ReadAllText(Path.Combine(Repo.Root, "examples", "cloudformation", "sagemaker-endpoint.yaml")), efs.EnableEncryption!.Set(true));
        Assert.Contains("      PerformanceMode: generalPurpose\n      Encrypted: true", fixedText.Replace("\r\n", "\n"));
        Assert.Equal(30, facts.OfType<LogStore>().Single().RetentionDays.Value);
    }

    [Fact]
    public void Scaling_target_links_to_the_endpoint_through_intrinsics()
    {
        var facts = Facts("""
            Resources:
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties: {EndpointConfigName: !GetAtt Cfg.EndpointConfigName}
              Scaling:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: sagemaker
                  ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic
                  ScalableDimension: sagemaker:variant:DesiredInstanceCount
                  MinCapacity: 1
                  MaxCapacity: !Ref Max
              Unknown:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: !If [UseKms, "aws:kms", AES256]
            """);
        var endpoint = facts.OfType<ComputeWorkload>().Single();
        var scaler = facts.OfType<Autoscaler>().Single();
        Assert.True(scaler.Targets(endpoint));
        Assert.Equal(1, scaler.MinReplicas.Value);
        Assert.True(scaler.MaxReplicas.IsPresent);
        Assert.Null(scaler.MaxReplicas.Value);
        Assert.Equal(EncryptionAtRest.Unknown, facts.OfType<StorageResource>().Single().Encryption.Value);
    }
}

public class AutoScalingGroupTests
{
    [Fact]
    public void Group_is_a_node_pool_with_its_launch_templates_instance_type_and_capacity()
    {
        var facts = Facts("""
            Resources:
              GpuTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: {InstanceType: p4d.24xlarge}
              OnDemand:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "4"
                  DesiredCapacity: "2"
                  LaunchTemplate: {LaunchTemplateId: !Ref GpuTemplate, Version: !GetAtt GpuTemplate.LatestVersionNumber}
              Mixed:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "0"
                  MaxSize: "8"
                  MixedInstancesPolicy:
                    InstancesDistribution: {OnDemandPercentageAboveBaseCapacity: 0}
                    LaunchTemplate:
                      LaunchTemplateSpecification: {LaunchTemplateId: !Ref GpuTemplate, Version: "1"}
                      Overrides: [{InstanceType: g5.12xlarge}]
            """);
        var groups = facts.OfType<ComputeWorkload>().Where(w => w.Kind == "AWS::AutoScaling::AutoScalingGroup").ToList();
        var onDemand = groups.Single(g => g.Name == "OnDemand");
        Assert.True(onDemand.IsNodePool);
        Assert.Equal(("p4d.24xlarge", "on-demand", 2), (onDemand.InstanceType!.Value, onDemand.CapacityType!.Value, onDemand.Replicas.Value));
        Assert.Equal((5, 42), Pos(onDemand.InstanceType.Span));
        var mixed = groups.Single(g => g.Name == "Mixed");
        Assert.Equal(("g5.12xlarge", "spot", 0), (mixed.InstanceType!.Value, mixed.CapacityType!.Value, mixed.Replicas.Value));
    }

    [Fact]
    public void Account_root_in_a_key_policy_is_read_in_both_spellings_of_ref()
    {
        var facts = Facts("""
            Resources:
              Short:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - {Effect: Allow, Principal: {AWS: !Ref AWS::AccountId}, Action: "kms:*", Resource: "*"}
              Long:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - {Effect: Allow, Principal: {AWS: {Ref: AWS::AccountId}}, Action: "kms:*", Resource: "*"}
            """);
        var policies = facts.OfType<AccessPolicy>().ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.NotNull(p.Statements.Single().ConventionalDefault));
    }
}
