using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.CSharp.Editing;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// How a fix is written in a Pulumi AWS resource's args. The CloudFormation mapper asks for CloudFormation's keys
    /// (<c>IsLogging</c>); each resource knows the args property that holds one (<c>EnableLogging</c>), and only those:
    /// a key without an entry here is not written, so no fix is offered where Pulumi says it elsewhere (a bucket's
    /// encryption is a resource of its own). Values are C# literals; a few Pulumi properties hold a boolean as a string
    /// (<c>LaunchTemplateBlockDeviceMappingEbsArgs.Encrypted</c> is <c>Input&lt;string&gt;</c>), and get <c>"true"</c>.
    /// </summary>
    public sealed class PulumiAwsRenderer : ICSharpRenderer
    {
        private readonly IReadOnlyDictionary<string, string> _members;
        private readonly ICollection<string> _stringBooleans;

        /// <param name="members">CloudFormation key to the args property that holds it.</param>
        /// <param name="stringBooleans">Args properties typed <c>Input&lt;string&gt;</c> that hold a boolean.</param>
        public PulumiAwsRenderer(IReadOnlyDictionary<string, string> members, ICollection<string> stringBooleans)
        {
            _members = members ?? throw new ArgumentNullException(nameof(members));
            _stringBooleans = stringBooleans ?? throw new ArgumentNullException(nameof(stringBooleans));
        }

        public string? Member(string objectPath, string key) => _members.TryGetValue(key, out var member) ? member : null;

        public bool IsMap(string path) => false;

        /// <summary>Fixes here set a value of an object the code already has; a missing object is not created.</summary>
        public string? NewObject(string path) => null;

        public string? Value(string path, object value)
        {
            int dot = path.LastIndexOf('.');
            var key = dot < 0 ? path : path.Substring(dot + 1);
            // Only what this resource's table names: a key (when added) or the property it maps to (when replaced in place).
            if (!_members.ContainsKey(key) && !_members.Values.Contains(key)) return null;
            if (value is bool flag && _stringBooleans.Contains(key)) return CSharpEdits.Literal(flag ? "true" : "false");
            return CSharpEdits.Literal(value);
        }
    }
}
