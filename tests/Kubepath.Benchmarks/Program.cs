using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --interleaved
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --lint-interleaved
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --lint-phases
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --analyzer-interleaved
if (args.Length == 1 && args[0] == "--interleaved")
{
    Kubepath.Benchmarks.InterleavedRatio.Run();
    return;
}

if (args.Length == 1 && args[0] == "--lint-interleaved")
{
    Kubepath.Benchmarks.InterleavedRatio.RunLint();
    return;
}

if (args.Length == 1 && args[0] == "--lint-phases")
{
    Kubepath.Benchmarks.InterleavedRatio.RunLintPhases();
    return;
}

if (args.Length == 1 && args[0] == "--analyzer-interleaved")
{
    Kubepath.Benchmarks.InterleavedRatio.RunAnalyzer();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Kubepath.Benchmarks.LoadBenchmarks).Assembly).Run(args);
