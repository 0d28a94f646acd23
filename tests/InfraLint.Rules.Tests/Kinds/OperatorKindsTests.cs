using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Kinds;

/// <summary>
/// Kinds whose containers are not under a pod spec's <c>containers</c> list: Tekton steps and sidecars, and the
/// containers the NIM, HyperPod inference and Spark operators build from fields of their own. Each is recognised only
/// in its API group.
/// </summary>
public sealed class OperatorKindsTests
{
    [Fact]
    public void A_privileged_tekton_step_and_sidecar_are_reported_at_their_flags()
    {
        var findings = Verify.Findings("IL2006", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: build-image
            spec:
              steps:
                - name: build
                  image: gcr.io/kaniko-project/executor:v1.23.2
                  securityContext:
                    privileged: {|IL2006:true|}
              sidecars:
                - name: docker
                  image: docker:27-dind
                  securityContext:
                    privileged: {|IL2006:true|}
            """);
        Assert.Equal(new[] { ("IL2006", 10, 21), ("IL2006", 15, 21) }, findings.Positions());
        Assert.Contains("container 'build' of Task 'build-image' runs privileged", findings[0].Message);
    }

    [Fact]
    public void A_pipeline_task_spec_step_is_judged_and_a_task_of_another_group_is_not()
    {
        var findings = Verify.Findings("IL2006", """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              name: train-and-push
            spec:
              pipelineSpec:
                tasks:
                  - name: push
                    taskSpec:
                      steps:
                        - name: push
                          image: docker:27
                          securityContext:
                            privileged: {|IL2006:true|}
            """);
        Assert.Equal(new[] { ("IL2006", 14, 29) }, findings.Positions());
        Verify.NoFindings("IL2006", """
            apiVersion: example.com/v1
            kind: Task
            metadata:
              name: build-image
            spec:
              steps:
                - name: build
                  image: docker:27
                  securityContext:
                    privileged: true
            """);
    }

    [Fact]
    public void A_tekton_step_token_in_plain_text_is_reported_and_one_from_a_secret_is_not()
    {
        var findings = Verify.Findings("IL2009", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: upload-model
            spec:
              steps:
                - name: upload
                  image: python:3.12-slim
                  env:
                    - name: HF_TOKEN
                      value: {|IL2009:hf_SeCrEtVaLuE1234567890abcdefXYZ|}
            """);
        Assert.Equal(new[] { ("IL2009", 11, 18) }, findings.Positions());
        Verify.NoFindings("IL2009", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: upload-model
            spec:
              steps:
                - name: upload
                  image: python:3.12-slim
                  env:
                    - name: HF_TOKEN
                      valueFrom:
                        secretKeyRef: {name: hf, key: token}
            """);
    }

    [Fact]
    public void A_tekton_step_running_as_uid_0_is_reported_and_one_that_says_nothing_is_left_to_the_run()
    {
        var findings = Verify.Findings("IL2007", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: lint
            spec:
              steps:
                - name: lint
                  image: python:3.12-slim
                  securityContext:
                    runAsUser: {|IL2007:0|}
            """);
        Assert.Equal(new[] { ("IL2007", 10, 20) }, findings.Positions());
        // The pod's security context comes from the TaskRun's podTemplate or the cluster's default-pod-template, and a
        // stepTemplate is merged into every step: neither is visible in the Task.
        Verify.NoFindings("IL2007", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: lint
            spec:
              steps:
                - name: lint
                  image: python:3.12-slim
            """);
        Verify.NoFindings("IL2007", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: lint
            spec:
              stepTemplate:
                securityContext:
                  runAsNonRoot: true
              steps:
                - name: lint
                  image: python:3.12-slim
            """);
    }

    [Fact]
    public void A_fixed_replica_nim_service_is_inference_without_autoscaling()
    {
        var findings = Verify.Findings("IL1005", """
            apiVersion: apps.nvidia.com/v1alpha1
            kind: NIMService
            metadata:
              name: llama3-8b
            spec:
              image:
                repository: nvcr.io/nim/meta/llama3-8b-instruct
                tag: 1.0.3
              authSecret: ngc-api-secret
              replicas: {|IL1005:1|}
              resources:
                limits:
                  nvidia.com/gpu: 1
              expose:
                service:
                  port: 8000
            """);
        Assert.Equal(new[] { ("IL1005", 10, 13) }, findings.Positions());
    }

    [Fact]
    public void A_nim_service_with_its_hpa_enabled_autoscales_and_gets_the_operators_probes()
    {
        const string yaml = """
            apiVersion: apps.nvidia.com/v1alpha1
            kind: NIMService
            metadata:
              name: llama3-8b
            spec:
              image:
                repository: nvcr.io/nim/meta/llama3-8b-instruct
                tag: 1.0.3
              authSecret: ngc-api-secret
              scale:
                enabled: true
                hpa:
                  minReplicas: 1
                  maxReplicas: 4
              resources:
                limits:
                  nvidia.com/gpu: 1
                  memory: 32Gi
              expose:
                service:
                  port: 8000
            """;
        Verify.NoFindings("IL1005", yaml);
        Verify.NoFindings("IL3004", yaml);
        Verify.NoFindings("IL3006", yaml);
    }

    [Fact]
    public void A_nim_service_is_scraped_when_its_operator_makes_the_service_monitor()
    {
        const string yaml = """
            apiVersion: apps.nvidia.com/v1alpha1
            kind: NIMService
            metadata:
              name: {|IL3002:llama3-8b|}
            spec:
              image:
                repository: nvcr.io/nim/meta/llama3-8b-instruct
                tag: 1.0.3
              replicas: 2
            """;
        Assert.Equal(new[] { ("IL3002", 4, 9) }, Verify.Findings("IL3002", yaml).Positions());
        Verify.NoFindings("IL3002", yaml.Replace("{|IL3002:llama3-8b|}", "llama3-8b") + "\n  metrics:\n    enabled: true\n");
    }

    [Fact]
    public void A_nim_service_of_another_group_is_not_a_workload()
    {
        Verify.NoFindings("IL1005", """
            apiVersion: example.com/v1
            kind: NIMService
            metadata:
              name: llama3-8b
            spec:
              image:
                repository: nvcr.io/nim/meta/llama3-8b-instruct
                tag: 1.0.3
              replicas: 1
            """);
    }

    [Fact]
    public void A_hyperpod_worker_without_a_memory_limit_is_reported_at_its_resources()
    {
        var findings = Verify.Findings("IL3006", """
            apiVersion: inference.sagemaker.aws.amazon.com/v1alpha1
            kind: InferenceEndpointConfig
            metadata:
              name: deepseek15b
            spec:
              modelName: deepseek15b
              instanceType: ml.g5.8xlarge
              worker:
                image: 763104351884.dkr.ecr.us-east-2.amazonaws.com/djl-inference:0.32.0-lmi14.0.0-cu124
                {|IL3006:resources|}:
                  limits:
                    nvidia.com/gpu: 1
                  requests:
                    nvidia.com/gpu: 1
                    cpu: 25600m
                    memory: 102Gi
            """);
        Assert.Equal(new[] { ("IL3006", 10, 5) }, findings.Positions());
        Verify.NoFindings("IL3006", """
            apiVersion: inference.sagemaker.aws.amazon.com/v1alpha1
            kind: InferenceEndpointConfig
            metadata:
              name: deepseek15b
            spec:
              modelName: deepseek15b
              instanceType: ml.g5.8xlarge
              worker:
                image: 763104351884.dkr.ecr.us-east-2.amazonaws.com/djl-inference:0.32.0-lmi14.0.0-cu124
                resources:
                  limits:
                    nvidia.com/gpu: 1
                    memory: 102Gi
            """);
    }

    [Fact]
    public void A_gpu_spark_application_is_an_ai_workload_and_a_cpu_one_is_not()
    {
        var findings = Verify.Findings("IL1004", """
            apiVersion: sparkoperator.k8s.io/v1beta2
            kind: SparkApplication
            metadata:
              name: {|IL1004:rapids-etl|}
            spec:
              type: Python
              mode: cluster
              image: nvcr.io/nvidia/rapids-spark:24.10
              mainApplicationFile: local:///opt/app/etl.py
              driver:
                cores: 1
                memory: 4g
              executor:
                instances: 2
                cores: 4
                memory: 16g
                gpu:
                  name: nvidia.com/gpu
                  quantity: 1
            """);
        Assert.Equal(new[] { ("IL1004", 4, 9) }, findings.Positions());
        Verify.NoFindings("IL1004", """
            apiVersion: sparkoperator.k8s.io/v1beta2
            kind: SparkApplication
            metadata:
              name: etl
            spec:
              type: Python
              image: spark:3.5.1
              mainApplicationFile: local:///opt/app/etl.py
              driver:
                cores: 1
                memory: 4g
              executor:
                instances: 2
                cores: 4
                memory: 16g
            """);
    }

    [Fact]
    public void A_privileged_spark_driver_is_reported_and_a_gpu_given_by_quantity_is_a_limit()
    {
        const string yaml = """
            apiVersion: sparkoperator.k8s.io/v1beta2
            kind: SparkApplication
            metadata:
              name: rapids-etl
            spec:
              image: nvcr.io/nvidia/rapids-spark:24.10
              driver:
                cores: 1
                memory: 4g
                securityContext:
                  privileged: {|IL2006:true|}
              {|IL2006:executor|}:
                cores: 4
                memory: 16g
                gpu:
                  name: nvidia.com/gpu
                  quantity: 1
            """;
        // The executor says nothing of privilege escalation, which Kubernetes then allows.
        Assert.Equal(new[] { ("IL2006", 11, 19), ("IL2006", 12, 3) }, Verify.Findings("IL2006", yaml).Positions());
        string plain = yaml.Replace("{|IL2006:true|}", "true").Replace("{|IL2006:executor|}", "executor");
        Verify.NoFindings("IL1010", plain);
        Verify.NoFindings("IL3004", plain);
    }

    private const string KubeAiModel = """
        apiVersion: kubeai.org/v1
        kind: Model
        metadata:
          name: llama-3.1-8b-instruct-l4
        spec:
          features: [TextGeneration]
          url: hf://meta-llama/Meta-Llama-3.1-8B-Instruct
          engine: VLLM
          resourceProfile: nvidia-gpu-l4:1
          minReplicas: 1
          maxReplicas: 1
        """;

    [Fact]
    public void A_kubeai_model_is_a_gpu_model_server_sized_by_its_resource_profile()
    {
        // A fixed replica count (min = max) and one L4: the workload is an inference server on one GPU.
        var result = Lint.Yaml(KubeAiModel);
        Verify.NoParseFailures(result);
        Assert.Equal(new[] { ("IL1005", 10, 16) }, result.Of("IL1005").Positions());
        Assert.Equal(new[] { ("IL1004", 4, 9) }, result.Of("IL1004").Positions());
        Assert.Contains("1 GPU", result.Of("IL1004").Single().Message);
        // The operator sizes, probes and secures the server: nothing to say about what the file cannot hold.
        Assert.Empty(result.Of("IL3004"));
        Assert.Empty(result.Of("IL3006"));
        Assert.Empty(result.Of("IL2006"));
        Assert.Empty(result.Of("IL2011"));
    }

    [Fact]
    public void A_kubeai_model_that_scales_itself_needs_no_autoscaler_and_a_model_of_another_group_is_not_one()
    {
        Assert.Empty(Lint.Yaml(KubeAiModel.Replace("maxReplicas: 1", "maxReplicas: 4")).Of("IL1005"));
        var other = Lint.Yaml(KubeAiModel.Replace("kubeai.org/v1", "example.com/v1"));
        Assert.Empty(other.Of("IL1005"));
        Assert.Empty(other.Of("IL1004"));
    }
}
