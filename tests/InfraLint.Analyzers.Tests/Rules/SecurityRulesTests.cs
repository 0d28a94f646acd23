using InfraLint.Analyzers.Tests.Infrastructure;
using static InfraLint.Analyzers.Tests.Rules.KubernetesCode;

namespace InfraLint.Analyzers.Tests.Rules;

/// <summary>
/// The security rules (IL2001-IL2013) as compiler diagnostics, each firing and not firing in a C# program
/// (KubernetesClient or AWS CDK) and in a YAML AdditionalFile (Kubernetes or CloudFormation, whichever the rule reads).
/// </summary>
public sealed class SecurityRulesTests
{
    private static Task Yaml(string id, string yaml) => AnalyzerVerify.Manifest(id, "/deploy/manifest.yaml", yaml);

    private static Task Template(string id, string yaml) => AnalyzerVerify.Manifest(id, "/cfn/template.yaml", yaml);

    [Fact]
    public Task IL2001_CSharp_an_L1_file_system_with_encryption_off_is_reported_at_the_value() => AnalyzerVerify.CSharp("IL2001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EFS;

        var stack = new Stack(new App(), "Training");
        new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = {|IL2001:false|} });
        """);

    [Fact]
    public Task IL2001_CSharp_encrypted_L1_storage_is_not_reported() => AnalyzerVerify.CSharp("IL2001", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EFS;

        var stack = new Stack(new App(), "Training");
        new CfnFileSystem(stack, "Checkpoints", new CfnFileSystemProps { Encrypted = true });
        """);

    private const string FileSystemYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Checkpoints:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: ENCRYPTED
        """;

    [Fact]
    public Task IL2001_YAML_a_file_system_with_encryption_off_is_reported_at_the_value() =>
        Template("IL2001", FileSystemYaml.Replace("ENCRYPTED", "{|IL2001:false|}"));

    [Fact]
    public Task IL2001_YAML_an_encrypted_file_system_is_not_reported() => Template("IL2001", FileSystemYaml.Replace("ENCRYPTED", "true"));

    [Fact]
    public Task IL2002_CSharp_an_L2_bucket_relies_on_S3s_default_encryption() => AnalyzerVerify.CSharp("IL2002", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.S3;

        var stack = new Stack(new App(), "Training");
        var data = {|IL2002:new Bucket(stack, "Data", new BucketProps { Versioned = true })|};
        """);

    [Fact]
    public Task IL2002_CSharp_a_bucket_with_a_customer_key_is_not_reported() => AnalyzerVerify.CSharp("IL2002", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.S3;
        using Amazon.CDK.AWS.KMS;

        var stack = new Stack(new App(), "Training");
        var key = new Key(stack, "DataKey", new KeyProps { EnableKeyRotation = true });
        new Bucket(stack, "Data", new BucketProps { EncryptionKey = key });
        """);

    private const string BucketYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          NAME:
            Type: AWS::S3::Bucket
            PROPERTIES
        """;

    [Fact]
    public Task IL2002_YAML_a_bucket_on_S3s_default_encryption_is_reported_at_its_logical_id() =>
        Template("IL2002", BucketYaml.Replace("NAME", "{|IL2002:Data|}").Replace("\n    PROPERTIES", ""));

    [Fact]
    public Task IL2002_YAML_a_customer_managed_key_is_not_reported() =>
        Template("IL2002", BucketYaml.Replace("NAME", "Data").Replace("PROPERTIES", """
            Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:key/data
            """));

    private const string Ingress = """
        using System.Collections.Generic;
        using k8s.Models;

        var ingress = INGRESS
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "serving", Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/limit-rps"] = "10" } },
            Spec = new V1IngressSpec { TLS },
        };
        """;

    private static string IngressYaml(string name, string tls) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {{name}}
          namespace: serving
        spec:
          ingressClassName: nginx{{tls}}
          rules:
            - host: chat.example.com
        """;

    [Fact]
    public Task IL2003_CSharp_an_unnamed_ingress_without_tls_is_reported_at_its_creation() =>
        AnalyzerVerify.CSharp("IL2003", Ingress.Replace("INGRESS", "{|IL2003:new V1Ingress|}").Replace("TLS", "IngressClassName = \"nginx\""));

    [Fact]
    public Task IL2003_CSharp_an_ingress_with_tls_is_not_reported() =>
        AnalyzerVerify.CSharp("IL2003", Ingress.Replace("INGRESS", "new V1Ingress").Replace("TLS", "IngressClassName = \"nginx\", Tls = new List<V1IngressTLS> { new V1IngressTLS { SecretName = \"vllm-tls\", Hosts = new List<string> { \"llm.example.com\" } } }"));

    [Fact]
    public Task IL2003_YAML_an_ingress_without_tls_is_reported_at_its_name() => Yaml("IL2003", IngressYaml("{|IL2003:chat|}", ""));

    [Fact]
    public Task IL2003_YAML_an_ingress_with_tls_is_not_reported() =>
        Yaml("IL2003", IngressYaml("chat", "\n  tls:\n    - secretName: chat-tls\n      hosts: [chat.example.com]"));

    private const string Listener = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ElasticLoadBalancingV2;

        var stack = new Stack(new App(), "Serving");
        var lb = new CfnLoadBalancer(stack, "Lb", new CfnLoadBalancerProps { Scheme = "internet-facing" });
        new CfnListener(stack, "Https", new CfnListenerProps
        {
            LoadBalancerArn = lb.Ref,
            Protocol = "HTTPS",
            Port = 443,
            SslPolicy = POLICY,
            DefaultActions = new[] { new CfnListener.ActionProperty { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/llm/0123456789abcdef" } },
        });
        """;

    private const string ListenerYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              Port: 443
              Protocol: HTTPS
              SslPolicy: POLICY
        """;

    [Fact]
    public Task IL2004_CSharp_a_listener_policy_that_allows_TLS_1_2_is_reported_at_the_string() =>
        AnalyzerVerify.CSharp("IL2004", Listener.Replace("POLICY", """{|IL2004:"ELBSecurityPolicy-TLS-1-2-2017-01"|}"""));

    [Fact]
    public Task IL2004_CSharp_a_TLS_1_3_only_policy_is_not_reported() =>
        AnalyzerVerify.CSharp("IL2004", Listener.Replace("POLICY", "\"ELBSecurityPolicy-TLS13-1-3-2021-06\""));

    [Fact]
    public Task IL2004_YAML_a_legacy_policy_is_reported_at_the_policy() =>
        Template("IL2004", ListenerYaml.Replace("POLICY", "{|IL2004:ELBSecurityPolicy-TLS-1-1-2017-01|}"));

    [Fact]
    public Task IL2004_YAML_a_TLS_1_3_only_policy_is_not_reported() =>
        Template("IL2004", ListenerYaml.Replace("POLICY", "ELBSecurityPolicy-TLS13-1-3-2021-06"));

    private const string Role = """
        using System.Collections.Generic;
        using k8s.Models;

        var role = new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "reader", NamespaceProperty = "serving" },
            Rules = new List<V1PolicyRule> { new V1PolicyRule { ApiGroups = new List<string> { "" }, Resources = new List<string> { RESOURCE }, Verbs = new List<string> { "get" } } },
        };
        """;

    private const string RoleYaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: serving
        rules:
          - apiGroups: [""]
            resources: [RESOURCE]
            verbs: ["get"]
        """;

    [Fact]
    public Task IL2005_CSharp_a_wildcard_resource_is_reported_at_the_wildcard() =>
        AnalyzerVerify.CSharp("IL2005", Role.Replace("RESOURCE", "{|IL2005:\"*\"|}"));

    [Fact]
    public Task IL2005_CSharp_named_resources_are_not_reported() => AnalyzerVerify.CSharp("IL2005", Role.Replace("RESOURCE", "\"pods\""));

    [Fact]
    public Task IL2005_YAML_a_wildcard_resource_is_reported_at_the_wildcard() => Yaml("IL2005", RoleYaml.Replace("RESOURCE", "{|IL2005:\"*\"|}"));

    [Fact]
    public Task IL2005_YAML_named_resources_are_not_reported() => Yaml("IL2005", RoleYaml.Replace("RESOURCE", "\"pods\""));

    private static string TritonYaml(string securityContext) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: triton
        spec:
          template:
            spec:
              containers:
                - name: triton
                  image: nvcr.io/nvidia/tritonserver:24.08-py3
                  securityContext:
                    {{securityContext}}
        """;

    [Fact]
    public Task IL2006_CSharp_allow_privilege_escalation_unset_is_reported_at_the_unnamed_container() =>
        AnalyzerVerify.CSharp("IL2006", Deployment(name: "", container: Container(security: "SecurityContext = new V1SecurityContext { RunAsNonRoot = true }")).Replace("new V1Container\n", "{|IL2006:new V1Container|}\n"));

    [Fact]
    public Task IL2006_CSharp_a_container_without_privileges_is_not_reported() => AnalyzerVerify.CSharp("IL2006", Deployment());

    [Fact]
    public Task IL2006_YAML_a_privileged_container_is_reported_at_the_value() =>
        Yaml("IL2006", TritonYaml("allowPrivilegeEscalation: false\n            privileged: {|IL2006:true|}"));

    [Fact]
    public Task IL2006_YAML_a_hardened_container_is_not_reported() =>
        Yaml("IL2006", TritonYaml("allowPrivilegeEscalation: false\n            privileged: false"));

    [Fact]
    public Task IL2007_CSharp_run_as_user_zero_is_reported_at_the_value() =>
        AnalyzerVerify.CSharp("IL2007", Deployment(container: Container(security: "SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsUser = {|IL2007:0|} }")));

    [Fact]
    public Task IL2007_CSharp_a_non_root_container_is_not_reported() => AnalyzerVerify.CSharp("IL2007", Deployment());

    [Fact]
    public Task IL2007_YAML_run_as_user_zero_is_reported_at_the_value() =>
        Yaml("IL2007", TritonYaml("allowPrivilegeEscalation: false\n            runAsUser: {|IL2007:0|}"));

    [Fact]
    public Task IL2007_YAML_a_non_root_container_is_not_reported() =>
        Yaml("IL2007", TritonYaml("allowPrivilegeEscalation: false\n            runAsNonRoot: true"));

    private static string ExporterYaml(string hostNetwork) => $$"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: exporter
        spec:
          template:
            spec:
              hostNetwork: {{hostNetwork}}
              containers:
                - name: exporter
                  image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.7-3.5.0-ubuntu22.04
        """;

    [Fact]
    public Task IL2008_CSharp_host_network_is_reported_at_the_value() =>
        AnalyzerVerify.CSharp("IL2008", Deployment(pod: "HostNetwork = {|IL2008:true|},"));

    [Fact]
    public Task IL2008_CSharp_host_pid_and_ipc_off_are_not_reported() =>
        AnalyzerVerify.CSharp("IL2008", Deployment(pod: "HostPID = false, HostIPC = false,"));

    [Fact]
    public Task IL2008_YAML_host_network_is_reported_at_the_value() => Yaml("IL2008", ExporterYaml("{|IL2008:true|}"));

    [Fact]
    public Task IL2008_YAML_host_network_off_is_not_reported() => Yaml("IL2008", ExporterYaml("false"));

    private static string TgiYaml(string env) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: tgi
        spec:
          template:
            spec:
              containers:
                - name: tgi
                  image: ghcr.io/huggingface/text-generation-inference:2.3.0
                  env:
                    - name: HF_TOKEN
                      {{env}}
        """;

    [Fact]
    public Task IL2009_CSharp_a_token_in_an_environment_variable_is_reported_at_the_value() =>
        AnalyzerVerify.CSharp("IL2009", Deployment(container: Container(more: "Env = new List<V1EnvVar> { new V1EnvVar { Name = \"HF_TOKEN\", Value = {|IL2009:\"hf_FAKEFAKEFAKEFAKEFAKE\"|} } }")));

    [Fact]
    public Task IL2009_CSharp_a_token_from_a_secret_is_not_reported() =>
        AnalyzerVerify.CSharp("IL2009", Deployment(container: Container(more: "Env = new List<V1EnvVar> { new V1EnvVar { Name = \"HF_TOKEN\", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = \"hf\", Key = \"token\" } } } }")));

    [Fact]
    public Task IL2009_YAML_a_token_in_an_environment_variable_is_reported_at_the_value() =>
        Yaml("IL2009", TgiYaml("value: {|IL2009:hf_FAKEFAKEFAKEFAKEFAKE|}"));

    [Fact]
    public Task IL2009_YAML_a_token_from_a_secret_is_not_reported() =>
        Yaml("IL2009", TgiYaml("valueFrom:\n                secretKeyRef:\n                  name: hf\n                  key: token"));

    private const string LoadBalancer = """
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "vllm", NamespaceProperty = "serving" },
            Spec = new V1ServiceSpec { Type = TYPE, Selector = new Dictionary<string, string> { ["app"] = "vllm" }, Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80, TargetPort = "8000" } } },
        };
        """;

    /// <summary>The Deployment with pod labels app=vllm, then <paramref name="service"/>.</summary>
    private static string ServedBy(string service) =>
        Deployment(extra: service, template: "Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { [\"app\"] = \"vllm\" } },");

    private static string ServedYaml(string type) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
        spec:
          template:
            metadata:
              labels:
                app: vllm
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vllm
          namespace: serving
        spec:
          type: {{type}}
          selector:
            app: vllm
          ports:
            - port: 80
              targetPort: 8000
        """;

    [Fact]
    public Task IL2010_CSharp_a_public_load_balancer_without_rate_limit_is_reported_at_its_type() =>
        AnalyzerVerify.CSharp("IL2010", ServedBy(LoadBalancer.Replace("TYPE", "{|IL2010:\"LoadBalancer\"|}")));

    [Fact]
    public Task IL2010_CSharp_a_cluster_ip_service_is_not_reported() =>
        AnalyzerVerify.CSharp("IL2010", ServedBy(LoadBalancer.Replace("TYPE", "\"ClusterIP\"")));

    [Fact]
    public Task IL2010_YAML_a_public_load_balancer_without_rate_limit_is_reported_at_its_type() =>
        Yaml("IL2010", ServedYaml("{|IL2010:LoadBalancer|}"));

    [Fact]
    public Task IL2010_YAML_a_cluster_ip_service_is_not_reported() => Yaml("IL2010", ServedYaml("ClusterIP"));

    [Fact]
    public Task IL2011_CSharp_a_latest_image_is_reported_at_the_image() =>
        AnalyzerVerify.CSharp("IL2011", Deployment(container: Container(image: "Image = {|IL2011:\"vllm/vllm-openai:latest\"|}")));

    [Fact]
    public Task IL2011_CSharp_a_pinned_image_is_not_reported() => AnalyzerVerify.CSharp("IL2011", Deployment());

    [Fact]
    public Task IL2011_YAML_a_latest_image_is_reported_at_the_image() =>
        Yaml("IL2011", TritonYaml("allowPrivilegeEscalation: false").Replace("nvcr.io/nvidia/tritonserver:24.08-py3", "{|IL2011:\"nvcr.io/nvidia/tritonserver:latest\"|}"));

    [Fact]
    public Task IL2011_YAML_a_pinned_image_is_not_reported() => Yaml("IL2011", TritonYaml("allowPrivilegeEscalation: false"));

    private const string PublicBucketYaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Artifacts:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: ACL
        """;

    [Fact]
    public Task IL2012_CSharp_a_public_ACL_is_reported_at_the_value() => AnalyzerVerify.CSharp("IL2012", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.S3;

        var stack = new Stack(new App(), "Serving");
        new Bucket(stack, "Site", new BucketProps { Encryption = BucketEncryption.S3_MANAGED, AccessControl = {|IL2012:BucketAccessControl.PUBLIC_READ|} });
        """);

    [Fact]
    public Task IL2012_CSharp_a_bucket_that_blocks_public_access_is_not_reported() => AnalyzerVerify.CSharp("IL2012", """
        using Amazon.CDK;
        using Amazon.CDK.AWS.S3;

        var stack = new Stack(new App(), "Serving");
        new Bucket(stack, "Data", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, AccessControl = BucketAccessControl.PRIVATE });
        """);

    [Fact]
    public Task IL2012_YAML_a_public_ACL_is_reported_at_the_value() => Template("IL2012", PublicBucketYaml.Replace("ACL", "{|IL2012:PublicRead|}"));

    [Fact]
    public Task IL2012_YAML_a_private_bucket_is_not_reported() => Template("IL2012", PublicBucketYaml.Replace("ACL", "Private"));

    private const string Policy = """
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta { Name = "default-deny", NamespaceProperty = "serving" },
            Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = new List<string> { "Ingress" } },
        };
        """;

    internal const string VllmYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
          namespace: serving
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    internal const string PolicyYaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: serving
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    [Fact]
    public Task IL2013_CSharp_a_namespace_without_network_policy_is_reported_at_the_workload() =>
        AnalyzerVerify.CSharp("IL2013", Marked(Deployment(metadata: Unnamed), "IL2013", "V1Deployment"));

    [Fact]
    public Task IL2013_CSharp_a_network_policy_in_the_namespace_silences_it() =>
        AnalyzerVerify.CSharp("IL2013", Deployment(metadata: Unnamed, extra: Policy));

    [Fact]
    public Task IL2013_YAML_a_namespace_without_network_policy_is_reported_at_the_workload() =>
        Yaml("IL2013", VllmYaml.Replace("NAME", "{|IL2013:vllm|}"));

    [Fact]
    public Task IL2013_YAML_a_network_policy_in_the_namespace_silences_it() =>
        Yaml("IL2013", VllmYaml.Replace("NAME", "vllm") + "\n---\n" + PolicyYaml);
}
