using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Platforms.Kubernetes;

namespace InfraLint.Platforms.CloudFormation
{
    /// <summary>
    /// Reads a CloudFormation template's resources into normalized facts. The template is the
    /// namespace: joins (an endpoint and its scaling target, a bucket and its policy) stay inside it.
    /// Every value that depends on an intrinsic function or parameter is unknown, never a finding.
    /// </summary>
    public sealed class CloudFormationMapper
    {
        /// <summary>
        /// The logical path of a resource as a whole, the basis of fingerprints of findings about it. Kept at the value
        /// InfraLint has always used, so that existing baselines still match: changing it would re-open every waived
        /// finding about a CloudFormation workload.
        /// </summary>
        private const string WorkloadNamePath = "metadata.name";

        private readonly TreeFacts _y;
        private readonly string _ns;
        /// <summary>
        /// A template-level <c>Metadata</c> key written by front ends whose resources may be tagged from outside their
        /// declarations (the C# AWS families: CDK's <c>Tags.Of</c>, Pulumi's provider default tags); every resource's tags
        /// are then unknown. The same key as <c>TemplateShape.TagsAppliedElsewhereKey</c> in the C# front end.
        /// </summary>
        public const string TagsAppliedElsewhere = "InfraLint::TagsAppliedElsewhere";

        private bool _tagsAppliedElsewhere;
        private TreeMapping? _parameters;
        private Dictionary<string, (string Type, TreeMapping Resource, TreeScalar Key)> _resources = new(StringComparer.Ordinal);

        public CloudFormationMapper(SourceText source)
        {
            _y = new TreeFacts(source, Intrinsics.IsIntrinsic);
            _ns = source.Path;
        }

        public static bool IsCloudFormation(TreeMapping root) =>
            root.Map("Resources") is { } resources
            && (root.Get("AWSTemplateFormatVersion") is not null
                || resources.Entries().Any(e => (e.Value as TreeMapping).Str("Type")?.Contains("::") == true));

        public IEnumerable<object> Read(TreeMapping root)
        {
            _resources = new Dictionary<string, (string, TreeMapping, TreeScalar)>(StringComparer.Ordinal);
            _parameters = root.Map("Parameters");
            _tagsAppliedElsewhere = root.Map("Metadata")?.Get(TagsAppliedElsewhere) is not null;
            foreach (var (id, key, value) in root.Map("Resources").Entries())
                if (value is TreeMapping r && r.Str("Type") is string type) _resources[id] = (type, r, key);

            var secureBuckets = SecureTransportBuckets(out bool bucketPoliciesUnresolved, out var unknownTransportBuckets);
            var throttledStages = ThrottledStages(out bool usagePlansUnresolved);

            var facts = new List<object>();
            foreach (var (id, (type, resource, key)) in _resources.Select(kv => (kv.Key, kv.Value)))
            {
                var props = resource.Map("Properties");
                // Properties computed as a whole (Properties: !If [IsShadow, {...}, {...}]) say nothing InfraLint can read:
                // every setting is unknown, so the resource is not judged at all rather than judged as having none.
                if (resource.Get("Properties") is { } propertiesNode && (props is null || _y.IsUnknown(propertiesNode))) continue;
                string path = $"Resources.{id}";
                var span = _y.Span(key);
                int first = facts.Count;
                switch (type)
                {
                    case "AWS::S3::Bucket":
                        facts.Add(Bucket(id, span, props, path, secureBuckets, bucketPoliciesUnresolved || unknownTransportBuckets.Contains(id)));
                        break;
                    case "AWS::S3::BucketPolicy":
                        facts.Add(Policy(id, type, span, path, props.Map("PolicyDocument"), "Properties.PolicyDocument"));
                        break;
                    case "AWS::EFS::FileSystem":
                        facts.Add(Encrypted(id, type, span, props, path, "file-system", "Encrypted", "KmsKeyId"));
                        facts.AddRange(Zones(id, type, span, props, path, "AvailabilityZoneName"));
                        break;
                    case "AWS::RDS::DBInstance":
                        if (Intrinsics.Literal(props?.Get("Engine"))?.StartsWith("aurora", StringComparison.OrdinalIgnoreCase) == true) break; // encrypted at the cluster
                        if (props?.Get("DBClusterIdentifier") is not null) break; // a member of a (Multi-AZ) DB cluster: encrypted at the cluster
                        facts.Add(Encrypted(id, type, span, props, path, "database", "StorageEncrypted", "KmsKeyId", "SourceDBInstanceIdentifier", "DBSnapshotIdentifier", "SourceDBClusterIdentifier"));
                        break;
                    case "AWS::RDS::DBCluster":
                        facts.Add(Encrypted(id, type, span, props, path, "database", "StorageEncrypted", "KmsKeyId", "SnapshotIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier", "GlobalClusterIdentifier"));
                        break;
                    case "AWS::EC2::Volume":
                        facts.Add(Encrypted(id, type, span, props, path, "volume", "Encrypted", "KmsKeyId", "SnapshotId"));
                        facts.AddRange(Zones(id, type, span, props, path));
                        break;
                    case "AWS::EC2::Subnet":
                    case "AWS::ElasticLoadBalancing::LoadBalancer":
                    case "AWS::FSx::FileSystem":
                    case "AWS::EFS::MountTarget":
                        facts.AddRange(Zones(id, type, span, props, path));
                        break;
                    case "AWS::EC2::Instance":
                        facts.AddRange(WithProfile(Instance(id, type, span, props, path, props?.Get("InstanceType"), "Properties.InstanceType", null), props));
                        facts.AddRange(Zones(id, type, span, props, path));
                        facts.AddRange(Volumes(id, type, props.Seq("BlockDeviceMappings"), path + ".Properties.BlockDeviceMappings"));
                        break;
                    case "AWS::EC2::LaunchTemplate":
                    {
                        var data = props.Map("LaunchTemplateData");
                        string? market = Intrinsics.Literal(data.Map("InstanceMarketOptions")?.Get("MarketType"));
                        var template = Instance(id, type, span, props, path, data?.Get("InstanceType"), "Properties.LaunchTemplateData.InstanceType", market == "spot" ? "spot" : null);
                        template.IsNodePool = true;
                        var instanceTags = data.Seq("TagSpecifications")?.Items.OfType<TreeMapping>().FirstOrDefault(t => Intrinsics.Literal(t.Get("ResourceType")) == "instance");
                        facts.AddRange(WithProfile(template, instanceTags ?? props));
                        facts.AddRange(Volumes(id, type, data.Seq("BlockDeviceMappings"), path + ".Properties.LaunchTemplateData.BlockDeviceMappings"));
                        break;
                    }
                    case "AWS::EKS::Nodegroup":
                        facts.AddRange(WithProfile(Nodegroup(id, type, span, props, path), props));
                        break;
                    case "AWS::AutoScaling::AutoScalingGroup":
                        facts.AddRange(WithProfile(AutoScalingGroup(id, type, span, props, path), props));
                        facts.AddRange(Zones(id, type, span, props, path));
                        break;
                    case "AWS::EKS::Cluster":
                        facts.Add(EksAudit(id, type, span, props, path));
                        break;
                    case "AWS::SageMaker::Model":
                        facts.Add(SageMakerModel(id, type, span, props, path));
                        break;
                    case "AWS::SageMaker::EndpointConfig":
                        facts.AddRange(EndpointConfig(id, type, span, props, path));
                        break;
                    case "AWS::SageMaker::Endpoint":
                        facts.AddRange(WithProfile(Endpoint(id, type, span, props, path), props));
                        break;
                    case "AWS::SageMaker::NotebookInstance":
                        facts.Add(KmsEncrypted(id, type, span, props, path, "ml-volume", "KmsKeyId"));
                        break;
                    case "AWS::SageMaker::Domain":
                        // KmsKeyId encrypts the domain's EFS volume (the users' home directories), with an AWS-managed key when absent.
                        facts.Add(KmsEncrypted(id, type, span, props, path, "file-system", "KmsKeyId"));
                        break;
                    case "AWS::SageMaker::MonitoringSchedule":
                        facts.Add(Monitor(id, type, span, props));
                        break;
                    case "AWS::CloudWatch::Alarm":
                        if (Alarm(id, type, span, props) is { } alarm) facts.Add(alarm);
                        break;
                    case "AWS::ApplicationAutoScaling::ScalableTarget":
                        if (ScalableTarget(id, type, span, props) is { } scaler) facts.Add(scaler);
                        break;
                    case "AWS::Events::Rule":
                    case "AWS::Scheduler::Schedule":
                        if (Trigger(id, type, span, props, path) is { } trigger) facts.Add(trigger);
                        break;
                    case "AWS::Logs::LogGroup":
                        facts.Add(new LogStore(SourceFormat.CloudFormation, type, id, _ns, span)
                        {
                            Labels = Tags(props),
                            LabelsUnknown = TagsUnknown(props),
                            RetentionDays = props is null ? Located<int?>.Missing(span, path + ".Properties.RetentionInDays") : Int(props, path + ".Properties", span, "RetentionInDays"),
                            ProvisioningOnly = CustomResourceFunctionLogging(id, props),
                        });
                        break;
                    case "AWS::CloudTrail::Trail":
                        facts.Add(new AuditLog(SourceFormat.CloudFormation, type, id, _ns, span, "AWS API calls")
                        {
                            Labels = Tags(props),
                            LabelsUnknown = TagsUnknown(props),
                            Enabled = props is null ? Located<bool?>.Missing(span, path + ".Properties.IsLogging") : Bool(props, path + ".Properties", span, "IsLogging"),
                            Enable = props?.EditAt("IsLogging"),
                        });
                        break;
                    case "AWS::IAM::Role":
                    {
                        int i = 0;
                        foreach (var policy in props.Seq("Policies")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                            facts.Add(Policy(id, type, span, path, policy.Map("PolicyDocument"), $"Properties.Policies[{i++}].PolicyDocument"));
                        break;
                    }
                    case "AWS::IAM::Policy":
                    case "AWS::IAM::ManagedPolicy":
                        facts.Add(Policy(id, type, span, path, props.Map("PolicyDocument"), "Properties.PolicyDocument"));
                        break;
                    case "AWS::KMS::Key":
                        facts.Add(Policy(id, type, span, path, props.Map("KeyPolicy"), "Properties.KeyPolicy"));
                        break;
                    case "AWS::ElasticLoadBalancingV2::Listener":
                        facts.Add(Listener(id, type, span, props, path));
                        break;
                    case "AWS::ApiGateway::Stage":
                        facts.Add(Stage(id, type, span, props, path, throttledStages, usagePlansUnresolved));
                        break;
                    case "AWS::ApiGateway::Deployment":
                        if (props?.Get("StageName") is not null) facts.Add(Stage(id, type, span, props, path, throttledStages, usagePlansUnresolved));
                        break;
                }
                var ignores = Ignores(resource);
                if (ignores.Count > 0)
                    for (int i = first; i < facts.Count; i++)
                        if (facts[i] is InfraResource made) made.Ignores = ignores;
            }
            facts.AddRange(Parameters(root.Map("Parameters")));
            return facts;
        }

        /// <summary>
        /// A resource's waivers, <c>Metadata: {infralint: {ignore: [{id: IL2001, reason: …, until: 2027-03-31}]}}</c>: the
        /// place CloudFormation gives tools for data about a resource (cfn-lint and cfn-nag read theirs there too). <c>id</c>
        /// may name several rules, separated by commas; an entry without one names no rule and waives nothing.
        /// </summary>
        private static IReadOnlyList<ResourceIgnore> Ignores(TreeMapping resource)
        {
            var entries = resource.Map("Metadata").Map("infralint").Seq("ignore");
            if (entries is null) return Array.Empty<ResourceIgnore>();
            var ignores = new List<ResourceIgnore>();
            foreach (var entry in entries.Items.OfType<TreeMapping>())
            {
                var ids = (Intrinsics.Literal(entry.Get("id")) ?? string.Empty)
                    .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => id.ToUpperInvariant())
                    .ToArray();
                if (ids.Length == 0) continue;
                ignores.Add(new ResourceIgnore(entry.HeadSpan, ids, Intrinsics.Literal(entry.Get("reason")), Intrinsics.Literal(entry.Get("until"))));
            }
            return ignores;
        }

        /// <summary>
        /// The instance types a value can be: the literal, or the AllowedValues (else the Default) of the parameter it refers to;
        /// null when the template does not say.
        /// </summary>
        private IReadOnlyList<string>? InstanceTypes(TreeNode value)
        {
            if (Intrinsics.Literal(value) is string literal) return new[] { literal };
            string? name = value is TreeScalar { Tag: "!Ref" } r ? r.Value : value is TreeMapping m && m.Count == 1 ? m.Str("Ref") : null;
            if (name is null || _parameters?.Map(name) is not { } parameter) return null;
            if (parameter.Seq("AllowedValues") is { } allowed)
            {
                var values = allowed.Items.Select(Intrinsics.Literal).ToList();
                return values.Count > 0 && values.All(v => v is not null) ? values.Select(v => v!).ToArray() : null;
            }
            return Intrinsics.Literal(parameter.Get("Default")) is string fallback ? new[] { fallback } : null;
        }

        /// <summary>The template's parameters with their defaults; a parameter's Default is as readable as any other value of the file.</summary>
        private IEnumerable<TemplateParameter> Parameters(TreeMapping? parameters)
        {
            foreach (var (name, key, value) in parameters.Entries())
            {
                if (value is not TreeMapping parameter) continue;
                string path = $"Parameters.{name}";
                yield return new TemplateParameter(SourceFormat.CloudFormation, name, _ns, _y.Span(key))
                {
                    NamePath = path,
                    NoEcho = Intrinsics.Bool(parameter.Get("NoEcho")) == true,
                    Default = _y.String(parameter, path, _y.Span(key), "Default"),
                };
            }
        }

        // ---- storage --------------------------------------------------------------------------

        private StorageResource Bucket(string id, SourceSpan span, TreeMapping? props, string path, HashSet<string> secure, bool unresolved)
        {
            var bucket = new StorageResource(SourceFormat.CloudFormation, "AWS::S3::Bucket", id, _ns, span, "bucket")
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                // S3 has blocked public access on new buckets by default since April 2023.
                PublicAccessBlockedByDefault = true,
            };
            var encryption = props?.Get("BucketEncryption");
            var rule = (encryption as TreeMapping).Seq("ServerSideEncryptionConfiguration")?.Items.FirstOrDefault() as TreeMapping;
            var byDefault = rule.Map("ServerSideEncryptionByDefault");
            var algorithmNode = byDefault?.Get("SSEAlgorithm");
            if (encryption is null)
            {
                // S3 has encrypted every new object with SSE-S3 since January 2023: the provider default, not "none".
                bucket.Encryption = new Located<EncryptionAtRest>(EncryptionAtRest.ProviderDefault, false, span, path + ".Properties.BucketEncryption", null);
                bucket.Algorithm = Located<string?>.Missing(span, path + ".Properties.BucketEncryption");
            }
            else
            {
                string? algorithm = Intrinsics.Literal(algorithmNode);
                bool hasKey = byDefault?.Get("KMSMasterKeyID") is { } keyNode && !Intrinsics.IsNoValue(keyNode);
                var state = algorithmNode is null || Intrinsics.IsIntrinsic(algorithmNode) ? EncryptionAtRest.Unknown
                    : algorithm == "AES256" ? EncryptionAtRest.ProviderKey
                    : algorithm?.StartsWith("aws:kms", StringComparison.Ordinal) == true ? (hasKey ? EncryptionAtRest.CustomerKey : EncryptionAtRest.ManagedKmsKey)
                    : EncryptionAtRest.Unknown;
                var at = algorithmNode is not null ? _y.Span(algorithmNode) : _y.Head(encryption);
                bucket.Encryption = Located<EncryptionAtRest>.Present(state, at, path + ".Properties.BucketEncryption");
                bucket.Algorithm = algorithm is null ? Located<string?>.Missing(at, path + ".Properties.BucketEncryption") : Located<string?>.Present(algorithm, at, path + ".Properties.BucketEncryption");
            }

            var block = props.Map("PublicAccessBlockConfiguration");
            var flags = new List<Located<bool?>>();
            if (block is not null)
            {
                foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
                    flags.Add(Bool(block, path + ".Properties.PublicAccessBlockConfiguration", _y.Span(props!.KeyNode("PublicAccessBlockConfiguration")!), flag));
            }
            bucket.PublicAccessFlags = flags;
            bool anyUnknown = block is not null && flags.Any(f => f.IsPresent && f.Value is null);
            bucket.BlocksPublicAccess = block is null || anyUnknown
                ? Located<bool?>.Missing(span, path + ".Properties.PublicAccessBlockConfiguration")
                : Located<bool?>.Present(flags.All(f => f.Value == true), _y.Span(props!.KeyNode("PublicAccessBlockConfiguration")!), path + ".Properties.PublicAccessBlockConfiguration");
            if (props?.Get("AccessControl") is TreeScalar acl && Intrinsics.Literal(acl) is string cannedAcl)
                bucket.PublicAcl = cannedAcl.StartsWith("Public", StringComparison.Ordinal) ? Located<string?>.Present(cannedAcl, _y.Span(acl), path + ".Properties.AccessControl") : null;

            bucket.RequiresSecureTransport = unresolved
                ? Located<bool?>.Present(null, span, path)
                : secure.Contains(id)
                    ? Located<bool?>.Present(true, span, path)
                    : Located<bool?>.Missing(span, path);
            return bucket;
        }

        /// <summary>Buckets whose policy denies requests with aws:SecureTransport false; unresolved when a policy's bucket is not in this template.</summary>
        /// <param name="unknown">Buckets with a policy InfraLint cannot read in full (a statement, its Effect or its Condition is computed elsewhere): it may deny plaintext.</param>
        private HashSet<string> SecureTransportBuckets(out bool unresolved, out HashSet<string> unknown)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            unknown = new HashSet<string>(StringComparer.Ordinal);
            unresolved = false;
            foreach (var (type, resource, _) in _resources.Values)
            {
                if (type != "AWS::S3::BucketPolicy") continue;
                var props = resource.Map("Properties");
                var targets = Intrinsics.References(props?.Get("Bucket")).Where(_resources.ContainsKey).ToList();
                if (targets.Count == 0)
                {
                    unresolved = true;
                    continue;
                }
                bool denies = Statements(props.Map("PolicyDocument")).Any(s =>
                    Intrinsics.Literal(s.Get("Effect")) == "Deny"
                    && s.Map("Condition").Map("Bool")?.Get("aws:SecureTransport") is TreeNode v
                    && string.Equals(Intrinsics.Literal(v), "false", StringComparison.OrdinalIgnoreCase));
                if (denies) foreach (var t in targets) result.Add(t);
                else if (HasUnknownStatement(props.Map("PolicyDocument"), props?.Get("PolicyDocument"))) foreach (var t in targets) unknown.Add(t);
            }
            return result;
        }

        /// <summary>
        /// A policy document InfraLint cannot read in full: the document, its statement list, a statement, or a
        /// statement's Effect or Condition is computed elsewhere (an intrinsic, a C# variable).
        /// </summary>
        private static bool HasUnknownStatement(TreeMapping? document, TreeNode? documentNode)
        {
            if (documentNode is null) return false;
            if (document is null || Intrinsics.IsIntrinsic(document)) return true;
            var statement = document.Get("Statement");
            if (statement is null) return false;
            if (Intrinsics.IsIntrinsic(statement) || statement is TreeScalar) return true;
            var items = statement is TreeSequence list ? list.Items : new[] { statement };
            return items.Any(s => s is not TreeMapping m || Intrinsics.IsIntrinsic(m)
                || Intrinsics.IsIntrinsic(m.Get("Effect"))
                || m.Get("Condition") is { } c && (Intrinsics.IsIntrinsic(c) || c is TreeMapping cm && cm.Entries.Any(e => Intrinsics.IsIntrinsic(e.Value)))
                || m.Map("Condition").Map("Bool")?.Get("aws:SecureTransport") is { } v && Intrinsics.IsIntrinsic(v));
        }

        /// <param name="inheritKeys">Properties that restore from a snapshot or replicate a source: without the flag, encryption follows the source, so it is unknown.</param>
        private StorageResource Encrypted(string id, string type, SourceSpan span, TreeMapping? props, string path, string category, string flagKey, string keyKey, params string[] inheritKeys)
        {
            var storage = new StorageResource(SourceFormat.CloudFormation, type, id, _ns, span, category) { Labels = Tags(props), LabelsUnknown = TagsUnknown(props) };
            var flagNode = props?.Get(flagKey);
            var edit = props?.EditAt(flagKey);
            bool hasKey = props?.Get(keyKey) is { } k && !Intrinsics.IsNoValue(k);
            string p = $"{path}.Properties.{flagKey}";
            bool inherits = inheritKeys.Any(k => props?.Get(k) is { } n && !Intrinsics.IsNoValue(n));
            if ((flagNode is null || Intrinsics.IsNoValue(flagNode)) && inherits)
                storage.Encryption = new Located<EncryptionAtRest>(EncryptionAtRest.Unknown, false, span, p, edit);
            else if (flagNode is null || Intrinsics.IsNoValue(flagNode))
                storage.Encryption = new Located<EncryptionAtRest>(EncryptionAtRest.None, false, span, p, edit);
            else if (Intrinsics.Bool(flagNode) is bool on)
                storage.Encryption = Located<EncryptionAtRest>.Present(on ? (hasKey ? EncryptionAtRest.CustomerKey : EncryptionAtRest.ManagedKmsKey) : EncryptionAtRest.Disabled, _y.Span(flagNode), p, edit);
            else
                storage.Encryption = Located<EncryptionAtRest>.Present(EncryptionAtRest.Unknown, _y.Span(flagNode), p, edit);
            storage.Algorithm = Located<string?>.Missing(span, p);
            storage.EnableEncryption = edit;
            storage.BlocksPublicAccess = Located<bool?>.Missing(span, path);
            storage.RequiresSecureTransport = Located<bool?>.Present(null, span, path);
            return storage;
        }

        /// <summary>Services that always encrypt, with an AWS-managed key unless a KMS key is named (SageMaker ML volumes).</summary>
        private StorageResource KmsEncrypted(string id, string type, SourceSpan span, TreeMapping? props, string path, string category, string keyKey)
        {
            var storage = new StorageResource(SourceFormat.CloudFormation, type, id, _ns, span, category) { Labels = Tags(props), LabelsUnknown = TagsUnknown(props) };
            var keyNode = props?.Get(keyKey);
            string p = $"{path}.Properties.{keyKey}";
            storage.Encryption = keyNode is null || Intrinsics.IsNoValue(keyNode)
                ? new Located<EncryptionAtRest>(EncryptionAtRest.ProviderDefault, false, span, p, null)
                : Located<EncryptionAtRest>.Present(EncryptionAtRest.CustomerKey, _y.Span(keyNode), p);
            storage.Algorithm = Located<string?>.Missing(span, p);
            storage.BlocksPublicAccess = Located<bool?>.Missing(span, path);
            storage.RequiresSecureTransport = Located<bool?>.Present(null, span, path);
            return storage;
        }

        private IEnumerable<StorageResource> Volumes(string id, string type, TreeSequence? mappings, string path)
        {
            int i = 0;
            foreach (var mapping in mappings?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
            {
                var ebs = mapping.Map("Ebs");
                string p = $"{path}[{i++}]";
                if (ebs is null) continue; // instance store or NoDevice
                var anchor = _y.Span(mapping.KeyNode("Ebs")!);
                var volume = Encrypted($"{id}[{Intrinsics.Literal(mapping.Get("DeviceName")) ?? (i - 1).ToString()}]", type, anchor, ebs, p + ".Ebs", "volume", "Encrypted", "KmsKeyId", "SnapshotId");
                yield return volume;
            }
        }

        // ---- compute --------------------------------------------------------------------------

        private ComputeWorkload Instance(string id, string type, SourceSpan span, TreeMapping? props, string path, TreeNode? instanceType, string typePath, string? capacity)
        {
            var workload = new ComputeWorkload(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                NamePath = WorkloadNamePath,
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Replicas = Located<int?>.Present(1, span, path),
                InstanceType = Text(instanceType, $"{path}.{typePath}", span),
                CapacityType = Located<string?>.Present(capacity ?? "on-demand", span, path),
            };
            return workload;
        }

        private ComputeWorkload Nodegroup(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var types = props.Seq("InstanceTypes");
            var scaling = props.Map("ScalingConfig");
            var capacity = props?.Get("CapacityType");
            var labels = Tags(props);
            foreach (var label in _y.Map(props.Map("Labels"), path + ".Properties.Labels")) labels[label.Key] = label.Value;
            return new ComputeWorkload(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                NamePath = WorkloadNamePath,
                IsNodePool = true,
                Labels = labels,
                LabelsUnknown = TagsUnknown(props) || _y.MapUnknown(props?.Get("Labels")),
                Replicas = scaling is null ? Located<int?>.Missing(span, path + ".Properties.ScalingConfig.DesiredSize") : Int(scaling, path + ".Properties.ScalingConfig", span, "DesiredSize"),
                InstanceType = Text(types?.Items.FirstOrDefault(), path + ".Properties.InstanceTypes[0]", span),
                // EKS managed node groups default to ON_DEMAND.
                CapacityType = capacity is null
                    ? Located<string?>.Missing(span, path + ".Properties.CapacityType", props?.EditAt("CapacityType"))
                    : Intrinsics.Literal(capacity) is string c
                        ? Located<string?>.Present(c.Equals("SPOT", StringComparison.OrdinalIgnoreCase) ? "spot" : "on-demand", _y.Span(capacity), path + ".Properties.CapacityType", props!.EditAt("CapacityType"))
                        : Located<string?>.Present(null, _y.Span(capacity), path + ".Properties.CapacityType"),
            };
        }

        /// <summary>
        /// An Auto Scaling group is a node pool: its instance type comes from the mixed-instances overrides, its
        /// launch template or its launch configuration; it runs on spot when the on-demand share above the base
        /// capacity is below 100% (the default is 100%) or its launch template asks for the spot market.
        /// </summary>
        private ComputeWorkload AutoScalingGroup(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var mixed = props.Map("MixedInstancesPolicy");
            var overrideType = mixed.Map("LaunchTemplate").Seq("Overrides")?.Items.OfType<TreeMapping>().FirstOrDefault()?.Get("InstanceType");
            var templateRef = (mixed.Map("LaunchTemplate").Map("LaunchTemplateSpecification") ?? props.Map("LaunchTemplate")) is { } spec
                ? Intrinsics.References(spec.Get("LaunchTemplateId") ?? spec.Get("LaunchTemplateName")).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::EC2::LaunchTemplate")
                : null;
            var configRef = Intrinsics.References(props?.Get("LaunchConfigurationName")).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::AutoScaling::LaunchConfiguration");
            var templateData = templateRef is null ? null : _resources[templateRef].Resource.Map("Properties").Map("LaunchTemplateData");
            var config = configRef is null ? null : _resources[configRef].Resource.Map("Properties");

            Located<string?> instanceType = overrideType is not null ? Text(overrideType, path + ".Properties.MixedInstancesPolicy.LaunchTemplate.Overrides[0].InstanceType", span)
                : templateData?.Get("InstanceType") is { } t ? Text(t, $"Resources.{templateRef}.Properties.LaunchTemplateData.InstanceType", span)
                : config?.Get("InstanceType") is { } c ? Text(c, $"Resources.{configRef}.Properties.InstanceType", span)
                : Located<string?>.Missing(span, path + ".Properties.LaunchTemplate");

            var share = mixed.Map("InstancesDistribution")?.Get("OnDemandPercentageAboveBaseCapacity");
            string capacityPath = path + ".Properties.MixedInstancesPolicy.InstancesDistribution.OnDemandPercentageAboveBaseCapacity";
            Located<string?> capacity;
            if (Intrinsics.Literal(templateData.Map("InstanceMarketOptions")?.Get("MarketType")) == "spot" || config?.Get("SpotPrice") is not null)
                capacity = Located<string?>.Present("spot", span, path);
            else if (share is null)
                capacity = Located<string?>.Present("on-demand", span, capacityPath);
            else
                capacity = Located<string?>.Present(
                    int.TryParse(Intrinsics.Literal(share), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int percent)
                        ? (percent < 100 ? "spot" : "on-demand")
                        : null,
                    _y.Span(share),
                    capacityPath);

            var replicas = props?.Get("DesiredCapacity") is not null ? Int(props, path + ".Properties", span, "DesiredCapacity")
                : props is not null ? Int(props, path + ".Properties", span, "MinSize")
                : Located<int?>.Missing(span, path + ".Properties.MinSize");
            return new ComputeWorkload(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                NamePath = WorkloadNamePath,
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Replicas = replicas,
                InstanceType = instanceType,
                CapacityType = capacity,
                IsNodePool = true,
            };
        }

        private AuditLog EksAudit(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var types = props.Map("Logging").Map("ClusterLogging").Seq("EnabledTypes");
            // Logging, ClusterLogging or EnabledTypes computed elsewhere (a !Ref, a C# variable) may list audit: unknown, not missing.
            var computed = new[] { props?.Get("Logging"), props.Map("Logging")?.Get("ClusterLogging"), props.Map("Logging").Map("ClusterLogging")?.Get("EnabledTypes") }
                .FirstOrDefault(n => n is not null && !Intrinsics.IsNoValue(n) && (Intrinsics.IsIntrinsic(n) || n is TreeScalar));
            if (computed is not null)
                return new AuditLog(SourceFormat.CloudFormation, type, id, _ns, span, "EKS API server (audit log type)")
                {
                    Labels = Tags(props),
                    LabelsUnknown = TagsUnknown(props),
                    Enabled = Located<bool?>.Present(null, _y.Span(computed), path + ".Properties.Logging.ClusterLogging.EnabledTypes"),
                };
            bool? audit = null;
            if (types is null) audit = false;
            else if (types.Items.All(t => !Intrinsics.IsIntrinsic(t) && !Intrinsics.IsIntrinsic((t as TreeMapping)?.Get("Type"))))
                audit = types.Items.Any(t => Intrinsics.Literal((t as TreeMapping)?.Get("Type") ?? t) == "audit");
            var typesKey = props.Map("Logging").Map("ClusterLogging")?.KeyNode("EnabledTypes");
            var at = typesKey is not null ? _y.Span(typesKey) : span;
            return new AuditLog(SourceFormat.CloudFormation, type, id, _ns, span, "EKS API server (audit log type)")
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Enabled = types is null ? Located<bool?>.Missing(span, path + ".Properties.Logging.ClusterLogging.EnabledTypes") : Located<bool?>.Present(audit, at, path + ".Properties.Logging.ClusterLogging.EnabledTypes"),
            };
        }

        private ComputeWorkload SageMakerModel(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var workload = new ComputeWorkload(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                NamePath = WorkloadNamePath,
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Role = WorkloadRole.Inference,
                RoleReason = "SageMaker model",
                Replicas = Located<int?>.Missing(span, path),
                IsModelArtifact = true,
            };
            var pod = new PodTemplate(workload, "model", span, path + ".Properties")
            {
                HostNetwork = Located<bool?>.Missing(span, path),
                HostPid = Located<bool?>.Missing(span, path),
                HostIpc = Located<bool?>.Missing(span, path),
                SecurityContext = UnknownSecurity(span, path),
            };
            var containers = new List<Container>();
            var list = new List<(TreeMapping Node, string Path)>();
            if (props.Map("PrimaryContainer") is { } primary) list.Add((primary, path + ".Properties.PrimaryContainer"));
            int i = 0;
            foreach (var c in props.Seq("Containers")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                list.Add((c, $"{path}.Properties.Containers[{i++}]"));
            foreach (var (node, cpath) in list)
            {
                var head = _y.Head(node);
                containers.Add(new Container(pod, Located<string>.Present(Intrinsics.Literal(node.Get("ContainerHostname")) ?? id, head, cpath), head, cpath, isInit: false)
                {
                    Image = Text(node.Get("Image"), cpath + ".Image", head),
                    Env = Environment(node.Map("Environment"), cpath + ".Environment"),
                    Resources = new ResourceRequirements(new Dictionary<string, Located<string>>(), new Dictionary<string, Located<string>>(), head, null),
                    SecurityContext = UnknownSecurity(head, cpath),
                    SecurityContextManagedElsewhere = true,
                    ManagedByPlatform = true,
                });
            }
            pod.Containers = containers;
            workload.Pods = new[] { pod };
            // A model package is a version in the SageMaker Model Registry, which records the training job, data and
            // metrics that produced it: lineage labels on the model would repeat it.
            if (list.Count > 0 && list.All(c => c.Node.Get("ModelPackageName") is { } package && !Intrinsics.IsNoValue(package)))
                workload.LineageRecordedElsewhere = "SageMaker Model Registry model package";
            workload.NetworkBoundary = ModelNetwork(props, path, span);
            return workload;
        }

        /// <summary>
        /// A SageMaker model's containers run on SageMaker's own network unless <c>VpcConfig</c> puts them in the owner's
        /// VPC, and may call out unless <c>EnableNetworkIsolation</c> is true (AWS::SageMaker::Model reference, checked
        /// 2026-11-30). Either setting computed elsewhere (an intrinsic, a C# variable) is unknown.
        /// </summary>
        private NetworkBoundary ModelNetwork(TreeMapping? props, string path, SourceSpan span)
        {
            string p = path + ".Properties";
            if (props is not null && Intrinsics.IsIntrinsic(props))
                return new NetworkBoundary(Located<bool?>.Unknown(_y.Span(props), p + ".EnableNetworkIsolation").Named("EnableNetworkIsolation"), Located<bool?>.Unknown(_y.Span(props), p + ".VpcConfig").Named("VpcConfig"), "SageMaker");
            var isolationNode = props?.Get("EnableNetworkIsolation");
            var isolated = isolationNode is null || Intrinsics.IsNoValue(isolationNode)
                ? Located<bool?>.Missing(span, p + ".EnableNetworkIsolation", props?.EditAt("EnableNetworkIsolation"))
                : Intrinsics.Bool(isolationNode) is bool on
                    ? Located<bool?>.Present(on, _y.Span(isolationNode), p + ".EnableNetworkIsolation", props!.EditAt("EnableNetworkIsolation"))
                    : Located<bool?>.Unknown(_y.Span(isolationNode), p + ".EnableNetworkIsolation");
            var vpcNode = props?.Get("VpcConfig");
            var vpc = vpcNode is null || Intrinsics.IsNoValue(vpcNode)
                ? Located<bool?>.Missing(span, p + ".VpcConfig")
                : Intrinsics.IsIntrinsic(vpcNode)
                    ? Located<bool?>.Unknown(_y.Span(vpcNode), p + ".VpcConfig")
                    : Located<bool?>.Present(true, _y.Span(vpcNode), p + ".VpcConfig");
            return new NetworkBoundary(isolated.Named("EnableNetworkIsolation"), vpc.Named("VpcConfig"), "SageMaker");
        }

        private IEnumerable<object> EndpointConfig(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var variants = props.Seq("ProductionVariants")?.Items.OfType<TreeMapping>().ToList() ?? new List<TreeMapping>();
            // Serverless Inference lists data capture among the real-time features it does not support, and runs on no ML volume of ours.
            if (variants.Count > 0 && variants.All(v => v.Get("ServerlessConfig") is not null)) yield break;
            var captureNode = props?.Get("DataCaptureConfig");
            var capture = props.Map("DataCaptureConfig");
            var enable = capture?.Get("EnableCapture");
            // A DataCaptureConfig computed elsewhere (a !Ref, a C# variable) may enable capture: unknown, not missing.
            bool captureUnknown = captureNode is not null && !Intrinsics.IsNoValue(captureNode) && (capture is null || Intrinsics.IsIntrinsic(capture));
            // Asynchronous inference reads each request from S3 and writes each response to OutputConfig.S3OutputPath: the
            // requests and responses are kept whether or not data capture is on.
            var asyncOutput = props.Map("AsyncInferenceConfig").Map("OutputConfig")?.Get("S3OutputPath");
            if (capture is null && !captureUnknown && asyncOutput is not null && !Intrinsics.IsNoValue(asyncOutput))
            {
                yield return new AuditLog(SourceFormat.CloudFormation, type, id, _ns, span, $"inference requests and responses of endpoint config {id}")
                {
                    Labels = Tags(props),
                    LabelsUnknown = TagsUnknown(props),
                    Enabled = Located<bool?>.Present(true, _y.Span(asyncOutput), path + ".Properties.AsyncInferenceConfig.OutputConfig.S3OutputPath"),
                };
            }
            else yield return new AuditLog(SourceFormat.CloudFormation, type, id, _ns, span, $"inference requests and responses of endpoint config {id}")
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Enabled = captureUnknown
                    ? Located<bool?>.Present(null, _y.Span(captureNode!), path + ".Properties.DataCaptureConfig")
                    : capture is null
                    ? Located<bool?>.Missing(span, path + ".Properties.DataCaptureConfig")
                    : enable is null
                        ? Located<bool?>.Present(true, _y.Span(props!.KeyNode("DataCaptureConfig")!), path + ".Properties.DataCaptureConfig")
                        : Located<bool?>.Present(Intrinsics.IsIntrinsic(enable) ? null : Intrinsics.Bool(enable), _y.Span(enable), path + ".Properties.DataCaptureConfig.EnableCapture", capture!.EditAt("EnableCapture")),
                Enable = !captureUnknown && capture is not null && enable is not null ? capture.EditAt("EnableCapture") : null,
            };
            // Instance types with local NVMe storage encrypt it in hardware, and CreateEndpointConfig rejects a KmsKeyId for them.
            // A type a parameter picks is judged by the values the template lets it take (its AllowedValues, else its Default).
            var candidates = variants.Select(v => v.Get("InstanceType")).Where(t => t is not null).Select(t => InstanceTypes(t!)).ToList();
            if (candidates.Any(c => c is not null && c.Any(InstanceStorage.HasLocalNvme))) yield break;
            var volume = KmsEncrypted(id, type, span, props, path, "ml-volume", "KmsKeyId");
            // A type computed in a way the template does not bound may be one with local storage, where a KmsKeyId is refused: unknown.
            if (volume.Encryption.Value == EncryptionAtRest.ProviderDefault && candidates.Any(c => c is null))
                volume.Encryption = new Located<EncryptionAtRest>(EncryptionAtRest.Unknown, false, volume.Encryption.Span, volume.Encryption.Path, null);
            yield return volume;
        }

        /// <summary>
        /// The log group of a Lambda function that only backs a CloudFormation custom resource (a setup or cleanup
        /// helper): named <c>/aws/lambda/&lt;its FunctionName&gt;</c>, named after the function through a reference,
        /// or named by the function's LoggingConfig.
        /// </summary>
        private string? CustomResourceFunctionLogging(string logGroupId, TreeMapping? props)
        {
            string name = props?.Get("LogGroupName") is { } n ? SubText(n) : string.Empty;
            var referenced = Intrinsics.References(props?.Get("LogGroupName"));
            foreach (var (id, (type, resource, _)) in _resources.Select(kv => (kv.Key, kv.Value)))
            {
                if (!type.StartsWith("Custom::", StringComparison.Ordinal) && type != "AWS::CloudFormation::CustomResource") continue;
                foreach (var function in Intrinsics.References(resource.Map("Properties")?.Get("ServiceToken")))
                {
                    if (!_resources.TryGetValue(function, out var f) || f.Type != "AWS::Lambda::Function") continue;
                    var fprops = f.Resource.Map("Properties");
                    string functionName = fprops?.Get("FunctionName") is { } fn ? SubText(fn) : string.Empty;
                    bool named = name.Length > 0 && functionName.Length > 0 && name == "/aws/lambda/" + functionName;
                    bool logsHere = Intrinsics.References(fprops.Map("LoggingConfig")?.Get("LogGroup")).Contains(logGroupId);
                    if (named || referenced.Contains(function) || logsHere)
                        return $"log group of function {function}, which backs custom resource {id}";
                }
            }
            return null;
        }

        // ---- placement --------------------------------------------------------------------------

        /// <summary>
        /// Literal availability zones (<c>eu-west-1a</c>) and <c>Fn::GetAZs</c> with a literal region pin a
        /// resource to a region. ARNs, S3 URIs and image registries name where something else lives, not
        /// where this resource is placed, so they are not read.
        /// </summary>
        private IEnumerable<RegionPlacement> Zones(string id, string type, SourceSpan span, TreeMapping? props, string path, string key = "AvailabilityZone")
        {
            var resource = new PlacedResource(type, id, _ns, span);
            foreach (var (node, p) in ZoneNodes(props, path + ".Properties", key))
            {
                if (Intrinsics.Literal(node) is string zone && Regions.FromAvailabilityZone(zone) is string region)
                    yield return new RegionPlacement(resource, Located<string>.Present(region, _y.Span(node), p), "availability zone " + zone);
                else if (GetAzsRegion(node) is (string r, TreeNode at))
                    yield return new RegionPlacement(resource, Located<string>.Present(r, _y.Span(at), p), "Fn::GetAZs " + r);
            }
        }

        private static IEnumerable<(TreeNode Node, string Path)> ZoneNodes(TreeMapping? props, string path, string key)
        {
            if (props?.Get(key) is { } single) yield return (single, $"{path}.{key}");
            var plural = props?.Get("AvailabilityZones");
            if (plural is TreeSequence list)
            {
                int i = 0;
                foreach (var item in list.Items) yield return (item, $"{path}.AvailabilityZones[{i++}]");
            }
            else if (plural is not null) yield return (plural, $"{path}.AvailabilityZones");
        }

        /// <summary>The literal region of a <c>Fn::GetAZs</c>, at any depth (<c>!Select [0, !GetAZs eu-west-1]</c>); empty means the stack's region.</summary>
        private static (string, TreeNode)? GetAzsRegion(TreeNode? node, int depth = 0)
        {
            if (node is null || depth > 4) return null;
            if (node is TreeScalar s && s.Tag == "!GetAZs")
                return Regions.IsRegion(s.Value) ? (s.Value!, s) : null;
            if (node is TreeMapping m && m.Count == 1 && m.Get("Fn::GetAZs") is TreeScalar arg)
                return Regions.IsRegion(Intrinsics.Literal(arg)) ? (Intrinsics.Literal(arg)!, arg) : null;
            foreach (var child in node is TreeSequence seq ? seq.Items : node is TreeMapping map ? map.Entries.Select(e => e.Value) : Enumerable.Empty<TreeNode>())
                if (GetAzsRegion(child, depth + 1) is { } found) return found;
            return null;
        }

        /// <summary>
        /// The endpoint is the running workload; instance type and count come from its endpoint config
        /// when that is in the same template.
        /// </summary>
        private ComputeWorkload Endpoint(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var workload = new ComputeWorkload(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                NamePath = WorkloadNamePath,
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Role = WorkloadRole.Inference,
                RoleReason = "SageMaker endpoint",
                IsLongRunning = true,
                MetricsCollectedElsewhere = "SageMaker's CloudWatch endpoint metrics",
                // The endpoint runs its model's containers: their network boundary is the model's VpcConfig and isolation.
                NetworkBoundaryElsewhere = "the network settings of the SageMaker model it serves",
                Replicas = Located<int?>.Missing(span, path),
            };
            var configName = props?.Get("EndpointConfigName");
            var configId = Intrinsics.References(configName).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::SageMaker::EndpointConfig");
            // The instance count is in the endpoint config: one kept elsewhere (named by a parameter or a literal name)
            // or computed as a whole (Properties: !If …) decides it, so it is unknown, never "the default of 1".
            if (configId is null)
            {
                workload.Replicas = Located<int?>.Unknown(configName is null ? span : _y.Span(configName), path + ".Properties.EndpointConfigName");
                return workload;
            }
            var configNode = _resources[configId].Resource.Get("Properties");
            var config = configNode as TreeMapping;
            string configPath = $"Resources.{configId}.Properties";
            var variantsNode = config?.Get("ProductionVariants");
            if (configNode is null || Intrinsics.IsIntrinsic(configNode) || variantsNode is null || Intrinsics.IsIntrinsic(variantsNode))
            {
                workload.Replicas = Located<int?>.Unknown(configNode is null ? span : _y.Span(variantsNode ?? configNode), configPath + ".ProductionVariants");
                return workload;
            }
            var variants = config.Seq("ProductionVariants")?.Items.OfType<TreeMapping>().ToList() ?? new List<TreeMapping>();
            var variant = variants.FirstOrDefault();
            if (variant is null) return workload;
            if (variant.Get("ServerlessConfig") is not null)
            {
                workload.InlineAutoscaling = "SageMaker Serverless Inference";
                return workload;
            }
            var count = Int(variant, configPath + ".ProductionVariants[0]", span, "InitialInstanceCount");
            // A count computed elsewhere (a !Ref, a C# variable) is unknown, not "the default of 1".
            workload.Replicas = count.IsPresent && count.Value is null ? Located<int?>.Unknown(count.Span, count.Path) : count;
            workload.InstanceType = Text(variant.Get("InstanceType"), configPath + ".ProductionVariants[0].InstanceType", span);
            workload.CapacityType = Located<string?>.Present("on-demand", span, path);
            return workload;
        }

        private ModelMonitor Monitor(string id, string type, SourceSpan span, TreeMapping? props)
        {
            var endpoint = props?.Get("EndpointName")
                ?? props.Map("MonitoringScheduleConfig").Map("MonitoringJobDefinition").Seq("MonitoringInputs")?.Items.OfType<TreeMapping>().FirstOrDefault().Map("EndpointInput")?.Get("EndpointName");
            string? target = Intrinsics.References(endpoint).FirstOrDefault(_resources.ContainsKey) ?? EndpointByLiteralName(Intrinsics.Literal(endpoint));
            return new ModelMonitor(SourceFormat.CloudFormation, type, id, _ns, span, target) { Labels = Tags(props), LabelsUnknown = TagsUnknown(props) };
        }

        /// <summary>A CloudWatch alarm on a SageMaker endpoint's metric (ModelLatency, OverheadLatency…), bound to the endpoint its dimension names.</summary>
        private AlertRule? Alarm(string id, string type, SourceSpan span, TreeMapping? props)
        {
            if (Intrinsics.Literal(props?.Get("Namespace")) != "AWS/SageMaker" || Intrinsics.Literal(props?.Get("MetricName")) is not string metric) return null;
            var dimension = props.Seq("Dimensions")?.Items.OfType<TreeMapping>().FirstOrDefault(d => Intrinsics.Literal(d.Get("Name")) == "EndpointName");
            if (dimension is null) return null;
            var value = dimension.Get("Value");
            string target = Intrinsics.References(value).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::SageMaker::Endpoint")
                ?? EndpointByLiteralName(Intrinsics.Literal(value))
                ?? Autoscaler.AnyTarget;
            return new AlertRule(SourceFormat.CloudFormation, type, id, _ns, span, metric, target) { Labels = Tags(props), LabelsUnknown = TagsUnknown(props) };
        }

        private Autoscaler? ScalableTarget(string id, string type, SourceSpan span, TreeMapping? props)
        {
            if (Intrinsics.Literal(props?.Get("ServiceNamespace")) is string service && service != "sagemaker") return null;
            var resourceId = props?.Get("ResourceId");
            // ResourceId is "endpoint/<name>/variant/<variant>"; the name usually comes from the endpoint resource.
            string? target = Intrinsics.References(resourceId).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::SageMaker::Endpoint");
            if (target is null && Intrinsics.Literal(resourceId) is string literal && literal.StartsWith("endpoint/", StringComparison.Ordinal))
                target = EndpointByLiteralName(literal.Split('/')[1]);
            var at = resourceId is not null ? _y.Span(resourceId) : span;
            return new Autoscaler(SourceFormat.CloudFormation, type, id, _ns, span, "AWS::SageMaker::Endpoint",
                Located<string>.Present(target ?? Autoscaler.AnyTarget, at, $"Resources.{id}.Properties.ResourceId"))
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                MinReplicas = props is null ? Located<int?>.Missing(span, "MinCapacity") : Int(props, $"Resources.{id}.Properties", span, "MinCapacity"),
                MaxReplicas = props is null ? Located<int?>.Missing(span, "MaxCapacity") : Int(props, $"Resources.{id}.Properties", span, "MaxCapacity"),
            };
        }

        private string? EndpointByLiteralName(string? name) =>
            name is null ? null : _resources.FirstOrDefault(r => r.Value.Type == "AWS::SageMaker::Endpoint" && Intrinsics.Literal(r.Value.Resource.Map("Properties")?.Get("EndpointName")) == name).Key;

        /// <summary>
        /// An EventBridge rule or schedule with a literal cron expression, and what it starts: a SageMaker
        /// pipeline trains, a Batch job is batch work; other targets are not judged.
        /// </summary>
        private ScheduledTrigger? Trigger(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var expression = props?.Get("ScheduleExpression");
            if (Intrinsics.Literal(expression) is not string text || AwsCron.ToStandard(text) is not string cron) return null;
            var targets = (props?.Get("Targets") as TreeSequence)?.Items.OfType<TreeMapping>().ToList()
                ?? (props.Map("Target") is { } one ? new List<TreeMapping> { one } : new List<TreeMapping>());
            var ids = targets.SelectMany(t => Intrinsics.References(t.Get("Arn"))).Where(_resources.ContainsKey).Distinct().ToList();
            var role = WorkloadRole.Unknown;
            string? reason = null;
            if (targets.Any(t => t.Get("SageMakerPipelineParameters") is not null) || ids.Any(i => _resources[i].Type == "AWS::SageMaker::Pipeline"))
            {
                role = WorkloadRole.Training;
                reason = "starts a SageMaker pipeline";
            }
            else if (targets.Any(t => t.Get("BatchParameters") is not null) || ids.Any(i => _resources[i].Type.StartsWith("AWS::Batch::", StringComparison.Ordinal)))
            {
                role = WorkloadRole.BatchInference;
                reason = "submits an AWS Batch job";
            }
            var zoneNode = props?.Get("ScheduleExpressionTimezone");
            return new ScheduledTrigger(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Schedule = Located<string?>.Present(cron, _y.Span(expression!), path + ".Properties.ScheduleExpression"),
                TimeZone = zoneNode is null ? null : Located<string?>.Present(Intrinsics.Literal(zoneNode), _y.Span(zoneNode), path + ".Properties.ScheduleExpressionTimezone"),
                Role = role,
                RoleReason = reason,
                TargetIds = ids,
            };
        }

        // ---- access and endpoints ---------------------------------------------------------------

        private AccessPolicy Policy(string id, string type, SourceSpan span, string path, TreeMapping? document, string documentPath)
        {
            var policy = new AccessPolicy(SourceFormat.CloudFormation, type, id, _ns, span);
            var statements = new List<AccessStatement>();
            int i = 0;
            foreach (var statement in Statements(document))
            {
                string p = $"{path}.{documentPath}.Statement[{i++}]";
                if (Intrinsics.Literal(statement.Get("Effect")) != "Allow") continue;
                var resources = StringsOrOne(statement.Get("Resource"), p + ".Resource");
                // In a key policy "Resource": "*" means "this key"; it names nothing wider, so it is not a wildcard.
                if (type == "AWS::KMS::Key") resources = resources.Where(r => r.Value.Trim() != "*").ToList();
                var s = new AccessStatement(policy, _y.Head(statement), p)
                {
                    Actions = StringsOrOne(statement.Get("Action"), p + ".Action"),
                    Resources = resources,
                    ResourcesUnknown = statement.Get("Resource") is { } r && (Intrinsics.IsIntrinsic(r) || r is TreeSequence rs && rs.Items.Any(x => Intrinsics.Literal(x) is null)),
                    // Condition: { Operator: { key: value } }: the keys, whatever the operator.
                    ConditionKeys = statement.Map("Condition").Entries().SelectMany(op => (op.Value as TreeMapping).Entries().Select(k => k.Key)).ToList(),
                };
                if (type == "AWS::KMS::Key" && IsAccountRoot(statement.Map("Principal")?.Get("AWS")))
                    s.ConventionalDefault = "AWS's default key policy: the account root may use the key so that IAM policies can delegate access to it.";
                statements.Add(s);
            }
            policy.Statements = statements;
            return policy;
        }

        private static bool IsAccountRoot(TreeNode? principal)
        {
            string? text = principal is TreeScalar s ? s.Value : principal is TreeMapping m ? m.Str("Fn::Sub") ?? (m.Get("Fn::Join") is not null ? ":root" : null) : null;
            if (Intrinsics.IsRefTo(principal, "AWS::AccountId")) return true;
            return text is not null && (text.EndsWith(":root", StringComparison.Ordinal) || text.All(char.IsDigit) && text.Length == 12);
        }

        private static IEnumerable<TreeMapping> Statements(TreeMapping? document)
        {
            var statement = document?.Get("Statement");
            return statement switch
            {
                TreeSequence list => list.Items.OfType<TreeMapping>(),
                TreeMapping one => new[] { one },
                _ => Enumerable.Empty<TreeMapping>(),
            };
        }

        private List<Located<string>> StringsOrOne(TreeNode? node, string path) => node switch
        {
            TreeSequence list => list.Items.Select((c, i) => (c, i)).Where(x => Intrinsics.Literal(x.c) is not null)
                .Select(x => Located<string>.Present(Intrinsics.Literal(x.c)!, _y.Span(x.c), $"{path}[{x.i}]")).ToList(),
            TreeScalar s when Intrinsics.Literal(s) is string text => new List<Located<string>> { Located<string>.Present(text, _y.Span(s), path) },
            _ => new List<Located<string>>(),
        };

        private Endpoint Listener(string id, string type, SourceSpan span, TreeMapping? props, string path)
        {
            var protocolNode = props?.Get("Protocol");
            bool redirects = props.Seq("DefaultActions")?.Items.OfType<TreeMapping>()
                .Any(a => Intrinsics.Literal(a.Get("Type")) == "redirect" && Intrinsics.Literal(a.Map("RedirectConfig")?.Get("Protocol")) == "HTTPS") == true;
            var lbId = Intrinsics.References(props?.Get("LoadBalancerArn")).FirstOrDefault(_resources.ContainsKey);
            string? scheme = lbId is null ? null : Intrinsics.Literal(_resources[lbId].Resource.Map("Properties")?.Get("Scheme")) ?? "internet-facing";
            return new Endpoint(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                Exposure = scheme == "internal" ? Exposure.Internal : Exposure.Public,
                Protocol = protocolNode is null ? Located<string?>.Missing(span, path + ".Properties.Protocol") : Text(protocolNode, path + ".Properties.Protocol", span),
                RedirectsToHttps = redirects,
                TlsPolicy = props is null ? null : Located(props, "SslPolicy", path + ".Properties.SslPolicy", span),
            };
        }

        /// <summary>
        /// A REST API stage: an <c>AWS::ApiGateway::Stage</c>, or the stage an <c>AWS::ApiGateway::Deployment</c>
        /// creates through <c>StageName</c> (throttled through its <c>StageDescription</c>).
        /// </summary>
        private Endpoint Stage(string id, string type, SourceSpan span, TreeMapping? props, string path, HashSet<string> throttled, bool unresolved)
        {
            var settings = type == "AWS::ApiGateway::Deployment" ? props.Map("StageDescription") : props;
            bool stageThrottle = settings?.Get("ThrottlingRateLimit") is not null || settings?.Get("ThrottlingBurstLimit") is not null
                || settings.Seq("MethodSettings")?.Items.OfType<TreeMapping>()
                    .Any(m => m.Get("ThrottlingRateLimit") is not null || m.Get("ThrottlingBurstLimit") is not null) == true;
            string? api = Intrinsics.References(props?.Get("RestApiId")).FirstOrDefault(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::ApiGateway::RestApi");
            bool isPrivate = api is not null
                && (_resources[api].Resource.Map("Properties").Map("EndpointConfiguration").Seq("Types")?.Items.Any(t => Intrinsics.Literal(t) == "PRIVATE") == true);
            return new Endpoint(SourceFormat.CloudFormation, type, id, _ns, span)
            {
                Labels = Tags(props),
                LabelsUnknown = TagsUnknown(props),
                Exposure = isPrivate ? Exposure.Internal : Exposure.Public,
                BackendWorkloads = api is null ? Array.Empty<string>() : ModelIntegrations(api),
                RateLimited = stageThrottle || throttled.Contains(id) || (api is not null && throttled.Contains(api))
                    ? Located<bool?>.Present(true, span, path)
                    : unresolved ? Located<bool?>.Present(null, span, path) : Located<bool?>.Missing(span, path + ".Properties.MethodSettings"),
            };
        }

        /// <summary>
        /// SageMaker endpoints the API's methods invoke (integration URI <c>runtime.sagemaker:path/endpoints/…</c>):
        /// by logical id when the endpoint is in this template, else <see cref="Endpoint.AnyWorkload"/>.
        /// </summary>
        private IReadOnlyList<string> ModelIntegrations(string api)
        {
            var result = new List<string>();
            foreach (var (type, resource, _) in _resources.Values)
            {
                if (type != "AWS::ApiGateway::Method") continue;
                var props = resource.Map("Properties");
                if (!Intrinsics.References(props?.Get("RestApiId")).Contains(api)) continue;
                var uri = props.Map("Integration")?.Get("Uri");
                if (uri is null || !SubText(uri).Contains("runtime.sagemaker")) continue;
                var endpoints = Intrinsics.References(uri).Where(r => _resources.TryGetValue(r, out var res) && res.Type == "AWS::SageMaker::Endpoint").ToList();
                result.AddRange(endpoints.Count > 0 ? endpoints : new List<string> { Core.Facts.Endpoint.AnyWorkload });
            }
            return result.Distinct(StringComparer.Ordinal).ToArray();
        }

        /// <summary>The literal text of a value or of a <c>Fn::Sub</c> template (without evaluating it).</summary>
        private static string SubText(TreeNode node) => node switch
        {
            TreeScalar s => s.Value ?? string.Empty,
            TreeSequence seq => seq.Items.FirstOrDefault() is TreeScalar t ? t.Value ?? string.Empty : string.Empty,
            TreeMapping m when m.Get("Fn::Sub") is { } sub => SubText(sub),
            TreeMapping m when m.Get("Fn::Join") is TreeSequence join => string.Concat(join.Items.Skip(1).OfType<TreeSequence>().SelectMany(x => x.Items).OfType<TreeScalar>().Select(x => x.Value)),
            _ => string.Empty,
        };

        /// <summary>Stages and REST APIs a usage plan with a Throttle references; unresolved when a plan names stages we cannot follow.</summary>
        private HashSet<string> ThrottledStages(out bool unresolved)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            unresolved = false;
            foreach (var (type, resource, _) in _resources.Values)
            {
                if (type != "AWS::ApiGateway::UsagePlan") continue;
                var props = resource.Map("Properties");
                if (props?.Get("Throttle") is null) continue;
                var stages = Intrinsics.References(props?.Get("ApiStages"))
                    .Where(r => _resources.TryGetValue(r, out var res) && (res.Type == "AWS::ApiGateway::Stage" || res.Type == "AWS::ApiGateway::RestApi")).ToList();
                if (stages.Count == 0) unresolved = true;
                foreach (var s in stages) result.Add(s);
            }
            return result;
        }

        /// <summary>
        /// The workload plus the profile its <c>infralint.dev/*</c> tags declare (WORKLOAD-SPEC.md §2: cloud tags
        /// mean what annotations mean). Tags are a Key/Value list, so they are read through a mapping of the same
        /// value nodes, which keeps every value's exact location.
        /// </summary>
        private IEnumerable<object> WithProfile(ComputeWorkload workload, TreeMapping? props)
        {
            var entries = new List<TreeEntry>();
            var tagsNode = props?.Get("Tags");
            // A key the file does not show (a C# tag whose key is computed) is kept: the profile then knows that any
            // attribute it does not see may be set there (see WorkloadSpecMapper.FromAnnotations).
            if (tagsNode is TreeMapping map)
            {
                foreach (var entry in map.Entries)
                    if (entry.Key.Value is not null || entry.Key.IsUnknown) entries.Add(entry);
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tag in (tagsNode as TreeSequence)?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                    if (tag.Get("Key") is TreeScalar keyNode && tag.Get("Value") is TreeScalar value
                        && (Intrinsics.Literal(keyNode) is string key ? seen.Add(key) : keyNode.IsUnknown))
                        entries.Add(new TreeEntry(keyNode, value));
            }
            var span = tagsNode?.Span ?? workload.Span;
            var head = tagsNode?.HeadSpan ?? workload.Span;
            // Tags computed as a whole (a C# variable) may hold any profile value.
            TreeNode tags = tagsNode is { IsUnknown: true } ? tagsNode
                : tagsNode?.Editor?.Gather(entries, span, head, "Properties.Tags") ?? new TreeMapping(entries, false, span, head, "Properties.Tags");

            if (Core.Knowledge.InferenceServers.ParseRole((tags as TreeMapping).Str("infralint.dev/role")) is WorkloadRole role)
            {
                workload.Role = role;
                workload.RoleReason = "tag infralint.dev/role";
            }

            yield return workload;
            foreach (var fact in WorkloadSpec.WorkloadSpecMapper.FromAnnotations(workload, tags))
                yield return fact;
        }

        // ---- values -----------------------------------------------------------------------------

        /// <summary>
        /// True when the resource may have tags this template does not show: <c>Tags</c> is an intrinsic (<c>!Ref</c>, a
        /// C# variable), an entry or its key is not a literal, or the template says tags are applied from outside
        /// (<see cref="TagsAppliedElsewhere"/>).
        /// </summary>
        private bool TagsUnknown(TreeMapping? props)
        {
            if (_tagsAppliedElsewhere) return true;
            var tags = props?.Get("Tags");
            if (tags is null || Intrinsics.IsNoValue(tags)) return false;
            if (tags is TreeMapping map) return _y.MapUnknown(map);
            if (tags is not TreeSequence list || Intrinsics.IsIntrinsic(list)) return true;
            // A computed value of a literal key is read as that tag, present (see Tags); a computed key may be any tag.
            return list.Items.Any(item => item is not TreeMapping tag || Intrinsics.IsIntrinsic(tag) || Intrinsics.Literal(tag.Get("Key")) is null);
        }

        private Dictionary<string, Located<string>> Tags(TreeMapping? props)
        {
            var tags = props?.Get("Tags");
            if (tags is TreeMapping map) return _y.Map(map, "Properties.Tags");
            var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var tag in (tags as TreeSequence)?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                if (Intrinsics.Literal(tag.Get("Key")) is string key)
                    // A tag whose value is computed (Value: !Ref Team) is there, with a value we cannot see.
                    result[key] = tag.Get("Value") is { } v && Intrinsics.IsIntrinsic(v) && !Intrinsics.IsNoValue(v)
                        ? Located<string>.Unknown(_y.Span(v), "Properties.Tags." + key)
                        : Located<string>.Present(Intrinsics.Literal(tag.Get("Value")) ?? string.Empty, _y.Span(tag.Get("Value") ?? tag.Get("Key")!), "Properties.Tags." + key);
            return result;
        }

        private List<EnvVar> Environment(TreeMapping? env, string path)
        {
            var result = new List<EnvVar>();
            foreach (var (key, keyNode, value) in env.Entries())
            {
                var name = Located<string>.Present(key, _y.Span(keyNode), $"{path}.{key}");
                var v = Intrinsics.Literal(value) is string text
                    ? Located<string?>.Present(text, _y.Span(value), $"{path}.{key}")
                    : Located<string?>.Missing(name.Span, $"{path}.{key}");
                result.Add(new EnvVar(name, v, Intrinsics.IsIntrinsic(value) ? "intrinsic" : null));
            }
            return result;
        }

        /// <summary>A literal string, or present-but-unknown (null) when an intrinsic decides it.</summary>
        private Located<string?> Text(TreeNode? node, string path, SourceSpan anchor) =>
            node is null ? Located<string?>.Missing(anchor, path) : Located<string?>.Present(Intrinsics.Literal(node), _y.Span(node), path);

        private Located<string?>? Located(TreeMapping props, string key, string path, SourceSpan anchor)
        {
            var node = props.Get(key);
            var edit = props.EditAt(key);
            return node is null ? Located<string?>.Missing(anchor, path, edit) : Located<string?>.Present(Intrinsics.Literal(node), _y.Span(node), path, edit);
        }

        private Located<int?> Int(TreeMapping owner, string path, SourceSpan anchor, string key)
        {
            var node = owner.Get(key);
            var edit = owner.EditAt(key);
            if (node is null) return Located<int?>.Missing(anchor, $"{path}.{key}", edit);
            int? value = int.TryParse(Intrinsics.Literal(node), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : (int?)null;
            return Located<int?>.Present(value, _y.Span(node), $"{path}.{key}", edit);
        }

        private Located<bool?> Bool(TreeMapping owner, string path, SourceSpan anchor, string key)
        {
            var node = owner.Get(key);
            var edit = owner.EditAt(key);
            return node is null ? Located<bool?>.Missing(anchor, $"{path}.{key}", edit) : Located<bool?>.Present(Intrinsics.Bool(node), _y.Span(node), $"{path}.{key}", edit);
        }

        private static SecurityContext UnknownSecurity(SourceSpan anchor, string path) => new SecurityContext
        {
            Privileged = Located<bool?>.Missing(anchor, path),
            AllowPrivilegeEscalation = Located<bool?>.Missing(anchor, path),
            RunAsNonRoot = Located<bool?>.Missing(anchor, path),
            RunAsUser = Located<long?>.Missing(anchor, path),
        };
    }
}
