using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// AWS CDK L2 constructs as the CloudFormation resources they synthesize in Amazon.CDK.Lib 2.103.0, with CDK's
    /// defaults applied where a prop is absent; a default is anchored at the construct's <c>new X(…)</c>. Each
    /// translation follows aws-cdk-lib 2.103.0's own code (the tarball the package embeds), cited at each method;
    /// the rule pages say the defaults that decide a finding.
    /// </summary>
    internal static class CdkL2
    {
        private const string S3 = "Amazon.CDK.AWS.S3.";
        private const string Bucket = S3 + "Bucket";
        private const string LogGroup = "Amazon.CDK.AWS.Logs.LogGroup";
        private const string Trail = "Amazon.CDK.AWS.CloudTrail.Trail";
        private const string Key = "Amazon.CDK.AWS.KMS.Key";
        private const string Cluster = "Amazon.CDK.AWS.EKS.Cluster";
        private const string Nodegroup = "Amazon.CDK.AWS.EKS.Nodegroup";
        private const string Instance = "Amazon.CDK.AWS.EC2.Instance_";
        private const string Policy = "Amazon.CDK.AWS.IAM.Policy";
        private const string ManagedPolicy = "Amazon.CDK.AWS.IAM.ManagedPolicy";
        private const string InstanceTypeType = "Amazon.CDK.AWS.EC2.InstanceType";

        public static IReadOnlyCollection<string> Types { get; } = new[] { Bucket, LogGroup, Trail, Key, Cluster, Nodegroup, Instance, Policy, ManagedPolicy, CdkIam.Statement };

        /// <summary>aws-logs' <c>RetentionDays</c> members in days (log-group.js); <c>INFINITE</c> keeps logs forever (no RetentionInDays).</summary>
        internal static readonly Dictionary<string, int> RetentionDays = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["ONE_DAY"] = 1, ["THREE_DAYS"] = 3, ["FIVE_DAYS"] = 5, ["ONE_WEEK"] = 7, ["TWO_WEEKS"] = 14, ["ONE_MONTH"] = 30, ["TWO_MONTHS"] = 60,
            ["THREE_MONTHS"] = 90, ["FOUR_MONTHS"] = 120, ["FIVE_MONTHS"] = 150, ["SIX_MONTHS"] = 180, ["ONE_YEAR"] = 365, ["THIRTEEN_MONTHS"] = 400,
            ["EIGHTEEN_MONTHS"] = 545, ["TWO_YEARS"] = 731, ["THREE_YEARS"] = 1096, ["FIVE_YEARS"] = 1827, ["SIX_YEARS"] = 2192, ["SEVEN_YEARS"] = 2557,
            ["EIGHT_YEARS"] = 2922, ["NINE_YEARS"] = 3288, ["TEN_YEARS"] = 3653,
        };

        /// <summary>The members of <c>RetentionDays</c>: the periods and <c>INFINITE</c>.</summary>
        private static readonly HashSet<string> RetentionMembers = new HashSet<string>(RetentionDays.Keys.Append("INFINITE"), StringComparer.Ordinal);

        /// <summary>aws-s3's <c>BucketAccessControl</c> members (bucket.js).</summary>
        private static readonly Dictionary<string, string> CannedAcls = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PRIVATE"] = "Private", ["PUBLIC_READ"] = "PublicRead", ["PUBLIC_READ_WRITE"] = "PublicReadWrite", ["AUTHENTICATED_READ"] = "AuthenticatedRead",
            ["LOG_DELIVERY_WRITE"] = "LogDeliveryWrite", ["BUCKET_OWNER_READ"] = "BucketOwnerRead", ["BUCKET_OWNER_FULL_CONTROL"] = "BucketOwnerFullControl", ["AWS_EXEC_READ"] = "AwsExecRead",
        };

        /// <summary>aws-eks' <c>ClusterLoggingTypes</c> members (cluster.js).</summary>
        private static readonly Dictionary<string, string> LogTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["API"] = "api", ["AUDIT"] = "audit", ["AUTHENTICATOR"] = "authenticator", ["CONTROLLER_MANAGER"] = "controllerManager", ["SCHEDULER"] = "scheduler",
        };

        private static readonly string[] PublicAccessFlags = { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" };

        public static void Add(TemplateShape shape, ObjectCreationExpressionSyntax creation, string type, CdkContext context)
        {
            if (type == CdkIam.Statement)
            {
                AttachedStatement(shape, creation, context);
                return;
            }
            var props = CdkContext.Props(creation, out bool readable);
            if (!readable) return;
            var l2 = new L2(creation, type, context, CdkContext.Members(props));
            switch (type)
            {
                case Bucket:
                    l2.Bucket(shape);
                    break;
                case LogGroup:
                    l2.LogGroup(shape);
                    break;
                case Trail:
                    // cloudtrail.js: the CfnTrail is created with isLogging: true.
                    shape.Add(l2.Id, "AWS::CloudTrail::Trail", l2.Head, l2.Properties(("IsLogging", l2.Default("true", "IsLogging", true))), creation);
                    break;
                case Key:
                    // key.js: enableKeyRotation: props.enableKeyRotation (absent: KMS's default, off).
                    shape.Add(l2.Id, "AWS::KMS::Key", l2.Head, l2.Properties(("EnableKeyRotation", l2.Member("EnableKeyRotation"))), creation);
                    break;
                case Cluster:
                    l2.Cluster(shape);
                    break;
                case Nodegroup:
                    l2.Nodegroup(shape);
                    break;
                case Instance:
                    shape.Add(l2.Id, "AWS::EC2::Instance", l2.Head, l2.Properties(
                        ("InstanceType", l2.Members.TryGetValue("InstanceType", out var instanceType) ? l2.InstanceType(instanceType, l2.Path + ".InstanceType") : null),
                        ("AvailabilityZone", l2.Member("AvailabilityZone"))), creation);
                    break;
                case Policy:
                case ManagedPolicy:
                    l2.Policy(shape, type == Policy ? "AWS::IAM::Policy" : "AWS::IAM::ManagedPolicy");
                    break;
            }
        }

        /// <summary>
        /// A statement built outside a policy's props (<c>role.AddToPolicy(new PolicyStatement(…))</c>, or kept in a
        /// variable) ends up in some policy document: it is read as an <c>AWS::IAM::Policy</c> of its own.
        /// </summary>
        private static void AttachedStatement(TemplateShape shape, ObjectCreationExpressionSyntax creation, CdkContext context)
        {
            var id = context.Id(creation);
            var path = CdkContext.Path(id) + ".PolicyDocument";
            if (CdkIam.StatementOf(creation, path + ".Statement[0]", context) is not { } statement) return;
            var head = context.Reader.HeadSpan(creation);
            var document = CdkIam.DocumentOf(TemplateShape.Sequence(new TreeNode[] { statement }, head, path + ".Statement"), head, path);
            shape.Add(id, "AWS::IAM::Policy", head, TemplateShape.Mapping(new[] { TemplateShape.Entry("PolicyDocument", document, head, CdkContext.Path(id)) }, head, CdkContext.Path(id)), creation);
        }

        /// <summary>One L2 construct being translated: its id, where its defaults point, its props by C# name.</summary>
        private sealed class L2
        {
            private readonly ObjectCreationExpressionSyntax _creation;
            private readonly CdkContext _context;

            public L2(ObjectCreationExpressionSyntax creation, string type, CdkContext context, Dictionary<string, ExpressionSyntax> members)
            {
                _creation = creation;
                _context = context;
                Members = members;
                Id = context.Id(creation);
                Head = context.Reader.HeadSpan(creation);
                Path = CdkContext.Path(Id);
                Edits = new CdkL2Editor(context.Reader.Source, creation, type, Path);
            }

            /// <summary>How the CloudFormation keys this construct's props write are set in C# (<see cref="CdkL2Editor"/>).</summary>
            public CdkL2Editor Edits { get; }

            public string Id { get; }

            public SourceSpan Head { get; }

            public string Path { get; }

            public Dictionary<string, ExpressionSyntax> Members { get; }

            /// <summary>A prop's value as written (references to constructs resolved), or null when absent.</summary>
            public TreeNode? Member(string name, string? key = null) =>
                Members.TryGetValue(name, out var value) ? _context.Value(value, Path + "." + (key ?? name)) : null;

            /// <summary>A CDK default: a synthesized scalar at the construct's head.</summary>
            public TreeNode Default(string value, string key, bool isPlain) => TemplateShape.Scalar(value, Head, Path + "." + key, isPlain);

            public TreeMapping Properties(params (string Key, TreeNode? Value)[] entries) =>
                TemplateShape.Mapping(entries.Where(e => e.Value is not null).Select(e => TemplateShape.Entry(e.Key, e.Value!, Head, Path)).ToList(), Head, Path, Edits);

            private TreeNode Enum(ExpressionSyntax expression, string enumType, IReadOnlyDictionary<string, string> values, string path) =>
                _context.Reader.MemberOf(expression, enumType) is string member && values.TryGetValue(member, out var value)
                    ? _context.Reader.Scalar(expression, path, value, false)
                    : _context.Reader.Unknown(expression, path);

            /// <summary>
            /// bucket.js <c>parseEncryption</c>: absent encryption is KMS when an encryptionKey is given, else
            /// UNENCRYPTED (no BucketEncryption: S3's own default, SSE-S3); KMS and DSSE without a key create one.
            /// <c>blockPublicAccess</c> and <c>accessControl</c> are passed through (absent: S3's defaults);
            /// <c>enforceSSL: true</c> adds a bucket policy denying <c>aws:SecureTransport</c> false (default false).
            /// </summary>
            public void Bucket(TemplateShape shape)
            {
                var entries = new List<(string, TreeNode?)>();
                Members.TryGetValue("Encryption", out var encryption);
                Members.TryGetValue("EncryptionKey", out var key);
                string? kind = encryption is null ? (key is null ? "UNENCRYPTED" : "KMS") : _context.Reader.MemberOf(encryption, S3 + "BucketEncryption");
                var at = encryption ?? key;
                string path = Path + ".BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault";
                string? algorithm = kind switch { "S3_MANAGED" => "AES256", "KMS_MANAGED" or "KMS" => "aws:kms", "DSSE_MANAGED" or "DSSE" => "aws:kms:dsse", _ => null };
                if (encryption is not null && (kind is null || kind != "UNENCRYPTED" && algorithm is null))
                {
                    entries.Add(("BucketEncryption", _context.Reader.Unknown(encryption, Path + ".BucketEncryption")));
                }
                else if (algorithm is not null)
                {
                    var byDefault = new List<TreeEntry> { TemplateShape.Entry("SSEAlgorithm", at is null ? Default(algorithm, "SSEAlgorithm", false) : _context.Reader.Scalar(at, path + ".SSEAlgorithm", algorithm, false), Head, path) };
                    if (kind is "KMS" or "DSSE")
                    {
                        TreeNode keyNode;
                        if (key is not null) keyNode = _context.Value(key, path + ".KMSMasterKeyID");
                        else
                        {
                            // parseEncryption: new kms.Key(this, "Key", …) when no key is given.
                            var keyId = Id + "/Key";
                            shape.Add(keyId, "AWS::KMS::Key", Head, null, _creation);
                            keyNode = Reference(keyId, "Arn", path + ".KMSMasterKeyID");
                        }
                        byDefault.Add(TemplateShape.Entry("KMSMasterKeyID", keyNode, Head, path));
                    }
                    var anchor = at is null ? Head : _context.Reader.SpanOf(at);
                    var rule = TemplateShape.Mapping(new[] { TemplateShape.Entry("ServerSideEncryptionByDefault", TemplateShape.Mapping(byDefault, anchor, path), anchor, path.Substring(0, path.LastIndexOf('.'))) }, anchor, path.Substring(0, path.LastIndexOf('.')));
                    var configuration = TemplateShape.Sequence(new TreeNode[] { rule }, anchor, Path + ".BucketEncryption.ServerSideEncryptionConfiguration");
                    entries.Add(("BucketEncryption", TemplateShape.Mapping(new[] { TemplateShape.Entry("ServerSideEncryptionConfiguration", configuration, anchor, Path + ".BucketEncryption") }, anchor, Path + ".BucketEncryption")));
                }
                if (Members.TryGetValue("BlockPublicAccess", out var block)) entries.Add(("PublicAccessBlockConfiguration", BlockPublicAccess(block, Path + ".PublicAccessBlockConfiguration")));
                if (Members.TryGetValue("AccessControl", out var acl)) entries.Add(("AccessControl", Enum(acl, S3 + "BucketAccessControl", CannedAcls, Path + ".AccessControl")));
                shape.Add(Id, "AWS::S3::Bucket", Head, Properties(entries.ToArray()), _creation);

                if (Members.TryGetValue("EnforceSSL", out var enforce))
                {
                    var value = _context.Reader.Evaluate(enforce);
                    if (value is { IsPlain: true, Text: "false" }) return;
                    var policyId = Id + "/Policy";
                    var policyPath = CdkContext.Path(policyId);
                    var span = _context.Reader.SpanOf(enforce);
                    // Not a constant: whether the policy exists is unknown, so its bucket is too (which makes every bucket's transport unknown, never a finding).
                    TreeNode bucketRef = value is { IsPlain: true, Text: "true" } ? Reference(Id, null, policyPath + ".Bucket", span) : _context.Reader.Unknown(enforce, policyPath + ".Bucket");
                    var condition = TemplateShape.Mapping(new[] { TemplateShape.Entry("Bool", TemplateShape.Mapping(new[] { TemplateShape.Entry("aws:SecureTransport", TemplateShape.Scalar("false", span, policyPath + ".Condition.Bool.aws:SecureTransport"), span, policyPath) }, span, policyPath), span, policyPath) }, span, policyPath);
                    var statement = TemplateShape.Mapping(new[]
                    {
                        TemplateShape.Entry("Effect", TemplateShape.Scalar("Deny", span, policyPath + ".Effect"), span, policyPath),
                        TemplateShape.Entry("Action", TemplateShape.Scalar("s3:*", span, policyPath + ".Action"), span, policyPath),
                        TemplateShape.Entry("Condition", condition, span, policyPath),
                    }, span, policyPath);
                    var document = CdkIam.DocumentOf(TemplateShape.Sequence(new TreeNode[] { statement }, span, policyPath + ".PolicyDocument.Statement"), span, policyPath + ".PolicyDocument");
                    var policyProps = TemplateShape.Mapping(new[] { TemplateShape.Entry("Bucket", bucketRef, span, policyPath), TemplateShape.Entry("PolicyDocument", document, span, policyPath) }, span, policyPath);
                    shape.Add(policyId, "AWS::S3::BucketPolicy", span, policyProps, _creation);
                }
            }

            /// <summary>bucket.js: <c>BlockPublicAccess.BLOCK_ALL</c> sets all four flags, <c>BLOCK_ACLS</c> the two ACL flags; <c>new BlockPublicAccess(options)</c> what the options say.</summary>
            private TreeNode BlockPublicAccess(ExpressionSyntax expression, string path)
            {
                var reader = _context.Reader;
                var span = reader.SpanOf(expression);
                string[]? flags = reader.MemberOf(expression, S3 + "BlockPublicAccess") switch
                {
                    "BLOCK_ALL" => PublicAccessFlags,
                    "BLOCK_ACLS" => new[] { "BlockPublicAcls", "IgnorePublicAcls" },
                    _ => null,
                };
                if (flags is not null)
                    return TemplateShape.Mapping(flags.Select(f => TemplateShape.Entry(f, reader.Scalar(expression, path + "." + f, "true", true), span, path)).ToList(), span, path);
                if (expression is ObjectCreationExpressionSyntax created && reader.Resolve(created.Type, new[] { S3 + "BlockPublicAccess" }) is not null
                    && CdkContext.Argument(created, 0, "options") is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 }, Initializer: not null } options)
                {
                    var members = CdkContext.Members(options);
                    var entries = members.Where(m => PublicAccessFlags.Contains(m.Key))
                        .Select(m => TemplateShape.Entry(m.Key, _context.Value(m.Value, path + "." + m.Key), span, path)).ToList();
                    // A flag is set in the options: its value replaced, or an entry added.
                    foreach (var flag in PublicAccessFlags)
                        Edits.Register(reader.Source, "PublicAccessBlockConfiguration." + flag, flag, value => value is bool ? CSharpEdits.Literal(value) : null, members.TryGetValue(flag, out var written) ? written : null, options);
                    return TemplateShape.Mapping(entries, span, path, Edits);
                }
                return reader.Unknown(expression, path);
            }

            // A fact keeps these renders to the end of a scan. Made in static methods, they capture the editor and strings only:
            // a lambda beside others in a method that uses this construct would share their closure, and keep its syntax.
            private static Func<object, string?> RetentionRender(CdkL2Editor edits, string? writtenEnum) => value => Days(value) is int asked
                && RetentionDays.Where(r => r.Value >= asked).OrderBy(r => r.Value).Select(r => r.Key).FirstOrDefault() is string member
                    ? edits.EnumMember("RetentionDays", member, writtenEnum)
                    : null;

            private static Func<object, string?> CapacityRender(CdkL2Editor edits, string? writtenEnum, string[] capacityTypes) =>
                value => value is string c && capacityTypes.Contains(c) ? edits.EnumMember("CapacityType", c, writtenEnum) : null;

            /// <summary>log-group.js: retention defaults to <c>RetentionDays.TWO_YEARS</c> (731 days); <c>INFINITE</c> sets none.</summary>
            public void LogGroup(TemplateShape shape)
            {
                TreeNode? retention;
                Members.TryGetValue("Retention", out var written);
                // The smallest RetentionDays that keeps logs the days asked for (CloudWatch's periods and RetentionDays' are the same).
                Edits.Register(_context.Reader.Source, "RetentionInDays", "Retention", RetentionRender(Edits, CdkL2Editor.WrittenEnum("RetentionDays", written, RetentionMembers)), written);
                if (!Members.TryGetValue("Retention", out var expression)) retention = Default("731", "RetentionInDays", true);
                else if (_context.Reader.MemberOf(expression, "Amazon.CDK.AWS.Logs.RetentionDays") is string member)
                    retention = member == "INFINITE" ? null
                        : RetentionDays.TryGetValue(member, out int days) ? _context.Reader.Scalar(expression, Path + ".RetentionInDays", days.ToString(CultureInfo.InvariantCulture), true)
                        : _context.Reader.Unknown(expression, Path + ".RetentionInDays");
                else retention = _context.Reader.Unknown(expression, Path + ".RetentionInDays");
                shape.Add(Id, "AWS::Logs::LogGroup", Head, Properties(("LogGroupName", Member("LogGroupName")), ("RetentionInDays", retention)), _creation);
            }

            /// <summary>cluster.js: <c>clusterLogging</c> becomes logging.clusterLogging [{ enabled: true, types }]; absent, no control-plane log is enabled.</summary>
            public void Cluster(TemplateShape shape)
            {
                TreeNode? logging = null;
                if (Members.TryGetValue("ClusterLogging", out var types))
                {
                    string typesPath = Path + ".Logging.ClusterLogging.EnabledTypes";
                    var list = _context.Reader.Build(types, typesPath, CdkContext.Verbatim);
                    TreeNode enabled = list is TreeSequence sequence
                        ? TemplateShape.Sequence(sequence.Items.Select(item => (TreeNode)TemplateShape.Mapping(new[]
                            {
                                TemplateShape.Entry("Type", item.Origin is ExpressionSyntax e ? Enum(e, "Amazon.CDK.AWS.EKS.ClusterLoggingTypes", LogTypes, item.Path + ".Type") : item, item.Span, item.Path),
                            }, item.Span, item.Path)).ToList(), list.Span, typesPath)
                        : list;
                    var span = _context.Reader.SpanOf(types);
                    logging = TemplateShape.Mapping(new[] { TemplateShape.Entry("ClusterLogging", TemplateShape.Mapping(new[] { TemplateShape.Entry("EnabledTypes", enabled, span, Path + ".Logging.ClusterLogging") }, span, Path + ".Logging.ClusterLogging"), span, Path + ".Logging") }, span, Path + ".Logging");
                }
                shape.Add(Id, "AWS::EKS::Cluster", Head, Properties(("Name", Member("ClusterName", "Name")), ("Logging", logging)), _creation);
            }

            /// <summary>
            /// managed-nodegroup.js: capacityType, instanceTypes, labels and tags are passed through (absent capacity:
            /// EKS's ON_DEMAND); scalingConfig is desiredSize ?? minSize ?? 2, minSize ?? 1, maxSize ?? desired.
            /// </summary>
            public void Nodegroup(TemplateShape shape)
            {
                TreeNode? types = null;
                if (Members.TryGetValue("InstanceTypes", out var list))
                {
                    var built = _context.Reader.Build(list, Path + ".InstanceTypes", CdkContext.Verbatim);
                    types = built is TreeSequence sequence
                        ? TemplateShape.Sequence(sequence.Items.Select(i => i.Origin is ExpressionSyntax e ? InstanceType(e, i.Path) : i).ToList(), built.Span, built.Path)
                        : built;
                }
                Members.TryGetValue("CapacityType", out var writtenCapacity);
                string[] capacityTypes = { "SPOT", "ON_DEMAND" };
                Edits.Register(_context.Reader.Source, "CapacityType", "CapacityType", CapacityRender(Edits, CdkL2Editor.WrittenEnum("CapacityType", writtenCapacity, capacityTypes), capacityTypes), writtenCapacity);
                TreeNode? capacity = Members.TryGetValue("CapacityType", out var capacityExpression)
                    ? Enum(capacityExpression, "Amazon.CDK.AWS.EKS.CapacityType", new Dictionary<string, string> { ["SPOT"] = "SPOT", ["ON_DEMAND"] = "ON_DEMAND" }, Path + ".CapacityType")
                    : null;
                string scalingPath = Path + ".ScalingConfig";
                var desired = Member("DesiredSize", "ScalingConfig.DesiredSize") ?? Member("MinSize", "ScalingConfig.DesiredSize") ?? Default("2", "ScalingConfig.DesiredSize", true);
                var scaling = TemplateShape.Mapping(new[] { TemplateShape.Entry("DesiredSize", desired, Head, scalingPath) }, Head, scalingPath);
                shape.Add(Id, "AWS::EKS::Nodegroup", Head, Properties(
                    ("NodegroupName", Member("NodegroupName")),
                    ("InstanceTypes", types),
                    ("CapacityType", capacity),
                    ("ScalingConfig", scaling),
                    ("Labels", Member("Labels")),
                    ("Tags", Member("Tags"))), _creation);
            }

            /// <summary>policy.js / managed-policy.js: the document is the given <c>document</c> plus <c>statements</c>.</summary>
            public void Policy(TemplateShape shape, string type)
            {
                string documentPath = Path + ".PolicyDocument";
                var statements = new List<TreeNode>();
                if (Members.TryGetValue("Document", out var document))
                {
                    if (CdkIam.Document(document, documentPath, _context) is TreeMapping read && read.Get("Statement") is TreeSequence given) statements.AddRange(given.Items);
                    else statements.Add(_context.Reader.Unknown(document, documentPath + ".Statement[0]"));
                }
                if (Members.TryGetValue("Statements", out var list))
                {
                    if (CdkIam.Statements(list, documentPath + ".Statement", _context) is TreeSequence sequence) statements.AddRange(sequence.Items);
                    else statements.Add(_context.Reader.Unknown(list, documentPath + ".Statement"));
                }
                var doc = CdkIam.DocumentOf(TemplateShape.Sequence(statements, Head, documentPath + ".Statement"), Head, documentPath);
                shape.Add(Id, type, Head, Properties(("PolicyDocument", doc)), _creation);
            }

            /// <summary>
            /// <c>new InstanceType("p5.48xlarge")</c> is its string; <c>InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24)</c>
            /// is the family and size instance-types.js maps them to (<see cref="CdkInstanceTypes"/>); anything else is unknown.
            /// </summary>
            public TreeNode InstanceType(ExpressionSyntax expression, string path)
            {
                var reader = _context.Reader;
                var known = new[] { InstanceTypeType };
                if (expression is ObjectCreationExpressionSyntax created && created.Initializer is null && reader.Resolve(created.Type, known) is not null
                    && CdkContext.Argument(created, 0, "instanceTypeIdentifier") is { } name)
                    return reader.Scalar(name, path);
                if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Of" } of } call
                    && reader.ResolveTypeExpression(of.Expression, known) is not null && call.ArgumentList.Arguments.Count == 2
                    && reader.MemberOf(call.ArgumentList.Arguments[0].Expression, "Amazon.CDK.AWS.EC2.InstanceClass") is string family && CdkInstanceTypes.Classes.TryGetValue(family, out var familyName)
                    && reader.MemberOf(call.ArgumentList.Arguments[1].Expression, "Amazon.CDK.AWS.EC2.InstanceSize") is string size && CdkInstanceTypes.Sizes.TryGetValue(size, out var sizeName))
                    return reader.Scalar(expression, path, familyName + "." + sizeName, false);
                return reader.Unknown(expression, path);
            }

            private static int? Days(object value) => value switch
            {
                int i => i,
                long l when l <= int.MaxValue => (int)l,
                double d when d >= 0 && d <= int.MaxValue => (int)Math.Ceiling(d),
                _ => null,
            };

            private static TreeNode Reference(string id, string? attribute, string path, SourceSpan at)
            {
                if (attribute is null) return TemplateShape.Mapping(new[] { TemplateShape.Entry("Ref", TemplateShape.Scalar(id, at, path + ".Ref"), at, path) }, at, path);
                var args = TemplateShape.Sequence(new TreeNode[] { TemplateShape.Scalar(id, at, path + "[0]"), TemplateShape.Scalar(attribute, at, path + "[1]") }, at, path + ".Fn::GetAtt");
                return TemplateShape.Mapping(new[] { TemplateShape.Entry("Fn::GetAtt", args, at, path) }, at, path);
            }

            private TreeNode Reference(string id, string? attribute, string path) => Reference(id, attribute, path, Head);
        }
    }
}
