using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Platforms.Kubernetes;

namespace InfraLint.Platforms.Compose
{
    /// <summary>
    /// Reads a docker-compose file's services as compute workloads with one container each. Compose
    /// spells Kubernetes concepts differently (network_mode: host is hostNetwork, security_opt
    /// no-new-privileges is allowPrivilegeEscalation: false, a GPU device reservation is an exclusive
    /// allocation), and the facts carry the Kubernetes meaning so rules need not know the difference. What
    /// differs in the reader's vocabulary travels in the facts too: <see cref="Spelling"/> names the compose keys
    /// messages quote, and <see cref="ComputeWorkload.WorkstationStack"/> says a stack without Swarm deployment is
    /// taken to run on a developer's workstation.
    /// </summary>
    public sealed class ComposeMapper
    {
        /// <summary>Compose-only keys; a document with <c>services</c> and none of these is still compose if a service has an image or build.</summary>
        private static readonly string[] ServiceKeys = { "image", "build", "command", "environment", "deploy", "ports" };

        /// <summary>The compose keys messages quote; checked 2026-11-30 against https://docs.docker.com/reference/compose-file/services/.</summary>
        public static readonly SettingSpelling Spelling = new SettingSpelling
        {
            Host = "host",
            Escalation = "security_opt: no-new-privileges",
            EscalationForbidden = "security_opt: [no-new-privileges:true]",
            EscalationAllowed = "security_opt: [no-new-privileges:false]",
            EscalationDefault = "Docker does not restrict new privileges unless asked",
            EscalationFix = "Add no-new-privileges:true to security_opt",
            User = "user",
            ContainerUserScope = "its service",
            InheritedUserScope = "its service",
            NoNonRootUser = "sets no user:",
            ImageUserDefault = "so it runs as the user its image names, root unless the image's Dockerfile sets USER",
            HostNetwork = "network_mode: host",
            HostPid = "pid: host",
            HostIpc = "ipc: host",
            HealthCheck = "healthcheck:",
            // Docker only reports an unhealthy container; it is Swarm that replaces unhealthy tasks and holds traffic
            // back until a task is healthy, and depends_on's service_healthy condition that waits for it.
            HealthCheckConsequence = "so nothing can wait for the model to load (depends_on with condition: service_healthy, Swarm's routing) and Swarm cannot replace it when it hangs; a HEALTHCHECK in the image would do, but the image is not visible here",
            CpuLimit = "deploy.resources.limits.cpus",
            MemoryLimit = "deploy.resources.limits.memory (or mem_limit)",
        };

        /// <summary>
        /// <c>deploy</c> keys only a Swarm (or another orchestrator of several hosts) acts on: where to place
        /// replicas, one per node, how to roll out and back. <c>docker compose up</c> on one machine ignores them.
        /// </summary>
        private static readonly string[] SwarmDeployKeys = { "placement", "update_config", "rollback_config" };

        private readonly TreeFacts _y;

        public ComposeMapper(SourceText source) => _y = new TreeFacts(source);

        public static bool IsCompose(TreeMapping root) =>
            root.Get("apiVersion") is null
            && root.Map("services") is { } services
            && services.Entries().Any(s => s.Value is TreeMapping m && ServiceKeys.Any(k => m.Get(k) is not null));

        public IEnumerable<object> Read(TreeMapping root)
        {
            // A stack is deployed as a whole, so one service's Swarm deployment makes the whole file production.
            string? workstation = root.Map("services").Entries().Any(e => e.Value is TreeMapping m && DeclaresSwarm(m.Map("deploy")))
                ? null
                : "a compose stack that declares no Swarm deployment (deploy.placement, deploy.mode: global, deploy.replicas above 1, update_config or rollback_config) runs on one machine, taken to be a developer's";
            foreach (var (name, keyNode, value) in root.Map("services").Entries())
            {
                if (value is not TreeMapping service) continue;
                var workload = ReadService(name, keyNode, service);
                workload.WorkstationStack = workstation;
                yield return workload;
                // Labels carry the infralint.dev/* profile keys in compose, as annotations do in Kubernetes.
                if (DiscardedLogs(workload, service) is { } discarded) yield return discarded;
                foreach (var fact in WorkloadSpec.WorkloadSpecMapper.FromAnnotations(workload, service.Map("labels")))
                    yield return fact;
            }
        }

        private ComputeWorkload ReadService(string name, TreeScalar keyNode, TreeMapping s)
        {
            string path = "services." + name;
            var span = _y.Span(keyNode);
            var labels = s.Get("labels") is TreeSequence labelList ? ListMap(labelList, path + ".labels") : _y.Map(s.Map("labels"), path + ".labels");
            // Compose projects have no namespaces; an empty namespace keeps namespace-scoped rules out.
            var workload = new ComputeWorkload(SourceFormat.Compose, "service", name, string.Empty, span)
            {
                // What fingerprints of findings about a service have always been based on; see CloudFormationMapper.
                NamePath = "metadata.name",
                Labels = labels,
                Annotations = labels,
                LabelEdit = s.Setter("labels") is { } setLabel ? key => setLabel(key)! : _ => null!,
                // Compose has no collector discovery: Prometheus scrapes compose services from its own static configuration.
                MetricsCollectedElsewhere = "the collector's own scrape configuration",
                Spelling = Spelling,
            };
            var deploy = s.Map("deploy");
            workload.Replicas = deploy is null ? Located<int?>.Missing(span, path + ".deploy.replicas", s.EditAt("deploy", "replicas")) : _y.Int(deploy, path + ".deploy", span, "replicas");

            var anchor = span;
            var pod = new PodTemplate(workload, "service", anchor, path)
            {
                HostNetwork = HostMode(s, "network_mode", path, anchor),
                HostPid = HostMode(s, "pid", path, anchor),
                HostIpc = HostMode(s, "ipc", path, anchor),
                SecurityContext = new SecurityContext
                {
                    Privileged = Located<bool?>.Missing(anchor, path + ".privileged"),
                    AllowPrivilegeEscalation = Located<bool?>.Missing(anchor, path + ".security_opt"),
                    RunAsNonRoot = Located<bool?>.Missing(anchor, path + ".user"),
                    RunAsUser = Located<long?>.Missing(anchor, path + ".user"),
                },
            };

            var container = new Container(pod, Located<string>.Present(name, span, path), span, path, isInit: false)
            {
                Image = _y.String(s, path, span, "image"),
                ImageBuiltFromSource = s.Get("build") is null ? null : "compose builds it from its build: context and tags it with this name",
                Command = Words(s.Get("entrypoint")).Concat(Words(s.Get("command"))).ToArray(),
                Args = CommandArgs(s.Get("command"), path + ".command", span),
                Env = ReadEnvironment(s.Get("environment"), path + ".environment"),
                Ports = ReadPorts(s.Seq("ports")),
                Resources = ReadResources(s, deploy, path, span),
                SecurityContext = ReadSecurity(s, path, span),
            };
            var health = s.Map("healthcheck");
            if (health is not null && TreeValues.Bool(health.Scalar("disable")) != true)
            {
                var healthSpan = _y.Span(s.KeyNode("healthcheck")!);
                container.ReadinessProbe = healthSpan;
                container.LivenessProbe = healthSpan;
            }
            pod.Containers = new[] { container };
            workload.Pods = new[] { pod };
            workload.IsLongRunning = false; // compose has no horizontal autoscaler to target a service

            if (InferenceServers.ParseRole(labels.TryGetValue("infralint.dev/role", out var role) ? role.Value : null) is WorkloadRole annotated)
            {
                workload.Role = annotated;
                workload.RoleReason = "label infralint.dev/role";
            }
            else
            {
                // entrypoint replaces the image's entrypoint and command only its arguments, as Kubernetes command and args.
                var judged = WorkloadActivity.Judge(container.Image.Value, CommandLine(s.Get("entrypoint")), CommandLine(s.Get("command")));
                // A compose service runs until stopped (restart policies aside), so declared ports count as serving.
                if (WorkloadActivity.Role(new[] { (judged, container.Ports.Count > 0) }, isLongRunning: true, isBatch: false) is var (byActivity, reason))
                {
                    workload.Role = byActivity;
                    workload.RoleReason = reason;
                }
                else if (judged.IsNotServing)
                {
                    workload.RoleReason = "no role: it runs " + judged.Reason;
                }
            }
            return workload;
        }

        /// <summary>
        /// Replicas above one also count: several copies of a service are a serving pattern, not a developer's
        /// single instance. <c>replicas: 1</c> says nothing (it is the default).
        /// </summary>
        private static bool DeclaresSwarm(TreeMapping? deploy)
        {
            if (deploy is null) return false;
            if (SwarmDeployKeys.Any(k => deploy.Get(k) is not null)) return true;
            if (deploy.Str("mode") is string mode && mode.StartsWith("global", StringComparison.Ordinal)) return true;
            return deploy.Str("replicas") is string replicas && int.TryParse(replicas, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 1;
        }

        /// <summary>
        /// <c>logging: {driver: none}</c> on a model server throws away its request log, the only record of
        /// what it was asked and answered: an audit gap (IL4001). Other drivers keep the log somewhere.
        /// </summary>
        private AuditLog? DiscardedLogs(ComputeWorkload workload, TreeMapping service)
        {
            if (workload.Role != WorkloadRole.Inference) return null;
            var driver = service.Map("logging").Scalar("driver");
            if (driver is null || TreeValues.Text(driver) != "none") return null;
            string path = $"services.{workload.Name}.logging.driver";
            return new AuditLog(SourceFormat.Compose, "service", workload.Name, workload.Namespace, workload.Span, $"requests served by the model server '{workload.Name}' (its container log)")
            {
                Labels = workload.Labels,
                Enabled = Located<bool?>.Present(false, _y.Span(driver), path),
            };
        }

        private Located<bool?> HostMode(TreeMapping s, string key, string path, SourceSpan anchor)
        {
            var node = s.Scalar(key);
            if (node is null || TreeValues.Text(node) is not string text) return Located<bool?>.Missing(anchor, $"{path}.{key}");
            // Only "host" shares the host namespace; "service:x" or "container:x" share another container's.
            return Located<bool?>.Present(text == "host", _y.Span(node), $"{path}.{key}");
        }

        private SecurityContext ReadSecurity(TreeMapping s, string path, SourceSpan anchor)
        {
            var opts = s.Seq("security_opt");
            // The last no-new-privileges entry wins, as Docker reads the list; a bare one means true.
            var noNewPrivileges = opts?.Items.OfType<TreeScalar>()
                .LastOrDefault(o => TreeValues.Text(o) is string t && t.StartsWith("no-new-privileges", StringComparison.Ordinal));
            Located<bool?> escalation;
            if (noNewPrivileges is null)
                escalation = Located<bool?>.Missing(anchor, path + ".security_opt", s.Editor?.AppendTo(s, "security_opt", "no-new-privileges:true", false));
            else if (noNewPrivileges.IsUnknown || TreeValues.Text(noNewPrivileges)!.Contains('$'))
                escalation = Located<bool?>.Unknown(_y.Span(noNewPrivileges), path + ".security_opt");
            else
            {
                string t = TreeValues.Text(noNewPrivileges)!;
                string value = t.Length > "no-new-privileges".Length ? t.Substring("no-new-privileges".Length + 1) : "true";
                escalation = TreeValues.Bool(value, isPlain: true) is bool on
                    ? Located<bool?>.Present(!on, _y.Span(noNewPrivileges), path + ".security_opt")
                    : Located<bool?>.Unknown(_y.Span(noNewPrivileges), path + ".security_opt");
            }

            var userNode = s.Scalar("user");
            Located<long?> runAsUser;
            if (userNode is not null && (userNode.IsUnknown || TreeValues.Text(userNode) is string interpolated && interpolated.Contains('$')))
            {
                // "${UID}:${GID}" is the developer's own user, decided when the stack starts.
                runAsUser = Located<long?>.Unknown(_y.Span(userNode), path + ".user");
            }
            else if (userNode is not null && TreeValues.Text(userNode) is string user)
            {
                string uid = user.Split(':')[0];
                long? id = uid == "root" ? 0 : long.TryParse(uid, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : (long?)null;
                // A named non-root user ("app") cannot be resolved here; treat it as non-root, which is what naming one means.
                runAsUser = Located<long?>.Present(id ?? 65534, _y.Span(userNode), path + ".user");
            }
            else
            {
                runAsUser = Located<long?>.Missing(anchor, path + ".user");
            }

            return new SecurityContext
            {
                Privileged = _y.Bool(s, path, anchor, "privileged"),
                AllowPrivilegeEscalation = escalation,
                RunAsNonRoot = Located<bool?>.Missing(anchor, path + ".user"),
                RunAsUser = runAsUser,
            };
        }

        /// <summary>
        /// GPU device reservations are exclusive allocations, so they count as both request and limit;
        /// <c>deploy.resources.limits</c> gives cpu and memory limits.
        /// </summary>
        private ResourceRequirements ReadResources(TreeMapping s, TreeMapping? deploy, string path, SourceSpan anchor)
        {
            var requests = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            var limits = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            var resources = deploy.Map("resources");
            var limitsNode = resources.Map("limits");
            // deploy.resources.limits is the compose-spec form; cpus and mem_limit on the service are the older
            // (file format 2) form that docker compose still applies. Either sets the limit.
            Limit(limits, "cpu", limitsNode.Scalar("cpus"), path + ".deploy.resources.limits.cpus");
            Limit(limits, "cpu", s.Scalar("cpus"), path + ".cpus");
            Limit(limits, "memory", limitsNode.Scalar("memory"), path + ".deploy.resources.limits.memory");
            Limit(limits, "memory", s.Scalar("mem_limit"), path + ".mem_limit");

            int devices = 0;
            SourceSpan? deviceSpan = null;
            foreach (var device in resources.Map("reservations").Seq("devices")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
            {
                bool gpu = device.Str("driver") == "nvidia" || device.Seq("capabilities")?.Items.OfType<TreeScalar>().Any(x => x.Value == "gpu") == true;
                if (!gpu) continue;
                var countNode = device.Scalar("count");
                var ids = device.Seq("device_ids");
                int count = ids is not null ? ids.Count
                    : TreeValues.Text(countNode) is string text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n
                    : 1; // "all" or absent: at least one GPU; the host decides how many
                devices += count;
                deviceSpan ??= countNode is not null ? _y.Span(countNode) : ids is not null ? _y.Head(ids) : _y.Head(device);
            }
            if (s.Scalar("gpus") is { } gpusNode && TreeValues.Text(gpusNode) is string gpus)
            {
                devices += int.TryParse(gpus, NumberStyles.Integer, CultureInfo.InvariantCulture, out int g) ? g : 1;
                deviceSpan ??= _y.Span(gpusNode);
            }
            if (devices > 0)
            {
                var located = Located<string>.Present(devices.ToString(CultureInfo.InvariantCulture), deviceSpan!, path + ".deploy.resources.reservations.devices");
                requests["nvidia.com/gpu"] = located;
                limits["nvidia.com/gpu"] = located;
            }

            var resourcesAnchor = deploy?.KeyNode("resources") is { } rk ? _y.Span(rk) : s.KeyNode("deploy") is { } dk ? _y.Span(dk) : anchor;
            return new ResourceRequirements(requests, limits, resourcesAnchor,
                LimitEdit(s.EditAt("deploy", "resources", "limits", "cpus"), s.EditAt("deploy", "resources", "limits", "memory")));
        }

        /// <summary>
        /// Sets <c>deploy.resources.limits.cpus</c> or <c>.memory</c>. The targets are made now: the setter lives as long as the
        /// fact, and one that kept the service's mapping would keep the file's whole tree and YAML with it.
        /// </summary>
        private static Func<string, Core.Fixes.EditTarget?> LimitEdit(Core.Fixes.EditTarget? cpu, Core.Fixes.EditTarget? memory) =>
            name => name switch
            {
                "cpu" => cpu,
                "memory" => memory,
                _ => null,
            };

        /// <summary>An interpolated limit (<c>mem_limit: ${MEM_LIMIT}</c>) is set, to a value decided when the stack starts.</summary>
        private void Limit(Dictionary<string, Located<string>> limits, string name, TreeScalar? node, string path)
        {
            if (node is null || limits.ContainsKey(name)) return;
            if (node.IsUnknown || TreeValues.Text(node) is not string text) return;
            limits[name] = text.Contains('$') ? Located<string>.Unknown(_y.Span(node), path) : Located<string>.Present(text, _y.Span(node), path);
        }

        private List<EnvVar> ReadEnvironment(TreeNode? env, string path)
        {
            var result = new List<EnvVar>();
            if (env is TreeMapping map)
            {
                foreach (var (key, keyNode, value) in map.Entries())
                {
                    var name = Located<string>.Present(key, _y.Span(keyNode), $"{path}.{key}");
                    var v = value is TreeScalar sv && TreeValues.Text(sv) is string text
                        ? Located<string?>.Present(text, _y.Span(sv), $"{path}.{key}")
                        : Located<string?>.Missing(name.Span, $"{path}.{key}");
                    result.Add(new EnvVar(name, v, null));
                }
            }
            else if (env is TreeSequence list)
            {
                int i = 0;
                foreach (var item in list.Items.OfType<TreeScalar>())
                {
                    string itemPath = $"{path}[{i++}]";
                    if (TreeValues.Text(item) is not string text) continue;
                    var span = _y.Span(item);
                    int eq = text.IndexOf('=');
                    string key = eq < 0 ? text : text.Substring(0, eq);
                    // "KEY=value": the value's span starts after '=' (plus the opening quote when the item is quoted).
                    int quote = item.IsPlain ? 0 : 1;
                    var name = Located<string>.Present(key, _y.Source.Span(span.StartOffset + quote, span.StartOffset + quote + key.Length), itemPath);
                    var value = eq < 0
                        ? Located<string?>.Missing(span, itemPath)
                        : Located<string?>.Present(text.Substring(eq + 1), _y.Source.Span(span.StartOffset + quote + eq + 1, Math.Max(span.StartOffset + quote + eq + 1, span.EndOffset - quote)), itemPath);
                    result.Add(new EnvVar(name, value, null));
                }
            }
            return result;
        }

        private Dictionary<string, Located<string>> ListMap(TreeSequence list, string path)
        {
            var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var item in list.Items.OfType<TreeScalar>())
            {
                if (TreeValues.Text(item) is not string text) continue;
                int eq = text.IndexOf('=');
                if (eq > 0) result[text.Substring(0, eq)] = Located<string>.Present(text.Substring(eq + 1), _y.Span(item), path);
            }
            return result;
        }

        private static int[] ReadPorts(TreeSequence? ports)
        {
            var result = new List<int>();
            foreach (var item in ports.ItemsOrEmpty())
            {
                // "8000", "8080:8000", "127.0.0.1:8080:8000/tcp", or the long form {target: 8000}.
                string? text = item is TreeScalar s ? TreeValues.Text(s) : (item as TreeMapping).Str("target");
                if (text is null) continue;
                string container = text.Split('/')[0].Split(':').Last();
                if (int.TryParse(container.Split('-')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536)
                    result.Add(port);
            }
            return result.ToArray();
        }

        /// <summary>A command as written: the list form's words, or the string form whole (compose splits it as a shell would, quotes included).</summary>
        private static string[] CommandLine(TreeNode? node) => node switch
        {
            TreeScalar s when TreeValues.Text(s) is string text && text.Trim().Length > 0 => new[] { text },
            TreeSequence => Words(node).ToArray(),
            _ => Array.Empty<string>(),
        };

        /// <summary>
        /// The command's words at their places: each item of a list form, or the words of the string form at the string
        /// (compose splits it as a shell would, so one word has no place of its own to point at). The logical path stays
        /// <c>services.X.command</c> for every word, as it always was, so that fingerprints of findings about it still match.
        /// </summary>
        private static List<Located<string>> CommandArgs(TreeNode? node, string path, SourceSpan fallback)
        {
            if (node is TreeSequence list)
            {
                var items = new List<Located<string>>();
                int i = 0;
                foreach (var item in list.Items)
                {
                    if (item is TreeScalar s && TreeValues.Text(s) is string text)
                        items.Add(Located<string>.Present(text, s.Span, path, s.Editor?.Replace(s, $"{path}[{i}]")));
                    i++;
                }
                return items;
            }
            var span = node is TreeScalar scalar ? scalar.Span : fallback;
            return Words(node).Select(w => Located<string>.Present(w, span, path)).ToList();
        }

        private static IEnumerable<string> Words(TreeNode? node) => node switch
        {
            TreeScalar s when TreeValues.Text(s) is string text => text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries),
            TreeSequence list => list.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!),
            _ => Enumerable.Empty<string>(),
        };
    }
}
