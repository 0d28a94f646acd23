using Pulumi;
using Pulumi.Aws.Sagemaker;
using Pulumi.Aws.Sagemaker.Inputs;

/// <summary>A SageMaker endpoint that serves the trained model.</summary>
public static class InferenceStack
{
    public sealed record Outputs(Output<string> EndpointName);

    public static Outputs Define(Output<string> modelBucket)
    {
        var config = new Config();
        var tags = new Dictionary<string, string> { ["team"] = "ml-platform", ["cost-center"] = "cc-4410", ["model"] = "llama-3-8b" };

        var model = new Model("llm", new ModelArgs
        {
            ExecutionRoleArn = config.Require("executionRoleArn"),
            PrimaryContainer = new ModelPrimaryContainerArgs
            {
                Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04",
                ModelDataUrl = modelBucket.Apply(bucket => $"s3://{bucket}/llm/model.tar.gz"),
            },
            Tags = tags,
        });

        // Problems: data capture is configured but never enabled (Pulumi's EnableCapture defaults to false), and the
        // ML volume has no customer-managed key.
        var endpointConfig = new EndpointConfiguration("llm", new EndpointConfigurationArgs
        {
            ProductionVariants =
            {
                new EndpointConfigurationProductionVariantArgs
                {
                    VariantName = "main",
                    ModelName = model.Name,
                    InstanceType = "ml.g5.2xlarge",
                    InitialInstanceCount = 2,
                },
            },
            DataCaptureConfig = new EndpointConfigurationDataCaptureConfigArgs
            {
                InitialSamplingPercentage = 20,
                DestinationS3Uri = modelBucket.Apply(bucket => $"s3://{bucket}/capture"),
                CaptureOptions = { new EndpointConfigurationDataCaptureConfigCaptureOptionArgs { CaptureMode = "Input" } },
            },
            Tags = tags,
        });

        var endpoint = new Endpoint("llm", new EndpointArgs { EndpointConfigName = endpointConfig.Name, Tags = tags });
        return new Outputs(endpoint.Name);
    }
}
