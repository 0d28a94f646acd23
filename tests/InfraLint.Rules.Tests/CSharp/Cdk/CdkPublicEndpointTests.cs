using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>IL2010 (public model endpoint without rate limiting) on an API Gateway built with CDK L1 constructs, in both modes.</summary>
public sealed class CdkPublicEndpointTests
{
    private const string Api = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.APIGateway;
        using Amazon.CDK.AWS.Sagemaker;

        var stack = new Stack(new App(), "Serving");
        new CfnEndpoint(stack, "Endpoint", new CfnEndpointProps { EndpointName = "llm", EndpointConfigName = "llm-config" });
        var api = new CfnRestApi(stack, "Api", new CfnRestApiProps { Name = "llm" });
        new CfnMethod(stack, "Invoke", new CfnMethodProps
        {
            RestApiId = api.Ref,
            ResourceId = api.AttrRootResourceId,
            HttpMethod = "POST",
            AuthorizationType = "NONE",
            Integration = new CfnMethod.IntegrationProperty
            {
                Type = "AWS",
                IntegrationHttpMethod = "POST",
                Uri = "arn:aws:apigateway:eu-west-1:runtime.sagemaker:path/endpoints/llm/invocations",
            },
        });
        DEPLOYMENT
        """;

    [Fact]
    public void IL2010_a_deployment_stage_in_front_of_a_sagemaker_endpoint_is_reported_at_new_X()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2010", Api.Replace("DEPLOYMENT",
            """{|IL2010:new CfnDeployment(stack, "Deployment", new CfnDeploymentProps { RestApiId = api.Ref, StageName = "prod" })|};""")));
        Assert.Equal(("IL2010", 21, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("AWS::ApiGateway::Deployment 'Deployment' sends requests to a SageMaker endpoint", finding.Message);
    }

    [Fact]
    public void IL2010_a_throttled_stage_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2010", Api.Replace("DEPLOYMENT", """
            new CfnStage(stack, "Throttled", new CfnStageProps
            {
                RestApiId = api.Ref,
                StageName = "throttled",
                MethodSettings = new[] { new CfnStage.MethodSettingProperty { ResourcePath = "/*", HttpMethod = "*", ThrottlingRateLimit = 10, ThrottlingBurstLimit = 20 } },
            });
            """));
    }
}
