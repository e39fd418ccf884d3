using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --interleaved
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --lint-interleaved
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --lint-phases
// dotnet run -c Release --project tests/Kubepath.Benchmarks -- --analyzer-interleaved [ROUNDS] [kubernetes-client|plain|both] [server|fresh]
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

// --analyzer-interleaved [ROUNDS] [kubernetes-client|plain|both] [server|fresh]: 7 rounds of both projects through the compiler
// server unless told otherwise.
if (args.Length is >= 1 and <= 4 && args[0] == "--analyzer-interleaved")
{
    var rounds = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var wanted) && wanted > 0 ? wanted : 7;
    bool[] projects = args.Length > 2 ? args[2] switch
    {
        "kubernetes-client" => [true],
        "plain" => [false],
        "both" => [true, false],
        _ => throw new ArgumentException("the project is kubernetes-client, plain or both, not " + args[2]),
    } : [true, false];
    var compiler = args.Length > 3 ? args[3] switch
    {
        "server" => Kubepath.Benchmarks.CompilerMode.Server,
        "fresh" => Kubepath.Benchmarks.CompilerMode.Fresh,
        _ => throw new ArgumentException("the compiler is server or fresh, not " + args[3]),
    } : Kubepath.Benchmarks.CompilerMode.Server;
    Kubepath.Benchmarks.InterleavedRatio.RunAnalyzer(rounds, projects, compiler);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Kubepath.Benchmarks.LoadBenchmarks).Assembly).Run(args);
