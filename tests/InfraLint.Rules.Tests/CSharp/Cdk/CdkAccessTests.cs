using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>IL2003 (S3 EnforceSSL) and IL2005 (IAM wildcards) on CDK, in both modes.</summary>
public sealed class CdkAccessTests
{
    [Fact]
    public void IL2003_an_L2_bucket_does_not_enforce_TLS_by_CDKs_default()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL2003", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            {|IL2003:new Bucket(stack, "Data", new BucketProps { Encryption = BucketEncryption.S3_MANAGED })|};
            new Bucket(stack, "Models", new BucketProps { Encryption = BucketEncryption.S3_MANAGED, EnforceSSL = true });
            """));
        Assert.Equal(("IL2003", 5, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL2003_an_EnforceSSL_that_is_not_a_constant_is_not_reported()
    {
        CSharpVerify.NoFindings("IL2003", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            bool strict = args.Length > 0;
            new Bucket(stack, "Data", new BucketProps { EnforceSSL = strict });
            """);
    }

    [Fact]
    public void IL2005_wildcards_in_an_L2_policy_and_in_a_statement_added_to_a_role_are_reported()
    {
        var findings = CSharpVerify.Findings("IL2005", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.IAM;
            using Iam = Amazon.CDK.AWS.IAM;

            var stack = new Stack(new App(), "Training");
            var role = new Role(stack, "Trainer", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });
            new Iam.Policy(stack, "Data", new PolicyProps
            {
                Roles = new[] { role },
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IL2005:"s3:*"|} }, Resources = new[] { "arn:aws:s3:::data/*" } }) },
            });
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { {|IL2005:"*"|} } }));
            """);
        Assert.Equal(new[] { (10, 91), (12, 121) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
        // CDK puts a statement given to role.AddToPolicy into the role's DefaultPolicy construct: the finding names it so.
        Assert.Contains(findings, f => f.Location.StartLine == 12 && f.Message.Contains("'Trainer/DefaultPolicy'", StringComparison.Ordinal));
    }

    [Fact]
    public void IL2005_a_wildcard_in_an_L1_policy_document_is_reported()
    {
        var findings = CSharpVerify.Findings("IL2005", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.IAM;

            var stack = new Stack(new App(), "Training");
            new CfnPolicy(stack, "Admin", new CfnPolicyProps
            {
                PolicyName = "admin",
                Roles = new[] { "trainer" },
                PolicyDocument = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IL2005:"*"|} }, Resources = new[] { "arn:aws:s3:::data/*" } }) },
                }),
            });
            """);
        Assert.Contains(findings, f => (f.RuleId, f.Location.StartLine, f.Location.StartColumn) == ("IL2005", 11, 95));
    }

    [Fact]
    public void IL2005_narrow_statements_and_changed_statements_are_not_reported()
    {
        CSharpVerify.NoFindings("IL2005", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.IAM;

            var stack = new Stack(new App(), "Training");
            new Policy(stack, "Data", new PolicyProps
            {
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "arn:aws:s3:::data/*" } }) },
            });
            var later = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" } });
            later.AddAllResources();
            new CfnPolicy(stack, "Read", new CfnPolicyProps { PolicyName = "read", PolicyDocument = PolicyDocument.FromJson(new Dictionary<string, object>()) });
            """);
    }
}
