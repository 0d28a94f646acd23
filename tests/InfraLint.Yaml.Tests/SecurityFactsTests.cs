using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;
using static InfraLint.Yaml.Tests.AdapterHarness;

namespace InfraLint.Yaml.Tests;

/// <summary>The facts the security and governance rules read: exposure, TLS, rate limits, placements, inherited encryption.</summary>
public class SecurityFactsTests
{
    [Fact]
    public void Load_balancer_services_are_public_unless_a_cloud_annotation_makes_them_internal()
    {
        var endpoints = Facts("""
            apiVersion: v1
            kind: Service
            metadata: {name: public}
            spec: {type: LoadBalancer}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: aws
              annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}
            spec: {type: LoadBalancer}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: gke
              annotations: {networking.gke.io/load-balancer-type: Internal}
            spec: {type: LoadBalancer}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: azure-off
              annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}
            spec: {type: LoadBalancer}
            """).OfType<Endpoint>().ToDictionary(e => e.Name);
        Assert.Equal(Exposure.Public, endpoints["public"].Exposure);
        Assert.False(endpoints["public"].RateLimited!.IsPresent);
        Assert.Equal((4, 14), Pos(endpoints["public"].RateLimited!.Span));
        Assert.Equal(Exposure.Internal, endpoints["aws"].Exposure);
        Assert.Null(endpoints["aws"].RateLimited);
        Assert.Equal(Exposure.Internal, endpoints["gke"].Exposure);
        Assert.Equal(Exposure.Public, endpoints["azure-off"].Exposure);
    }

    [Fact]
    public void Ingress_rate_limits_and_cloud_certificates_are_read_from_annotations()
    {
        var endpoints = Facts("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: limited
              annotations:
                nginx.ingress.kubernetes.io/limit-rps: "5"
            spec: {}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: zero
              annotations:
                nginx.ingress.kubernetes.io/limit-rps: "0"
                alb.ingress.kubernetes.io/scheme: internet-facing
                alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
            spec: {}
            """).OfType<Endpoint>().ToDictionary(e => e.Name);
        Assert.True(endpoints["limited"].RateLimited!.Value);
        Assert.Equal((6, 44), Pos(endpoints["limited"].RateLimited!.Span));
        Assert.False(endpoints["limited"].Tls!.IsPresent);
        Assert.False(endpoints["zero"].RateLimited!.IsPresent);
        Assert.Equal(Exposure.Public, endpoints["zero"].Exposure);
        Assert.True(endpoints["zero"].Tls!.Value);
    }

    [Fact]
    public void Required_region_labels_become_placements_and_preferred_ones_do_not()
    {
        var placements = Facts("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: llm, namespace: serving}
            spec:
              template:
                spec:
                  nodeSelector:
                    topology.kubernetes.io/region: eu-west-1
                    topology.kubernetes.io/zone: eu-west-1a
                  affinity:
                    nodeAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 1
                          preference:
                            matchExpressions:
                              - {key: topology.kubernetes.io/region, operator: In, values: [us-east-1]}
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """).OfType<RegionPlacement>().ToList();
        var placement = Assert.Single(placements);
        Assert.Equal("eu-west-1", placement.Region.Value);
        Assert.Equal((8, 40), Pos(placement.Region.Span));
        Assert.Equal("Deployment/serving/llm", placement.Resource.Id);
    }

    [Theory]
    [InlineData("us-east-1a", "us-east-1")]
    [InlineData("us-west-2-lax-1a", "us-west-2")]
    [InlineData("us-east-1-wl1-bos-wlz-1", "us-east-1")]
    [InlineData("us-gov-west-1b", "us-gov-west-1")]
    [InlineData("eu-central-2c", "eu-central-2")]
    [InlineData("use1-az1", null)]
    [InlineData("eu-west-1", null)]
    public void Availability_zones_name_their_region(string zone, string? region)
    {
        var placements = Facts($"""
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: {zone}
            """).OfType<RegionPlacement>().ToList();
        Assert.Equal(region, placements.SingleOrDefault()?.Region.Value);
    }

    [Theory]
    [InlineData("ml.g5.12xlarge", true)]
    [InlineData("ml.p4d.24xlarge", true)]
    [InlineData("ml.g4dn.xlarge", true)]
    [InlineData("ml.m5d.large", true)]
    [InlineData("ml.p5.48xlarge", true)]
    [InlineData("ml.m5.xlarge", false)]
    [InlineData("ml.inf2.xlarge", false)]
    [InlineData("ml.c5.large", false)]
    public void Sagemaker_instance_types_with_local_nvme_storage_have_no_kms_encrypted_volume(string type, bool nvme)
    {
        var volumes = Facts($"""
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      InstanceType: {type}
            """).OfType<StorageResource>().ToList();
        Assert.Equal(nvme, volumes.Count == 0);
    }

    [Fact]
    public void Cloudformation_storage_inherits_encryption_from_its_source_and_key_policies_scope_to_the_key()
    {
        var facts = Facts("""
            Resources:
              Replica:
                Type: AWS::RDS::DBInstance
                Properties:
                  SourceDBInstanceIdentifier: !Ref Primary
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/app}
                        Action: kms:Decrypt
                        Resource: "*"
            """);
        Assert.Equal(EncryptionAtRest.Unknown, facts.OfType<StorageResource>().Single().Encryption.Value);
        Assert.Empty(facts.OfType<AccessPolicy>().Single().Statements.Single().Resources);
    }

    [Fact]
    public void Api_deployments_with_a_stage_name_are_stages_and_usage_plans_on_the_api_throttle_them()
    {
        var stage = Facts("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  ApiStages:
                    - ApiId: !Ref Api
                      Stage: prod
                  Throttle: {RateLimit: 10, BurstLimit: 20}
            """).OfType<Endpoint>().Single();
        Assert.Equal("AWS::ApiGateway::Deployment", stage.Kind);
        Assert.True(stage.RateLimited!.Value);
    }

    [Fact]
    public void Security_settings_are_read_from_configuration()
    {
        var config = ConfigLoader.Load(new SourceText(".infralint.yaml", """
            requireCustomerManagedKeys: true
            minLogRetentionDays: 365
            allowedRegions: [eu-west-1]
            """), _ => true);
        Assert.Empty(config.Problems);
        Assert.True(config.Settings.RequireCustomerManagedKeys);
        Assert.Equal(365, config.Settings.MinLogRetentionDays);
        Assert.Equal(180, ConfigLoader.Load(new SourceText(".infralint.yaml", "allowedRegions: []"), _ => true).Settings.MinLogRetentionDays);

        var bad = ConfigLoader.Load(new SourceText(".infralint.yaml", """
            requireCustomerManagedKeys: maybe
            minLogRetentionDays: 0
            """), _ => true);
        Assert.Equal(new[] { (1, 29), (2, 22) }, bad.Problems.Select(p => Pos(p.Span)));
    }

    [Fact]
    public void The_rule_set_is_read_from_configuration()
    {
        Assert.Equal(RuleSelection.Recommended, ConfigLoader.Load(new SourceText(".infralint.yaml", "allowedRegions: []"), _ => true).Settings.RuleSet);
        var all = ConfigLoader.Load(new SourceText(".infralint.yaml", "ruleSet: all\n"), _ => true);
        Assert.Empty(all.Problems);
        Assert.Equal(RuleSelection.All, all.Settings.RuleSet);
        var bad = ConfigLoader.Load(new SourceText(".infralint.yaml", "ruleSet: strict\n"), _ => true);
        Assert.Equal(new[] { (1, 10) }, bad.Problems.Select(p => Pos(p.Span)));
        Assert.Contains("'recommended' (the default) or 'all'", bad.Problems.Single().Message);
    }
}
