using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2013NoNetworkPolicyTests
{
    private const string Id = "IL2013";

    private const string Vllm = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {|IL2013:vllm|}
          namespace: llm
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private const string Trainer = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: finetune
          namespace: llm
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: trainer
                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
                  resources:
                    limits:
                      nvidia.com/gpu: 1
        """;

    private const string Policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: llm
        spec:
          podSelector: {}
          policyTypes: ["Ingress"]
        """;

    [Fact]
    public void One_finding_per_namespace_at_the_first_workload_with_the_others_related()
    {
        var finding = Assert.Single(Verify.Files(Id, ("b-train.yaml", Trainer), ("a-serve.yaml", Vllm)));
        Assert.Equal(("a-serve.yaml", 4, 9), (finding.Location.File, finding.Location.StartLine, finding.Location.StartColumn));
        var related = Assert.Single(finding.Related);
        Assert.Equal(("b-train.yaml", 4), (related.Span.File, related.Span.StartLine));
        Assert.Contains("Namespace 'llm' runs Deployment 'vllm' and 1 more AI workload", finding.Message);
    }

    [Fact]
    public void Each_namespace_gets_its_own_finding()
    {
        var findings = Verify.Files(Id,
            ("serve.yaml", Vllm + "\n---\n" + Vllm.Replace("{|IL2013:vllm|}", "{|IL2013:vllm-b|}").Replace("namespace: llm", "namespace: other")));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void A_policy_in_another_file_of_the_scan_covers_the_namespace()
    {
        var result = Lint.Files(("serve.yaml", Vllm.Replace("{|IL2013:", "").Replace("|}", "")), ("train.yaml", Trainer), ("policy.yaml", Policy));
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void A_policy_in_a_different_namespace_does_not_count()
    {
        Verify.Files(Id, ("serve.yaml", Vllm), ("policy.yaml", Policy.Replace("namespace: llm", "namespace: web")));
    }

    [Fact]
    public void Namespaces_without_ai_workloads_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
            """);
    }

    [Fact]
    public void Cluster_scoped_templates_have_no_namespace_to_protect()
    {
        Verify.NoFindings(Id, """
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: ClusterTrainingRuntime
            metadata:
              name: torch-distributed
            spec:
              template:
                spec:
                  replicatedJobs:
                    - name: node
                      template:
                        spec:
                          template:
                            spec:
                              containers:
                                - name: node
                                  image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime
            """);
    }

    private const string SageMakerModel = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          NAME:
            Type: AWS::SageMaker::Model
            Properties:
              ExecutionRoleArn: arn:aws:iam::123456789012:role/sm
              PrimaryContainer:
                Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2
        NETWORK
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - VariantName: main
                  ModelName: !GetAtt Model.ModelName
                  ServerlessConfig: { MaxConcurrency: 5, MemorySizeInMB: 2048 }
          Endpoint:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointConfigName: !GetAtt Config.EndpointConfigName
        """;

    [Fact]
    public void A_SageMaker_model_neither_isolated_nor_in_a_VPC_is_reported_at_the_model_in_SageMaker_terms()
    {
        // Corpus false positive: the serverless endpoint was reported as "Namespace '<file>' ... no NetworkPolicy".
        var finding = Assert.Single(Verify.Findings(Id, SageMakerModel.Replace("NAME", "{|IL2013:Model|}").Replace("NETWORK", "")));
        Assert.Equal((3, 3), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Equal("AWS::SageMaker::Model 'Model' runs its containers on SageMaker's own network with outbound access: EnableNetworkIsolation is not set and no VpcConfig places them in your network. Set VpcConfig (private subnets and security groups) so your network rules govern their traffic, or EnableNetworkIsolation: true if the containers need no network.", finding.Message);
        Assert.DoesNotContain("amespace", finding.Message);
    }

    [Fact]
    public void Network_isolation_written_false_is_reported_at_the_value()
    {
        var finding = Assert.Single(Verify.Findings(Id, SageMakerModel.Replace("NAME", "Model").Replace("NETWORK", "      EnableNetworkIsolation: {|IL2013:false|}")));
        Assert.Equal((9, 31), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("EnableNetworkIsolation is false", finding.Message);
    }

    [Theory]
    [InlineData("      EnableNetworkIsolation: true")]
    [InlineData("      VpcConfig:\n        SecurityGroupIds: [sg-0123]\n        Subnets: [subnet-0123]")]
    [InlineData("      VpcConfig: !If [InVpc, { SecurityGroupIds: [sg-0123], Subnets: [subnet-0123] }, !Ref AWS::NoValue]")]
    [InlineData("      EnableNetworkIsolation: !Ref Isolate")]
    public void A_model_isolated_in_a_VPC_or_whose_settings_are_computed_is_not_reported(string network)
    {
        Verify.NoFindings(Id, SageMakerModel.Replace("NAME", "Model").Replace("NETWORK", network));
    }

    [Fact]
    public void A_SageMaker_endpoint_whose_model_is_elsewhere_is_not_reported_as_a_namespace()
    {
        // The endpoint runs the containers of a model this template does not declare: the model is judged where it is.
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              ConfigName: { Type: String }
            Resources:
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: !Ref ConfigName
            """);
    }
}
