using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4006DisallowedRegionTests
{
    private const string Id = "IL4006";

    private static readonly LintSettings EuOnly = new() { AllowedRegions = new[] { "eu-west-1", "eu-central-*" } };

    [Fact]
    public void Literal_availability_zones_outside_the_allowed_regions_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Scratch:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: {|IL4006:us-east-1a|}
                  Size: 100
                  Encrypted: true
              LocalZone:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123
                  CidrBlock: 10.0.0.0/24
                  AvailabilityZone: {|IL4006:us-west-2-lax-1a|}
              Allowed:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123
                  CidrBlock: 10.0.1.0/24
                  AvailabilityZone: eu-central-1b
              Picked:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123
                  CidrBlock: 10.0.2.0/24
                  AvailabilityZone: !Select [0, {|IL4006:!GetAZs ap-southeast-2|}]
              StackRegion:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123
                  CidrBlock: 10.0.3.0/24
                  AvailabilityZone: !Select [1, !GetAZs ""]
              ZoneId:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123
                  CidrBlock: 10.0.4.0/24
                  AvailabilityZoneId: use1-az1
              Model:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::111122223333:role/sagemaker
                  PrimaryContainer:
                    Image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/tgi:2.3.0
                    ModelDataUrl: s3://models-us-east-1/llm.tar.gz
            """, EuOnly);
        Assert.Contains("AWS::EC2::Volume 'Scratch' is placed in us-east-1 (availability zone us-east-1a), which is not an allowed region (eu-west-1, eu-central-*)", findings[0].Message);
        Assert.Contains("placed in us-west-2 (availability zone us-west-2-lax-1a)", findings[1].Message);
    }

    [Fact]
    public void Pods_requiring_a_region_node_label_are_reported_at_each_disallowed_value()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: finetune
              namespace: training
            spec:
              template:
                spec:
                  nodeSelector:
                    topology.kubernetes.io/region: {|IL4006:us-east-1|}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - key: failure-domain.beta.kubernetes.io/region
                                operator: In
                                values: [eu-west-1, {|IL4006:us-west-2|}]
                              - key: topology.kubernetes.io/region
                                operator: NotIn
                                values: [ap-south-1]
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 1
                          preference:
                            matchExpressions:
                              - key: topology.kubernetes.io/region
                                operator: In
                                values: [sa-east-1]
                  containers:
                    - name: train
                      image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
            """, EuOnly);
        Assert.Equal(new[] { (Id, 10, 40), (Id, 18, 41) }, findings.Positions());
        Assert.Contains("Job 'finetune' is placed in us-east-1 (node label topology.kubernetes.io/region)", findings[0].Message);
    }

    [Fact]
    public void Nothing_is_reported_without_allowed_regions()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Scratch:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
                  Encrypted: true
            """);
    }
}
