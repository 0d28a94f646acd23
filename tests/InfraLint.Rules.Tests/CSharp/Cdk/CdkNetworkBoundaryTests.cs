using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// IL2013 on a CDK SageMaker model, in both modes: the boundary is the model's VpcConfig and EnableNetworkIsolation (the
/// same facts as the CloudFormation template CDK synthesizes), never a namespace's NetworkPolicy.
/// </summary>
public sealed class CdkNetworkBoundaryTests
{
    private const string Model = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Sagemaker;

        var stack = new Stack(new App(), "Serving");
        MODEL(stack, "Model", new CfnModelProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2" },
            NETWORK
        });
        """;

    [Fact]
    public void IL2013_a_model_neither_isolated_nor_in_a_VPC_is_reported_at_new_CfnModel()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2013", Model.Replace("MODEL", "{|IL2013:new CfnModel").Replace("NETWORK", "").Replace("\n});", "\n})|};")));
        Assert.Equal(("IL2013", 5, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("runs its containers on SageMaker's own network", finding.Message);
    }

    [Fact]
    public void IL2013_network_isolation_set_false_is_reported_at_the_value()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2013", Model.Replace("MODEL", "new CfnModel").Replace("NETWORK", "EnableNetworkIsolation = {|IL2013:false|},")));
        Assert.Equal(("IL2013", 9, 30), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2013_an_isolated_model_or_one_in_a_VPC_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2013", Model.Replace("MODEL", "new CfnModel").Replace("NETWORK", "EnableNetworkIsolation = true,"));
        CSharpVerify.NoFindings("IL2013", Model.Replace("MODEL", "new CfnModel").Replace("NETWORK",
            "VpcConfig = new CfnModel.VpcConfigProperty { SecurityGroupIds = new[] { \"sg-0123\" }, Subnets = new[] { \"subnet-0123\" } },"));
    }
}
