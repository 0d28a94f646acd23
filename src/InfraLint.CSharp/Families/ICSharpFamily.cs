using System.Collections.Generic;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families
{
    /// <summary>
    /// One library whose objects, built in C#, describe infrastructure (KubernetesClient models, Pulumi Kubernetes, AWS CDK
    /// L1 and L2 constructs, Pulumi AWS): which types it owns, and how its objects become trees shaped like the same
    /// resources written in YAML, so that the platform mappers judge them with the same rules.
    /// </summary>
    public interface ICSharpFamily
    {
        /// <summary>Fully qualified names (<c>k8s.Models.V1Deployment</c>) of the types whose creation starts a root object.</summary>
        IReadOnlyCollection<string> RootTypes { get; }

        /// <summary>
        /// The trees of this family's root objects of one file, each given with its resolved type, in source order
        /// (KubernetesClient: one document per object; CDK: one template per file, so that joins stay inside it).
        /// </summary>
        IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader);
    }
}
