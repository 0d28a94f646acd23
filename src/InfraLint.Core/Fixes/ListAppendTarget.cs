using System.Collections.Generic;

namespace InfraLint.Core.Fixes
{
    /// <summary>
    /// An attribute a format expresses as an item in a list, e.g. compose's <c>security_opt: [no-new-privileges:true]</c>
    /// for "allowPrivilegeEscalation: false". Setting the attribute to <see cref="WhenValue"/> appends
    /// <see cref="Item"/> (creating the list if needed); any other value has no mechanical edit. Each front end says
    /// how an item is appended in its syntax.
    /// </summary>
    public abstract class ListAppendTarget : EditTarget
    {
        protected ListAppendTarget(string key, string item, object whenValue)
        {
            Key = key;
            Item = item;
            WhenValue = whenValue;
        }

        /// <summary>The key of the list.</summary>
        protected string Key { get; }

        public string Item { get; }

        public object WhenValue { get; }

        public override string Describe => $"{Key}[] += {Item}";

        public override IReadOnlyList<TextEdit> Set(object value) =>
            Equals(value, WhenValue) ? Append() : new TextEdit[0];

        /// <summary>The edits that append <see cref="Item"/>, creating the list when it is absent; none when that cannot be done safely.</summary>
        protected abstract IReadOnlyList<TextEdit> Append();
    }
}
