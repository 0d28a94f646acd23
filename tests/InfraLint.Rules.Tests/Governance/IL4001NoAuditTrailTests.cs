using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4001NoAuditTrailTests
{
    private const string Id = "IL4001";

    [Fact]
    public void Stopped_trails_clusters_without_audit_logs_and_endpoints_without_capture_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit
                  IsLogging: {|IL4001:false|}
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  Logging:
                    ClusterLogging:
                      {|IL4001:EnabledTypes|}:
                        - Type: api
                        - Type: authenticator
              {|IL4001:Uncaptured|}:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: llm
                      InstanceType: ml.g5.2xlarge
                      InitialInstanceCount: 1
              CaptureOff:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: llm
                      InstanceType: ml.g5.2xlarge
                      InitialInstanceCount: 1
                  DataCaptureConfig:
                    EnableCapture: {|IL4001:false|}
                    InitialSamplingPercentage: 100
                    DestinationS3Uri: s3://capture/llm
                    CaptureOptions:
                      - CaptureMode: Input
            """);
        Assert.Equal(new[] { (Id, 7, 18), (Id, 14, 11), (Id, 17, 3), (Id, 34, 24) }, findings.Positions());
        Assert.Contains("turns off the audit record of AWS API calls at IsLogging", findings[0].Message);
        Assert.Contains("keeps no audit record of inference requests and responses of endpoint config Uncaptured", findings[2].Message);
    }

    [Fact]
    public void Logging_trails_audited_clusters_capturing_and_serverless_endpoints_and_unknowns_are_not_reported()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Logging:
                Type: String
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit
                  IsLogging: true
              ParametrisedTrail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit
                  IsLogging: !Ref Logging
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: api
                        - Type: audit
              Captured:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: llm
                      InstanceType: ml.g5.2xlarge
                      InitialInstanceCount: 1
                  DataCaptureConfig:
                    EnableCapture: true
                    InitialSamplingPercentage: 100
                    DestinationS3Uri: s3://capture/llm
                    CaptureOptions:
                      - CaptureMode: Input
                      - CaptureMode: Output
              Serverless:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: small
                      ServerlessConfig:
                        MemorySizeInMB: 2048
                        MaxConcurrency: 5
            """);
    }

    [Fact]
    public void An_asynchronous_endpoint_keeps_its_requests_and_responses_in_S3_and_one_with_computed_properties_is_not_judged()
    {
        const string Async = """
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - ModelName: m
                      VariantName: v
                      InstanceType: ml.g5.xlarge
                      InitialInstanceCount: 1
                  AsyncInferenceConfig:
                    OutputConfig:
                      S3OutputPath: s3://bucket/async-out
            """;
        Verify.NoFindings(Id, Async);
        Verify.Findings(Id, Async.Replace("  Config:", "  {|IL4001:Config|}:").Replace("      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/async-out", ""));
        Verify.NoFindings(Id, """
            Conditions:
              IsShadow: !Equals [a, b]
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  !If
                  - IsShadow
                  - ProductionVariants: [{ModelName: m, VariantName: v, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1}]
                  - ProductionVariants: [{ModelName: n, VariantName: v, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1}]
            """);
    }

    [Fact]
    public void Fix_turns_the_trail_on()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit
                  IsLogging: false
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit
                  IsLogging: true
            """);
    }

    [Fact]
    public void Fix_turns_data_capture_on()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: llm
                      InstanceType: ml.g5.2xlarge
                      InitialInstanceCount: 1
                  DataCaptureConfig:
                    EnableCapture: false
                    DestinationS3Uri: s3://capture/llm
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: llm
                      InstanceType: ml.g5.2xlarge
                      InitialInstanceCount: 1
                  DataCaptureConfig:
                    EnableCapture: true
                    DestinationS3Uri: s3://capture/llm
            """);
    }

    [Fact]
    public void A_compose_model_server_that_discards_its_logs_is_reported_at_the_driver()
    {
        const string compose = """
            services:
              llm:
                image: vllm/vllm-openai:v0.6.3
                logging:
                  driver: {|IL4001:none|}
              ui:
                image: ghcr.io/open-webui/open-webui:v0.3.35
                logging:
                  driver: none
            """;
        var finding = Assert.Single(Verify.Findings(Id, compose));
        Assert.Equal((Id, 5, 15), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("requests served by the model server 'llm'", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void A_compose_model_server_with_any_log_driver_is_not_reported() =>
        Verify.NoFindings(Id, """
            services:
              llm:
                image: vllm/vllm-openai:v0.6.3
                logging:
                  driver: json-file
                  options: {max-size: 50m}
            """);
}
