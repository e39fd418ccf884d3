using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Kubepath.Benchmarks.LoadBenchmarks).Assembly).Run(args);
