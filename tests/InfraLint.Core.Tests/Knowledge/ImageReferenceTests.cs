using InfraLint.Core.Knowledge;

namespace InfraLint.Core.Tests.Knowledge
{
    public sealed class ImageReferenceTests
    {
        // A published image is named by its last path segments, never by a substring of one.
        [Theory]
        [InlineData("vllm/vllm-openai", "vllm/vllm-openai", true)]
        [InlineData("docker.io/vllm/vllm-openai", "vllm/vllm-openai", true)]
        [InlineData("registry.local:5000/mirror/vllm/vllm-openai", "vllm/vllm-openai", true)]
        [InlineData("docker.io/acme-vllm/vllm-openai", "vllm/vllm-openai", false)]
        [InlineData("vllm-openai", "vllm/vllm-openai", false)]
        [InlineData("docker.io/vllm/vllm-openai-rocm", "vllm/vllm-openai", false)]
        [InlineData("nvcr.io/nvidia/tritonserver", "/tritonserver", true)]
        [InlineData("acme/my-tritonserver", "/tritonserver", false)]
        public void A_repository_is_an_image_by_its_last_path_segments(string repository, string name, bool expected) =>
            Assert.Equal(expected, ImageReference.RepositoryIs(repository, name));
    }
}
