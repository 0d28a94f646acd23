using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

/// <summary>
/// CloudFormation values computed at deploy time (a <c>!Ref</c>, an <c>!If</c>) are unknown, never missing: tags, a
/// SageMaker data capture config, EKS log types, and a bucket policy's statements, Effect or Condition.
/// </summary>
public sealed class ComputedCloudFormationValuesTests
{
    [Fact]
    public void IL1011_tags_from_a_parameter_are_unknown()
    {
        Verify.NoFindings("IL1011", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              CostTags:
                Type: CommaDelimitedList
              Team:
                Type: String
            Resources:
              Models:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: !Ref CostTags
              Trainer:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
                  ImageId: ami-12345678
                  Tags:
                    - Key: cost-center
                      Value: cc-1
                    - Key: model
                      Value: llama
                    - Key: team
                      Value: !Ref Team
              Checkpoints:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
                  FileSystemTags:
                    - Key: team
                      Value: ml
                  Tags:
                    - !If [HasTags, { Key: team, Value: ml }, !Ref AWS::NoValue]
            """);
    }

    [Fact]
    public void IL1011_literal_tags_and_a_computed_value_still_name_what_is_missing()
    {
        var finding = Assert.Single(Verify.Findings("IL1011", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Team:
                Type: String
            Resources:
              {|IL1011:Models|}:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - Key: team
                      Value: !Ref Team
                    - Key: model
                      Value: llama
            """));
        Assert.Equal(("IL1011", 6, 3), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("has no cost-center label", finding.Message);
    }

    [Fact]
    public void IL1011_kubernetes_labels_that_cannot_be_read_are_unknown()
    {
        Verify.NoFindings("IL1011", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chat
              labels: !include labels.yaml
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
                      resources:
                        limits:
                          nvidia.com/gpu: 1
            """);
    }

    [Fact]
    public void IL4001_a_data_capture_config_from_a_parameter_is_unknown()
    {
        Verify.NoFindings("IL4001", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Capture:
                Type: String
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  DataCaptureConfig: !If [Prod, { EnableCapture: true, InitialSamplingPercentage: 100 }, !Ref AWS::NoValue]
                  ProductionVariants:
                    - VariantName: main
                      ModelName: m
                      InstanceType: ml.m5.large
                      InitialInstanceCount: 1
            """);
    }

    [Fact]
    public void IL4001_EKS_log_types_from_a_parameter_are_unknown()
    {
        Verify.NoFindings("IL4001", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              LogTypes:
                Type: String
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1]
                  Logging:
                    ClusterLogging:
                      EnabledTypes: !Ref LogTypes
              Other:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1]
                  Logging: !If [Prod, { ClusterLogging: { EnabledTypes: [{ Type: audit }] } }, !Ref AWS::NoValue]
            """);
    }

    [Fact]
    public void IL4001_a_cluster_without_logging_is_still_reported()
    {
        var finding = Assert.Single(Verify.Findings("IL4001", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL4001:Cluster|}:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1]
            """));
        Assert.Equal(("IL4001", 3, 3), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2003_a_bucket_policy_with_a_computed_effect_or_condition_is_unknown()
    {
        Verify.NoFindings("IL2003", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Effect:
                Type: String
              Secure:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Statement:
                      - Effect: !Ref Effect
                        Principal: "*"
                        Action: s3:*
                        Resource: !Sub "${Data.Arn}/*"
                        Condition:
                          Bool:
                            aws:SecureTransport: "false"
              Logs:
                Type: AWS::S3::Bucket
              LogsPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Logs
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: s3:*
                        Resource: !Sub "${Logs.Arn}/*"
                        Condition: !If [Strict, { Bool: { aws:SecureTransport: "false" } }, !Ref AWS::NoValue]
              Models:
                Type: AWS::S3::Bucket
              ModelsPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Models
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: s3:*
                        Resource: !Sub "${Models.Arn}/*"
                        Condition:
                          Bool:
                            aws:SecureTransport: !Ref Secure
            """);
    }

    [Fact]
    public void IL2003_a_bucket_policy_that_allows_plaintext_is_still_reported()
    {
        var finding = Assert.Single(Verify.Findings("IL2003", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL2003:Data|}:
                Type: AWS::S3::Bucket
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: arn:aws:iam::123456789012:root }
                        Action: s3:GetObject
                        Resource: !Sub "${Data.Arn}/*"
            """));
        Assert.Equal(("IL2003", 3, 3), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2005_a_statement_without_literal_resources_says_so()
    {
        var findings = Verify.Findings("IL2005", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: {|IL2005:sagemaker:*|}
                        Resource: !Sub "arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/*"
                      - Effect: Allow
                        Action: {|IL2005:s3:*|}
                      - Effect: !Ref Effect
                        Action: "*"
                        Resource: "*"
            """);
        Assert.Equal(new[] { (9, 21), (12, 21) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
        Assert.Contains(findings, f => f.Message.Contains("grants every action ('sagemaker:*') on resources set elsewhere;", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("grants every action ('s3:*') on no resource listed;", StringComparison.Ordinal));
    }
}
