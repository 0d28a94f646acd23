using k8s;
using k8s.Models;

// An LLM inference service on GPUs, written as KubernetesClient models. It has problems on purpose, for InfraLint to
// find: a privileged container, a GPU requested without a limit, and a token in plain text (a fake one).

const string Namespace = "llm-serving";
var labels = new Dictionary<string, string> { ["app"] = "llama-serving" };

var deployment = new V1Deployment
{
    Metadata = new V1ObjectMeta { Name = "llama-serving", NamespaceProperty = Namespace },
    Spec = new V1DeploymentSpec
    {
        Replicas = 2,
        Selector = new V1LabelSelector { MatchLabels = labels },
        Template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec
            {
                Containers = new List<V1Container>
                {
                    new V1Container
                    {
                        Name = "vllm",
                        Image = "vllm/vllm-openai:v0.6.3",
                        Args = new List<string> { "--model", "meta-llama/Llama-3.1-8B-Instruct" },
                        Env = new List<V1EnvVar> { new V1EnvVar { Name = "HF_TOKEN", Value = "hf_EXAMPLEexampleEXAMPLEexample0000" } },
                        Ports = new List<V1ContainerPort> { new V1ContainerPort { Name = "http", ContainerPort = 8000 } },
                        SecurityContext = new V1SecurityContext { Privileged = true, RunAsNonRoot = true },
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new ResourceQuantity("1"), ["cpu"] = "4" },
                            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = "8", ["memory"] = "32Gi" },
                        },
                        ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health", Port = "http" } },
                        LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health", Port = "http" } },
                    },
                },
            },
        },
    },
};

var service = new V1Service
{
    Metadata = new V1ObjectMeta { Name = "llama-serving", NamespaceProperty = Namespace },
    Spec = new V1ServiceSpec
    {
        Selector = labels,
        Ports = new List<V1ServicePort> { new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" } },
    },
};

foreach (var item in new object[] { deployment, service }) Console.WriteLine(KubernetesYaml.Serialize(item) + "---");
