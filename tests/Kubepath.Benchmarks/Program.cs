using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --filter '*'
if (args.Length == 1 && args[0] == "loader") { Kubepath.Benchmarks.Experiment.LoaderOnly(); return; }
if (args.Length == 1 && args[0] == "experiment") { Kubepath.Benchmarks.Experiment.Run(); return; }
BenchmarkSwitcher.FromAssembly(typeof(Kubepath.Benchmarks.LoadBenchmarks).Assembly).Run(args);
