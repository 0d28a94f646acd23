using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Compute;

public sealed class IL1006TrainingWithoutSpotPreemptibleCapacityTests
{
    private const string Id = "IL1006";

    private const string Job = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: finetune
          namespace: training
        spec:
          pytorchReplicaSpecs:
            Worker:
              replicas: 4
              template:
                spec:
                  {|IL1006:nodeSelector|}:
                    node.kubernetes.io/instance-type: p4d.24xlarge
                  containers:
                    - name: pytorch
                      image: ghcr.io/example/finetune:1
                      resources:
                        limits:
                          nvidia.com/gpu: 8
        """;

    [Fact]
    public void On_demand_training_is_reported_with_the_spot_saving()
    {
        var finding = Assert.Single(Verify.Findings(Id, Job));
        Assert.Equal((Id, 12, 11), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        // p4d.24xlarge: 21.96 / 8 = 2.745 on-demand, 11.00 / 8 = 1.375 spot per GPU-hour.
        Assert.Contains("≈ $1.38/GPU-hour on spot against $2.75 on-demand (50% less; ≈ $10.96/hour for the 8 GPU(s) of one replica)", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("karpenter.sh/capacity-type: spot")]
    [InlineData("eks.amazonaws.com/capacityType: SPOT")]
    [InlineData("cloud.google.com/gke-spot: \"true\"")]
    [InlineData("kubernetes.azure.com/scalesetpriority: spot")]
    public void A_spot_node_selector_is_enough(string label)
    {
        Verify.NoFindings(Id, Plain(Job).Replace("node.kubernetes.io/instance-type: p4d.24xlarge", label));
    }

    [Fact]
    public void A_spot_toleration_preference_or_critical_profile_is_enough()
    {
        string plain = Plain(Job);
        Verify.NoFindings(Id, plain.Replace("          containers:", "          tolerations:\n            - key: cloud.google.com/gke-preemptible\n              operator: Exists\n          containers:"));
        Verify.NoFindings(Id, plain.Replace("  namespace: training\n", "  namespace: training\n  annotations:\n    infralint.dev/critical: \"true\"\n"));
        Verify.NoFindings(Id, plain.Replace("          containers:",
            "          affinity:\n            nodeAffinity:\n              preferredDuringSchedulingIgnoredDuringExecution:\n"
            + "                - weight: 100\n                  preference:\n                    matchExpressions:\n"
            + "                      - key: karpenter.sh/capacity-type\n                        operator: In\n                        values: [spot]\n"
            + "          containers:"));
    }

    [Fact]
    public void Cpu_jobs_and_SageMaker_HyperPod_nodes_are_not_reported()
    {
        // HyperPod does sell spot, but its instance group decides it (CapacityRequirements): a pod cannot show it.
        string plain = Plain(Job);
        Verify.NoFindings(Id, plain.Replace("nvidia.com/gpu: 8", "cpu: \"8\""));
        Verify.NoFindings(Id, plain.Replace("p4d.24xlarge", "ml.g5.8xlarge"));
    }

    [Fact]
    public void Inference_is_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chat
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }

    [Fact]
    public void An_on_demand_training_node_group_is_reported_and_fixed()
    {
        const string template = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              TrainNodes:
                Type: AWS::EKS::Nodegroup
                Properties:
                  ClusterName: ml
                  InstanceTypes: [p5.48xlarge]
                  CapacityType: {|IL1006:ON_DEMAND|}
                  Tags:
                    infralint.dev/role: training
            """;
        var finding = Assert.Single(Verify.Findings(Id, template));
        Assert.Contains("its capacity type is on-demand", finding.Message);
        Assert.Contains("p5.48xlarge prices", finding.Message);
        string yaml = Plain(template);
        Verify.Fix(Id, yaml, yaml.Replace("CapacityType: ON_DEMAND", "CapacityType: SPOT"));
    }

    [Fact]
    public void An_on_demand_auto_scaling_group_for_training_is_reported_and_a_spot_mix_is_not()
    {
        const string template = """
            Resources:
              GpuTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: {InstanceType: p4d.24xlarge}
              {|IL1006:TrainGroup|}:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "2"
                  MaxSize: "2"
                  LaunchTemplate: {LaunchTemplateId: !Ref GpuTemplate, Version: "1"}
                  Tags:
                    - {Key: infralint.dev/role, Value: training, PropagateAtLaunch: true}
            """;
        var finding = Assert.Single(Verify.Findings(Id, template));
        Assert.Equal((Id, 6, 3), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Empty(finding.Fixes);

        string spotMix = Plain(template).Replace(
            "      LaunchTemplate: {LaunchTemplateId: !Ref GpuTemplate, Version: \"1\"}",
            "      MixedInstancesPolicy:\n        InstancesDistribution: {OnDemandPercentageAboveBaseCapacity: 0}\n        LaunchTemplate:\n          LaunchTemplateSpecification: {LaunchTemplateId: !Ref GpuTemplate, Version: \"1\"}");
        Assert.Contains("OnDemandPercentageAboveBaseCapacity: 0", spotMix);
        Verify.NoFindings(Id, spotMix);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
