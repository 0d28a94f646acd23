using InfraLint.Analyzers.Tests.Infrastructure;

namespace InfraLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// One code fix per rule with a C# fix: the lightbulb's edit is the edit <c>infralint fix</c> makes (the rule tests'
/// fixed texts), recomputed by the code fix on the document. KubernetesClient and CDK code compiles against the real
/// libraries, so the fixed text is checked to compile too.
/// </summary>
public sealed class RuleFixTests
{
    [Fact]
    public Task IL2001_CDK_encryption_turned_off_is_turned_on() => CodeFixVerify.Fix("IL2001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EFS;

        var stack = new Stack(new App(), "Training");
        new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = {|IL2001:false|} });
        """, """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EFS;

        var stack = new Stack(new App(), "Training");
        new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = true });
        """);

    [Fact]
    public Task IL2004_CDK_legacy_policy_is_replaced() => CodeFixVerify.Fix("IL2004", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ElasticLoadBalancingV2;

        var stack = new Stack(new App(), "Serving");
        new CfnListener(stack, "Https", new CfnListenerProps
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
            Port = 443,
            Protocol = "HTTPS",
            SslPolicy = {|IL2004:"ELBSecurityPolicy-2016-08"|},
            DefaultActions = new[] { new CfnListener.ActionProperty { Type = "fixed-response" } },
        });
        """, """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ElasticLoadBalancingV2;

        var stack = new Stack(new App(), "Serving");
        new CfnListener(stack, "Https", new CfnListenerProps
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/llm/0123456789abcdef",
            Port = 443,
            Protocol = "HTTPS",
            SslPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06",
            DefaultActions = new[] { new CfnListener.ActionProperty { Type = "fixed-response" } },
        });
        """);

    [Fact]
    public Task IL2012_CDK_public_access_block_flag_is_turned_on() => CodeFixVerify.Fix("IL2012", """
        using Amazon.CDK;
        using S3 = Amazon.CDK.AWS.S3;

        var stack = new Stack(new App(), "Training");
        new S3.CfnBucket(stack, "Raw", new S3.CfnBucketProps
        {
            PublicAccessBlockConfiguration = new S3.CfnBucket.PublicAccessBlockConfigurationProperty
            {
                BlockPublicAcls = true,
                BlockPublicPolicy = {|IL2012:false|},
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            },
        });
        """, """
        using Amazon.CDK;
        using S3 = Amazon.CDK.AWS.S3;

        var stack = new Stack(new App(), "Training");
        new S3.CfnBucket(stack, "Raw", new S3.CfnBucketProps
        {
            PublicAccessBlockConfiguration = new S3.CfnBucket.PublicAccessBlockConfigurationProperty
            {
                BlockPublicAcls = true,
                BlockPublicPolicy = true,
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            },
        });
        """);

    [Fact]
    public Task IL4001_CDK_trail_that_is_not_logging_is_turned_on() => CodeFixVerify.Fix("IL4001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.CloudTrail;

        var stack = new Stack(new App(), "Audit");
        new CfnTrail(stack, "Api", new CfnTrailProps { IsLogging = {|IL4001:false|}, S3BucketName = "audit-logs" });
        """, """
        using Amazon.CDK;
        using Amazon.CDK.AWS.CloudTrail;

        var stack = new Stack(new App(), "Audit");
        new CfnTrail(stack, "Api", new CfnTrailProps { IsLogging = true, S3BucketName = "audit-logs" });
        """);

    [Fact]
    public Task IL4002_CDK_short_retention_becomes_the_smallest_RetentionDays_long_enough() => CodeFixVerify.Fix("IL4002", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;

        var stack = new Stack(new App(), "Training");
        new LogGroup(stack, "Inference", new LogGroupProps { Retention = {|IL4002:RetentionDays.ONE_WEEK|} });
        """, """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Logs;

        var stack = new Stack(new App(), "Training");
        new LogGroup(stack, "Inference", new LogGroupProps { Retention = RetentionDays.SIX_MONTHS });
        """);

    [Fact]
    public Task IL1006_CDK_training_node_group_without_a_capacity_type_gets_SPOT() => CodeFixVerify.Fix("IL1006", """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        {|IL1006:new CfnNodegroup(stack, "Train", new CfnNodegroupProps
        {
            ClusterName = "ml",
            NodeRole = "arn:aws:iam::123456789012:role/nodes",
            Subnets = new[] { "subnet-0123456789abcdef0" },
            InstanceTypes = new[] { "p4d.24xlarge" },
            Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" }
        })|};
        """, """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        new CfnNodegroup(stack, "Train", new CfnNodegroupProps
        {
            ClusterName = "ml",
            NodeRole = "arn:aws:iam::123456789012:role/nodes",
            Subnets = new[] { "subnet-0123456789abcdef0" },
            InstanceTypes = new[] { "p4d.24xlarge" },
            Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            CapacityType = "SPOT"
        });
        """);

    [Fact]
    public Task IL2006_KubernetesClient_privileged_container_is_unprivileged() => CodeFixVerify.Fix("IL2006",
        Pod("SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = {|IL2006:true|}, RunAsNonRoot = true },"),
        Pod("SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = false, RunAsNonRoot = true },"));

    [Fact]
    public Task IL2007_KubernetesClient_container_without_runAsNonRoot_gets_it() => CodeFixVerify.Fix("IL2007",
        Pod("SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },", Array.Empty<string>(), name: "{|IL2007:\"vllm\"|}"),
        Pod("SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true },"));

    [Fact]
    public Task IL2008_KubernetesClient_host_network_is_turned_off() => CodeFixVerify.Fix("IL2008",
        Pod(Secure, Array.Empty<string>(), hostNetwork: "{|IL2008:true|}"),
        Pod(Secure, Array.Empty<string>(), hostNetwork: "false"));

    [Fact]
    public Task IL1010_KubernetesClient_gpu_limit_is_set_to_the_request() => CodeFixVerify.Fix("IL1010",
        Pod(Secure,
            "Resources = new V1ResourceRequirements",
            "{",
            "    Requests = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = {|IL1010:new ResourceQuantity(\"1\")|} },",
            "    Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\"), [\"memory\"] = new ResourceQuantity(\"16Gi\") },",
            "},"),
        Pod(Secure,
            "Resources = new V1ResourceRequirements",
            "{",
            "    Requests = new Dictionary<string, ResourceQuantity> { [\"nvidia.com/gpu\"] = new ResourceQuantity(\"1\") },",
            "    Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\"), [\"memory\"] = new ResourceQuantity(\"16Gi\"), [\"nvidia.com/gpu\"] = new ResourceQuantity(\"1\") },",
            "},"));

    [Fact]
    public Task IL3006_KubernetesClient_missing_memory_limit_is_set_to_the_request() => CodeFixVerify.Fix("IL3006",
        Pod(Secure,
            "{|IL3006:Resources|} = new V1ResourceRequirements",
            "{",
            "    Requests = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\"), [\"memory\"] = new ResourceQuantity(\"16Gi\") },",
            "    Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\") },",
            "},"),
        Pod(Secure,
            "Resources = new V1ResourceRequirements",
            "{",
            "    Requests = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\"), [\"memory\"] = new ResourceQuantity(\"16Gi\") },",
            "    Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = new ResourceQuantity(\"4\"), [\"memory\"] = new ResourceQuantity(\"16Gi\") },",
            "},"));

    [Fact]
    public Task IL1001_KubernetesClient_too_many_replicas_become_what_the_sizing_model_needs() => CodeFixVerify.Fix("IL1001",
        Chat70b("Replicas = {|IL1001:12|},"),
        Chat70b("Replicas = 7,"));

    [Fact]
    public Task IL1002_KubernetesClient_too_few_replicas_become_what_the_sizing_model_needs() => CodeFixVerify.Fix("IL1002",
        Chat70b("Replicas = {|IL1002:3|},"),
        Chat70b("Replicas = 7,"));

    [Fact]
    public Task IL1008_KubernetesClient_an_fp32_server_is_served_at_bfloat16() => CodeFixVerify.Fix("IL1008",
        Deployment(Serving, "Replicas = 2,", L40s, "Image = \"vllm/vllm-openai:v0.6.3\", " + Secure + " " + Gpus("\"1\"") + ", Args = new List<string> { \"--model\", \"meta-llama/Llama-3.1-8B-Instruct\", \"--dtype\", {|IL1008:\"float32\"|} },"),
        Deployment(Serving, "Replicas = 2,", L40s, "Image = \"vllm/vllm-openai:v0.6.3\", " + Secure + " " + Gpus("\"1\"") + ", Args = new List<string> { \"--model\", \"meta-llama/Llama-3.1-8B-Instruct\", \"--dtype\", \"bfloat16\" },"));

    [Fact]
    public Task IL3005_KubernetesClient_a_recreate_rollout_becomes_a_rolling_update_one_replica_at_a_time() => CodeFixVerify.Fix("IL3005",
        Deployment(Serving, "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = {|IL3005:\"Recreate\"|} },", "HostNetwork = false,", "Image = \"vllm/vllm-openai:v0.6.3\", " + Secure + " " + Gpus("\"1\"") + ","),
        Deployment(Serving, "Replicas = 3, Strategy = new V1DeploymentStrategy { Type = \"RollingUpdate\", RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 1 } },", "HostNetwork = false,", "Image = \"vllm/vllm-openai:v0.6.3\", " + Secure + " " + Gpus("\"1\"") + ","));

    private const string Serving = "Metadata = new V1ObjectMeta { Name = \"vllm\", NamespaceProperty = \"serving\" },";

    private const string L40s = "NodeSelector = new Dictionary<string, string> { [\"nvidia.com/gpu.product\"] = \"NVIDIA-L40S\" },";

    /// <summary>Llama 3.1 70B at fp8 on 2 × H100 per replica at 40 req/s: the sizing model needs 7 replicas.</summary>
    private static string Chat70b(string replicas) => Deployment(
        "Metadata = new V1ObjectMeta { Name = \"chat-70b\", NamespaceProperty = \"serving\", Annotations = new Dictionary<string, string> { [\"infralint.dev/model\"] = \"llama-3.1-70b\", [\"infralint.dev/precision\"] = \"fp8\", [\"infralint.dev/peak-rps\"] = \"40\", [\"infralint.dev/p99-latency-ms\"] = \"20000\" } },",
        replicas,
        "NodeSelector = new Dictionary<string, string> { [\"nvidia.com/gpu.product\"] = \"NVIDIA-H100-80GB-HBM3\" },",
        "Image = \"vllm/vllm-openai:v0.6.3\", " + Secure + " " + Gpus("\"2\"") + ",");

    private static string Gpus(string count) =>
        $"Resources = new V1ResourceRequirements {{ Limits = new Dictionary<string, ResourceQuantity> {{ [\"cpu\"] = \"8\", [\"memory\"] = \"64Gi\", [\"nvidia.com/gpu\"] = {count} }} }}";

    /// <summary>A KubernetesClient Deployment with one container <c>vllm</c>; its metadata, replicas, pod settings and container members are the test's.</summary>
    internal static string Deployment(string metadata, string replicas, string pod, string container) => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        var deployment = new V1Deployment
        {
            {{metadata}}
            Spec = new V1DeploymentSpec
            {
                {{replicas}}
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        {{pod}}
                        Containers = new List<V1Container> { new V1Container { Name = "vllm", {{container}} } },
                    },
                },
            },
        };
        System.Console.WriteLine(deployment);
        """;

    private const string Secure = "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true },";

    /// <summary>
    /// A KubernetesClient pod serving with vLLM, in the namespace <c>serving</c>; the container's members after its
    /// name and image are the test's, one line each.
    /// </summary>
    internal static string Pod(string securityContext, params string[] resources) => Pod(securityContext, resources, hostNetwork: null);

    internal static string Pod(string securityContext, string[] resources, string? hostNetwork = null, string name = "\"vllm\"")
    {
        var members = new[] { securityContext }.Concat(resources).Select(m => "                " + m + "\n");
        return "using System.Collections.Generic;\n"
            + "using k8s.Models;\n"
            + "\n"
            + "var pod = new V1Pod\n"
            + "{\n"
            + "    Metadata = new V1ObjectMeta { Name = \"vllm\", NamespaceProperty = \"serving\" },\n"
            + "    Spec = new V1PodSpec\n"
            + "    {\n"
            + (hostNetwork is null ? "" : $"        HostNetwork = {hostNetwork},\n")
            + "        Containers = new List<V1Container>\n"
            + "        {\n"
            + "            new V1Container\n"
            + "            {\n"
            + $"                Name = {name},\n"
            + "                Image = \"vllm/vllm-openai:v0.6.3\",\n"
            + string.Concat(members)
            + "            },\n"
            + "        },\n"
            + "    },\n"
            + "};\n"
            + "System.Console.WriteLine(pod);\n";
    }
}
