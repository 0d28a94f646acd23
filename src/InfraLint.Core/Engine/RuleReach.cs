using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using InfraLint.Core.Facts;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// How far a rule looks: at one resource of one file, or across resources (a join, an absence, a fact derived from
    /// a join). A host that re-reads one file at a time (an editor) can report a <see cref="Resource"/> rule's findings
    /// from that file alone; an <see cref="AcrossResources"/> rule needs every source of the scan.
    /// </summary>
    public enum RuleReach
    {
        /// <summary>Every match is one fact of one source (and the settings): the file's findings depend on that file only.</summary>
        Resource,

        /// <summary>The rule joins facts, tests for the absence of one, or matches a fact derived from a join.</summary>
        AcrossResources,
    }

    /// <summary>
    /// A fact that rules insert from a join (the capacity case of a workload and the profiles that describe it): a rule
    /// that matches it reaches across resources even though its own pattern names one fact.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class DerivedFactAttribute : Attribute
    {
    }

    /// <summary>The reach of each rule id, read from the compiled rule definitions rather than declared beside them.</summary>
    public static class RuleReaches
    {
        /// <summary>
        /// The reach of each rule id among the definitions. A definition named <c>IL2003.bucket</c> belongs to IL2003; one
        /// rule id reaches across resources when any of its definitions does. Derivations (<c>facts.*</c>) are not rules.
        /// </summary>
        public static IReadOnlyDictionary<string, RuleReach> Of(IEnumerable<IRuleDefinition> definitions)
        {
            var reaches = new Dictionary<string, RuleReach>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in definitions)
            {
                var id = RuleIdOf(definition.Name);
                if (id is null) continue;
                var reach = ReachOf(definition.LeftHandSide);
                reaches[id] = reaches.TryGetValue(id, out var known) && known == RuleReach.AcrossResources ? known : reach;
            }
            return reaches;
        }

        /// <summary>The rule id an NRules rule name belongs to (<c>IL2013.boundary</c> → IL2013); null for a derivation.</summary>
        public static string? RuleIdOf(string name)
        {
            var id = name.Split('.')[0];
            return id.Length == 6 && id.StartsWith("IL", StringComparison.Ordinal) && id.Skip(2).All(char.IsDigit) ? id : null;
        }

        /// <summary>One pattern over a source fact (the settings aside), nothing negated, aggregated or quantified.</summary>
        private static RuleReach ReachOf(GroupElement conditions)
        {
            int facts = 0;
            foreach (var element in conditions.ChildElements)
            {
                switch (element)
                {
                    case PatternElement pattern when pattern.ValueType == typeof(LintSettings):
                        continue;
                    case PatternElement pattern when pattern.Source is null && !IsDerived(pattern.ValueType):
                        facts++;
                        continue;
                    case BindingElement _:
                        continue;
                    default:
                        return RuleReach.AcrossResources;
                }
            }
            return facts <= 1 ? RuleReach.Resource : RuleReach.AcrossResources;
        }

        private static bool IsDerived(Type type) => type.GetCustomAttribute<DerivedFactAttribute>() is not null;
    }
}
