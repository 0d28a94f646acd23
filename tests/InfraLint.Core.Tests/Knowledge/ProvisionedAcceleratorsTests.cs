using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Tests.Knowledge
{
    public sealed class ProvisionedAcceleratorsTests
    {
        private static readonly SourceSpan At = SourceSpan.FileStart("x.yaml");

        [Theory]
        [InlineData("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3", "h100-sxm")]
        [InlineData("nvidia.com/gpu.product", "NVIDIA-A10G", "a10g")]
        [InlineData("cloud.google.com/gke-accelerator", "nvidia-l4", "l4")]
        [InlineData("cloud.google.com/gke-accelerator", "nvidia-tesla-a100", "a100-40gb")]
        [InlineData("cloud.google.com/gke-accelerator", "nvidia-h100-80gb", "h100-sxm")]
        [InlineData("karpenter.k8s.aws/instance-gpu-name", "l40s", "l40s")]
        [InlineData("node.kubernetes.io/instance-type", "g6.xlarge", "l4")]
        [InlineData("beta.kubernetes.io/instance-type", "p4d.24xlarge", "a100-40gb")]
        public void Node_labels_name_the_accelerator(string key, string value, string expected)
        {
            var hardware = ProvisionedAccelerators.Identify(Pod(2, (key, new[] { value })), SizingCatalog.Default);
            Assert.Equal(expected, hardware.Accelerator?.Name);
            Assert.Equal(2, hardware.GpusPerReplica);
            Assert.False(hardware.Assumed);
            Assert.Contains(value, hardware.Evidence);
        }

        [Fact]
        public void An_instance_type_label_also_gives_the_instance_for_prices()
        {
            var hardware = ProvisionedAccelerators.Identify(Pod(1, ("node.kubernetes.io/instance-type", new[] { "p5.48xlarge" })), SizingCatalog.Default);
            Assert.Equal("p5.48xlarge", hardware.Instance?.Name);
        }

        [Fact]
        public void Unknown_or_ambiguous_labels_and_no_labels_leave_it_unknown()
        {
            var catalog = SizingCatalog.Default;
            Assert.Null(ProvisionedAccelerators.Identify(Pod(1), catalog).Accelerator);
            Assert.Null(ProvisionedAccelerators.Identify(Pod(1, ("nvidia.com/gpu.product", new[] { "NVIDIA-Future-9000" })), catalog).Accelerator);
            var ambiguous = ProvisionedAccelerators.Identify(Pod(1, ("nvidia.com/gpu.product", new[] { "NVIDIA-L4", "NVIDIA-A10G" })), catalog);
            Assert.Null(ambiguous.Accelerator);
            Assert.Contains("different GPUs", ambiguous.Evidence);
            Assert.NotNull(ProvisionedAccelerators.Identify(Pod(1, ("nvidia.com/gpu.product", new[] { "NVIDIA-A100-SXM4-80GB", "NVIDIA-A100-80GB-PCIe" })), catalog).Accelerator);
        }

        [Fact]
        public void A_configured_default_is_used_and_marked_as_assumed()
        {
            var hardware = ProvisionedAccelerators.Identify(Pod(1), SizingCatalog.Default, "l4");
            Assert.Equal("l4", hardware.Accelerator?.Name);
            Assert.True(hardware.Assumed);
            Assert.Contains("sizing.defaultAccelerator", hardware.Evidence);
        }

        [Theory]
        [InlineData("ml.g5.12xlarge", "a10g", 4)]
        [InlineData("p5.48xlarge", "h100-sxm", 8)]
        public void Cloud_instances_carry_their_accelerators(string type, string accelerator, int count)
        {
            var workload = new ComputeWorkload(SourceFormat.CloudFormation, "AWS::EC2::Instance", "node", "t.yaml", At)
            {
                InstanceType = Located<string?>.Present(type, At, "Properties.InstanceType"),
            };
            var hardware = ProvisionedAccelerators.Identify(workload, SizingCatalog.Default);
            Assert.Equal(accelerator, hardware.Accelerator?.Name);
            Assert.Equal(count, hardware.GpusPerReplica);
            Assert.True(ProvisionedAccelerators.UsesAccelerators(workload, SizingCatalog.Default));
        }

        [Theory]
        [InlineData("p3dn.24xlarge", true)]
        [InlineData("g4ad.xlarge", true)]
        [InlineData("ml.p4de.24xlarge", true)]
        [InlineData("Standard_NC6s_v3", true)]
        [InlineData("m5.xlarge", false)]
        [InlineData("ml.m5.large", false)]
        [InlineData("c7g.large", false)]
        public void Gpu_instance_families_are_recognised_beyond_the_catalog(string type, bool gpu)
        {
            Assert.Equal(gpu, ProvisionedAccelerators.IsAcceleratorInstance(type, SizingCatalog.Default));
        }

        private static ComputeWorkload Pod(int gpus, params (string Key, string[] Values)[] labels)
        {
            var workload = new ComputeWorkload(SourceFormat.Kubernetes, "Deployment", "d", "default", At);
            var pod = new PodTemplate(workload, "pod", At, "spec.template.spec")
            {
                RequiredNodeLabels = labels.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Values),
            };
            var limits = new Dictionary<string, Located<string>> { ["nvidia.com/gpu"] = Located<string>.Present(gpus.ToString(), At, "limits") };
            pod.Containers = new[]
            {
                new Container(pod, Located<string>.Present("c", At, "name"), At, "containers[0]", false)
                {
                    Resources = new ResourceRequirements(new Dictionary<string, Located<string>>(), limits, At, null),
                },
            };
            workload.Pods = new[] { pod };
            return workload;
        }
    }
}
