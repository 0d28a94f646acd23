namespace InfraLint.Core.Findings
{
    /// <summary>A control of a standard that a rule gives evidence for, e.g. NIST SP 800-53 SC-28.</summary>
    public sealed record FrameworkControl(string Framework, string Control, string Title)
    {
        public const string Nist80053 = "NIST SP 800-53 Rev. 5";
        public const string CisKubernetes = "CIS Kubernetes Benchmark v1.8";
        public const string EuAiAct = "EU AI Act";
        public const string NistAiRmf = "NIST AI RMF 1.0";
        public const string Iso42001 = "ISO/IEC 42001:2023 Annex A";

        public static FrameworkControl Nist(string control, string title) => new FrameworkControl(Nist80053, control, title);

        public static FrameworkControl Cis(string item, string title) => new FrameworkControl(CisKubernetes, item, title);

        public override string ToString() => $"{Framework} {Control} ({Title})";
    }
}
