using System.Collections.Generic;

namespace InfraLint.Core.Sizing
{
    /// <summary>Collects <see cref="SizingStep"/>s while a sizer runs; returns each value so formulas stay readable.</summary>
    internal sealed class StepLog
    {
        private readonly List<SizingStep> _steps = new List<SizingStep>();

        public IReadOnlyList<SizingStep> Steps => _steps.ToArray();

        public double Add(string name, double value, string unit, string explanation)
        {
            _steps.Add(new SizingStep(name, value, unit, explanation));
            return value;
        }

        public void Note(string name, string text, string explanation) =>
            _steps.Add(new SizingStep(name, null, string.Empty, explanation) { Text = text });
    }
}
