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
        Assert.Contains("grants every action ('*') on deployments in API group apps;", findings[1].Message);
        Assert.Contains("on every resource ('*') in the core API group;", findings[0].Message);
    }

    [Fact]
    public void A_wildcard_confined_to_one_api_group_names_the_group()
    {
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: dex
            rules:
            - apiGroups: ["dex.coreos.com"]
              resources: [{|IL2005:"*"|}]
              verbs: ["*"]
            """));
        Assert.Equal((Id, 7, 15), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("grants every action ('*') on every resource ('*') in API group dex.coreos.com;", finding.Message);
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

    [Fact]
    public void Iam_wildcards_are_reported_unless_the_actions_only_exist_on_every_resource()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              ServingPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action:
                          - ec2:DescribeSubnets
                          - ecr:GetAuthorizationToken
                        Resource: "*"
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: {|IL2005:"*"|}
                      - Effect: Allow
                        Action: {|IL2005:"sagemaker:*"|}
                        Resource: arn:aws:sagemaker:*:*:endpoint/prod-*
            """);
        Assert.Contains("grants s3:GetObject on every resource ('*')", findings[0].Message);
        Assert.Contains("grants every action ('sagemaker:*')", findings[1].Message);
    }

    /// <summary>
    /// A '*' resource narrowed by a condition on the resource (its service, its tags, its account) is scoped: the
    /// service-linked-role grant every EKS and SageMaker stack carries is not a finding. A condition on the request
    /// (TLS, source IP) narrows nothing, and iam:PassedToService limits where a role goes, not which role.
    /// </summary>
    [Fact]
    public void A_wildcard_resource_scoped_by_a_condition_on_the_resource_is_not_reported_and_one_on_the_request_is()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              PlatformPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: iam:CreateServiceLinkedRole
                        Resource: "*"
                        Condition:
                          StringEquals: {iam:AWSServiceName: [eks.amazonaws.com, sagemaker.amazonaws.com]}
                      - Effect: Allow
                        Action: [sagemaker:UpdateEndpoint, sagemaker:DeleteEndpoint]
                        Resource: "*"
                        Condition:
                          StringEquals: {aws:ResourceTag/team: ml-platform}
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: {|IL2005:"*"|}
                        Condition:
                          Bool: {aws:SecureTransport: "true"}
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: {|IL2005:"*"|}
                        Condition:
                          StringEquals: {iam:PassedToService: sagemaker.amazonaws.com}
            """);
        Assert.Equal(new[] { (Id, 20, 23), (Id, 25, 23) }, findings.Positions());
    }

    [Fact]
    public void Cloudformation_role_policies_are_checked_and_list_or_describe_actions_on_every_resource_are_not()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              EndpointRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: sagemaker.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: serving
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action:
                              - sagemaker:ListEndpoints
                              - logs:DescribeLogStreams
                            Resource: "*"
                          - Effect: Allow
                            Action: {|IL2005:"*"|}
                            Resource: "*"
                          - Effect: Allow
                            Action:
                              - sagemaker:ListModels
                              - s3:PutObject
                            Resource: {|IL2005:"*"|}
                          - Effect: Deny
                            Action: "*"
                            Resource: "*"
            """);
        Assert.Equal(new[] { (Id, 21, 25), (Id, 27, 27) }, findings.Positions());
        Assert.Contains("AWS::IAM::Role 'EndpointRole' grants every action ('*') on every resource ('*')", findings[0].Message);
    }

    [Fact]
    public void Key_policy_resources_mean_the_key_and_the_default_root_statement_is_not_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              ModelKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - Sid: EnableRootAccess
                        Effect: Allow
                        Principal:
                          AWS: !Sub arn:aws:iam::${AWS::AccountId}:root
                        Action: "kms:*"
                        Resource: "*"
                      - Sid: AllowUseOfTheKey
                        Effect: Allow
                        Principal:
                          AWS: arn:aws:iam::111122223333:role/serving
                        Action: [kms:Decrypt, kms:GenerateDataKey]
                        Resource: "*"
                      - Sid: TooBroad
                        Effect: Allow
                        Principal:
                          AWS: arn:aws:iam::111122223333:role/ops
                        Action: {|IL2005:"kms:*"|}
                        Resource: "*"
            """);
        Assert.Contains("grants every action ('kms:*') on", Assert.Single(findings).Message);
    }

    /// <summary>Corpus false positive (amazon-sagemaker-secure-mlops): these SageMaker actions have no resource type.</summary>
    [Fact]
    public void Sagemaker_service_catalog_portfolio_actions_only_exist_on_every_resource()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SetupPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - sagemaker:EnableSagemakerServicecatalogPortfolio
                          - sagemaker:DisableSagemakerServicecatalogPortfolio
                        Resource: "*"
            """);
    }

    /// <summary>
    /// Actions the Service Authorization Reference lists with no resource type can only be granted on '*' (checked
    /// 2026-11-30): the grants an AI stack's roles carry for metrics, traces, the registry token and search are not findings.
    /// One action beside them that could be scoped still is.
    /// </summary>
    [Fact]
    public void Actions_that_exist_only_on_every_resource_are_not_reported_on_a_star()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              TrainerPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action:
                          - cloudwatch:PutMetricData
                          - xray:Put*
                          - xray:GetSamplingRules
                          - ecr:GetAuthorizationToken
                          - sts:GetCallerIdentity
                          - s3:ListAllMyBuckets
                          - kms:CreateKey
                          - sagemaker:Search
                          - bedrock:PutModelInvocationLoggingConfiguration
                          - ssmmessages:CreateControlChannel
                          - logs:CreateLogDelivery
                        Resource: "*"
                      - Effect: Allow
                        Action:
                          - cloudwatch:PutMetricData
                          - sts:AssumeRole
                        Resource: {|IL2005:"*"|}
                      - Effect: Allow
                        Action:
                          - xray:CreateGroup
                          - sts:Get*
                        Resource: {|IL2005:"*"|}
            """);
        Assert.Contains("grants cloudwatch:PutMetricData, sts:AssumeRole on every resource ('*')", findings[0].Message);
    }
}
