using System;
using System.Collections.Generic;
using System.Linq;

namespace InfraLint.Core.Knowledge
{
    /// <summary>
    /// Cluster benchmarks and HPC programs that teams run through training operators (an MPIJob, a Kubeflow
    /// TrainJob) without training a model: NCCL and OSU collectives tests, tf_cnn_benchmarks, the MPI
    /// operator's pi example, LAMMPS. Model-governance rules (lineage, experiment tracking) do not apply to them.
    /// </summary>
    public static class Benchmarks
    {
        /// <summary>Program names, matched against the last path segment of each command word.</summary>
        private static readonly (string Program, string Name)[] Programs =
        {
            ("all_reduce_perf", "NCCL tests"),
            ("all_gather_perf", "NCCL tests"),
            ("reduce_scatter_perf", "NCCL tests"),
            ("alltoall_perf", "NCCL tests"),
            ("sendrecv_perf", "NCCL tests"),
            ("broadcast_perf", "NCCL tests"),
            ("tf_cnn_benchmarks.py", "tf_cnn_benchmarks"),
            ("lmp", "LAMMPS"),
            ("lmp_gpu", "LAMMPS"),
            ("lmp_mpi", "LAMMPS"),
            ("xhpl", "HPL"),
        };

        /// <summary>Image repositories of benchmark and HPC examples.</summary>
        private static readonly (string Suffix, string Name)[] Images =
        {
            ("mpioperator/mpi-pi", "MPI pi example"),
            ("mpioperator/tensorflow-benchmarks", "tf_cnn_benchmarks"),
            ("/nccl-tests", "NCCL tests"),
            ("/osu-benchmarks", "OSU micro-benchmarks"),
            ("/metric-lammps", "LAMMPS"),
        };

        /// <summary>The benchmark the words (commands, arguments) or images run, or null.</summary>
        public static string? Describe(IEnumerable<string?> images, IEnumerable<string> words)
        {
            foreach (var image in images)
            {
                if (string.IsNullOrWhiteSpace(image) || ImageReference.IsTemplated(image!)) continue;
                string repo = ImageReference.Parse(image!).Repository.ToLowerInvariant();
                foreach (var (suffix, name) in Images)
                    if (ImageReference.RepositoryIs(repo, suffix)) return name;
                if (repo.EndsWith("lammps", StringComparison.Ordinal) || repo.EndsWith("-lammps-hwloc", StringComparison.Ordinal)) return "LAMMPS";
            }
            foreach (var word in words)
            {
                foreach (var token in word.Split(new[] { ' ', '\t', '\n', ';', '&', '|' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string program = token.Substring(token.LastIndexOf('/') + 1);
                    if (program.StartsWith("osu_", StringComparison.Ordinal)) return "OSU micro-benchmarks";
                    foreach (var (name, benchmark) in Programs)
                        if (string.Equals(program, name, StringComparison.Ordinal)) return benchmark;
                }
            }
            return null;
        }
    }
}
