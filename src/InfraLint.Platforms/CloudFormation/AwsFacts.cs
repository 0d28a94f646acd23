using System;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Platforms.CloudFormation
{
    /// <summary>AWS region names as they appear in availability zones (<c>eu-west-1a</c>, <c>us-west-2-lax-1a</c>, <c>us-gov-west-1b</c>).</summary>
    public static class Regions
    {
        private static readonly Regex Region = new Regex(@"^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+$");
        private static readonly Regex Zone = new Regex(@"^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)(?:[a-z]|-[a-z0-9-]*[a-z0-9])$");

        public static bool IsRegion(string? text) => text is not null && Region.IsMatch(text);

        /// <summary>The region of an availability zone name (Local and Wavelength Zones included); null for anything else, such as zone ids (use1-az1).</summary>
        public static string? FromAvailabilityZone(string zone)
        {
            var m = Zone.Match(zone.Trim());
            return m.Success ? m.Groups[1].Value : null;
        }
    }

    /// <summary>SageMaker instance families with local NVMe instance storage, encrypted in hardware and not with a KMS key.</summary>
    public static class InstanceStorage
    {
        private static readonly string[] NvmeFamilies = { "g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "p6", "trn1", "trn1n", "trn2" };
        private static readonly Regex DiskFamily = new Regex(@"^[a-z]+\d+[a-z]*d[a-z]*$");

        /// <summary><c>ml.g5.12xlarge</c>, <c>ml.m5d.large</c>, <c>ml.p4d.24xlarge</c>: true; <c>ml.m5.large</c>, <c>ml.inf2.xlarge</c>: false.</summary>
        public static bool HasLocalNvme(string? instanceType)
        {
            if (instanceType is null) return false;
            var parts = instanceType.Split('.');
            if (parts.Length < 3) return false;
            string family = parts[parts.Length - 2];
            return NvmeFamilies.Contains(family, StringComparer.Ordinal) || DiskFamily.IsMatch(family);
        }
    }

    /// <summary>A template resource that only matters for where it is placed (a subnet, a mount target).</summary>
    internal sealed class PlacedResource : InfraResource
    {
        public PlacedResource(string kind, string name, string @namespace, SourceSpan span)
            : base(SourceFormat.CloudFormation, kind, name, @namespace, span)
        {
        }
    }
}
