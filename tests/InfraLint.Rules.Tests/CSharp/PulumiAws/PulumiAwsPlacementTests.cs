using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.PulumiAws;

/// <summary>IL4006 on Pulumi AWS, read syntactically: literal availability zones of volumes, subnets, file systems and instances.</summary>
public sealed class PulumiAwsPlacementTests
{
    private static readonly CSharpMode[] Syntactic = { CSharpMode.Syntactic };

    private static readonly LintSettings EuOnly = new() { AllowedRegions = new[] { "eu-west-1", "eu-central-*" } };

    private const string Placed = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            new Aws.Ebs.Volume("scratch", new() { AvailabilityZone = ZONE1, Size = 100, Encrypted = true });
            new Aws.Ec2.Subnet("private", new() { VpcId = "vpc-0123", CidrBlock = "10.0.0.0/24", AvailabilityZone = ZONE2 });
            new Aws.Efs.FileSystem("shared", new() { AvailabilityZoneName = ZONE3, Encrypted = true });
            new Aws.Ec2.Instance("trainer", new() { InstanceType = "p4d.24xlarge", Ami = "ami-12345678", AvailabilityZone = ZONE4 });
        });
        """;

    [Fact]
    public void IL4006_availability_zones_outside_the_allowed_regions_are_reported_at_the_zone()
    {
        string code = Placed.Replace("ZONE1", """{|IL4006:"us-east-1a"|}""").Replace("ZONE2", """{|IL4006:"us-west-2b"|}""")
            .Replace("ZONE3", """{|IL4006:"us-east-1b"|}""").Replace("ZONE4", """{|IL4006:"ap-southeast-2a"|}""");
        var findings = CSharpVerify.Findings(EuOnly, "IL4006", code, Syntactic);
        Assert.Equal(
            new[] { ("IL4006", 6, 62), ("IL4006", 7, 109), ("IL4006", 8, 69), ("IL4006", 9, 117) },
            findings.Select(f => (f.RuleId, f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
        Assert.Contains(findings, f => f.Message.Contains("AWS::EC2::Volume 'scratch' is placed in us-east-1 (availability zone us-east-1a)"));
    }

    [Fact]
    public void IL4006_availability_zones_in_allowed_regions_are_not_reported()
    {
        string code = Placed.Replace("ZONE1", "\"eu-west-1a\"").Replace("ZONE2", "\"eu-west-1b\"").Replace("ZONE3", "\"eu-central-1a\"").Replace("ZONE4", "\"eu-central-2b\"");
        CSharpVerify.NoFindings(EuOnly, "IL4006", code, Syntactic);
    }
}
