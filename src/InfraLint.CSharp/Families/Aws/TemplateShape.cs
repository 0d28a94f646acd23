using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// The AWS families (CDK L1 and L2 constructs, Pulumi AWS resources) become one CloudFormation-shaped template per
    /// file, <c>Resources.{id}.Type</c> and <c>.Properties</c>, so the CloudFormation mapper judges them with its one
    /// table of resource types and joins (a bucket and its policy) stay inside the file. Every node keeps the span of
    /// the C# expression it came from; a resource's key points at its <c>new X(…)</c>.
    /// </summary>
    public sealed class TemplateShape
    {
        private readonly List<TreeEntry> _resources = new List<TreeEntry>();
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Adds a resource. <paramref name="id"/> is its logical id (a construct id, a Pulumi resource name); a repeated id
        /// gets a suffix, so two resources never merge. <paramref name="head"/> is where findings about it point.
        /// </summary>
        public void Add(string id, string type, SourceSpan head, TreeMapping? properties, object? origin = null)
        {
            var unique = id;
            for (int n = 2; !_ids.Add(unique); n++) unique = id + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = "Resources." + unique;
            var entries = new List<TreeEntry> { Entry("Type", Scalar(type, head, path + ".Type"), head, path) };
            if (properties is not null) entries.Add(Entry("Properties", properties, head, path));
            var resource = new TreeMapping(entries, true, head, head, path, origin: origin);
            _resources.Add(new TreeEntry(new TreeScalar(unique, true, head, path, origin: origin), resource));
        }

        public int Count => _resources.Count;

        /// <summary>
        /// The template-level <c>Metadata</c> key that says every resource may carry tags the template does not show, and
        /// why (CDK's <c>Tags.Of(scope)</c>, Pulumi's provider default tags): the CloudFormation mapper then reads every
        /// resource's tags as unknown. The mapper knows the same key.
        /// </summary>
        public const string TagsAppliedElsewhereKey = "InfraLint::TagsAppliedElsewhere";

        /// <summary>Why tags may be applied to these resources from outside their declarations; null when they cannot be.</summary>
        public string? TagsAppliedElsewhere { get; set; }

        /// <summary>The template, or null when no resource was added.</summary>
        public TreeMapping? Build(SourceSpan file)
        {
            if (_resources.Count == 0) return null;
            var resources = new TreeMapping(_resources.ToList(), true, file, file, "Resources");
            var entries = new List<TreeEntry> { Entry("Resources", resources, file, string.Empty) };
            if (TagsAppliedElsewhere is not null)
            {
                var metadata = Mapping(new[] { Entry(TagsAppliedElsewhereKey, Scalar(TagsAppliedElsewhere, file, "Metadata." + TagsAppliedElsewhereKey), file, "Metadata") }, file, "Metadata");
                entries.Add(Entry("Metadata", metadata, file, string.Empty));
            }
            return new TreeMapping(entries, true, file, file, string.Empty);
        }

        /// <summary>A synthesized scalar at <paramref name="at"/> (a CDK default, a type), never editable.</summary>
        public static TreeScalar Scalar(string? value, SourceSpan at, string path, bool isPlain = false) =>
            new TreeScalar(value, isPlain, at, path);

        /// <summary>A synthesized mapping (an L2 property's CloudFormation shape) anchored at <paramref name="at"/>.</summary>
        public static TreeMapping Mapping(IReadOnlyList<TreeEntry> entries, SourceSpan at, string path, ITreeEditor? editor = null, object? origin = null) =>
            new TreeMapping(entries, true, at, at, path, editor: editor, origin: origin);

        /// <summary>A synthesized sequence anchored at <paramref name="at"/>.</summary>
        public static TreeSequence Sequence(IReadOnlyList<TreeNode> items, SourceSpan at, string path) =>
            new TreeSequence(items, at, at, path);

        /// <summary>An entry whose key is anchored where its value is written (or at <paramref name="at"/>).</summary>
        public static TreeEntry Entry(string key, TreeNode value, SourceSpan at, string parentPath) =>
            new TreeEntry(new TreeScalar(key, true, at, parentPath.Length == 0 ? key : parentPath + "." + key), value);
    }
}
