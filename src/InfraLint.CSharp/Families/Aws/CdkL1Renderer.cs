using System;
using System.Collections.Generic;
using InfraLint.CSharp.Editing;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// How a fix is written on an AWS CDK L1 construct (<c>CfnBucket</c>): a CloudFormation key is the .NET property CDK
    /// generated for it (<see cref="CdkL1Type.Renames"/> read backwards: <c>SSEAlgorithm</c> is <c>SseAlgorithm</c>), a
    /// nested object is the construct's own <c>CfnX.YProperty</c> class, qualified the way the file wrote the construct's
    /// type, and values are C# literals (an L1 property takes CloudFormation's strings, numbers and booleans as they are).
    /// </summary>
    public sealed class CdkL1Renderer : ICSharpRenderer
    {
        /// <summary>
        /// The nested property classes a fix may create, by CloudFormation key, checked in Amazon.CDK.Lib 2.103.0
        /// (<c>T:Amazon.CDK.AWS.S3.CfnBucket.PublicAccessBlockConfigurationProperty</c> …); any other object is not created.
        /// </summary>
        private static readonly Dictionary<string, HashSet<string>> NestedTypes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["AWS::S3::Bucket"] = new HashSet<string>(StringComparer.Ordinal) { "PublicAccessBlockConfiguration" },
            ["AWS::SageMaker::EndpointConfig"] = new HashSet<string>(StringComparer.Ordinal) { "DataCaptureConfig" },
            ["AWS::EKS::Nodegroup"] = new HashSet<string>(StringComparer.Ordinal) { "ScalingConfig" },
            ["AWS::EC2::Instance"] = new HashSet<string>(StringComparer.Ordinal) { "Ebs" },
            ["AWS::EC2::LaunchTemplate"] = new HashSet<string>(StringComparer.Ordinal) { "LaunchTemplateData", "Ebs" },
        };

        private readonly CdkL1Type _type;
        private readonly string _construct;
        private readonly Dictionary<string, string> _dotnetNames = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <param name="type">The construct's CloudFormation type and renames.</param>
        /// <param name="constructType">The construct's type as the file writes it (<c>CfnBucket</c>, <c>S3.CfnBucket</c>, an alias).</param>
        public CdkL1Renderer(CdkL1Type type, string constructType)
        {
            _type = type ?? throw new ArgumentNullException(nameof(type));
            _construct = constructType ?? throw new ArgumentNullException(nameof(constructType));
            foreach (var rename in type.Renames) _dotnetNames[rename.Value] = rename.Key;
        }

        /// <summary>A CloudFormation property name (PascalCase) as its .NET property; null for what is no property name (a map's key).</summary>
        public string? Member(string objectPath, string key)
        {
            if (_dotnetNames.TryGetValue(key, out var renamed)) return renamed;
            if (key.Length == 0 || !char.IsUpper(key[0])) return null;
            foreach (char c in key)
                if (!char.IsLetterOrDigit(c)) return null;
            return key;
        }

        /// <summary>No fix adds a key to an L1 map (tags, labels, a JSON document), so none is written.</summary>
        public bool IsMap(string path) => false;

        public string? NewObject(string path)
        {
            int dot = path.LastIndexOf('.');
            var key = StripIndex(dot < 0 ? path : path.Substring(dot + 1));
            return NestedTypes.TryGetValue(_type.CloudFormationType, out var keys) && keys.Contains(key)
                ? "new " + _construct + "." + key + "Property"
                : null;
        }

        public string? Value(string path, object value) => CSharpEdits.Literal(value);

        private static string StripIndex(string key)
        {
            int bracket = key.IndexOf('[');
            return bracket < 0 ? key : key.Substring(0, bracket);
        }
    }
}
