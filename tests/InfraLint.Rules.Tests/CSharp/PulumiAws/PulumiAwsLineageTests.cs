using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// Training provenance on Pulumi AWS, read syntactically: the <c>infralint.dev/*</c> tags of a training instance (IL4003
/// dataset version, IL4004 lineage, IL4005 experiment tracking) and of a SageMaker model (IL4004).
/// </summary>
public sealed class PulumiAwsLineageTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    private const string Trainer = """
        using Pulumi;
        using Pulumi.Aws.Ec2;

        return await Deployment.RunAsync(() =>
        {
            HEADnew Instance("trainer", new InstanceArgs
            {
                InstanceType = "p4d.24xlarge",
                Ami = "ami-12345678",
                Tags = { { "infralint.dev/role", "training" }, TAGS },
            })TAIL;
        });
        """;

    private static string TrainerWith(string tags, string? rule = null) =>
        Trainer.Replace("TAGS", tags).Replace("HEAD", rule is null ? string.Empty : "{|" + rule + ":").Replace("TAIL", rule is null ? string.Empty : "|}");

    private const string Lineage = """{ "infralint.dev/dataset", "s3://datasets/churn/v3/" }, { "app.kubernetes.io/version", "4f2a9c1" }, { "infralint.dev/model-version", "churn-v12" }""";

    [Fact]
    public void IL4003_a_dataset_tag_without_a_version_is_reported_at_the_dataset()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4003", TrainerWith("""{ "infralint.dev/dataset", {|IL4003:"s3://datasets/churn/"|} }"""), Syntactic));
        Assert.Equal(("IL4003", 10, 83), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("infralint.dev/dataset-version", finding.Message);
    }

    [Theory]
    [InlineData("""{ "infralint.dev/dataset", "s3://datasets/churn/v3/" }""")]
    [InlineData("""{ "infralint.dev/dataset", "s3://datasets/churn/" }, { "infralint.dev/dataset-version", "2026-11-01" }""")]
    public void IL4003_a_pinned_dataset_is_not_reported(string tags)
    {
        CSharpVerify.NoFindings("IL4003", TrainerWith(tags), Syntactic);
    }

    [Fact]
    public void IL4004_a_training_instance_without_lineage_tags_is_not_reported_since_default_tags_may_add_them()
    {
        // The provider's defaultTags (stack configuration, outside the program) tag every resource: absent tags are
        // unknown, not missing (as for IL1011).
        CSharpVerify.NoFindings("IL4004", TrainerWith("""{ "infralint.dev/tracking", "mlflow" }"""), Syntactic);
    }

    [Fact]
    public void IL4004_a_training_instance_with_lineage_tags_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4004", TrainerWith(Lineage), Syntactic);
    }

    private const string Model = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            HEADnew Aws.Sagemaker.Model("churn", new()
            {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new Aws.Sagemaker.Inputs.ModelPrimaryContainerArgs { Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:1.4.2" },
                TAGS
            })TAIL;
        });
        """;

    [Fact]
    public void IL4004_a_SageMaker_model_without_lineage_tags_is_not_reported_since_default_tags_may_add_them()
    {
        CSharpVerify.NoFindings("IL4004", Model.Replace("HEAD", string.Empty).Replace("TAIL", string.Empty).Replace("TAGS", string.Empty), Syntactic);
    }

    [Fact]
    public void IL4004_a_SageMaker_model_with_lineage_tags_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4004", Model.Replace("HEAD", string.Empty).Replace("TAIL", string.Empty).Replace("TAGS", "Tags = { " + Lineage + " },"), Syntactic);
    }

    [Fact]
    public void IL4005_a_training_instance_wired_to_no_tracker_is_reported_at_the_instance()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4005", TrainerWith(Lineage, "IL4005"), Syntactic));
        Assert.Equal(("IL4005", 6, 5), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL4005_a_training_instance_that_declares_its_tracker_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4005", TrainerWith("""{ "infralint.dev/tracking", "mlflow" }"""), Syntactic);
    }
}
