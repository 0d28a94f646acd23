namespace InfraLint.Core.Findings
{
    /// <summary>Ordered from least to most severe so <c>--fail-on</c> is a comparison.</summary>
    public enum Severity
    {
        None = 0,
        Note = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>How often a rule's findings are true positives; maps to SARIF's <c>precision</c> property.</summary>
    public enum Precision
    {
        Low,
        Medium,
        High,
        VeryHigh,
    }

    /// <summary>The first digit of a rule id.</summary>
    public enum RuleArea
    {
        Input = 0,
        Compute = 1,
        Security = 2,
        Observability = 3,
        Governance = 4,
        DataPipelines = 5,
    }
}
