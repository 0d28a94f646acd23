using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/InfraLint.Benchmarks -- [BenchmarkDotNet arguments, e.g. --filter '*']
BenchmarkSwitcher.FromAssembly(typeof(InfraLint.Benchmarks.ScanBenchmarks).Assembly).Run(args);
