using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2005WildcardPermissionsTests
{
    private const string Id = "IL2005";

    [Fact]
    public void One_finding_per_rule_at_its_first_wildcard()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: operator
            rules:
              - apiGroups: [""]
                resources: [{|IL2005:"*"|}]
                verbs: ["*"]
              - apiGroups: ["apps"]
                resources: ["deployments"]
                verbs: ["get", {|IL2005:"*"|}]
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get", "list"]
            """);
        Assert.Equal(new[] { (Id, 7, 17), (Id, 11, 20) }, findings.Positions());
        Assert.Contains("ClusterRole 'operator' grants every action ('*') on every resource ('*')", findings[0].Message);
        Assert.Contains("grants every action ('*') on deployments", findings[1].Message);
    }

    [Fact]
    public void Wildcard_resources_in_block_style_are_reported()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
              namespace: serving
            rules:
              - apiGroups:
                  - ""
                resources:
                  - {|IL2005:'*'|}
                verbs:
                  - get
            """));
        Assert.Contains("grants get on every resource ('*')", finding.Message);
    }

    [Fact]
    public void Specific_rules_and_wildcard_api_groups_alone_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
              namespace: serving
            rules:
              - apiGroups: ["*"]
                resources: ["configmaps", "pods/log"]
                verbs: ["get", "list", "watch"]
            """);
    }
}
