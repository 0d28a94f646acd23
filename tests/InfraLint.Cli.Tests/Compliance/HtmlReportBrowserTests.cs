using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;
using Xunit.Abstractions;

namespace InfraLint.Cli.Tests.Compliance;

/// <summary>
/// The HTML report as a reader's browser shows it: headless Chromium (Debian's, /usr/bin/chromium) driven by
/// puppeteer-core (tests/browser, installed by <c>npm ci --prefix tests/browser</c>) with every request intercepted.
/// Skipped without them on a developer machine; under CI=true their absence fails the test, as .ci/run installs both.
/// </summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private static string Chromium => Environment.GetEnvironmentVariable("INFRALINT_CHROMIUM") ?? "/usr/bin/chromium";

    private static string Browser => Path.Combine(Repo.Root, "tests", "browser");

    /// <summary>Where the screenshot is kept: beside the test results README's command writes (TestResults/).</summary>
    public static string Screenshot => Path.Combine(Repo.Root, "TestResults", "compliance-report.png");

    private static string Node()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
        var missing = new List<string>();
        if (node is null) missing.Add("node");
        if (!File.Exists(Chromium)) missing.Add(Chromium + " (apt-get install chromium)");
        if (!Directory.Exists(Path.Combine(Browser, "node_modules", "puppeteer-core"))) missing.Add("puppeteer-core (npm ci --prefix tests/browser)");
        if (missing.Count == 0) return node!;
        Assert.False(Repo.IsCi, $"CI must provide {string.Join(", ", missing)}; .ci/run installs them.");
        throw new SkipException($"Not installed: {string.Join(", ", missing)}.");
    }

    [SkippableFact]
    public void The_report_loads_offline_without_errors_and_shows_the_totals_of_the_json_report()
    {
        var node = Node();
        using var dir = new TempDir();
        dir.Write("waived/web.yaml", ComplianceReportTests.Privileged.Replace(
            "            privileged: true",
            "            # infralint-disable-next-line IL2006 -- needs the GPU device plugin until the CDI migration\n            privileged: true",
            StringComparison.Ordinal));
        var html = Path.Combine(dir.Path, "report.html");
        var run = CliRunner.Run(dir.Path, "report", Repo.Examples, "waived", "--format", "html", "--output", html);
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = ComplianceReportTests.Json(dir.Path, Repo.Examples, "waived");
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);

        var seen = Render(node, html, Screenshot, "IL2006");
        output.WriteLine($"Screenshot: {Screenshot}");

        Assert.Empty(seen["requests"]!.AsArray());
        Assert.Empty(seen["consoleErrors"]!.AsArray());
        Assert.Empty(seen["pageErrors"]!.AsArray());
        var totals = json["totals"]!;
        var shown = seen["totals"]!;
        foreach (var key in new[] { "findings", "errors", "warnings", "notes", "waived", "controlsFailing", "controlsHolding", "controlsNotApplicable" })
            Assert.Equal(((int)totals[key]!).ToString(CultureInfo.InvariantCulture), (string)shown[key]!);
        Assert.Equal("$" + ((double)totals["wasteMonthlyUsd"]!).ToString("#,##0", CultureInfo.InvariantCulture), (string)shown["wasteMonthlyUsd"]!);
        Assert.Equal(3, (int)seen["svgCharts"]!);
        Assert.True((bool)seen["sortedAscending"]! && (bool)seen["sortedDescending"]!, seen.ToJsonString());
        var il2006 = json["findings"]!.AsArray().Count(f => (string)f!["ruleId"]! == "IL2006" && f["waiver"] is null);
        Assert.Equal(il2006, (int)seen["visibleAfterFilter"]!);
        Assert.True(new FileInfo(Screenshot).Length > 10_000, "the screenshot is empty");
    }

    private static JsonObject Render(string node, string html, string png, string filter)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Browser,
        };
        foreach (var arg in new[] { Path.Combine(Browser, "render-report.mjs"), html, png, filter }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish in 2 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return JsonNode.Parse(stdout.Result)!.AsObject();
    }
}
