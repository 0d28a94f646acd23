using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1005InferenceWithoutAutoscalingTests
{
    private const string Id = "IL1005";

    private const string Server = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: llama
          namespace: serving
        spec:
          replicas: {|IL1005:4|}
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    private const string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: llama
          namespace: serving
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: llama
          minReplicas: 1
          maxReplicas: 8
        """;

    [Fact]
    public void Fixed_replicas_are_reported_with_the_count()
    {
        var finding = Assert.Single(Verify.Findings(Id, Server));
        Assert.Equal((Id, 7, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("Deployment 'llama' runs a fixed replica count of 4", finding.Message);
    }

    [Fact]
    public void Missing_replicas_means_the_default_single_replica()
    {
        var finding = Assert.Single(Lint.Yaml(Plain(Server).Replace("  replicas: 4\n", "")).Of(Id));
        Assert.Contains("the default replica count of 1", finding.Message);
    }

    private const string SageMaker = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Count: { Type: Number }
          IsShadow: { Type: String }
        Conditions:
          Shadow: !Equals [!Ref IsShadow, "yes"]
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
        CONFIG
          Endpoint:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointConfigName: !GetAtt Config.EndpointConfigName
        """;

    [Fact]
    public void A_SageMaker_endpoint_with_a_literal_instance_count_is_reported_at_the_count()
    {
        var finding = Assert.Single(Verify.Findings(Id, SageMaker.Replace("CONFIG", """
                  ProductionVariants:
                    - { VariantName: main, ModelName: churn, InstanceType: ml.m5.xlarge, InitialInstanceCount: {|IL1005:2|} }
            """)));
        Assert.Equal((Id, 12, 100), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("runs a fixed replica count of 2", finding.Message);
    }

    [Theory]
    [InlineData("      ProductionVariants:\n        - { VariantName: main, ModelName: churn, InstanceType: ml.m5.xlarge, InitialInstanceCount: !Ref Count }")]
    [InlineData("      ProductionVariants: !If [Shadow, [{ VariantName: a, ModelName: churn, InitialInstanceCount: 1 }], [{ VariantName: b, ModelName: churn, InitialInstanceCount: 1 }]]")]
    [InlineData("      !If\n      - Shadow\n      - ProductionVariants: [{ VariantName: a, ModelName: churn, InstanceType: ml.m5.xlarge, InitialInstanceCount: 1 }]\n      - ProductionVariants: [{ VariantName: b, ModelName: churn, InstanceType: ml.m5.xlarge, InitialInstanceCount: 1 }]")]
    public void A_SageMaker_instance_count_from_a_parameter_or_a_computed_config_is_not_the_default_of_one(string config)
    {
        // Corpus false positive: a shadow-deployment config whose Properties are an !If was reported as running "the
        // default replica count of 1".
        Verify.NoFindings(Id, SageMaker.Replace("CONFIG", config));
    }

    [Fact]
    public void A_SageMaker_endpoint_whose_config_is_kept_elsewhere_has_an_unknown_count()
    {
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

    [Fact]
    public void An_autoscaler_in_another_file_targets_the_workload()
    {
        var result = Lint.Files(("deploy.yaml", Plain(Server)), ("hpa.yaml", Hpa));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void An_autoscaler_for_another_name_or_namespace_does_not_count()
    {
        Verify.Files(Id,
            ("deploy.yaml", Server),
            ("hpa-other-name.yaml", Hpa.Replace("name: llama\n  minReplicas", "name: mistral\n  minReplicas")),
            ("hpa-other-namespace.yaml", Hpa.Replace("namespace: serving", "namespace: web")));
    }

    [Fact]
    public void Workloads_that_are_not_inference_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
            """);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;

    [Fact]
    public void KServe_autoscales_by_default_unless_min_equals_max()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: default-scaling
            spec:
              predictor:
                model:
                  modelFormat:
                    name: sklearn
                  storageUri: gs://kfserving-examples/models/sklearn/1.0/model
            ---
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: pinned
            spec:
              predictor:
                minReplicas: {|IL1005:2|}
                maxReplicas: 2
                model:
                  modelFormat:
                    name: sklearn
                  storageUri: gs://kfserving-examples/models/sklearn/1.0/model
            """);
        Assert.Contains("InferenceService 'pinned' runs a fixed replica count of 2", Assert.Single(findings).Message);
    }


    private static string VllmDeployment(string container) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: llama
        spec:
          replicas: {|IL1005:2|}
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        {{container}}
        """;

    [Theory]
    [InlineData("          args: [\"--model\", \"meta-llama/Llama-3.1-8B\"]")]
    [InlineData("          command: [\"/bin/sh\", \"-c\", \"vllm serve meta-llama/Llama-3.1-8B --port 8000\"]")]
    [InlineData("          command: [\"python\", \"/app/start.py\"]\n          ports:\n            - containerPort: 8000")]
    public void A_server_image_that_runs_its_server_or_declares_ports_serves(string container)
    {
        var finding = Assert.Single(Verify.Findings(Id, VllmDeployment(container)));
        Assert.Equal((Id, 6, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Theory]
    [InlineData("          command: [\"sleep\", \"infinity\"]")]
    [InlineData("          command: [\"/bin/bash\", \"-c\"]\n          args: [\"while true; do python3 benchmarks/benchmark_serving.py --backend vllm --host llama; sleep 60; done\"]")]
    [InlineData("          command: [\"/bin/bash\", \"-c\", \"while true; do curl -s http://llama:8000/v1/models; sleep 30; done\"]\n          ports:\n            - containerPort: 8000")]
    [InlineData("          command: [\"python\", \"/app/start.py\"]")]
    public void A_server_image_whose_entrypoint_is_replaced_by_a_client_or_a_wait_does_not_serve(string container) =>
        Verify.NoFindings(Id, Plain(VllmDeployment(container)));

    [Fact]
    public void An_openshift_deployment_config_runs_until_stopped_like_a_deployment()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: apps.openshift.io/v1
            kind: DeploymentConfig
            metadata:
              name: llama
            spec:
              replicas: {|IL1005:2|}
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """));
        Assert.Equal((Id, 6, 13), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Verify.NoFindings(Id, """
            apiVersion: example.com/v1
            kind: DeploymentConfig
            metadata:
              name: llama
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }

}
