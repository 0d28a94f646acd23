using System;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// IAM actions that AWS's service authorization reference lists with no resource type: a policy can
    /// only grant them on <c>"Resource": "*"</c>, so a <c>*</c> resource beside them is not a choice anyone
    /// could have made narrower. Entries ending in <c>*</c> are prefixes. Deliberately short: an action
    /// missing here is reported, which errs on the side of the reader checking it.
    /// </summary>
    public static class IamActions
    {
        private static readonly string[] OnlyOnAnyResource =
        {
            "ec2:Describe*",
            "ecr:GetAuthorizationToken",
            "cloudwatch:PutMetricData",
            "cloudwatch:GetMetricData",
            "cloudwatch:ListMetrics",
            "logs:DescribeLogGroups",
            "s3:ListAllMyBuckets",
            "sts:GetCallerIdentity",
            "iam:ListRoles",
            "iam:ListPolicies",
            "kms:ListKeys",
            "kms:ListAliases",
            "kms:CreateKey",
            "lambda:ListFunctions",
            "sns:ListTopics",
            "codecommit:ListRepositories",
            "states:ListStateMachines",
            "aps:ListWorkspaces",
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords",
            "cloudformation:ValidateTemplate",
            "sagemaker:EnableSagemakerServicecatalogPortfolio",
            "sagemaker:DisableSagemakerServicecatalogPortfolio",
            "sagemaker:GetSagemakerServicecatalogPortfolioStatus",
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
