using System;
using System.Collections.Generic;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// AWS CDK's L1 constructs (<c>Amazon.CDK.AWS.S3.CfnBucket</c>) that InfraLint reads: the CloudFormation resource
    /// type each one synthesizes, and the properties whose .NET name is not the CloudFormation name.
    /// </summary>
    /// <remarks>
    /// Generated from Amazon.CDK.Lib 2.103.0 (its <c>[JsiiProperty]</c> attributes and the <c>*.generated.js</c> of the
    /// aws-cdk-lib tarball it embeds, which convert each property to CloudFormation); <c>CdkCfnNamesTests</c> checks
    /// this table against the package and prints the table it expects when they differ. CDK names a property by the
    /// camelCase of its CloudFormation name and .NET capitalises that, so acronyms differ (<c>SseAlgorithm</c> is
    /// <c>SSEAlgorithm</c>); within one resource and its nested property types a .NET name always means one
    /// CloudFormation name, so one rename table per resource is enough.
    /// </remarks>
    public static class CdkCfnNames
    {
        /// <summary>By the L1 class's full .NET name.</summary>
        public static IReadOnlyDictionary<string, CdkL1Type> Types { get; } = new Dictionary<string, CdkL1Type>(StringComparer.Ordinal)
        {
            ["Amazon.CDK.AWS.APIGateway.CfnDeployment"] = new CdkL1Type("AWS::ApiGateway::Deployment"),
            ["Amazon.CDK.AWS.APIGateway.CfnMethod"] = new CdkL1Type("AWS::ApiGateway::Method"),
            ["Amazon.CDK.AWS.APIGateway.CfnRestApi"] = new CdkL1Type("AWS::ApiGateway::RestApi"),
            ["Amazon.CDK.AWS.APIGateway.CfnStage"] = new CdkL1Type("AWS::ApiGateway::Stage"),
            ["Amazon.CDK.AWS.APIGateway.CfnUsagePlan"] = new CdkL1Type("AWS::ApiGateway::UsagePlan"),
            ["Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget"] = new CdkL1Type("AWS::ApplicationAutoScaling::ScalableTarget", "RoleArn=RoleARN"),
            ["Amazon.CDK.AWS.AutoScaling.CfnAutoScalingGroup"] = new CdkL1Type("AWS::AutoScaling::AutoScalingGroup", "NotificationTargetArn=NotificationTargetARN", "RoleArn=RoleARN", "ServiceLinkedRoleArn=ServiceLinkedRoleARN", "TargetGroupArns=TargetGroupARNs", "TopicArn=TopicARN", "TotalLocalStorageGb=TotalLocalStorageGB", "VpcZoneIdentifier=VPCZoneIdentifier"),
            ["Amazon.CDK.AWS.AutoScaling.CfnLaunchConfiguration"] = new CdkL1Type("AWS::AutoScaling::LaunchConfiguration", "ClassicLinkVpcId=ClassicLinkVPCId", "ClassicLinkVpcSecurityGroups=ClassicLinkVPCSecurityGroups"),
            ["Amazon.CDK.AWS.Batch.CfnJobDefinition"] = new CdkL1Type("AWS::Batch::JobDefinition"),
            ["Amazon.CDK.AWS.Batch.CfnJobQueue"] = new CdkL1Type("AWS::Batch::JobQueue"),
            ["Amazon.CDK.AWS.CloudFormation.CfnCustomResource"] = new CdkL1Type("AWS::CloudFormation::CustomResource"),
            ["Amazon.CDK.AWS.CloudTrail.CfnTrail"] = new CdkL1Type("AWS::CloudTrail::Trail", "EqualTo=Equals", "KmsKeyId=KMSKeyId"),
            ["Amazon.CDK.AWS.CloudWatch.CfnAlarm"] = new CdkL1Type("AWS::CloudWatch::Alarm", "OkActions=OKActions"),
            ["Amazon.CDK.AWS.EC2.CfnInstance"] = new CdkL1Type("AWS::EC2::Instance", "CpuCredits=CPUCredits", "EnableResourceNameDnsAaaaRecord=EnableResourceNameDnsAAAARecord"),
            ["Amazon.CDK.AWS.EC2.CfnLaunchTemplate"] = new CdkL1Type("AWS::EC2::LaunchTemplate", "EnableResourceNameDnsAaaaRecord=EnableResourceNameDnsAAAARecord", "TotalLocalStorageGb=TotalLocalStorageGB"),
            ["Amazon.CDK.AWS.EC2.CfnSubnet"] = new CdkL1Type("AWS::EC2::Subnet", "EnableResourceNameDnsAaaaRecord=EnableResourceNameDnsAAAARecord"),
            ["Amazon.CDK.AWS.EC2.CfnVolume"] = new CdkL1Type("AWS::EC2::Volume", "AutoEnableIo=AutoEnableIO"),
            ["Amazon.CDK.AWS.EFS.CfnFileSystem"] = new CdkL1Type("AWS::EFS::FileSystem", "TransitionToIa=TransitionToIA"),
            ["Amazon.CDK.AWS.EFS.CfnMountTarget"] = new CdkL1Type("AWS::EFS::MountTarget"),
            ["Amazon.CDK.AWS.EKS.CfnCluster"] = new CdkL1Type("AWS::EKS::Cluster"),
            ["Amazon.CDK.AWS.EKS.CfnNodegroup"] = new CdkL1Type("AWS::EKS::Nodegroup"),
            ["Amazon.CDK.AWS.ElasticLoadBalancing.CfnLoadBalancer"] = new CdkL1Type("AWS::ElasticLoadBalancing::LoadBalancer", "LbCookieStickinessPolicy=LBCookieStickinessPolicy", "SslCertificateId=SSLCertificateId"),
            ["Amazon.CDK.AWS.ElasticLoadBalancingV2.CfnListener"] = new CdkL1Type("AWS::ElasticLoadBalancingV2::Listener"),
            ["Amazon.CDK.AWS.ElasticLoadBalancingV2.CfnLoadBalancer"] = new CdkL1Type("AWS::ElasticLoadBalancingV2::LoadBalancer"),
            ["Amazon.CDK.AWS.Events.CfnRule"] = new CdkL1Type("AWS::Events::Rule", "EnableEcsManagedTags=EnableECSManagedTags"),
            ["Amazon.CDK.AWS.FSx.CfnFileSystem"] = new CdkL1Type("AWS::FSx::FileSystem", "OpenZfsConfiguration=OpenZFSConfiguration"),
            ["Amazon.CDK.AWS.IAM.CfnManagedPolicy"] = new CdkL1Type("AWS::IAM::ManagedPolicy"),
            ["Amazon.CDK.AWS.IAM.CfnPolicy"] = new CdkL1Type("AWS::IAM::Policy"),
            ["Amazon.CDK.AWS.IAM.CfnRole"] = new CdkL1Type("AWS::IAM::Role"),
            ["Amazon.CDK.AWS.KMS.CfnKey"] = new CdkL1Type("AWS::KMS::Key"),
            ["Amazon.CDK.AWS.Lambda.CfnFunction"] = new CdkL1Type("AWS::Lambda::Function"),
            ["Amazon.CDK.AWS.Logs.CfnLogGroup"] = new CdkL1Type("AWS::Logs::LogGroup"),
            ["Amazon.CDK.AWS.RDS.CfnDBCluster"] = new CdkL1Type("AWS::RDS::DBCluster", "DbClusterIdentifier=DBClusterIdentifier", "DbClusterInstanceClass=DBClusterInstanceClass", "DbClusterParameterGroupName=DBClusterParameterGroupName", "DbInstanceParameterGroupName=DBInstanceParameterGroupName", "DbSubnetGroupName=DBSubnetGroupName", "DbSystemId=DBSystemId", "DomainIamRoleName=DomainIAMRoleName", "EnableIamDatabaseAuthentication=EnableIAMDatabaseAuthentication", "SourceDbClusterIdentifier=SourceDBClusterIdentifier"),
            ["Amazon.CDK.AWS.RDS.CfnDBInstance"] = new CdkL1Type("AWS::RDS::DBInstance", "CaCertificateIdentifier=CACertificateIdentifier", "CaIdentifier=CAIdentifier", "CustomIamInstanceProfile=CustomIAMInstanceProfile", "DbClusterIdentifier=DBClusterIdentifier", "DbClusterSnapshotIdentifier=DBClusterSnapshotIdentifier", "DbInstanceClass=DBInstanceClass", "DbInstanceIdentifier=DBInstanceIdentifier", "DbName=DBName", "DbParameterGroupName=DBParameterGroupName", "DbSecurityGroups=DBSecurityGroups", "DbSnapshotIdentifier=DBSnapshotIdentifier", "DbSubnetGroupName=DBSubnetGroupName", "DomainIamRoleName=DomainIAMRoleName", "EnableIamDatabaseAuthentication=EnableIAMDatabaseAuthentication", "MultiAz=MultiAZ", "PerformanceInsightsKmsKeyId=PerformanceInsightsKMSKeyId", "SourceDbClusterIdentifier=SourceDBClusterIdentifier", "SourceDbInstanceAutomatedBackupsArn=SourceDBInstanceAutomatedBackupsArn", "SourceDbInstanceIdentifier=SourceDBInstanceIdentifier", "VpcSecurityGroups=VPCSecurityGroups"),
            ["Amazon.CDK.AWS.S3.CfnBucket"] = new CdkL1Type("AWS::S3::Bucket", "KmsMasterKeyId=KMSMasterKeyID", "ReplicaKmsKeyId=ReplicaKmsKeyID", "SseAlgorithm=SSEAlgorithm"),
            ["Amazon.CDK.AWS.S3.CfnBucketPolicy"] = new CdkL1Type("AWS::S3::BucketPolicy"),
            ["Amazon.CDK.AWS.Sagemaker.CfnEndpoint"] = new CdkL1Type("AWS::SageMaker::Endpoint"),
            ["Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig"] = new CdkL1Type("AWS::SageMaker::EndpointConfig", "EnableSsmAccess=EnableSSMAccess", "MaxPayloadInMb=MaxPayloadInMB", "MemorySizeInMb=MemorySizeInMB", "VolumeSizeInGb=VolumeSizeInGB"),
            ["Amazon.CDK.AWS.Sagemaker.CfnModel"] = new CdkL1Type("AWS::SageMaker::Model"),
            ["Amazon.CDK.AWS.Sagemaker.CfnMonitoringSchedule"] = new CdkL1Type("AWS::SageMaker::MonitoringSchedule", "VolumeSizeInGb=VolumeSizeInGB"),
            ["Amazon.CDK.AWS.Sagemaker.CfnNotebookInstance"] = new CdkL1Type("AWS::SageMaker::NotebookInstance", "VolumeSizeInGb=VolumeSizeInGB"),
            ["Amazon.CDK.AWS.Sagemaker.CfnPipeline"] = new CdkL1Type("AWS::SageMaker::Pipeline"),
            ["Amazon.CDK.AWS.Scheduler.CfnSchedule"] = new CdkL1Type("AWS::Scheduler::Schedule", "EnableEcsManagedTags=EnableECSManagedTags"),
        };
    }

    /// <summary>One L1 construct: its CloudFormation type and its renamed properties (<c>.NET=CloudFormation</c>).</summary>
    public sealed class CdkL1Type
    {
        public CdkL1Type(string cloudFormationType, params string[] renames)
        {
            CloudFormationType = cloudFormationType;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rename in renames)
            {
                int eq = rename.IndexOf('=');
                map.Add(rename.Substring(0, eq), rename.Substring(eq + 1));
            }
            Renames = map;
        }

        public string CloudFormationType { get; }

        /// <summary>.NET property name to CloudFormation name, where they differ.</summary>
        public IReadOnlyDictionary<string, string> Renames { get; }

        /// <summary>The CloudFormation name of a .NET property of this resource or of its nested property types.</summary>
        public string Name(string dotnetName) => Renames.TryGetValue(dotnetName, out var name) ? name : dotnetName;
    }
}
