using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scheduling;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Configuration
{
    /// <summary>
    /// Reads the <c>sizing:</c> section of <c>.infralint.yaml</c> into the settings the capacity rules use.
    /// Every unknown key or bad value is a <see cref="ConfigProblem"/> at its node and leaves the default in force.
    /// </summary>
    /// <example>
    /// sizing:
    ///   buffer: 30%
    ///   hoursPerMonth: 730
    ///   defaultAccelerator: l4
    ///   defaultTpotMs: 100
    ///   cheaperThreshold: 30%
    ///   catalog: sizing/          # accelerators.yaml, instances.yaml, models.yaml laid over the built-in catalog
    ///   peakHours: { days: mon-fri, start: "08:00", end: "20:00", timezone: UTC }
    /// </example>
    internal sealed class SizingConfig
    {
        public static readonly string[] Keys =
        {
            "buffer", "hoursPerMonth", "usableMemoryFraction", "maxBatchSize", "gpusPerNode",
            "defaultAccelerator", "defaultTpotMs", "cheaperThreshold", "catalog", "peakHours",
        };

        public static readonly string[] PeakKeys = { "days", "start", "end", "timezone" };

        private static readonly string[] DayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

        private readonly SourceText _source;
        private readonly List<ConfigProblem> _problems;
        private readonly Func<string, string?>? _readFile;

        public SizingConfig(SourceText source, List<ConfigProblem> problems, Func<string, string?>? readFile)
        {
            _source = source;
            _problems = problems;
            _readFile = readFile;
        }

        /// <summary>The settings with the section applied; <paramref name="settings"/> when there is none.</summary>
        public LintSettings Apply(LintSettings settings, YamlNode? node)
        {
            if (node is null) return settings;
            if (node is not YamlMappingNode sizing)
            {
                Problem(node, "'sizing' must be a mapping of sizing settings (buffer, peakHours, defaultAccelerator …).");
                return settings;
            }

            foreach (var (key, keyNode, _) in sizing.Entries())
                if (!Keys.Contains(key))
                    _problems.Add(new ConfigProblem(keyNode.Span(_source), $"Unknown key 'sizing.{key}'; known keys are {string.Join(", ", Keys)}."));

            var options = SizingOptions.Default;
            if (Share(sizing, "buffer", allowAboveOne: true) is double buffer) options = options with { Buffer = buffer };
            if (Number(sizing, "hoursPerMonth", min: 1, max: 744) is double hours) options = options with { HoursPerMonth = hours };
            if (Share(sizing, "usableMemoryFraction", allowAboveOne: false) is double usable && usable > 0) options = options with { UsableMemoryFraction = usable };
            if (Number(sizing, "maxBatchSize", min: 1, max: 1_000_000, whole: true) is double batch) options = options with { MaxBatchSize = (int)batch };
            if (Number(sizing, "gpusPerNode", min: 1, max: 1024, whole: true) is double perNode) options = options with { GpusPerNode = (int)perNode };

            var catalog = Catalog(sizing, settings.Catalog);
            string? defaultAccelerator = null;
            if (Text(sizing, "defaultAccelerator") is (string name, YamlScalarNode nameNode))
            {
                if (catalog.FindAccelerator(name) is { } accelerator) defaultAccelerator = accelerator.Name;
                else Problem(nameNode, $"'sizing.defaultAccelerator' names '{name}', which is not in the sizing catalog; known: {string.Join(", ", catalog.Accelerators.Select(a => a.Name))}.");
            }

            // Every setting read before the sizing section is kept: only the sizing members change.
            return settings with
            {
                Catalog = catalog,
                Sizing = options,
                DefaultAccelerator = defaultAccelerator,
                DefaultTimePerOutputTokenMs = Number(sizing, "defaultTpotMs", min: 1, max: 60_000) ?? settings.DefaultTimePerOutputTokenMs,
                CheaperAcceleratorThreshold = Share(sizing, "cheaperThreshold", allowAboveOne: true) is double t && t < 1 ? t : settings.CheaperAcceleratorThreshold,
                PeakHours = Peak(sizing.Get("peakHours")) ?? settings.PeakHours,
            };
        }

        private SizingCatalog Catalog(YamlMappingNode sizing, SizingCatalog catalog)
        {
            if (Text(sizing, "catalog") is not (string dir, YamlScalarNode node)) return catalog;
            if (_readFile is null)
            {
                Problem(node, "'sizing.catalog' names a directory, but this host cannot read files; the built-in catalog is used.");
                return catalog;
            }

            string accelerators, instances, models;
            try
            {
                string Read(string file) => _readFile(Path.Combine(dir, file)) ?? string.Empty;
                accelerators = Read(SizingCatalog.AcceleratorsFile);
                instances = Read(SizingCatalog.InstancesFile);
                models = Read(SizingCatalog.ModelsFile);
            }
            catch (IOException e)
            {
                // The host could not read a catalog file (not a regular file, too large, not UTF-8): say so at the key.
                Problem(node, $"'sizing.catalog' directory '{dir}': {e.Message}; the built-in catalog is used.");
                return catalog;
            }
            if (accelerators.Length + instances.Length + models.Length == 0)
            {
                Problem(node, $"'sizing.catalog' directory '{dir}' has none of {SizingCatalog.AcceleratorsFile}, {SizingCatalog.InstancesFile}, {SizingCatalog.ModelsFile}.");
                return catalog;
            }

            try
            {
                return catalog.WithOverrides(
                    accelerators.Length == 0 ? null : new StringReader(accelerators),
                    instances.Length == 0 ? null : new StringReader(instances),
                    models.Length == 0 ? null : new StringReader(models),
                    Path.Combine(dir, SizingCatalog.AcceleratorsFile),
                    Path.Combine(dir, SizingCatalog.InstancesFile),
                    Path.Combine(dir, SizingCatalog.ModelsFile));
            }
            catch (CatalogFormatException e)
            {
                Problem(node, $"The sizing catalog override is not valid: {e.Message}");
                return catalog;
            }
        }

        private PeakWindow? Peak(YamlNode? node)
        {
            if (node is null) return null;
            if (node is not YamlMappingNode peak)
            {
                Problem(node, "'sizing.peakHours' must be a mapping with days, start, end and timezone.");
                return null;
            }

            foreach (var (key, keyNode, _) in peak.Entries())
                if (!PeakKeys.Contains(key))
                    _problems.Add(new ConfigProblem(keyNode.Span(_source), $"Unknown key 'sizing.peakHours.{key}'; known keys are {string.Join(", ", PeakKeys)}."));

            var defaults = PeakWindow.Default;
            var days = Days(peak.Get("days")) ?? defaults.Days;
            int start = Clock(peak, "start") ?? defaults.StartMinute;
            int end = Clock(peak, "end") ?? defaults.EndMinute;
            string zone = defaults.TimeZone;
            IReadOnlyList<TimeSpan> offsets = defaults.Offsets;
            if (Text(peak, "timezone") is (string tz, YamlScalarNode tzNode))
            {
                if (PeakWindow.ResolveOffsets(tz) is { } resolved)
                {
                    zone = tz;
                    offsets = resolved;
                }
                else
                {
                    Problem(tzNode, $"'sizing.peakHours.timezone' must be UTC, an offset such as +02:00, or a time-zone id such as Europe/Berlin; '{tz}' is none of these.");
                }
            }

            if (start >= end)
            {
                Problem(peak.Get("end") ?? peak, $"'sizing.peakHours' must start before it ends on the same day ({PeakWindow.Clock(start)} is not before {PeakWindow.Clock(end)}).");
                return null;
            }

            return new PeakWindow(days, start, end, zone, offsets);
        }

        /// <summary><c>mon-fri</c>, <c>[mon, wed, fri]</c>, <c>mon,tue</c> or <c>all</c>.</summary>
        private IReadOnlyList<DayOfWeek>? Days(YamlNode? node)
        {
            if (node is null) return null;
            IEnumerable<(string Text, YamlNode Node)> items = node switch
            {
                YamlScalarNode s when YamlNodes.Text(s) is string text => text.Split(',').Select(t => (t.Trim(), (YamlNode)s)),
                YamlSequenceNode list => list.Children.Select(c => (YamlNodes.Text(c as YamlScalarNode) ?? string.Empty, c)),
                _ => new[] { (string.Empty, node) },
            };
            var days = new List<DayOfWeek>();
            foreach (var (text, at) in items)
            {
                string item = text.Trim().ToLowerInvariant();
                if (item is "all" or "every day" or "*")
                {
                    days.AddRange(Enumerable.Range(0, 7).Select(d => (DayOfWeek)d));
                    continue;
                }
                var parts = item.Split('-');
                int first = Day(parts[0]), last = parts.Length == 2 ? Day(parts[1]) : first;
                if (parts.Length > 2 || first < 0 || last < 0)
                {
                    Problem(at, $"'sizing.peakHours.days' must list weekdays (mon, tue, …) or ranges such as mon-fri; '{text}' is not one.");
                    return null;
                }
                for (int d = first; ; d = (d + 1) % 7)
                {
                    days.Add((DayOfWeek)d);
                    if (d == last) break;
                }
            }
            return days.Distinct().ToArray();
        }

        private static int Day(string text)
        {
            string t = text.Trim();
            for (int i = 0; i < DayNames.Length; i++)
                if (t.StartsWith(DayNames[i], StringComparison.Ordinal)) return i;
            return -1;
        }

        private int? Clock(YamlMappingNode owner, string key)
        {
            if (Text(owner, key) is not (string text, YamlScalarNode node)) return null;
            var parts = text.Split(':');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
                && m < 60 && (h < 24 || (h == 24 && m == 0)))
                return h * 60 + m;
            Problem(node, $"'sizing.peakHours.{key}' must be a time of day such as \"08:00\" (24:00 for midnight at the end), not '{text}'.");
            return null;
        }

        private (string, YamlScalarNode)? Text(YamlMappingNode owner, string key)
        {
            var node = owner.Get(key);
            if (node is null) return null;
            if (node is YamlScalarNode s && YamlNodes.Text(s) is string text && text.Trim().Length > 0) return (text.Trim(), s);
            Problem(node, $"'{key}' must be a single value.");
            return null;
        }

        private double? Number(YamlMappingNode owner, string key, double min, double max, bool whole = false)
        {
            if (Text(owner, key) is not (string text, YamlScalarNode node)) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max && (!whole || Math.Floor(value) == value))
                return value;
            Problem(node, $"'sizing.{key}' must be a {(whole ? "whole " : string.Empty)}number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
            return null;
        }

        /// <summary>A share: <c>30%</c>, <c>0.3</c>, or (where <paramref name="allowAboveOne"/>) a bare 30 read as a percentage.</summary>
        private double? Share(YamlMappingNode owner, string key, bool allowAboveOne)
        {
            if (Text(owner, key) is not (string text, YamlScalarNode node)) return null;
            bool percent = text.EndsWith("%", StringComparison.Ordinal);
            string number = percent ? text.Substring(0, text.Length - 1).Trim() : text;
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && !double.IsInfinity(value))
            {
                if (percent || (allowAboveOne && value > 1)) value /= 100;
                if (value <= (allowAboveOne ? 10 : 1)) return value;
            }
            Problem(node, $"'sizing.{key}' must be a share such as 30% or 0.3, not '{text}'.");
            return null;
        }

        private void Problem(YamlNode node, string message) => _problems.Add(new ConfigProblem(node.HeadSpan(_source), message));
    }
}
