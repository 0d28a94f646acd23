using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace MlPlatform
{
    /// <summary>A training and inference platform with problems on purpose (see README.md for what InfraLint reports).</summary>
    public sealed class TrainingStack : Stack
    {
        private const string TrainingRole = "training";

        public TrainingStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            // Training data: CDK's default is UNENCRYPTED (S3's own SSE-S3 only) and EnforceSSL off.
            var data = new Bucket(this, "TrainingData", new BucketProps { Versioned = true });

            // Model artifacts: encrypted with a customer-managed key and TLS-only.
            var modelKey = new Key(this, "ModelKey", new KeyProps { EnableKeyRotation = true });
            var models = new Bucket(this, "Models", new BucketProps
            {
                EncryptionKey = modelKey,
                EnforceSSL = true,
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            });

            // Training logs kept a week; the EU AI Act asks for six months.
            new LogGroup(this, "TrainingLogs", new LogGroupProps { Retention = RetentionDays.ONE_WEEK });

            // Control-plane logs without the audit log type.
            var cluster = new Cluster(this, "MlCluster", new ClusterProps
            {
                Version = KubernetesVersion.V1_27,
                DefaultCapacity = 0,
                ClusterLogging = new[] { ClusterLoggingTypes.API },
            });

            // GPU training on on-demand capacity.
            new Nodegroup(this, "TrainingNodes", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24) },
                CapacityType = CapacityType.ON_DEMAND,
                MinSize = 0,
                DesiredSize = 2,
                Labels = new Dictionary<string, string> { ["workload"] = TrainingRole },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = TrainingRole, ["team"] = "ml-platform", ["cost-center"] = "4711", ["model"] = "llama-3.1-8b" },
            });

            // The training role may do anything with S3.
            var trainer = new Role(this, "Trainer", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });
            trainer.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "s3:*" },
                Resources = new[] { data.BucketArn, models.BucketArn },
            }));

            // An L1 notebook for experiments, without a KMS key for its ML volume.
            new CfnNotebookInstance(this, "Experiments", new CfnNotebookInstanceProps
            {
                InstanceType = "ml.g5.xlarge",
                RoleArn = trainer.RoleArn,
                VolumeSizeInGb = 100,
            });
        }
    }
}
