using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;

namespace InfraLint.Core.Knowledge
{
    /// <summary>What a container's process does, judged from its image, command and arguments.</summary>
    public enum Activity
    {
        /// <summary>Nothing recognisable: a script or program InfraLint does not know.</summary>
        Unknown,

        /// <summary>A server process: a model server's command, or a known server image's own entrypoint.</summary>
        Serving,

        /// <summary>A training entry point: torchrun, deepspeed, accelerate launch, a trainer CLI, a training script.</summary>
        Training,

        /// <summary>A profiler runs the workload (nsys, ncu, dcgmproftester): it measures, it does not train or serve.</summary>
        Profiling,

        /// <summary>Ahead-of-time compilation (neuron_parallel_compile, trtllm-build): it prepares artifacts.</summary>
        Compilation,

        /// <summary>A load generator or benchmark client (vllm bench, genai-perf, a benchmark script).</summary>
        Benchmark,

        /// <summary>A one-shot task: a model download (<c>ollama pull</c>, <c>download-to-cache</c>), a GPU check (<c>nvidia-smi</c>).</summary>
        OneShot,

        /// <summary>Nothing but waiting: <c>sleep infinity</c>, <c>tail -f /dev/null</c>, a loop around sleep and a client call.</summary>
        Idle,
    }

    /// <summary>The judgement and why: <see cref="Reason"/> reads after "role from …" (<c>vLLM command vllm serve</c>).</summary>
    public sealed record ActivityJudgement(Activity Activity, string Reason, string? Server = null)
    {
        /// <summary>The process cannot be serving (it waits, downloads, profiles, benchmarks, compiles or trains).</summary>
        public bool IsNotServing => Activity is not (Activity.Serving or Activity.Unknown);
    }

    /// <summary>
    /// Judges what a container runs. A known model-server image serves only while its own entrypoint runs:
    /// arguments alone (Kubernetes <c>args</c>, compose <c>command</c>) keep the entrypoint, a replaced entrypoint
    /// (Kubernetes <c>command</c>, compose <c>entrypoint</c>) serves only if what replaces it is a server.
    /// Shell scripts (<c>sh -c</c>) are split into their commands; the strongest activity found decides
    /// (profiling over serving over training over the rest, so <c>ollama serve &amp; ollama pull x</c> serves).
    /// </summary>
    public static class WorkloadActivity
    {
        private static readonly HashSet<string> Shells = new HashSet<string>(StringComparer.Ordinal) { "sh", "bash", "zsh", "ash", "dash", "ksh" };

        /// <summary>Words that prefix a command without changing what runs.</summary>
        private static readonly HashSet<string> Prefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "exec", "nohup", "time", "env", "sudo", "stdbuf", "numactl", "taskset", "tini", "dumb-init", "--", "!", "{", "}", "then", "do", "else", "if", "while", "until", "elif",
        };

        /// <summary>Programs that decide nothing by themselves: setup, output, waiting, client calls.</summary>
        private static readonly HashSet<string> Inert = new HashSet<string>(StringComparer.Ordinal)
        {
            "echo", "printf", "cat", "ls", "cd", "pwd", "mkdir", "cp", "mv", "rm", "ln", "chmod", "chown", "touch", "export", "set", "unset", "source", ".",
            "true", "false", ":", "test", "[", "[[", "date", "env", "pip", "pip3", "apt-get", "apt", "yum", "apk", "conda", "wait", "trap", "exit", "fi", "done", "for", "in", "case", "esac",
            "curl", "wget", "ping", "nc", "tee", "grep", "sed", "awk", "head", "wc", "hostname", "whoami", "id", "df", "du", "free", "nproc", "lscpu", "ulimit", "sync", "return", "local",
            "break", "continue", "read", "eval", "sleep", "tail",
        };

        /// <summary>Model servers started by a program name (the last path segment of the first word).</summary>
        private static readonly Dictionary<string, string> ServerPrograms = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text-generation-launcher"] = "TGI",
            ["tritonserver"] = "Triton",
            ["torchserve"] = "TorchServe",
            ["tensorflow_model_server"] = "TensorFlow Serving",
            ["text-embeddings-router"] = "TEI",
            ["llama-server"] = "llama.cpp",
            ["trtllm-serve"] = "TensorRT-LLM",
            ["local-ai"] = "LocalAI",
        };

        /// <summary>Generic web servers: a server process, though not a model server by name.</summary>
        private static readonly HashSet<string> WebServers = new HashSet<string>(StringComparer.Ordinal) { "uvicorn", "gunicorn", "hypercorn" };

        private static readonly HashSet<string> Profilers = new HashSet<string>(StringComparer.Ordinal)
        {
            "nsys", "ncu", "nv-nsight-cu-cli", "nvprof", "rocprof", "rocprofv2", "rocprofv3", "omniperf", "dcgmi",
        };

        private static readonly HashSet<string> Compilers = new HashSet<string>(StringComparer.Ordinal)
        {
            "neuron_parallel_compile", "neuronx-cc", "trtllm-build",
        };

        private static readonly HashSet<string> BenchmarkClients = new HashSet<string>(StringComparer.Ordinal)
        {
            "genai-perf", "perf_analyzer", "guidellm", "locust", "k6", "wrk", "hey", "ab", "llmperf", "inference-perf",
        };

        /// <summary>GPU and accelerator checks that print and exit.</summary>
        private static readonly HashSet<string> Diagnostics = new HashSet<string>(StringComparer.Ordinal)
        {
            "nvidia-smi", "rocm-smi", "amd-smi", "neuron-ls", "neuron-top", "deviceQuery", "nvcc", "clinfo",
        };

        private static readonly HashSet<string> TrainingLaunchers = new HashSet<string>(StringComparer.Ordinal)
        {
            "torchrun", "deepspeed", "horovodrun", "composer",
        };

        /// <summary>Training CLIs that take a subcommand: <c>accelerate launch</c>, <c>tune run</c>, <c>llamafactory-cli train</c>.</summary>
        private static readonly (string Program, string Subcommand)[] TrainingCommands =
        {
            ("accelerate", "launch"), ("tune", "run"), ("llamafactory-cli", "train"), ("axolotl", "train"), ("ms-swift", "sft"), ("swift", "sft"), ("swift", "pt"), ("swift", "rlhf"),
        };

        /// <summary>Python modules and what running them with <c>-m</c> does.</summary>
        private static readonly (string Prefix, Activity Activity, string? Server)[] Modules =
        {
            ("vllm.entrypoints.openai.api_server", Activity.Serving, "vLLM"),
            ("vllm.entrypoints.api_server", Activity.Serving, "vLLM"),
            ("vllm.entrypoints.openai.run_batch", Activity.Serving, "vLLM"),
            ("sglang.launch_server", Activity.Serving, "SGLang"),
            ("sglang.bench", Activity.Benchmark, null),
            ("vllm.benchmarks", Activity.Benchmark, null),
            ("torch.distributed.run", Activity.Training, null),
            ("torch.distributed.launch", Activity.Training, null),
            ("deepspeed.launcher", Activity.Training, null),
            ("accelerate.commands.launch", Activity.Training, null),
            ("axolotl.cli.train", Activity.Training, null),
            ("llamafactory", Activity.Training, null),
            ("huggingface_hub", Activity.OneShot, null),
            ("lmdeploy", Activity.Serving, "LMDeploy"),
            ("mlserver", Activity.Serving, "MLServer"),
        };

        /// <summary>Ollama's CLI: <c>serve</c> runs the server, every other subcommand talks to one and exits.</summary>
        private static readonly HashSet<string> OllamaOneShot = new HashSet<string>(StringComparer.Ordinal) { "pull", "run", "create", "push", "list", "ls", "cp", "rm", "show", "ps", "stop" };

        /// <summary>NIM utilities that fill the model cache or list profiles and exit, run as the image's arguments.</summary>
        private static readonly HashSet<string> NimUtilities = new HashSet<string>(StringComparer.Ordinal) { "download-to-cache", "list-model-profiles", "create-model-store", "nim_download_to_cache", "nim_list_model_profiles" };

        /// <summary>
        /// Judges one container. <paramref name="entrypoint"/> replaces the image's entrypoint (Kubernetes
        /// <c>command</c>, compose <c>entrypoint</c>); <paramref name="arguments"/> replace its default arguments
        /// (Kubernetes <c>args</c>, compose <c>command</c>).
        /// </summary>
        public static ActivityJudgement Judge(string? image, IReadOnlyList<string> entrypoint, IReadOnlyList<string> arguments)
        {
            string? imageServer = InferenceServers.ServerForImage(image);
            if (entrypoint.Count == 0 && arguments.Count == 0)
                return imageServer is null
                    ? new ActivityJudgement(Activity.Unknown, "no command")
                    : new ActivityJudgement(Activity.Serving, $"{imageServer} image {image}", imageServer);

            if (entrypoint.Count == 0)
            {
                // The image's entrypoint stays and receives these words: server flags for vLLM, TGI or TEI,
                // a subcommand for Ollama and NIM, a whole command for images whose entrypoint only execs its arguments.
                string first = arguments[0].Trim().Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
                if (imageServer == "Ollama" && first.Length > 0)
                {
                    if (first == "serve") return new ActivityJudgement(Activity.Serving, $"Ollama image {image} with serve", imageServer);
                    if (OllamaOneShot.Contains(first)) return new ActivityJudgement(Activity.OneShot, $"ollama {first} on image {image}");
                }
                if (imageServer is not null && NimUtilities.Contains(first))
                    return new ActivityJudgement(Activity.OneShot, $"{first} on image {image}");
                var asCommand = JudgeCommandLine(arguments);
                if (asCommand.Activity != Activity.Unknown && !first.StartsWith("-", StringComparison.Ordinal)) return asCommand;
                return imageServer is not null
                    ? new ActivityJudgement(Activity.Serving, $"{imageServer} image {image} (its entrypoint with the given arguments)", imageServer)
                    : asCommand;
            }

            var judged = JudgeCommandLine(entrypoint.Concat(arguments).ToArray());
            if (judged.Activity == Activity.Serving && judged.Server is null && imageServer is not null)
                return judged with { Server = imageServer };
            if (judged.Activity == Activity.Unknown && imageServer is not null)
                return new ActivityJudgement(Activity.Unknown, $"{imageServer} image {image} with its entrypoint replaced by '{Shorten(string.Join(" ", entrypoint))}'", imageServer);
            return judged;
        }

        /// <summary>
        /// The role a workload's containers give it, or null when they give none. Training wins (a trainer with a
        /// sidecar); a model server serves (in a Job or CronJob it is batch inference); a known server image whose
        /// entrypoint is replaced by something unrecognised serves only where it declares ports on a long-running
        /// workload, and in a batch workload it runs batch work on the engine.
        /// </summary>
        public static (WorkloadRole Role, string Reason)? Role(IReadOnlyList<(ActivityJudgement Judgement, bool HasPorts)> containers, bool isLongRunning, bool isBatch)
        {
            foreach (var (judgement, _) in containers)
                if (judgement.Activity == Activity.Training) return (WorkloadRole.Training, judgement.Reason);
            foreach (var (judgement, _) in containers)
                if (judgement.Activity == Activity.Serving && judgement.Server is not null)
                    return (isBatch ? WorkloadRole.BatchInference : WorkloadRole.Inference, judgement.Reason);
            foreach (var (judgement, hasPorts) in containers)
            {
                if (judgement.Activity != Activity.Unknown || judgement.Server is null) continue;
                if (isLongRunning && hasPorts) return (WorkloadRole.Inference, judgement.Reason + ", serving on its declared ports");
                if (isBatch) return (WorkloadRole.BatchInference, judgement.Reason);
            }
            return null;
        }

        /// <summary>
        /// Why a workload a trainer kind names does not train, or null when it may: its containers profile,
        /// compile, benchmark or run a one-shot task, and the others only wait or run something unrecognised.
        /// </summary>
        public static string? NotTraining(IEnumerable<ActivityJudgement> containers)
        {
            var all = containers.ToList();
            if (all.Any(j => j.Activity is Activity.Training or Activity.Serving)) return null;
            return all.FirstOrDefault(j => j.Activity is Activity.Profiling or Activity.Compilation or Activity.Benchmark or Activity.OneShot)?.Reason;
        }

        /// <summary>Judges a command line as written (exec form words, or a shell script after <c>sh -c</c>).</summary>
        public static ActivityJudgement JudgeCommandLine(IReadOnlyList<string> words)
        {
            var commands = new List<string[]>();
            Split(words, commands, 0);
            ActivityJudgement? best = null;
            bool unknownProgram = false, waits = false;
            foreach (var command in commands)
            {
                var judged = JudgeCommand(command, out bool inert, out bool idle);
                waits |= idle;
                if (judged is null)
                {
                    unknownProgram |= !inert;
                    continue;
                }
                if (best is null || Rank(judged.Activity) > Rank(best.Activity)) best = judged;
            }
            // A download or a GPU check next to a program InfraLint does not know says nothing about that program.
            if (best is not null && !(unknownProgram && Rank(best.Activity) <= Rank(Activity.OneShot))) return best;
            if (best is null && waits && !unknownProgram) return new ActivityJudgement(Activity.Idle, $"command '{Shorten(string.Join(" ", words))}' only waits");
            return new ActivityJudgement(Activity.Unknown, $"command '{Shorten(string.Join(" ", words))}'");
        }

        /// <summary>A script to judge as one command line, e.g. a RayJob's <c>entrypoint</c>.</summary>
        public static ActivityJudgement JudgeScript(string script) => JudgeCommandLine(new[] { "sh", "-c", script });

        private static int Rank(Activity activity) => activity switch
        {
            Activity.Profiling => 7,
            Activity.Serving => 6,
            Activity.Training => 5,
            Activity.Compilation => 4,
            Activity.Benchmark => 3,
            Activity.OneShot => 2,
            Activity.Idle => 1,
            _ => 0,
        };

        /// <summary>Splits words into simple commands, opening <c>sh -c 'script'</c> into the script's commands.</summary>
        private static void Split(IReadOnlyList<string> words, List<string[]> into, int depth)
        {
            if (words.Count == 0 || depth > 4) return;
            string program = Program(words[0]);
            if (Shells.Contains(program))
            {
                for (int i = 1; i < words.Count; i++)
                {
                    string w = words[i];
                    if (w.StartsWith("-", StringComparison.Ordinal) && w.IndexOf('c') > 0 && !w.StartsWith("--", StringComparison.Ordinal))
                    {
                        if (i + 1 < words.Count) SplitScript(words[i + 1], into, depth);
                        return;
                    }
                    if (!w.StartsWith("-", StringComparison.Ordinal))
                    {
                        // A script file: judged by its name and arguments.
                        into.Add(words.Skip(i).ToArray());
                        return;
                    }
                }
                return;
            }
            if (words.Count == 1 && words[0].IndexOfAny(new[] { ' ', ';', '\n', '&', '|' }) >= 0)
            {
                // One word holding a whole command line (compose's string form, a single-element command list).
                SplitScript(words[0], into, depth);
                return;
            }
            into.Add(words.ToArray());
        }

        private static void SplitScript(string script, List<string[]> into, int depth)
        {
            foreach (var line in script.Split(new[] { '\n', ';', '&', '|', '(', ')', '`' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var tokens = line.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => t.Trim('"', '\'', '\\'))
                    .Where(t => t.Length > 0)
                    .ToArray();
                if (tokens.Length == 0 || tokens[0].StartsWith("#", StringComparison.Ordinal)) continue;
                if (Shells.Contains(Program(tokens[0]))) Split(tokens, into, depth + 1);
                else into.Add(tokens);
            }
        }

        private static string Program(string word) => word.Substring(word.LastIndexOf('/') + 1).Trim().ToLowerInvariant();

        /// <summary>Judges one simple command; null when it decides nothing (inert or unknown).</summary>
        private static ActivityJudgement? JudgeCommand(string[] command, out bool inert, out bool idle)
        {
            inert = false;
            idle = false;
            int start = 0;
            while (start < command.Length && (Prefixes.Contains(command[start]) || IsAssignment(command[start]))) start++;
            if (start >= command.Length)
            {
                inert = true;
                return null;
            }
            var words = command.Skip(start).ToArray();
            string program = Program(words[0]);
            string line = string.Join(" ", words);
            string? next = words.Length > 1 ? words[1] : null;

            if (program == "sleep" || (program == "tail" && words.Contains("-f")) || program == "pause")
            {
                inert = idle = true;
                return null;
            }
            if (Profilers.Contains(program) || program.StartsWith("dcgmproftester", StringComparison.Ordinal))
                return new ActivityJudgement(Activity.Profiling, $"profiler {program}");
            if (Compilers.Contains(program) || (program == "optimum-cli" && next == "export"))
                return new ActivityJudgement(Activity.Compilation, $"compilation '{Shorten(line)}'");
            if (Benchmarks.Describe(Array.Empty<string>(), new[] { words[0] }) is string benchmark)
                return new ActivityJudgement(Activity.Benchmark, $"benchmark {benchmark}");
            if (BenchmarkClients.Contains(program))
                return new ActivityJudgement(Activity.Benchmark, $"benchmark client {program}");
            if (Diagnostics.Contains(program))
                return new ActivityJudgement(Activity.OneShot, $"GPU check {program}");
            if (program == "vllm")
            {
                if (next == "serve") return new ActivityJudgement(Activity.Serving, "vLLM command vllm serve", "vLLM");
                if (next == "run-batch") return new ActivityJudgement(Activity.Serving, "vLLM command vllm run-batch", "vLLM");
                if (next == "bench") return new ActivityJudgement(Activity.Benchmark, "benchmark client vllm bench");
                return next is null ? null : new ActivityJudgement(Activity.OneShot, $"vllm {next}");
            }
            if (program == "ollama" && next is not null)
                return next == "serve" ? new ActivityJudgement(Activity.Serving, "Ollama command ollama serve", "Ollama")
                    : OllamaOneShot.Contains(next) ? new ActivityJudgement(Activity.OneShot, $"ollama {next}") : null;
            if (ServerPrograms.TryGetValue(program, out var server))
                return new ActivityJudgement(Activity.Serving, $"{server} command {program}", server);
            if ((program is "lmdeploy" && next == "serve") || (program is "mlserver" && next == "start") || (program is "serve" && next == "run") || (program is "sglang" && next == "serve"))
                return new ActivityJudgement(Activity.Serving, $"server command {program} {next}", program switch { "lmdeploy" => "LMDeploy", "mlserver" => "MLServer", "sglang" => "SGLang", _ => "Ray Serve" });
            if (WebServers.Contains(program))
                return new ActivityJudgement(Activity.Serving, $"web server {program}");
            if (TrainingLaunchers.Contains(program))
                return LaunchedBy(program, words.Skip(1).ToArray());
            foreach (var (cli, sub) in TrainingCommands)
                if (program == cli && next == sub) return new ActivityJudgement(Activity.Training, $"training entry point {cli} {sub}");
            if ((program is "huggingface-cli" or "hf") && next == "download")
                return new ActivityJudgement(Activity.OneShot, $"model download {program} download");
            if (program is "mpirun" or "mpiexec" or "srun")
                return LaunchedBy(program, words.Skip(1).ToArray(), requirePython: true);
            if (IsPython(program))
                return JudgePython(words);
            if (program.EndsWith(".sh", StringComparison.Ordinal) || program.EndsWith(".py", StringComparison.Ordinal))
                return ByScriptName(program);
            inert = Inert.Contains(program);
            return null;
        }

        /// <summary>
        /// A launcher (torchrun, deepspeed, mpirun) trains unless the program it starts is a benchmark or a profiler;
        /// mpirun and srun launch anything, so they count only when they start Python.
        /// </summary>
        private static ActivityJudgement? LaunchedBy(string launcher, string[] rest, bool requirePython = false)
        {
            for (int i = 0; i < rest.Length; i++)
            {
                string program = Program(rest[i]);
                if (Benchmarks.Describe(Array.Empty<string>(), new[] { rest[i] }) is string benchmark)
                    return new ActivityJudgement(Activity.Benchmark, $"benchmark {benchmark} under {launcher}");
                if (Profilers.Contains(program)) return new ActivityJudgement(Activity.Profiling, $"profiler {program} under {launcher}");
                if (IsPython(program))
                    return JudgePython(rest.Skip(i).ToArray()) is { Activity: not Activity.Unknown } inner && inner.Activity != Activity.Training
                        ? inner
                        : new ActivityJudgement(Activity.Training, $"training entry point {launcher}");
                if (program.EndsWith(".py", StringComparison.Ordinal))
                    return ByScriptName(program) is { Activity: not Activity.Training } byName
                        ? byName
                        : new ActivityJudgement(Activity.Training, $"training entry point {launcher}");
            }
            return requirePython ? null : new ActivityJudgement(Activity.Training, $"training entry point {launcher}");
        }

        private static ActivityJudgement? JudgePython(string[] words)
        {
            for (int i = 1; i < words.Length; i++)
            {
                string w = words[i];
                if (w == "-m" && i + 1 < words.Length)
                {
                    string module = words[i + 1];
                    foreach (var (prefix, activity, server) in Modules)
                        if (module.StartsWith(prefix, StringComparison.Ordinal))
                            return new ActivityJudgement(activity, $"python -m {module}", server);
                    return ByScriptName(module.Replace('.', '_'));
                }
                if (w == "-c") return null;
                if (w.StartsWith("-", StringComparison.Ordinal)) continue;
                return ByScriptName(Program(w));
            }
            return null;
        }

        /// <summary>
        /// What a script's name says: <c>benchmark_serving.py</c> benchmarks, <c>train.py</c> or <c>finetune.py</c>
        /// trains (not <c>download_pretrained.py</c>), <c>download_model.py</c> downloads. Anything else is unknown.
        /// </summary>
        private static ActivityJudgement? ByScriptName(string name)
        {
            string n = name.ToLowerInvariant();
            if (n.Contains("bench") || n.Contains("load_test") || n.Contains("loadtest"))
                return new ActivityJudgement(Activity.Benchmark, $"benchmark script {name}");
            if (n.Contains("profil"))
                return new ActivityJudgement(Activity.Profiling, $"profiling script {name}");
            if ((n.Contains("train") && !n.Contains("pretrained")) || n.Contains("finetun") || n.Contains("fine_tun") || n.Contains("fine-tun"))
                return new ActivityJudgement(Activity.Training, $"training script {name}");
            if (n.Contains("download"))
                return new ActivityJudgement(Activity.OneShot, $"download script {name}");
            return null;
        }

        private static bool IsPython(string program) =>
            program == "python" || program == "python3" || program.StartsWith("python3.", StringComparison.Ordinal) || program == "pypy3";

        private static bool IsAssignment(string word)
        {
            int eq = word.IndexOf('=');
            return eq > 0 && !word.StartsWith("-", StringComparison.Ordinal) && word.Substring(0, eq).All(c => char.IsLetterOrDigit(c) || c == '_');
        }

        private static string Shorten(string text)
        {
            text = text.Replace('\n', ' ').Trim();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }
    }
}
