using System.CommandLine;
using System.Globalization;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Core.Sizing.Inference;
using InfraLint.Core.Sizing.Training;

namespace InfraLint.Cli.Commands;

/// <summary><c>infralint size</c>: the sizing model's answer for one workload, with its assumptions spelled out.</summary>
internal static class SizeCommand
{
    public const int Success = 0;
    public const int UsageError = 2;

    public static Command Create()
    {
        var command = new Command("size", "Estimate GPUs, replicas, throughput and cost for an inference or training workload, and explain how.");

        // Numbers are read as text so that "70B" and "15T" work and a bad value is our exit code 2, not a parser error.
        var role = Text("--role", "inference or training (default: inference)", "ROLE");
        var model = Text("--model", "Model catalog name or Hugging Face id, e.g. llama-3.1-70b", "NAME");
        var parameters = Text("--parameters", "Total parameters (70.6e9, 70B); required when the model is not in the catalog", "N");
        var activeParameters = Text("--active-parameters", "Parameters used per token, for mixture-of-experts models", "N");
        var precision = Text("--precision", $"Weight format: {Precisions.Accepted} (default: bf16)", "FORMAT");
        var kvPrecision = Text("--kv-cache-precision", "KV-cache format (default: 16-bit)", "FORMAT");
        var gpu = Text("--gpu", "Accelerator catalog name, e.g. h100-sxm, a100-80gb, l4, tpu-v5e", "TYPE");
        var instance = Text("--instance-type", "Price on this instance type (e.g. p5.48xlarge); default: the cheapest that carries the GPU", "NAME");
        var gpusPerReplica = Text("--gpus-per-replica", "Fix the replica width instead of choosing it", "N");
        var input = Text("--input-tokens", "Mean prompt tokens per request (default: 1000)", "N");
        var output = Text("--output-tokens", "Mean generated tokens per request (default: 250)", "N");
        var peakRps = Text("--peak-rps", "Peak requests per second", "RPS", "--peak-qps");
        var p99 = Text("--p99-latency-ms", "End-to-end p99 latency objective", "MS");
        var ttft = Text("--ttft-ms", "Time-to-first-token objective", "MS");
        var tpot = Text("--tpot-ms", "Time-per-output-token objective", "MS");
        var buffer = Text("--buffer", "Headroom over peak: 0.3 or 30% (default: 30%)", "RATIO");
        var provisioned = Text("--provisioned-gpus", "GPUs actually provisioned, to price the excess", "N");
        var trainingTokens = Text("--training-tokens", "Training tokens, all epochs (2e12, 2T)", "N");
        var deadline = Text("--deadline-hours", "Wall-clock hours the training run must finish in", "H");
        var mfu = Text("--mfu", "Model FLOPs utilisation for training, overriding the table", "RATIO");
        var format = Text("--format", "text or json (default: text)", "FORMAT");
        var catalogDir = Text("--catalog-dir", "Folder with accelerators.yaml, instances.yaml and/or models.yaml overriding built-in entries (e.g. your prices)", "DIR");

        foreach (var option in new[] { role, model, parameters, activeParameters, precision, kvPrecision, gpu, instance, gpusPerReplica, input, output, peakRps, p99, ttft, tpot, buffer, provisioned, trainingTokens, deadline, mfu, format, catalogDir })
            command.Options.Add(option);

        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var errors = new List<string>();
            string? Get(Option<string> option) => parseResult.GetValue(option);
            double? Number(Option<string> option, bool isFraction = false)
            {
                var raw = Get(option);
                if (raw is null) return null;
                if (!CliNumber.TryParse(raw, out var value))
                {
                    errors.Add($"{option.Name}: '{raw}' is not a number.");
                    return null;
                }

                // A bare 30 for a ratio means 30%.
                return isFraction && value > 1 && !raw.TrimEnd().EndsWith('%') ? value / 100 : value;
            }

            int? Whole(Option<string> option)
            {
                var value = Number(option);
                if (value is null) return null;
                if (value != Math.Floor(value.Value) || Math.Abs(value.Value) > int.MaxValue)
                {
                    errors.Add($"{option.Name}: '{Get(option)}' is not a whole number.");
                    return null;
                }

                return (int)value.Value;
            }

            var options = new SizeCommandOptions
            {
                Role = Get(role) ?? "inference",
                Model = Get(model),
                Parameters = Number(parameters),
                ActiveParameters = Number(activeParameters),
                Precision = Get(precision) ?? "bf16",
                KvCachePrecision = Get(kvPrecision),
                Gpu = Get(gpu),
                InstanceType = Get(instance),
                GpusPerReplica = Whole(gpusPerReplica),
                InputTokens = Number(input),
                OutputTokens = Number(output),
                PeakRequestsPerSecond = Number(peakRps),
                P99LatencyMs = Number(p99),
                TimeToFirstTokenMs = Number(ttft),
                TimePerOutputTokenMs = Number(tpot),
                Buffer = Number(buffer, isFraction: true),
                ProvisionedGpus = Whole(provisioned),
                TrainingTokens = Number(trainingTokens),
                DeadlineHours = Number(deadline),
                Mfu = Number(mfu, isFraction: true),
                Format = Get(format) ?? "text",
                CatalogDirectory = Get(catalogDir),
            };

            if (errors.Count > 0)
            {
                foreach (var error in errors) stderr.WriteLine($"infralint size: {error}");
                return UsageError;
            }

            return Run(options, stdout, stderr);
        });

        return command;
    }

    /// <summary>Runs the sizing model and writes the answer; returns the process exit code (0, or 2 for bad input).</summary>
    private static StringReader? Open(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return new StringReader(Files.RegularFile.ReadText(path).Text);
        }
        catch (Core.Scanning.SourceUnreadableException e)
        {
            throw new SizingInputException($"Catalog file '{path}': {e.Message}");
        }
    }

    public static int Run(SizeCommandOptions options, TextWriter stdout, TextWriter stderr)
    {
        SizingCatalog catalog;
        try
        {
            catalog = LoadCatalog(options.CatalogDirectory);
        }
        catch (CatalogFormatException e)
        {
            stderr.WriteLine($"infralint size: catalog error: {e.Message}");
            return UsageError;
        }
        catch (SizingInputException e)
        {
            stderr.WriteLine($"infralint size: {e.Message}");
            return UsageError;
        }

        return Run(options, catalog, SizingOptions.Default, stdout, stderr);
    }

    /// <summary>The built-in catalog, with the entries of any catalog files found in <paramref name="directory"/> laid over it.</summary>
    internal static SizingCatalog LoadCatalog(string? directory)
    {
        if (directory is null) return SizingCatalog.Default;
        if (!Directory.Exists(directory)) throw new SizingInputException($"Catalog folder '{directory}' does not exist.");
        var files = new[] { SizingCatalog.AcceleratorsFile, SizingCatalog.InstancesFile, SizingCatalog.ModelsFile }
            .Select(name => Path.Combine(directory, name))
            .ToArray();
        if (!files.Any(File.Exists))
            throw new SizingInputException($"Catalog folder '{directory}' has none of {SizingCatalog.AcceleratorsFile}, {SizingCatalog.InstancesFile}, {SizingCatalog.ModelsFile}.");

        using var accelerators = Open(files[0]);
        using var instances = Open(files[1]);
        using var models = Open(files[2]);
        return SizingCatalog.Default.WithOverrides(accelerators, instances, models, files[0], files[1], files[2]);
    }

    public static int Run(SizeCommandOptions options, SizingCatalog catalog, SizingOptions sizing, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var json = options.Format.Trim().ToLowerInvariant() switch
            {
                "json" => true,
                "text" => false,
                _ => throw new SizingInputException($"Unknown format '{options.Format}'. Use text or json."),
            };
            var precision = Precisions.Parse(options.Precision);
            Precision? kvPrecision = options.KvCachePrecision is null ? null : Precisions.Parse(options.KvCachePrecision);

            switch (options.Role.Trim().ToLowerInvariant())
            {
                case "inference":
                case "batch-inference":
                {
                    if (options.Gpu is null && options.InstanceType is null)
                        throw new SizingInputException("Give --gpu (e.g. h100-sxm) or --instance-type.");
                    if (options.TrainingTokens is not null || options.DeadlineHours is not null)
                        throw new SizingInputException("--training-tokens and --deadline-hours need --role training.");
                    var request = new InferenceRequest
                    {
                        Model = options.Model,
                        Parameters = options.Parameters,
                        ActiveParameters = options.ActiveParameters,
                        Precision = precision,
                        KvCachePrecision = kvPrecision,
                        Accelerator = options.Gpu,
                        InstanceType = options.InstanceType,
                        GpusPerReplica = options.GpusPerReplica,
                        InputTokens = options.InputTokens ?? 1000,
                        OutputTokens = options.OutputTokens ?? 250,
                        PeakRequestsPerSecond = options.PeakRequestsPerSecond,
                        P99LatencyMs = options.P99LatencyMs,
                        TimeToFirstTokenMs = options.TimeToFirstTokenMs,
                        TimePerOutputTokenMs = options.TimePerOutputTokenMs,
                        Buffer = options.Buffer,
                        ProvisionedGpus = options.ProvisionedGpus,
                    };
                    var plan = InferenceSizer.Size(request, catalog, sizing);
                    if (json) SizeReport.WriteJson(plan, request, stdout);
                    else SizeReport.WriteText(plan, request, sizing, stdout);
                    return Success;
                }

                case "training":
                {
                    if (options.Gpu is null && options.InstanceType is null)
                        throw new SizingInputException("Give --gpu (e.g. h100-sxm) or --instance-type.");
                    if (options.TrainingTokens is null)
                        throw new SizingInputException("Give --training-tokens for --role training.");
                    var request = new TrainingRequest
                    {
                        Model = options.Model,
                        Parameters = options.Parameters,
                        ActiveParameters = options.ActiveParameters,
                        Precision = precision,
                        Accelerator = options.Gpu,
                        InstanceType = options.InstanceType,
                        Tokens = options.TrainingTokens.Value,
                        DeadlineHours = options.DeadlineHours,
                        Mfu = options.Mfu,
                        ProvisionedGpus = options.ProvisionedGpus,
                    };
                    var plan = TrainingSizer.Size(request, catalog, sizing);
                    if (json) SizeReport.WriteJson(plan, stdout);
                    else SizeReport.WriteText(plan, request, stdout);
                    return Success;
                }

                default:
                    throw new SizingInputException($"Unknown role '{options.Role}'. Use inference or training.");
            }
        }
        catch (SizingInputException e)
        {
            stderr.WriteLine($"infralint size: {e.Message}");
            return UsageError;
        }
        catch (CatalogFormatException e)
        {
            stderr.WriteLine($"infralint size: catalog error: {e.Message}");
            return UsageError;
        }
    }

    private static Option<string> Text(string name, string description, string helpName, params string[] aliases) =>
        new(name, aliases) { Description = description, HelpName = helpName };
}
