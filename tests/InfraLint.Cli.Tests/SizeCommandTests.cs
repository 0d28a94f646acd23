using System.CommandLine;
using System.Text.Json;
using InfraLint.Cli.Commands;

namespace InfraLint.Cli.Tests;

public sealed class SizeCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = SizeCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public void Llama_70b_fp8_on_h100_gives_sane_json()
    {
        var (exitCode, stdout, stderr) = Invoke(
            "--model", "llama-3.1-70b", "--precision", "fp8", "--gpu", "h100-sxm", "--peak-rps", "40",
            "--input-tokens", "1000", "--output-tokens", "250", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        var json = Json(stdout);
        Assert.True(json.GetProperty("fits").GetBoolean());
        Assert.Equal(2, json.GetProperty("gpusPerReplica").GetInt32());
        var replicas = json.GetProperty("replicasNeeded").GetInt32();
        Assert.InRange(replicas, 3, 12);
        Assert.Equal(replicas * 2, json.GetProperty("gpusNeeded").GetInt32());
        Assert.InRange(json.GetProperty("tokensPerSecondPerReplica").GetDouble(), 1000, 10_000);
        Assert.True(json.GetProperty("monthlyCostUsd").GetDouble() > 0);
        Assert.True(json.GetProperty("assumptions").GetArrayLength() > 20);
        var first = json.GetProperty("assumptions")[0];
        foreach (var key in new[] { "name", "value", "unit", "explanation" })
            Assert.True(first.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void Training_json_has_the_documented_keys()
    {
        var (exitCode, stdout, _) = Invoke(
            "--role", "training", "--model", "llama-3.1-8b", "--gpu", "h100", "--training-tokens", "2T", "--deadline-hours", "72", "--format", "json");

        Assert.Equal(0, exitCode);
        var json = Json(stdout);
        Assert.True(json.GetProperty("gpuHours").GetDouble() > 0);
        Assert.Equal(0, json.GetProperty("gpusNeeded").GetInt32() % 8);
        Assert.True(json.GetProperty("costUsd").GetDouble() > json.GetProperty("costSpotUsd").GetDouble());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("assumptions").ValueKind);
    }

    [Fact]
    public void Text_output_explains_in_plain_words()
    {
        var (exitCode, stdout, _) = Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--peak-rps", "5", "--provisioned-gpus", "16");

        Assert.Equal(0, exitCode);
        Assert.Contains("Each replica uses", stdout);
        Assert.Contains("requests/s at peak plus a 30% buffer", stdout);
        Assert.Contains("/month on-demand", stdout);
        Assert.Contains("How this was worked out:", stdout);
        Assert.Contains("weightsBytes", stdout);
    }

    [Fact]
    public void Model_that_does_not_fit_is_an_answer_not_an_error()
    {
        var (exitCode, stdout, _) = Invoke("--model", "llama-3.1-70b", "--gpu", "h100", "--gpus-per-replica", "1", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.False(Json(stdout).GetProperty("fits").GetBoolean());
        Assert.Equal(2, Json(stdout).GetProperty("minimumGpusPerReplica").GetInt32());
    }

    [Fact]
    public void Parameters_accept_suffixes_for_unknown_models()
    {
        var (exitCode, stdout, _) = Invoke("--model", "in-house", "--parameters", "13B", "--gpu", "a100-80gb", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.True(Json(stdout).GetProperty("fits").GetBoolean());
    }

    [Fact]
    public void Buffer_accepts_percent_and_fraction()
    {
        var percent = Json(Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--peak-rps", "20", "--buffer", "100%", "--format", "json").Stdout);
        var fraction = Json(Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--peak-rps", "20", "--buffer", "1.0", "--format", "json").Stdout);
        var none = Json(Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--peak-rps", "20", "--buffer", "0", "--format", "json").Stdout);

        Assert.Equal(percent.GetProperty("replicasNeeded").GetInt32(), fraction.GetProperty("replicasNeeded").GetInt32());
        Assert.True(percent.GetProperty("replicasNeeded").GetInt32() > none.GetProperty("replicasNeeded").GetInt32());
    }

    [Theory]
    [InlineData("unknown model", "--model", "gpt-9", "--gpu", "h100")]
    [InlineData("unknown GPU", "--model", "llama-3.1-8b", "--gpu", "h900")]
    [InlineData("negative rps", "--model", "llama-3.1-8b", "--gpu", "h100", "--peak-rps", "-4")]
    [InlineData("negative tokens", "--model", "llama-3.1-8b", "--gpu", "h100", "--input-tokens", "-10")]
    [InlineData("not a number", "--model", "llama-3.1-8b", "--gpu", "h100", "--peak-rps", "lots")]
    [InlineData("bad precision", "--model", "llama-3.1-8b", "--gpu", "h100", "--precision", "fp6")]
    [InlineData("no gpu", "--model", "llama-3.1-8b")]
    [InlineData("bad role", "--model", "llama-3.1-8b", "--gpu", "h100", "--role", "serving")]
    [InlineData("bad format", "--model", "llama-3.1-8b", "--gpu", "h100", "--format", "xml")]
    [InlineData("training without tokens", "--role", "training", "--model", "llama-3.1-8b", "--gpu", "h100")]
    [InlineData("fractional gpus", "--model", "llama-3.1-8b", "--gpu", "h100", "--gpus-per-replica", "1.5")]
    public void Bad_input_is_exit_code_2_with_a_message_on_stderr(string why, params string[] args)
    {
        var (exitCode, stdout, stderr) = Invoke(args);

        Assert.True(exitCode == 2, why);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("infralint size: ", stderr);
    }

    [Fact]
    public void Catalog_dir_overrides_prices()
    {
        var dir = Directory.CreateTempSubdirectory("infralint-size-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "instances.yaml"), """
                instances:
                  - name: g6.xlarge
                    provider: aws
                    accelerator: l4
                    acceleratorCount: 1
                    onDemandUsdPerHour: 0.50
                    source: negotiated
                    date: 2026-01
                """);

            var (exitCode, stdout, _) = Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--instance-type", "g6.xlarge", "--catalog-dir", dir, "--format", "json");

            Assert.Equal(0, exitCode);
            var json = Json(stdout);
            Assert.Equal(json.GetProperty("instanceCount").GetInt32() * 0.50 * 730, json.GetProperty("monthlyCostUsd").GetDouble(), 2);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Bad_catalog_file_is_exit_code_2_with_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("infralint-size-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "models.yaml"), "models:\n  - name: x\n    parameters: many\n");

            var (exitCode, _, stderr) = Invoke("--model", "llama-3.1-8b", "--gpu", "l4", "--catalog-dir", dir);

            Assert.Equal(2, exitCode);
            Assert.Contains("models.yaml:3:", stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unknown_model_error_names_the_model_and_the_fix()
    {
        var stderr = Invoke("--model", "gpt-9", "--gpu", "h100").Stderr;

        Assert.Contains("gpt-9", stderr);
        Assert.Contains("--parameters", stderr);
    }

    [Fact]
    public void Run_is_callable_without_the_parser()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = SizeCommand.Run(
            new SizeCommandOptions { Model = "mixtral-8x7b", Gpu = "a100-80gb", Precision = "bf16", PeakRequestsPerSecond = 10, Format = "json" },
            stdout,
            stderr);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, Json(stdout.ToString()).GetProperty("gpusPerReplica").GetInt32());
    }

    [Fact]
    public void Same_arguments_give_identical_output()
    {
        string[] args = { "--model", "llama-3.1-405b", "--precision", "fp8", "--gpu", "h200", "--peak-rps", "12", "--p99-latency-ms", "60000", "--format", "json" };

        Assert.Equal(Invoke(args).Stdout, Invoke(args).Stdout);
    }

    [Fact]
    public void Command_is_named_size_and_documents_its_options()
    {
        var command = SizeCommand.Create();

        Assert.Equal("size", command.Name);
        foreach (var name in new[] { "--model", "--parameters", "--precision", "--gpu", "--gpus-per-replica", "--input-tokens", "--output-tokens", "--peak-rps", "--p99-latency-ms", "--role", "--training-tokens", "--deadline-hours", "--buffer", "--format" })
            Assert.Contains(command.Options, o => o.Name == name && !string.IsNullOrWhiteSpace(o.Description));
    }
}
