using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// IL2013 on a Pulumi AWS SageMaker model: its EnableNetworkIsolation and VpcConfig reach the same facts as a
/// CloudFormation model's, so a model in a VPC is not reported for want of them.
/// </summary>
public sealed class PulumiAwsNetworkBoundaryTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    private const string Model = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            HEADnew Aws.Sagemaker.Model("churn", new()
            {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new Aws.Sagemaker.Inputs.ModelPrimaryContainerArgs { Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2" },
                NETWORK
            })TAIL;
        });
        """;

    [Fact]
    public void IL2013_a_model_neither_isolated_nor_in_a_VPC_is_reported_at_the_model()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2013", Model.Replace("HEAD", "{|IL2013:").Replace("TAIL", "|}").Replace("NETWORK", string.Empty), Syntactic));
        Assert.Equal(("IL2013", 6, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("EnableNetworkIsolation is not set and no VpcConfig", finding.Message);
    }

    [Fact]
    public void IL2013_a_model_in_a_VPC_or_isolated_is_not_reported()
    {
        string Plain(string network) => Model.Replace("HEAD", string.Empty).Replace("TAIL", string.Empty).Replace("NETWORK", network);
        CSharpVerify.NoFindings("IL2013", Plain("VpcConfig = new Aws.Sagemaker.Inputs.ModelVpcConfigArgs { SecurityGroupIds = { \"sg-0123\" }, Subnets = { \"subnet-0123\" } },"), Syntactic);
        CSharpVerify.NoFindings("IL2013", Plain("EnableNetworkIsolation = true,"), Syntactic);
    }
}
