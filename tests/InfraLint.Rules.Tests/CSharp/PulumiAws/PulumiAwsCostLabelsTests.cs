using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>
/// IL1011 on Pulumi AWS, read syntactically: the AWS provider's default tags (<c>aws:defaultTags</c> in the stack's
/// configuration) tag every resource from outside the program, so a resource's tags are unknown, never "no tags".
/// </summary>
public sealed class PulumiAwsCostLabelsTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    [Fact]
    public void IL1011_resources_without_tags_partial_tags_or_tags_from_a_variable_are_not_reported()
    {
        CSharpVerify.NoFindings("IL1011", """
            using System.Collections.Generic;
            using Pulumi;
            using Aws = Pulumi.Aws;

            return await Deployment.RunAsync(() =>
            {
                var config = new Config();
                new Aws.S3.Bucket("models");
                new Aws.S3.Bucket("data", new() { Tags = { { "team", "ml" } } });
                new Aws.S3.Bucket("logs", new() { Tags = config.RequireObject<Dictionary<string, string>>("tags") });
                new Aws.Ec2.Instance("trainer", new() { InstanceType = "p4d.24xlarge", Ami = "ami-12345678" });
            });
            """, Syntactic);
    }
}
