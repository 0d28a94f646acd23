using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// A SageMaker endpoint config built with CDK L1 constructs, in both modes: IL4001 (no request/response capture) and
/// IL2002 (ML volume on the provider's key), at the value or at new CfnEndpointConfig(...).
/// </summary>
public sealed class CdkSageMakerTests
{
    private const string Config = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Sagemaker;

        var stack = new Stack(new App(), "Serving");
        var key = new CfnKey(stack, "Key", new CfnKeyProps { KeyPolicy = new Dictionary<string, object>() });
        new CfnEndpointConfig(stack, "Llm", new CfnEndpointConfigProps
        {
            ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = "llm", InstanceType = TYPE, InitialInstanceCount = 1 } },
            EXTRA
        });
        """;

    private const string Capture = """
        DataCaptureConfig = new CfnEndpointConfig.DataCaptureConfigProperty
            {
                EnableCapture = ENABLE,
                InitialSamplingPercentage = 100,
                DestinationS3Uri = "s3://capture/llm",
                CaptureOptions = new[] { new CfnEndpointConfig.CaptureOptionProperty { CaptureMode = "Input" } },
            },
        """;

    private static string Code(string type, string extra) =>
        Config.Replace("using Amazon.CDK.AWS.Sagemaker;", "using Amazon.CDK.AWS.KMS;\nusing Amazon.CDK.AWS.Sagemaker;").Replace("TYPE", type).Replace("EXTRA", extra);

    [Fact]
    public void IL4001_an_endpoint_config_without_capture_is_reported_at_new_X_and_capture_turned_off_at_the_flag()
    {
        var missing = Assert.Single(CSharpVerify.Findings("IL4001", Code("\"ml.g5.2xlarge\"", "").Replace("new CfnEndpointConfig(", "{|IL4001:new CfnEndpointConfig(").Replace("\n});", "\n})|};")));
        Assert.Equal(("IL4001", 7, 1), (missing.RuleId, missing.Location.StartLine, missing.Location.StartColumn));
        Assert.Contains("keeps no audit record of inference requests and responses of endpoint config Llm", missing.Message);

        var off = Assert.Single(CSharpVerify.Findings("IL4001", Code("\"ml.g5.2xlarge\"", Capture.Replace("ENABLE", "{|IL4001:false|}"))));
        Assert.Equal(("IL4001", 12, 25), (off.RuleId, off.Location.StartLine, off.Location.StartColumn));
    }

    [Fact]
    public void IL4001_capture_turned_on_or_left_to_its_default_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4001", Code("\"ml.g5.2xlarge\"", Capture.Replace("ENABLE", "true")));
        CSharpVerify.NoFindings("IL4001", Code("\"ml.g5.2xlarge\"", Capture.Replace("EnableCapture = ENABLE,", "")));
    }

    [Fact]
    public void IL2002_a_CPU_endpoint_config_without_a_KMS_key_is_reported_at_new_X()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2002", Code("\"ml.m5.xlarge\"", "").Replace("new CfnEndpointConfig(", "{|IL2002:new CfnEndpointConfig(").Replace("\n});", "\n})|};")));
        Assert.Equal(("IL2002", 7, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2002_a_KMS_key_or_a_local_NVMe_instance_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2002", Code("\"ml.m5.xlarge\"", "KmsKeyId = key.AttrArn,"));
        CSharpVerify.NoFindings("IL2002", Code("\"ml.g5.12xlarge\"", ""));
    }
}
