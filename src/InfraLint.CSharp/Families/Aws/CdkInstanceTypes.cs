using System;
using System.Collections.Generic;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// What <c>InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24)</c> names in AWS CDK 2.103.0 (<c>p4d.24xlarge</c>):
    /// each <c>InstanceClass</c> member's instance family (several members alias one family: <c>STANDARD5</c> and <c>M5</c>
    /// are <c>m5</c>) and each <c>InstanceSize</c> member's size, as aws-cdk-lib's <c>aws-ec2/lib/instance-types.js</c>
    /// (<c>InstanceType.of</c>'s <c>instanceClassMap</c> and the <c>InstanceSize</c> enum) defines them. Generated from
    /// the tarball Amazon.CDK.Lib 2.103.0 embeds (no test checks it yet). Types newer than the package
    /// (p5, g6) are written <c>new InstanceType("p5.48xlarge")</c>.
    /// </summary>
    public static class CdkInstanceTypes
    {
        public static IReadOnlyDictionary<string, string> Classes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["STANDARD3"] = "m3", ["M3"] = "m3", ["STANDARD4"] = "m4", ["M4"] = "m4", ["STANDARD5"] = "m5", ["M5"] = "m5",
            ["STANDARD5_NVME_DRIVE"] = "m5d", ["M5D"] = "m5d", ["STANDARD5_AMD"] = "m5a", ["M5A"] = "m5a", ["STANDARD5_AMD_NVME_DRIVE"] = "m5ad",
            ["M5AD"] = "m5ad", ["STANDARD5_HIGH_PERFORMANCE"] = "m5n", ["M5N"] = "m5n", ["STANDARD5_NVME_DRIVE_HIGH_PERFORMANCE"] = "m5dn",
            ["M5DN"] = "m5dn", ["STANDARD5_HIGH_COMPUTE"] = "m5zn", ["M5ZN"] = "m5zn", ["MEMORY3"] = "r3", ["R3"] = "r3", ["MEMORY4"] = "r4",
            ["R4"] = "r4", ["MEMORY5"] = "r5", ["R5"] = "r5", ["MEMORY6_AMD"] = "r6a", ["R6A"] = "r6a", ["MEMORY6_INTEL"] = "r6i", ["R6I"] = "r6i",
            ["MEMORY6_INTEL_NVME_DRIVE"] = "r6id", ["R6ID"] = "r6id", ["MEMORY5_HIGH_PERFORMANCE"] = "r5n", ["R5N"] = "r5n",
            ["MEMORY5_NVME_DRIVE"] = "r5d", ["R5D"] = "r5d", ["MEMORY5_NVME_DRIVE_HIGH_PERFORMANCE"] = "r5dn", ["R5DN"] = "r5dn",
            ["MEMORY5_AMD"] = "r5a", ["R5A"] = "r5a", ["MEMORY5_AMD_NVME_DRIVE"] = "r5ad", ["R5AD"] = "r5ad", ["HIGH_MEMORY_3TB_1"] = "u-3tb1",
            ["U_3TB1"] = "u-3tb1", ["HIGH_MEMORY_6TB_1"] = "u-6tb1", ["U_6TB1"] = "u-6tb1", ["HIGH_MEMORY_9TB_1"] = "u-9tb1", ["U_9TB1"] = "u-9tb1",
            ["HIGH_MEMORY_12TB_1"] = "u-12tb1", ["U_12TB1"] = "u-12tb1", ["HIGH_MEMORY_18TB_1"] = "u-18tb1", ["U_18TB1"] = "u-18tb1",
            ["HIGH_MEMORY_24TB_1"] = "u-24tb1", ["U_24TB1"] = "u-24tb1", ["MEMORY5_EBS_OPTIMIZED"] = "r5b", ["R5B"] = "r5b",
            ["MEMORY6_GRAVITON"] = "r6g", ["R6G"] = "r6g", ["MEMORY6_GRAVITON2_NVME_DRIVE"] = "r6gd", ["R6GD"] = "r6gd",
            ["MEMORY7_GRAVITON"] = "r7g", ["R7G"] = "r7g", ["MEMORY7_GRAVITON3_NVME_DRIVE"] = "r7gd", ["R7GD"] = "r7gd", ["MEMORY7_INTEL"] = "r7iz",
            ["R7IZ"] = "r7iz", ["COMPUTE3"] = "c3", ["C3"] = "c3", ["COMPUTE4"] = "c4", ["C4"] = "c4", ["COMPUTE5"] = "c5", ["C5"] = "c5",
            ["COMPUTE5_NVME_DRIVE"] = "c5d", ["C5D"] = "c5d", ["COMPUTE5_AMD"] = "c5a", ["C5A"] = "c5a", ["COMPUTE5_AMD_NVME_DRIVE"] = "c5ad",
            ["C5AD"] = "c5ad", ["COMPUTE5_HIGH_PERFORMANCE"] = "c5n", ["C5N"] = "c5n", ["COMPUTE6_INTEL"] = "c6i", ["C6I"] = "c6i",
            ["COMPUTE6_INTEL_HIGH_PERFORMANCE"] = "c6in", ["C6IN"] = "c6in", ["COMPUTE6_INTEL_NVME_DRIVE"] = "c6id", ["C6ID"] = "c6id",
            ["COMPUTE6_AMD"] = "c6a", ["C6A"] = "c6a", ["COMPUTE6_GRAVITON2"] = "c6g", ["C6G"] = "c6g", ["COMPUTE6_GRAVITON2_NVME_DRIVE"] = "c6gd",
            ["C6GD"] = "c6gd", ["COMPUTE6_GRAVITON2_HIGH_NETWORK_BANDWIDTH"] = "c6gn", ["C6GN"] = "c6gn", ["COMPUTE7_GRAVITON3"] = "c7g",
            ["C7G"] = "c7g", ["COMPUTE7_GRAVITON3_NVME_DRIVE"] = "c7gd", ["C7GD"] = "c7gd", ["COMPUTE7_GRAVITON3_HIGH_NETWORK_BANDWIDTH"] = "c7gn",
            ["C7GN"] = "c7gn", ["COMPUTE7_INTEL"] = "c7i", ["C7I"] = "c7i", ["STORAGE2"] = "d2", ["D2"] = "d2", ["STORAGE3"] = "d3", ["D3"] = "d3",
            ["STORAGE3_ENHANCED_NETWORK"] = "d3en", ["D3EN"] = "d3en", ["STORAGE_COMPUTE_1"] = "h1", ["H1"] = "h1", ["IO3"] = "i3", ["I3"] = "i3",
            ["IO3_DENSE_NVME_DRIVE"] = "i3en", ["I3EN"] = "i3en", ["STORAGE4_GRAVITON"] = "i4g", ["I4G"] = "i4g",
            ["STORAGE4_GRAVITON_NETWORK_OPTIMIZED"] = "im4gn", ["IM4GN"] = "im4gn", ["STORAGE4_GRAVITON_NETWORK_STORAGE_OPTIMIZED"] = "is4gen",
            ["IS4GEN"] = "is4gen", ["BURSTABLE2"] = "t2", ["T2"] = "t2", ["BURSTABLE3"] = "t3", ["T3"] = "t3", ["BURSTABLE3_AMD"] = "t3a",
            ["T3A"] = "t3a", ["BURSTABLE4_GRAVITON"] = "t4g", ["T4G"] = "t4g", ["MEMORY_INTENSIVE_1"] = "x1", ["X1"] = "x1",
            ["MEMORY_INTENSIVE_1_EXTENDED"] = "x1e", ["X1E"] = "x1e", ["MEMORY_INTENSIVE_2_GRAVITON2"] = "x2g", ["X2G"] = "x2g",
            ["MEMORY_INTENSIVE_2_GRAVITON2_NVME_DRIVE"] = "x2gd", ["X2GD"] = "x2gd", ["FPGA1"] = "f1", ["F1"] = "f1", ["GRAPHICS3_SMALL"] = "g3s",
            ["G3S"] = "g3s", ["GRAPHICS3"] = "g3", ["G3"] = "g3", ["GRAPHICS4_NVME_DRIVE_HIGH_PERFORMANCE"] = "g4dn", ["G4DN"] = "g4dn",
            ["GRAPHICS4_AMD_NVME_DRIVE"] = "g4ad", ["G4AD"] = "g4ad", ["GRAPHICS5"] = "g5", ["G5"] = "g5", ["GRAPHICS5_GRAVITON2"] = "g5g",
            ["G5G"] = "g5g", ["PARALLEL2"] = "p2", ["P2"] = "p2", ["PARALLEL3"] = "p3", ["P3"] = "p3",
            ["PARALLEL3_NVME_DRIVE_HIGH_PERFORMANCE"] = "p3dn", ["P3DN"] = "p3dn", ["PARALLEL4_NVME_DRIVE_EXTENDED"] = "p4de", ["P4DE"] = "p4de",
            ["PARALLEL4"] = "p4d", ["P4D"] = "p4d", ["ARM1"] = "a1", ["A1"] = "a1", ["STANDARD6_GRAVITON"] = "m6g", ["M6G"] = "m6g",
            ["STANDARD6_INTEL"] = "m6i", ["M6I"] = "m6i", ["STANDARD6_INTEL_NVME_DRIVE"] = "m6id", ["M6ID"] = "m6id", ["STANDARD6_AMD"] = "m6a",
            ["M6A"] = "m6a", ["STANDARD6_GRAVITON2_NVME_DRIVE"] = "m6gd", ["M6GD"] = "m6gd", ["STANDARD7_GRAVITON"] = "m7g", ["M7G"] = "m7g",
            ["STANDARD7_GRAVITON3_NVME_DRIVE"] = "m7gd", ["M7GD"] = "m7gd", ["STANDARD7_INTEL"] = "m7i", ["M7I"] = "m7i",
            ["STANDARD7_INTEL_FLEX"] = "m7i-flex", ["M7I_FLEX"] = "m7i-flex", ["HIGH_COMPUTE_MEMORY1"] = "z1d", ["Z1D"] = "z1d",
            ["INFERENCE1"] = "inf1", ["INF1"] = "inf1", ["INFERENCE2"] = "inf2", ["INF2"] = "inf2", ["MACINTOSH1_INTEL"] = "mac1", ["MAC1"] = "mac1",
            ["VIDEO_TRANSCODING1"] = "vt1", ["VT1"] = "vt1", ["HIGH_PERFORMANCE_COMPUTING6_AMD"] = "hpc6a", ["HPC6A"] = "hpc6a", ["I4I"] = "i4i",
            ["IO4_INTEL"] = "i4i", ["X2IEDN"] = "x2iedn", ["MEMORY_INTENSIVE_2_XT_INTEL"] = "x2iedn", ["X2IDN"] = "x2idn",
            ["MEMORY_INTENSIVE_2_INTEL"] = "x2idn", ["X2IEZN"] = "x2iezn", ["MEMORY_INTENSIVE_2_XTZ_INTEL"] = "x2iezn", ["DEEP_LEARNING1"] = "dl1",
            ["DL1"] = "dl1",
        };

        public static IReadOnlyDictionary<string, string> Sizes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NANO"] = "nano", ["MICRO"] = "micro", ["SMALL"] = "small", ["MEDIUM"] = "medium", ["LARGE"] = "large", ["XLARGE"] = "xlarge",
            ["XLARGE2"] = "2xlarge", ["XLARGE3"] = "3xlarge", ["XLARGE4"] = "4xlarge", ["XLARGE6"] = "6xlarge", ["XLARGE8"] = "8xlarge",
            ["XLARGE9"] = "9xlarge", ["XLARGE10"] = "10xlarge", ["XLARGE12"] = "12xlarge", ["XLARGE16"] = "16xlarge", ["XLARGE18"] = "18xlarge",
            ["XLARGE24"] = "24xlarge", ["XLARGE32"] = "32xlarge", ["XLARGE48"] = "48xlarge", ["XLARGE56"] = "56xlarge", ["XLARGE112"] = "112xlarge",
            ["METAL"] = "metal",
        };
    }
}
