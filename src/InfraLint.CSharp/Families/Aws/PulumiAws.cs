using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// Pulumi AWS resources (<c>new Pulumi.Aws.S3.Bucket("name", new BucketArgs { … })</c>), provider v6 and v7 alike, as one
    /// CloudFormation-shaped template per file (see <see cref="TemplateShape"/>): the resource name is the logical id, the
    /// args become the CloudFormation resource's properties under CloudFormation's names, and where Pulumi's default differs
    /// from CloudFormation's (a trail logs unless told not to; a public-access block resource turns every flag it omits
    /// off) the default is written in, located at the <c>new X(…)</c>. A value that reads another resource of the file
    /// (<c>bucket.Id</c>) becomes a <c>Ref</c> to it, so the mapper's joins work; the resources that configure a bucket
    /// from the side (encryption, public-access block, ACL) are merged into the bucket they name.
    /// </summary>
    /// <remarks>
    /// Pulumi packages are not available to InfraLint, so this family reads syntactically: a type is Pulumi's only when
    /// the file names it through <c>Pulumi.Aws</c> (see <see cref="CSharpTree"/>). Args that are not written at the
    /// constructor (a variable, a method's result) make the resource unreadable, and it is left out.
    /// </remarks>
    public sealed class PulumiAws : ICSharpFamily
    {
        private enum Kind
        {
            Bucket, BucketEncryption, BucketPublicAccessBlock, BucketPolicy, BucketAcl,
            Instance, LaunchTemplate, EksCluster, EksNodeGroup, LogGroup, Trail,
            IamPolicy, IamRole, KmsKey, EbsVolume, EfsFileSystem,
            SageMakerEndpointConfiguration, SageMakerEndpoint, SageMakerModel, SageMakerNotebook, SageMakerMonitoringSchedule,
            ScalableTarget, MetricAlarm, Listener, LoadBalancer, Subnet,
        }

        /// <summary>Both provider generations: v7 renamed <c>BucketV2</c> to <c>Bucket</c> and dropped the <c>V2</c> of the side resources, keeping the old names as deprecated aliases.</summary>
        private static readonly Dictionary<string, Kind> Types = new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["Pulumi.Aws.S3.Bucket"] = Kind.Bucket,
            ["Pulumi.Aws.S3.BucketV2"] = Kind.Bucket,
            ["Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration"] = Kind.BucketEncryption,
            ["Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationV2"] = Kind.BucketEncryption,
            ["Pulumi.Aws.S3.BucketPublicAccessBlock"] = Kind.BucketPublicAccessBlock,
            ["Pulumi.Aws.S3.BucketPolicy"] = Kind.BucketPolicy,
            ["Pulumi.Aws.S3.BucketAcl"] = Kind.BucketAcl,
            ["Pulumi.Aws.S3.BucketAclV2"] = Kind.BucketAcl,
            ["Pulumi.Aws.Ec2.Instance"] = Kind.Instance,
            ["Pulumi.Aws.Ec2.LaunchTemplate"] = Kind.LaunchTemplate,
            ["Pulumi.Aws.Ec2.Subnet"] = Kind.Subnet,
            ["Pulumi.Aws.Ebs.Volume"] = Kind.EbsVolume,
            ["Pulumi.Aws.Efs.FileSystem"] = Kind.EfsFileSystem,
            ["Pulumi.Aws.Eks.Cluster"] = Kind.EksCluster,
            ["Pulumi.Aws.Eks.NodeGroup"] = Kind.EksNodeGroup,
            ["Pulumi.Aws.CloudWatch.LogGroup"] = Kind.LogGroup,
            ["Pulumi.Aws.CloudWatch.MetricAlarm"] = Kind.MetricAlarm,
            ["Pulumi.Aws.CloudTrail.Trail"] = Kind.Trail,
            ["Pulumi.Aws.Iam.Policy"] = Kind.IamPolicy,
            ["Pulumi.Aws.Iam.RolePolicy"] = Kind.IamPolicy,
            ["Pulumi.Aws.Iam.UserPolicy"] = Kind.IamPolicy,
            ["Pulumi.Aws.Iam.GroupPolicy"] = Kind.IamPolicy,
            ["Pulumi.Aws.Iam.Role"] = Kind.IamRole,
            ["Pulumi.Aws.Kms.Key"] = Kind.KmsKey,
            ["Pulumi.Aws.Sagemaker.EndpointConfiguration"] = Kind.SageMakerEndpointConfiguration,
            ["Pulumi.Aws.Sagemaker.Endpoint"] = Kind.SageMakerEndpoint,
            ["Pulumi.Aws.Sagemaker.Model"] = Kind.SageMakerModel,
            ["Pulumi.Aws.Sagemaker.NotebookInstance"] = Kind.SageMakerNotebook,
            ["Pulumi.Aws.Sagemaker.MonitoringSchedule"] = Kind.SageMakerMonitoringSchedule,
            ["Pulumi.Aws.AppAutoScaling.Target"] = Kind.ScalableTarget,
            ["Pulumi.Aws.LB.Listener"] = Kind.Listener,
            ["Pulumi.Aws.Alb.Listener"] = Kind.Listener,
            ["Pulumi.Aws.LB.LoadBalancer"] = Kind.LoadBalancer,
            ["Pulumi.Aws.Alb.LoadBalancer"] = Kind.LoadBalancer,
        };

        private static readonly Dictionary<Kind, string> CloudFormationTypes = new Dictionary<Kind, string>
        {
            [Kind.Bucket] = "AWS::S3::Bucket",
            [Kind.BucketPolicy] = "AWS::S3::BucketPolicy",
            [Kind.Instance] = "AWS::EC2::Instance",
            [Kind.LaunchTemplate] = "AWS::EC2::LaunchTemplate",
            [Kind.Subnet] = "AWS::EC2::Subnet",
            [Kind.EbsVolume] = "AWS::EC2::Volume",
            [Kind.EfsFileSystem] = "AWS::EFS::FileSystem",
            [Kind.EksCluster] = "AWS::EKS::Cluster",
            [Kind.EksNodeGroup] = "AWS::EKS::Nodegroup",
            [Kind.LogGroup] = "AWS::Logs::LogGroup",
            [Kind.MetricAlarm] = "AWS::CloudWatch::Alarm",
            [Kind.Trail] = "AWS::CloudTrail::Trail",
            [Kind.IamPolicy] = "AWS::IAM::Policy",
            [Kind.IamRole] = "AWS::IAM::Role",
            [Kind.KmsKey] = "AWS::KMS::Key",
            [Kind.SageMakerEndpointConfiguration] = "AWS::SageMaker::EndpointConfig",
            [Kind.SageMakerEndpoint] = "AWS::SageMaker::Endpoint",
            [Kind.SageMakerModel] = "AWS::SageMaker::Model",
            [Kind.SageMakerNotebook] = "AWS::SageMaker::NotebookInstance",
            [Kind.SageMakerMonitoringSchedule] = "AWS::SageMaker::MonitoringSchedule",
            [Kind.ScalableTarget] = "AWS::ApplicationAutoScaling::ScalableTarget",
            [Kind.Listener] = "AWS::ElasticLoadBalancingV2::Listener",
            [Kind.LoadBalancer] = "AWS::ElasticLoadBalancingV2::LoadBalancer",
        };

        public IReadOnlyCollection<string> RootTypes { get; } = Types.Keys.ToArray();

        /// <summary>Pulumi's args properties keep their C# names; the translation below renames what CloudFormation calls otherwise.</summary>
        public static ReadOptions Options { get; } = new ReadOptions(name => name);

        /// <summary>
        /// What a fix may set on each kind, as the CloudFormation key the mapper asks for and the args property that holds it
        /// (Pulumi AWS .NET SDK, provider v6 and v7). A bucket's encryption is not here: Pulumi configures it through a
        /// resource of its own, which a fix cannot write in place.
        /// </summary>
        private static readonly Dictionary<Kind, Dictionary<string, string>> Fixable = new Dictionary<Kind, Dictionary<string, string>>
        {
            [Kind.Trail] = new Dictionary<string, string>(StringComparer.Ordinal) { ["IsLogging"] = "EnableLogging" },
            [Kind.LogGroup] = Same("RetentionInDays"),
            [Kind.EbsVolume] = Same("Encrypted"),
            [Kind.EfsFileSystem] = Same("Encrypted"),
            [Kind.Instance] = Same("Encrypted"),
            [Kind.LaunchTemplate] = Same("Encrypted"),
            [Kind.EksNodeGroup] = Same("CapacityType", "DesiredSize"),
            [Kind.SageMakerEndpointConfiguration] = Same("EnableCapture", "InitialInstanceCount"),
            [Kind.Listener] = Same("SslPolicy"),
            [Kind.BucketPublicAccessBlock] = Same("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"),
        };

        /// <summary><c>LaunchTemplateBlockDeviceMappingEbsArgs.Encrypted</c> is an <c>Input&lt;string&gt;</c>.</summary>
        private static readonly Dictionary<Kind, string[]> StringBooleans = new Dictionary<Kind, string[]> { [Kind.LaunchTemplate] = new[] { "Encrypted" } };

        private static Dictionary<string, string> Same(params string[] keys) => keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);

        /// <summary>How one resource's args are read: Pulumi's names, and an editor that writes what <see cref="Fixable"/> allows.</summary>
        private static ReadOptions Editable(Kind kind, CSharpReader reader)
        {
            if (!Fixable.TryGetValue(kind, out var members)) return Options;
            var renderer = new PulumiAwsRenderer(members, StringBooleans.TryGetValue(kind, out var strings) ? strings : Array.Empty<string>());
            return new ReadOptions(Options.Key, new CSharpTreeEditor(reader.Source, renderer));
        }

        /// <summary>One Pulumi resource of the file.</summary>
        private sealed class Resource
        {
            public Resource(ObjectCreationExpressionSyntax creation, Kind kind, string id, string? variable, ExpressionSyntax? argsSyntax, SourceSpan head)
            {
                Head = head;
                Creation = creation;
                Kind = kind;
                Id = id;
                Variable = variable;
                ArgsSyntax = argsSyntax;
            }

            public ObjectCreationExpressionSyntax Creation { get; }

            public Kind Kind { get; }

            public string Id { get; }

            public string? Variable { get; }

            public ExpressionSyntax? ArgsSyntax { get; }

            /// <summary>The args as written; null when they are not written at the constructor.</summary>
            public TreeMapping? Args { get; set; }

            public SourceSpan Head { get; }
        }

        public IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader)
        {
            var resources = new List<Resource>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (creation, type) in creations)
            {
                if (creation is not ObjectCreationExpressionSyntax explicitType || explicitType.ArgumentList is null) continue;
                var name = Argument(explicitType.ArgumentList, 0, "name");
                if (name is null) continue;
                string? variable = CSharpReader.VariableOf(creation);
                string id = reader.Evaluate(name) is { IsPlain: false, Text: string text } && text.Length > 0
                    ? text
                    : variable ?? Types[type] + "@" + reader.SpanOf(creation).StartLine.ToString(CultureInfo.InvariantCulture);
                // Pulumi names are unique per type: a name two types share is told apart by the type.
                string unique = ids.Contains(id) ? id + "/" + type.Substring(type.LastIndexOf('.') + 1) : id;
                for (int n = 2; !ids.Add(unique); n++) unique = id + "#" + n.ToString(CultureInfo.InvariantCulture);
                resources.Add(new Resource(explicitType, Types[type], unique, variable, Argument(explicitType.ArgumentList, 1, "args"), reader.HeadSpan(creation)));
            }

            // A variable names a resource when exactly one resource is stored in it.
            var byVariable = resources.Where(r => r.Variable is not null).GroupBy(r => r.Variable!, StringComparer.Ordinal)
                .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);
            var context = new Context(reader, byVariable);
            foreach (var resource in resources)
            {
                string path = "Resources." + resource.Id + ".Properties";
                if (resource.ArgsSyntax is BaseObjectCreationExpressionSyntax { Initializer: not null } args && reader.Build(args, path, Editable(resource.Kind, reader)) is TreeMapping mapping)
                    resource.Args = (TreeMapping)context.Link(mapping);
                else if (resource.ArgsSyntax is null || resource.ArgsSyntax is BaseObjectCreationExpressionSyntax { Initializer: null, ArgumentList: null or { Arguments.Count: 0 } })
                    resource.Args = new TreeMapping(Array.Empty<TreeEntry>(), true, resource.Head, resource.Head, path); // no args: every default
            }

            // The AWS provider's defaultTags (stack configuration aws:defaultTags, or an explicit provider) and stack
            // transformations tag resources from outside the program text.
            var template = new TemplateShape { TagsAppliedElsewhere = "the Pulumi AWS provider's default tags (aws:defaultTags in the stack's configuration) apply to every resource" };
            var buckets = resources.Where(r => r.Kind == Kind.Bucket && r.Args is not null).ToList();
            var companions = BucketCompanions(resources, buckets, context);
            foreach (var resource in resources)
            {
                if (resource.Args is null || !CloudFormationTypes.TryGetValue(resource.Kind, out var cfnType)) continue;
                var props = new Props(resource, context);
                switch (resource.Kind)
                {
                    case Kind.Bucket:
                        Bucket(props, resource, companions, template, context);
                        break;
                    case Kind.BucketPolicy:
                        BucketPolicy(props, resource, context);
                        break;
                    case Kind.Instance:
                        if (resource.Args.Get("InstanceMarketOptions") is not null) continue; // spot or capacity blocks: CloudFormation's instance cannot say so
                        Instance(props, resource, context);
                        break;
                    case Kind.LaunchTemplate:
                        LaunchTemplate(props, resource, context);
                        break;
                    case Kind.Subnet:
                        props.Copy("AvailabilityZone");
                        break;
                    case Kind.EbsVolume:
                        props.Copy("Encrypted", "KmsKeyId", "SnapshotId", "AvailabilityZone");
                        break;
                    case Kind.EfsFileSystem:
                        props.Copy("Encrypted", "KmsKeyId", "AvailabilityZoneName");
                        break;
                    case Kind.EksCluster:
                        EksCluster(props, resource);
                        break;
                    case Kind.EksNodeGroup:
                        props.Copy("CapacityType", "InstanceTypes", "ScalingConfig", "Labels");
                        break;
                    case Kind.LogGroup:
                        props.Copy("RetentionInDays");
                        props.Copy("Name", "LogGroupName");
                        break;
                    case Kind.MetricAlarm:
                        MetricAlarm(props, resource);
                        break;
                    case Kind.Trail:
                        // Pulumi's trail logs unless EnableLogging is false; CloudFormation requires IsLogging.
                        if (!props.Copy("EnableLogging", "IsLogging")) props.Add("IsLogging", TemplateShape.Scalar("true", resource.Head, props.Path + ".IsLogging", isPlain: true), resource.Head);
                        break;
                    case Kind.IamPolicy:
                        props.Add("PolicyDocument", Policy(resource, "Policy", props.Path + ".PolicyDocument", context), props.KeySpan("Policy"));
                        break;
                    case Kind.IamRole:
                        IamRole(props, resource, context);
                        break;
                    case Kind.KmsKey:
                        if (resource.Args.Get("Policy") is not null) props.Add("KeyPolicy", Policy(resource, "Policy", props.Path + ".KeyPolicy", context), props.KeySpan("Policy"));
                        break;
                    case Kind.SageMakerEndpointConfiguration:
                        EndpointConfiguration(props, resource);
                        break;
                    case Kind.SageMakerEndpoint:
                        props.Copy("EndpointConfigName");
                        props.Copy("Name", "EndpointName");
                        break;
                    case Kind.SageMakerModel:
                        // Two names, not a rename: Copy(a, b) would copy PrimaryContainer under Containers.
                        props.Copy(new[] { "PrimaryContainer", "Containers", "EnableNetworkIsolation", "VpcConfig" });
                        break;
                    case Kind.SageMakerNotebook:
                        props.Copy("KmsKeyId");
                        break;
                    case Kind.SageMakerMonitoringSchedule:
                        break; // the endpoint is named by its job definition: unknown here, so it may monitor any endpoint
                    case Kind.ScalableTarget:
                        props.Copy("ServiceNamespace", "ResourceId", "MinCapacity", "MaxCapacity");
                        break;
                    case Kind.Listener:
                        Listener(props, resource);
                        break;
                    case Kind.LoadBalancer:
                        LoadBalancer(props, resource);
                        break;
                }
                props.Copy("Tags");
                template.Add(resource.Id, cfnType, resource.Head, props.Build(), resource.Creation);
            }
            var built = template.Build(reader.SpanOf(reader.Unit));
            if (built is not null) yield return built;
        }

        /// <summary>The positional argument at <paramref name="index"/>, or the named one.</summary>
        private static ExpressionSyntax? Argument(ArgumentListSyntax list, int index, string name)
        {
            var named = list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
            if (named is not null) return named.Expression;
            return index < list.Arguments.Count && list.Arguments[index].NameColon is null ? list.Arguments[index].Expression : null;
        }

        // ---------------------------------------------------------------- buckets and what configures them

        private sealed class BucketParts
        {
            public Dictionary<string, (Resource Resource, TreeMapping Args)> Encryption { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, Resource> PublicAccessBlock { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, TreeNode> Acl { get; } = new(StringComparer.Ordinal);
            public bool EncryptionUnresolved { get; set; }
        }

        /// <summary>The side resources of each bucket of the file, by the bucket's logical id.</summary>
        private static BucketParts BucketCompanions(List<Resource> resources, List<Resource> buckets, Context context)
        {
            var parts = new BucketParts();
            foreach (var resource in resources)
            {
                if (resource.Kind is not (Kind.BucketEncryption or Kind.BucketPublicAccessBlock or Kind.BucketAcl)) continue;
                string? target = resource.Args is null ? null : TargetBucket(resource.Args.Get("Bucket"), buckets);
                switch (resource.Kind)
                {
                    case Kind.BucketEncryption:
                        if (target is null) parts.EncryptionUnresolved = true;
                        else if (!parts.Encryption.ContainsKey(target)) parts.Encryption[target] = (resource, resource.Args!);
                        break;
                    case Kind.BucketPublicAccessBlock:
                        if (target is not null && !parts.PublicAccessBlock.ContainsKey(target)) parts.PublicAccessBlock[target] = resource;
                        break;
                    case Kind.BucketAcl:
                        if (target is not null && resource.Args!.Get("Acl") is { } acl && !parts.Acl.ContainsKey(target)) parts.Acl[target] = context.CannedAcl(acl);
                        break;
                }
            }
            return parts;
        }

        /// <summary>The bucket a side resource names: a reference to a bucket of the file, or the literal name one of them is given.</summary>
        private static string? TargetBucket(TreeNode? value, List<Resource> buckets)
        {
            if (RefId(value) is string id) return buckets.Any(b => b.Id == id) ? id : null;
            if (value is TreeScalar { IsUnknown: false, Value: string name })
                return buckets.FirstOrDefault(b => (b.Args?.Get("Bucket") ?? b.Args?.Get("BucketName")) is TreeScalar { IsUnknown: false } literal && literal.Value == name)?.Id;
            return null;
        }

        private static string? RefId(TreeNode? value) =>
            value is TreeMapping { Count: 1 } m && m.Entries[0].Key.Value == "Ref" ? (m.Entries[0].Value as TreeScalar)?.Value : null;

        private static void Bucket(Props props, Resource bucket, BucketParts parts, TemplateShape template, Context context)
        {
            var args = bucket.Args!;
            props.Copy("Bucket", "BucketName");
            props.Copy("BucketName");

            // Encryption: a side resource naming this bucket wins over the deprecated inline block; one that names a
            // bucket we cannot follow may configure any bucket of the file, so none is judged.
            if (parts.Encryption.TryGetValue(bucket.Id, out var side))
                props.Add("BucketEncryption", Encryption(side.Args, side.Resource.Head, props.Path + ".BucketEncryption", context), side.Resource.Head);
            else if (parts.EncryptionUnresolved)
                props.Add("BucketEncryption", context.Reader.Unknown(bucket.Creation, props.Path + ".BucketEncryption"), bucket.Head);
            else if ((args.Get("ServerSideEncryptionConfiguration") ?? args.Get("ServerSideEncryptionConfigurations")) is { } inline)
                props.Add("BucketEncryption", Encryption(inline, inline.HeadSpan, props.Path + ".BucketEncryption", context), props.KeySpan("ServerSideEncryptionConfiguration", "ServerSideEncryptionConfigurations"));

            if (parts.PublicAccessBlock.TryGetValue(bucket.Id, out var block))
                props.Add("PublicAccessBlockConfiguration", PublicAccessBlock(block, props.Path + ".PublicAccessBlockConfiguration"), block.Head);

            if (parts.Acl.TryGetValue(bucket.Id, out var sideAcl)) props.Add("AccessControl", sideAcl, sideAcl.Span);
            else if (args.Get("Acl") is { } acl) props.Add("AccessControl", context.CannedAcl(acl), props.KeySpan("Acl"));

            // The deprecated inline policy is a bucket policy of its own.
            if (args.Get("Policy") is not null)
            {
                string id = bucket.Id + "Policy";
                string path = "Resources." + id + ".Properties";
                var at = props.KeySpan("Policy");
                var document = SecureTransportPolicy(Policy(bucket, "Policy", path + ".PolicyDocument", context), bucket, context);
                var target = document.IsUnknown ? (TreeNode)context.Reader.Unknown(bucket.Creation, path + ".Bucket") : Ref(bucket.Id, at, path + ".Bucket", bucket.Creation);
                var policy = TemplateShape.Mapping(new[] { TemplateShape.Entry("Bucket", target, at, path), TemplateShape.Entry("PolicyDocument", document, at, path) }, at, path);
                template.Add(id, "AWS::S3::BucketPolicy", at, policy, bucket.Creation);
            }
        }

        private static void BucketPolicy(Props props, Resource resource, Context context)
        {
            var document = SecureTransportPolicy(Policy(resource, "Policy", props.Path + ".PolicyDocument", context), resource, context);
            // A policy we cannot read may deny plain HTTP: its bucket must then count as unresolved, not as a bucket without the deny.
            if (document.IsUnknown) props.Add("Bucket", context.Reader.Unknown(resource.Creation, props.Path + ".Bucket"), resource.Head);
            else props.Copy("Bucket");
            props.Add("PolicyDocument", document, props.KeySpan("Policy"));
        }

        /// <summary>
        /// A bucket policy with any part we cannot see (an effect, a condition) may be the one that denies plain HTTP:
        /// the whole document is then unknown, so its bucket counts as unresolved rather than as a bucket without the deny.
        /// </summary>
        private static TreeNode SecureTransportPolicy(TreeNode document, Resource resource, Context context) =>
            HasUnknown(document, 0) ? context.Reader.Unknown(resource.Creation, document.Path) : document;

        private static bool HasUnknown(TreeNode node, int depth) => depth > 64 || node switch
        {
            TreeMapping m => m.IsUnknown || m.Entries.Any(e => e.Key.IsUnknown || HasUnknown(e.Value, depth + 1)),
            TreeSequence q => q.IsUnknown || q.Items.Any(i => HasUnknown(i, depth + 1)),
            _ => node.IsUnknown,
        };

        /// <summary>CloudFormation's <c>BucketEncryption</c> from Pulumi's rule(s): <c>Rules</c> (side resource) or <c>Rule</c> (inline, v6), each with <c>ApplyServerSideEncryptionByDefault</c>.</summary>
        private static TreeNode Encryption(TreeNode config, SourceSpan at, string path, Context context)
        {
            var rule = First(config is TreeMapping m ? m.Get("Rules") ?? m.Get("Rule") : config);
            if (rule is TreeMapping ruleMap && First(ruleMap.Get("ApplyServerSideEncryptionByDefault") ?? ruleMap.Get("ApplyServerSideEncryptionByDefaults")) is TreeMapping byDefault)
            {
                var entries = new List<TreeEntry>();
                string p = path + ".ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault";
                if (byDefault.Get("SseAlgorithm") is { } algorithm) entries.Add(new TreeEntry(Key("SSEAlgorithm", byDefault.KeyNode("SseAlgorithm")!, p), algorithm));
                if (byDefault.Get("KmsMasterKeyId") is { } key) entries.Add(new TreeEntry(Key("KMSMasterKeyID", byDefault.KeyNode("KmsMasterKeyId")!, p), key));
                var defaults = TemplateShape.Mapping(entries, byDefault.HeadSpan, p);
                var item = TemplateShape.Mapping(new[] { TemplateShape.Entry("ServerSideEncryptionByDefault", defaults, byDefault.HeadSpan, path + ".ServerSideEncryptionConfiguration[0]") }, rule.HeadSpan, path + ".ServerSideEncryptionConfiguration[0]");
                var list = TemplateShape.Sequence(new TreeNode[] { item }, rule.HeadSpan, path + ".ServerSideEncryptionConfiguration");
                return TemplateShape.Mapping(new[] { TemplateShape.Entry("ServerSideEncryptionConfiguration", list, at, path) }, at, path);
            }
            return new TreeScalar(null, false, at, path, null, NodeState.Unknown, null, config.Origin);
        }

        /// <summary>The four flags; Pulumi's BucketPublicAccessBlock turns every flag it is not given off (each "Defaults to false").</summary>
        private static TreeMapping PublicAccessBlock(Resource block, string path)
        {
            var entries = new List<TreeEntry>();
            foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            {
                if (block.Args!.Get(flag) is { } value) entries.Add(new TreeEntry(Key(flag, block.Args.KeyNode(flag)!, path), value));
                else entries.Add(TemplateShape.Entry(flag, TemplateShape.Scalar("false", block.Head, path + "." + flag, isPlain: true), block.Head, path));
            }
            // Fixes write into the block's own args: a flag it omits is added there.
            return TemplateShape.Mapping(entries, block.Head, path, block.Args!.Editor, block.Args.Origin);
        }

        // ---------------------------------------------------------------- compute

        private static void Instance(Props props, Resource resource, Context context)
        {
            var args = resource.Args!;
            if (args.Get("InstanceType") is { } type) props.Add("InstanceType", context.InstanceType(type), props.KeySpan("InstanceType"));
            props.Copy("AvailabilityZone");
            var devices = new List<TreeNode>();
            string path = props.Path + ".BlockDeviceMappings";
            if (args.Get("RootBlockDevice") is TreeMapping root)
            {
                // The root volume is made from the AMI's snapshot: without Encrypted it is as encrypted as that snapshot.
                var p = path + "[0]";
                var ebs = new List<TreeEntry>();
                ebs.Add(root.Get("Encrypted") is { } encrypted
                    ? new TreeEntry(Key("Encrypted", root.KeyNode("Encrypted")!, p + ".Ebs"), encrypted)
                    : TemplateShape.Entry("Encrypted", new TreeScalar(null, false, root.HeadSpan, p + ".Ebs.Encrypted", null, NodeState.Unknown), root.HeadSpan, p + ".Ebs"));
                if (root.Get("KmsKeyId") is { } key) ebs.Add(new TreeEntry(Key("KmsKeyId", root.KeyNode("KmsKeyId")!, p + ".Ebs"), key));
                var keyAt = props.KeySpan("RootBlockDevice");
                devices.Add(TemplateShape.Mapping(new[] { TemplateShape.Entry("Ebs", TemplateShape.Mapping(ebs, root.HeadSpan, p + ".Ebs", root.Editor, root.Origin), keyAt, p) }, root.HeadSpan, p));
            }
            foreach (var device in (args.Get("EbsBlockDevices") as TreeSequence)?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
            {
                var p = path + "[" + devices.Count.ToString(CultureInfo.InvariantCulture) + "]";
                var ebs = device.Entries.Where(e => e.Key.Value is "Encrypted" or "KmsKeyId" or "SnapshotId").ToList();
                var entries = new List<TreeEntry> { TemplateShape.Entry("Ebs", TemplateShape.Mapping(ebs, device.HeadSpan, p + ".Ebs", device.Editor, device.Origin), device.HeadSpan, p) };
                if (device.Get("DeviceName") is { } name) entries.Add(new TreeEntry(Key("DeviceName", device.KeyNode("DeviceName")!, p), name));
                devices.Add(TemplateShape.Mapping(entries, device.HeadSpan, p));
            }
            if (devices.Count > 0) props.Add("BlockDeviceMappings", TemplateShape.Sequence(devices, resource.Head, path), resource.Head);
        }

        private static void LaunchTemplate(Props props, Resource resource, Context context)
        {
            var args = resource.Args!;
            var data = new Props(props.Path + ".LaunchTemplateData", args, resource.Head);
            if (args.Get("InstanceType") is { } type) data.Add("InstanceType", context.InstanceType(type), data.KeySpan("InstanceType"));
            data.Copy("InstanceMarketOptions", "BlockDeviceMappings", "TagSpecifications");
            props.Add("LaunchTemplateData", data.Build(), resource.Head);
        }

        private static void EksCluster(Props props, Resource resource)
        {
            if (resource.Args!.Get("EnabledClusterLogTypes") is not { } types) return; // Pulumi enables no control-plane log type by default
            string path = props.Path + ".Logging.ClusterLogging";
            var at = props.KeySpan("EnabledClusterLogTypes");
            // A list we cannot see may hold "audit": one unknown item keeps it unknown rather than empty.
            var list = types as TreeSequence ?? TemplateShape.Sequence(new TreeNode[] { types }, types.Span, path + ".EnabledTypes");
            var logging = TemplateShape.Mapping(new[] { TemplateShape.Entry("EnabledTypes", list, at, path) }, at, path);
            props.Add("Logging", TemplateShape.Mapping(new[] { TemplateShape.Entry("ClusterLogging", logging, at, props.Path + ".Logging") }, at, props.Path + ".Logging"), at);
        }

        // ---------------------------------------------------------------- SageMaker

        private static void EndpointConfiguration(Props props, Resource resource)
        {
            var args = resource.Args!;
            var variants = args.Get("ProductionVariants");
            if (variants is TreeSequence) props.Copy("ProductionVariants");
            else if (variants is not null)
                props.Add("ProductionVariants", TemplateShape.Sequence(new TreeNode[] { TemplateShape.Mapping(new[] { TemplateShape.Entry("InstanceType", variants, variants.Span, props.Path + ".ProductionVariants[0]") }, variants.Span, props.Path + ".ProductionVariants[0]") }, variants.Span, props.Path + ".ProductionVariants"), props.KeySpan("ProductionVariants"));
            props.Copy("KmsKeyArn", "KmsKeyId");
            string path = props.Path + ".DataCaptureConfig";
            var capture = args.Get("DataCaptureConfig");
            if (capture is TreeMapping config)
            {
                // Pulumi's EnableCapture "Defaults to false": a capture config without it captures nothing.
                var entries = config.Entries.ToList();
                if (config.Get("EnableCapture") is null) entries.Add(TemplateShape.Entry("EnableCapture", TemplateShape.Scalar("false", config.HeadSpan, path + ".EnableCapture", isPlain: true), config.HeadSpan, path));
                props.Add("DataCaptureConfig", new TreeMapping(entries, true, config.Span, config.HeadSpan, path, editor: config.Editor, origin: config.Origin), props.KeySpan("DataCaptureConfig"));
            }
            else if (capture is not null || variants is not null and not TreeSequence)
            {
                // Unseen: the config itself, or variants that may all be serverless (which capture nothing).
                var at = capture?.Span ?? resource.Head;
                var unknown = new TreeScalar(null, false, at, path + ".EnableCapture", null, NodeState.Unknown);
                props.Add("DataCaptureConfig", TemplateShape.Mapping(new[] { TemplateShape.Entry("EnableCapture", unknown, at, path) }, at, path), at);
            }
        }

        // ---------------------------------------------------------------- access

        private static void IamRole(Props props, Resource resource, Context context)
        {
            if (resource.Args!.Get("InlinePolicies") is not TreeSequence inline) return;
            var items = new List<TreeNode>();
            string path = props.Path + ".Policies";
            foreach (var item in inline.Items)
            {
                string p = path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]";
                if (item is not TreeMapping policy || policy.Origin is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer }) continue;
                var expression = Assigned(initializer, "Policy");
                if (expression is null) continue;
                var document = PulumiPolicyDocument.Read(expression, p + ".PolicyDocument", context.Reader);
                items.Add(TemplateShape.Mapping(new[] { TemplateShape.Entry("PolicyDocument", document, policy.KeyNode("Policy")!.Span, p) }, policy.HeadSpan, p));
            }
            props.Add("Policies", TemplateShape.Sequence(items, inline.Span, path), props.KeySpan("InlinePolicies"));
        }

        /// <summary>The policy document of the args property <paramref name="key"/>, read from its C#.</summary>
        private static TreeNode Policy(Resource resource, string key, string path, Context context)
        {
            var initializer = (resource.ArgsSyntax as BaseObjectCreationExpressionSyntax)?.Initializer;
            var expression = initializer is null ? null : Assigned(initializer, key);
            return expression is null ? context.Reader.Unknown(resource.Creation, path) : PulumiPolicyDocument.Read(expression, path, context.Reader);
        }

        private static ExpressionSyntax? Assigned(InitializerExpressionSyntax initializer, string property) =>
            initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .LastOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == property)?.Right;

        // ---------------------------------------------------------------- monitoring and networking

        private static void MetricAlarm(Props props, Resource resource)
        {
            props.Copy(new[] { "Namespace", "MetricName" }); // two names, not a rename
            var dimensions = resource.Args!.Get("Dimensions");
            if (dimensions is null) return;
            string path = props.Path + ".Dimensions";
            var items = new List<TreeNode>();
            if (dimensions is TreeMapping map)
            {
                foreach (var entry in map.Entries)
                {
                    string p = path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]";
                    items.Add(TemplateShape.Mapping(new[] { TemplateShape.Entry("Name", entry.Key, entry.Key.Span, p), TemplateShape.Entry("Value", entry.Value, entry.Key.Span, p) }, entry.Key.Span, p));
                }
            }
            else
            {
                // Dimensions we cannot see may name any endpoint.
                var name = TemplateShape.Scalar("EndpointName", dimensions.Span, path + "[0].Name");
                items.Add(TemplateShape.Mapping(new[] { TemplateShape.Entry("Name", name, dimensions.Span, path + "[0]"), TemplateShape.Entry("Value", dimensions, dimensions.Span, path + "[0]") }, dimensions.Span, path + "[0]"));
            }
            props.Add("Dimensions", TemplateShape.Sequence(items, dimensions.Span, path), props.KeySpan("Dimensions"));
        }

        private static void Listener(Props props, Resource resource)
        {
            props.Copy("Protocol", "SslPolicy", "LoadBalancerArn");
            if (resource.Args!.Get("DefaultActions") is not TreeSequence actions) return;
            string path = props.Path + ".DefaultActions";
            var items = new List<TreeNode>();
            foreach (var action in actions.Items)
            {
                string p = path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]";
                if (action is not TreeMapping a)
                {
                    items.Add(action);
                    continue;
                }
                // Pulumi's Redirect block is CloudFormation's RedirectConfig.
                var entries = a.Entries.Select(e => e.Key.Value == "Redirect" ? new TreeEntry(Key("RedirectConfig", e.Key, p), e.Value) : e).ToList();
                items.Add(new TreeMapping(entries, true, a.Span, a.HeadSpan, p, origin: a.Origin));
            }
            props.Add("DefaultActions", TemplateShape.Sequence(items, actions.Span, path), props.KeySpan("DefaultActions"));
        }

        private static void LoadBalancer(Props props, Resource resource)
        {
            // Pulumi says Internal = true where CloudFormation says Scheme: internal; the default is internet-facing in both.
            if (resource.Args!.Get("Internal") is not TreeScalar flag) return;
            string? scheme = flag.IsUnknown ? null : TreeValues.Bool(flag) switch { true => "internal", false => "internet-facing", _ => null };
            var value = scheme is null ? new TreeScalar(null, false, flag.Span, props.Path + ".Scheme", null, NodeState.Unknown) : TemplateShape.Scalar(scheme, flag.Span, props.Path + ".Scheme");
            props.Add("Scheme", value, props.KeySpan("Internal"));
        }

        // ---------------------------------------------------------------- tree helpers

        private static TreeNode? First(TreeNode? node) => node is TreeSequence list ? list.Items.FirstOrDefault() : node;

        /// <summary>A key under CloudFormation's name, where the C# key is written.</summary>
        private static TreeScalar Key(string name, TreeScalar written, string parentPath) =>
            new TreeScalar(name, true, written.Span, CSharpReader.Child(parentPath, name), origin: written.Origin);

        private static TreeMapping Ref(string id, SourceSpan at, string path, object? origin) =>
            new TreeMapping(new[] { new TreeEntry(new TreeScalar("Ref", true, at, path + ".Ref"), new TreeScalar(id, false, at, path + ".Ref", origin: origin)) }, true, at, at, path, origin: origin);

        /// <summary>What every translation needs: the reader, and which variable holds which resource.</summary>
        private sealed class Context
        {
            private readonly Dictionary<string, string> _byVariable;

            public Context(CSharpReader reader, Dictionary<string, string> byVariable)
            {
                Reader = reader;
                _byVariable = byVariable;
            }

            public CSharpReader Reader { get; }

            /// <summary>The tree with every <c>resource.Output</c> of a resource of this file turned into a <c>Ref</c> to its logical id.</summary>
            public TreeNode Link(TreeNode node)
            {
                switch (node)
                {
                    case TreeScalar { IsUnknown: true, Origin: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } member }
                        when _byVariable.TryGetValue(owner.Identifier.ValueText, out var id):
                        return Ref(id, node.Span, node.Path, member);
                    case TreeMapping mapping:
                    {
                        var entries = mapping.Entries.Select(e => new TreeEntry(e.Key, Link(e.Value))).ToList();
                        return new TreeMapping(entries, mapping.IsFlow, mapping.Span, mapping.HeadSpan, mapping.Path, mapping.Tag, mapping.State, mapping.Editor, mapping.Origin);
                    }
                    case TreeSequence sequence:
                        return new TreeSequence(sequence.Items.Select(Link).ToList(), sequence.Span, sequence.HeadSpan, sequence.Path, sequence.Tag, sequence.State, sequence.Editor, sequence.Origin);
                    default:
                        return node;
                }
            }

            /// <summary><c>Pulumi.Aws.Ec2.InstanceType.P4d_24XLarge</c> is <c>p4d.24xlarge</c>; a string stays as written.</summary>
            public TreeNode InstanceType(TreeNode node)
            {
                if (node is TreeScalar { IsUnknown: true, Origin: ExpressionSyntax expression }
                    && Reader.MemberOf(expression, "Pulumi.Aws.Ec2.InstanceType") is string member
                    && member.Count(c => c == '_') == 1)
                    return new TreeScalar(member.Replace('_', '.').ToLowerInvariant(), false, node.Span, node.Path, origin: expression);
                return node;
            }

            /// <summary>Pulumi's canned ACL (<c>public-read</c>, or <c>CannedAcl.PublicRead</c>) under CloudFormation's name (<c>PublicRead</c>).</summary>
            public TreeNode CannedAcl(TreeNode node)
            {
                if (node is TreeScalar { IsUnknown: true, Origin: ExpressionSyntax expression } && Reader.MemberOf(expression, "Pulumi.Aws.S3.CannedAcl") is string member)
                    return new TreeScalar(member, false, node.Span, node.Path, origin: expression);
                if (node is TreeScalar { IsUnknown: false, Value: string text })
                {
                    string pascal = string.Concat(text.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
                    return new TreeScalar(pascal, false, node.Span, node.Path, origin: node.Origin);
                }
                return node;
            }
        }

        /// <summary>A CloudFormation resource's properties, built from Pulumi's args.</summary>
        private sealed class Props
        {
            private readonly TreeMapping _args;
            private readonly SourceSpan _head;
            private readonly List<TreeEntry> _entries = new List<TreeEntry>();

            public Props(Resource resource, Context context)
                : this("Resources." + resource.Id + ".Properties", resource.Args!, resource.Head)
            {
            }

            public Props(string path, TreeMapping args, SourceSpan head)
            {
                Path = path;
                _args = args;
                _head = head;
            }

            public string Path { get; }

            /// <summary>Copies args properties that CloudFormation names the same; true when the first was there.</summary>
            public bool Copy(params string[] keys)
            {
                bool first = false;
                for (int i = 0; i < keys.Length; i++)
                    if (CopyAs(keys[i], keys[i]) && i == 0) first = true;
                return first;
            }

            /// <summary>Copies the args property <paramref name="from"/> under CloudFormation's name <paramref name="to"/>.</summary>
            public bool Copy(string from, string to) => CopyAs(from, to);

            private bool CopyAs(string from, string to)
            {
                if (_args.Get(from) is not { } value || _entries.Any(e => e.Key.Value == to)) return false;
                _entries.Add(new TreeEntry(Key(to, _args.KeyNode(from)!, Path), value));
                return true;
            }

            public void Add(string key, TreeNode value, SourceSpan keyAt) =>
                _entries.Add(new TreeEntry(new TreeScalar(key, true, keyAt, CSharpReader.Child(Path, key)), value));

            /// <summary>Where the first of the args properties is written; the resource's head when none is.</summary>
            public SourceSpan KeySpan(params string[] keys)
            {
                foreach (var key in keys)
                    if (_args.KeyNode(key) is { } node) return node.Span;
                return _head;
            }

            public TreeMapping Build() => new TreeMapping(_entries.ToList(), true, _args.Span, _args.HeadSpan, Path, editor: _args.Editor, origin: _args.Origin);
        }
    }
}
