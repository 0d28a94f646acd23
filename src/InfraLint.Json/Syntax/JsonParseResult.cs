using InfraLint.Core.Facts;
using InfraLint.Core.Tree;

namespace InfraLint.Json.Syntax
{
    /// <summary>What <see cref="JsonTree.Parse"/> read: the tree's root, or the first syntax error, never both.</summary>
    public sealed class JsonParseResult
    {
        internal JsonParseResult(TreeNode? root, ParseFailure? failure)
        {
            Root = root;
            Failure = failure;
        }

        /// <summary>The top-level value (an object for every CloudFormation template); null when the text is not JSON.</summary>
        public TreeNode? Root { get; }

        public ParseFailure? Failure { get; }

        public bool Succeeded => Failure is null;
    }
}
