using System;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// IAM actions that AWS's Service Authorization Reference lists with no resource type: a policy can only grant them on
    /// <c>"Resource": "*"</c>, so a <c>*</c> resource beside them is not a choice anyone could have made narrower. Entries
    /// ending in <c>*</c> are prefixes whose every action is '*'-only (a policy's <c>xray:Put*</c> matches one). List and
    /// Describe actions need no entry (IL2005 leaves them alone), except where a prefix entry is the clearer statement.
    /// An action missing here is reported, which errs on the side of the reader checking it.
    /// Checked 2026-11-30 against the Service Authorization Reference,
    /// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// (the services' list_* pages: "If there is no value for this column, you must specify all resources ("*")").
    /// </summary>
    public static class IamActions
    {
        private static readonly string[] OnlyOnAnyResource =
        {
            // Amazon EC2: every Describe action; EC2 messages and Session Manager channels (SSM Agent, ECS Exec, SageMaker HyperPod).
            "ec2:Describe*",
            "ec2messages:*",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
            // Amazon ECR: the registry token and registry-wide settings.
            "ecr:GetAuthorizationToken",
            "ecr:DescribeRegistry",
            "ecr:GetRegistryPolicy",
            "ecr:PutRegistryPolicy",
            "ecr:DeleteRegistryPolicy",
            "ecr:PutReplicationConfiguration",
            "ecr:GetRegistryScanningConfiguration",
            "ecr:PutRegistryScanningConfiguration",
            // Amazon ECS: task definitions are registered and deregistered account-wide.
            "ecs:RegisterTaskDefinition",
            "ecs:DeregisterTaskDefinition",
            "ecs:DiscoverPollEndpoint",
            "ecs:PutAccountSetting",
            "ecs:PutAccountSettingDefault",
            "ecs:DeleteAccountSetting",
            // Amazon CloudWatch metrics and Logs.
            "cloudwatch:PutMetricData",
            "cloudwatch:GetMetricData",
            "cloudwatch:GetMetricStatistics",
            "cloudwatch:GetMetricWidgetImage",
            "cloudwatch:ListMetrics",
            "logs:DescribeLogGroups",
            "logs:CreateLogDelivery",
            "logs:GetLogDelivery",
            "logs:UpdateLogDelivery",
            "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries",
            "logs:GetLogRecord",
            "logs:GetQueryResults",
            "logs:StopQuery",
            "logs:TestMetricFilter",
            // AWS X-Ray: writing segments and telemetry, sampling, and reading the trace graph (resources are only groups and sampling rules).
            "xray:Put*",
            "xray:GetSamplingRules",
            "xray:GetSamplingTargets",
            "xray:GetSamplingStatisticSummaries",
            "xray:GetServiceGraph",
            "xray:GetTraceGraph",
            "xray:GetTraceSummaries",
            "xray:BatchGetTraces",
            "xray:GetTimeSeriesServiceStatistics",
            "xray:GetEncryptionConfig",
            // Amazon S3 account-level actions.
            "s3:ListAllMyBuckets",
            "s3:CreateJob",
            "s3:ListJobs",
            "s3:ListAccessPoints",
            "s3:ListMultiRegionAccessPoints",
            "s3:ListStorageLensConfigurations",
            "s3:GetAccountPublicAccessBlock",
            "s3:PutAccountPublicAccessBlock",
            // AWS STS: calls about the caller itself.
            "sts:GetCallerIdentity",
            "sts:GetSessionToken",
            "sts:GetAccessKeyInfo",
            "sts:DecodeAuthorizationMessage",
            "sts:GetServiceBearerToken",
            // IAM account-level reads and reports.
            "iam:ListRoles",
            "iam:ListPolicies",
            "iam:GetAccountSummary",
            "iam:GetAccountPasswordPolicy",
            "iam:GetAccountAuthorizationDetails",
            "iam:GenerateCredentialReport",
            "iam:GetCredentialReport",
            "iam:GetContextKeysForCustomPolicy",
            "iam:SimulateCustomPolicy",
            "iam:GetServiceLastAccessedDetails",
            "iam:GetServiceLastAccessedDetailsWithEntities",
            // AWS KMS: creating keys, randomness, and custom key stores.
            "kms:CreateKey",
            "kms:GenerateRandom",
            "kms:ListKeys",
            "kms:ListAliases",
            "kms:CreateCustomKeyStore",
            "kms:ConnectCustomKeyStore",
            "kms:DisconnectCustomKeyStore",
            "kms:DeleteCustomKeyStore",
            "kms:UpdateCustomKeyStore",
            // Amazon SageMaker AI: search, the labeling UI preview and the Service Catalog portfolio.
            "sagemaker:Search",
            "sagemaker:GetSearchSuggestions",
            "sagemaker:RenderUiTemplate",
            "sagemaker:EnableSagemakerServicecatalogPortfolio",
            "sagemaker:DisableSagemakerServicecatalogPortfolio",
            "sagemaker:GetSagemakerServicecatalogPortfolioStatus",
            // Amazon Bedrock: the account's model-invocation logging.
            "bedrock:GetModelInvocationLoggingConfiguration",
            "bedrock:PutModelInvocationLoggingConfiguration",
            "bedrock:DeleteModelInvocationLoggingConfiguration",
            // AWS Lambda account-level actions; event source mappings are scoped by the lambda:FunctionArn condition instead.
            "lambda:ListFunctions",
            "lambda:GetAccountSettings",
            "lambda:CreateEventSourceMapping",
            "lambda:ListEventSourceMappings",
            // Resource Groups Tagging API, Price List, CloudTrail event history.
            "tag:GetResources",
            "tag:GetTagKeys",
            "tag:GetTagValues",
            "tag:TagResources",
            "tag:UntagResources",
            "pricing:GetProducts",
            "pricing:GetAttributeValues",
            "cloudtrail:LookupEvents",
            "secretsmanager:GetRandomPassword",
            "sns:ListTopics",
            "codecommit:ListRepositories",
            "states:ListStateMachines",
            "aps:ListWorkspaces",
            "cloudformation:ValidateTemplate",
            "cloudformation:CreateUploadBucket",
            "cloudformation:EstimateTemplateCost",
        };

        /// <summary>True when the action (or action pattern) can only be granted on every resource.</summary>
        public static bool RequiresAnyResource(string action)
        {
            string a = action.Trim();
            foreach (var entry in OnlyOnAnyResource)
            {
                if (entry.EndsWith("*", StringComparison.Ordinal)
                    ? a.StartsWith(entry.Substring(0, entry.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : string.Equals(a, entry, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
