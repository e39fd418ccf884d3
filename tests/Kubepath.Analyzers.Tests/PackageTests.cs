using System.IO;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kubepath.Manifests.Tests;

namespace Kubepath.Analyzers.Tests;

/// <summary>
/// The Kubepath.Analyzers package end to end, as a team meets it: dotnet pack, then samples/ManifestGenerator (a
/// program that builds the seed lab's objects with KubernetesClient, its MetalLB pools as its own custom-resource
/// classes, with four deliberate mistakes) restored from a folder feed and built; the build must report each mistake
/// on its line, with the ReadyToRun copies a compiler started for the build takes on linux-x64 and with the IL assemblies
/// every other host takes.
/// </summary>
public class PackageTests : IClassFixture<PackageTests.PackedSample>
{
    // IMAGE_FILE_MACHINE_AMD64 as crossgen2 marks an image with Linux code: the machine XOR the OS's value (0x7B79).
    private const Machine LinuxX64 = (Machine)(0x8664 ^ 0x7B79);

    private static readonly string[] Assemblies = { "Kubepath.Analyzers.dll", "Kubepath.CodeFixes.dll", "Kubepath.Engine.dll", "Kubepath.Manifests.dll", "Kubepath.Model.dll", "YamlDotNet.dll" };

    private readonly PackedSample packed;

    public PackageTests(PackedSample packed) => this.packed = packed;

    [Fact]
    public void The_packed_analyzer_reports_the_sample_generator_s_mistakes_on_their_lines()
    {
        var sample = packed.Sample;
        // A compiler of its own for the build, as a build agent runs it: on linux-x64, the ReadyToRun copies.
        var build = packed.Run("build", "--nologo", "--no-restore", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.Output);

        var program = File.ReadAllLines(Path.Combine(sample, "Program.cs"));
        int LineOf(string mistake) => Array.FindIndex(program, line => line.Contains(mistake, StringComparison.Ordinal)) + 1;
        var warnings = Regex.Matches(build.Output, @"Program\.cs\((\d+),\d+\): warning (KP\d{4})")
            .Select(m => m.Groups[2].Value + "@" + m.Groups[1].Value)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { "KP1002@" + LineOf("Mistake 2"), "KP2002@" + LineOf("Mistake 3"), "KP3001@" + LineOf("Mistake 4"), "KP4004@" + LineOf("Mistake 1") }.Order(StringComparer.Ordinal),
            warnings);

        // Severities are the project's to set, as for any analyzer; here with the IL assemblies, as the compiler server,
        // Visual Studio, Windows and macOS compilers run them.
        File.WriteAllText(Path.Combine(sample, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.KP4004.severity = error\ndotnet_diagnostic.KP1002.severity = none\n");
        try
        {
            var strict = packed.Run("build", "--nologo", "--no-restore", "-p:UseSharedCompilation=false", "-p:KubepathAnalyzersReadyToRun=false");
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Contains("Program.cs(" + LineOf("Mistake 1") + ",", strict.Output, StringComparison.Ordinal);
            Assert.Matches(@"Program\.cs\(\d+,\d+\): error KP4004", strict.Output);
            Assert.DoesNotContain("KP1002", strict.Output, StringComparison.Ordinal);
            Assert.Contains("KP2002", strict.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(Path.Combine(sample, ".editorconfig"));
        }
    }

    [Fact]
    public void The_analyzers_folder_holds_IL_only_assemblies_and_the_ReadyToRun_copies_are_linux_x64_images_of_the_same_assemblies()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var il = Assemblies.ToDictionary(name => name, name => Entry(package, "analyzers/dotnet/cs/" + name));
        foreach (var (name, image) in il)
        {
            // What every host can load, Visual Studio's .NET Framework compiler among them.
            using var reader = new PEReader(new MemoryStream(image));
            Assert.True(reader.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.ILOnly), name + " is not IL-only");
            Assert.Equal(Machine.I386, reader.PEHeaders.CoffHeader.Machine);
            Assert.Equal(0, reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size);
        }

        if (!packed.PackedOnLinuxX64)
        {
            Assert.DoesNotContain(package.Entries, entry => entry.FullName.StartsWith("readytorun/", StringComparison.Ordinal));
            return;
        }

        foreach (var name in Assemblies)
        {
            var image = Entry(package, "readytorun/linux-x64/" + name);
            if (name == "YamlDotNet.dll")
            {
                // Shipped as its authors built it, beside the others so that they find it in their folder.
                Assert.Equal(il[name], image);
                continue;
            }

            using var reader = new PEReader(new MemoryStream(image));
            Assert.Equal(LinuxX64, reader.PEHeaders.CoffHeader.Machine);
            Assert.NotEqual(0, reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.Equal(Identity(il[name]), Identity(image));
        }
    }

    [Fact]
    public void A_compiler_started_for_a_linux_x64_build_takes_the_ReadyToRun_copies_and_the_compiler_server_the_IL_assemblies()
    {
        var (sdkRuntime, ownCompiler) = packed.Analyzers("-p:UseSharedCompilation=false");
        var (_, server) = packed.Analyzers("-p:UseSharedCompilation=true");
        var (_, turnedOff) = packed.Analyzers("-p:UseSharedCompilation=false", "-p:KubepathAnalyzersReadyToRun=false");

        var expected = sdkRuntime == "linux-x64" && packed.PackedOnLinuxX64 ? "readytorun/linux-x64" : "analyzers/dotnet/cs";
        Assert.Equal(Assemblies.Select(name => expected + "/" + name), ownCompiler);
        // The server leaves code compiled ahead of time unused (a JIT trace of it compiles the same methods either way).
        Assert.Equal(Assemblies.Select(name => "analyzers/dotnet/cs/" + name), server);
        Assert.Equal(Assemblies.Select(name => "analyzers/dotnet/cs/" + name), turnedOff);
    }

    private static byte[] Entry(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        Assert.True(entry is not null, path + " is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Identity(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        var definition = metadata.GetAssemblyDefinition();
        return metadata.GetString(definition.Name) + " " + definition.Version;
    }

    /// <summary>The package packed once, and a copy of the sample restored from it, for the tests of this class.</summary>
    public sealed class PackedSample : IDisposable
    {
        private readonly TemporaryFolder folder = new("kubepath-analyzer-package-");

        public PackedSample()
        {
            var feed = Path.Combine(folder.Path, "feed");
            var pack = ProgramRun.In(Repository.Root, "dotnet", "pack", "nuget/Kubepath.Analyzers", "-c", "Release", "-o", feed, "--nologo");
            Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
            Package = Directory.GetFiles(feed, "Kubepath.Analyzers.*.nupkg").Single();
            PackedOnLinuxX64 = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64";

            // A copy, so the build writes nothing into the repository; a package folder of its own, so no older copy of
            // the analyzer package is taken from the machine's cache.
            Sample = Path.Combine(folder.Path, "ManifestGenerator");
            Directory.CreateDirectory(Sample);
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "samples", "ManifestGenerator")))
            {
                File.Copy(file, Path.Combine(Sample, Path.GetFileName(file)));
            }

            var restore = Run("restore", "-p:RestoreAdditionalProjectSources=" + feed);
            Assert.True(restore.ExitCode == 0, restore.Output);
        }

        public string Package { get; }

        public string Sample { get; }

        /// <summary>Whether the package was packed where crossgen2 makes the ReadyToRun copies (a linux-x64 SDK).</summary>
        public bool PackedOnLinuxX64 { get; }

        /// <summary>The SDK's runtime and the sample's analyzer assemblies from the package, as the build hands them to the compiler.</summary>
        public (string SdkRuntime, string[] Analyzers) Analyzers(params string[] properties)
        {
            var result = Run(new[] { "msbuild", "-t:ResolveLockFileAnalyzers", "-getProperty:NETCoreSdkRuntimeIdentifier", "-getItem:Analyzer", "-nologo" }.Concat(properties).ToArray());
            Assert.True(result.ExitCode == 0, result.Output);
            using var json = JsonDocument.Parse(result.Output);
            var packageRoot = Path.Combine(Sample, "packages", "kubepath.analyzers") + Path.DirectorySeparatorChar;
            var analyzers = json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
                .Select(item => item.GetProperty("FullPath").GetString()!)
                .Where(path => path.StartsWith(packageRoot, StringComparison.Ordinal))
                .Select(path => string.Join('/', path[packageRoot.Length..].Split(Path.DirectorySeparatorChar).Skip(1)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            return (json.RootElement.GetProperty("Properties").GetProperty("NETCoreSdkRuntimeIdentifier").GetString()!, analyzers);
        }

        public (int ExitCode, string Output) Run(params string[] args)
        {
            var (exitCode, output, error) = ProgramRun.In(Sample, "dotnet", args.Append("-p:RestorePackagesPath=" + Path.Combine(Sample, "packages")).ToArray());
            return (exitCode, output + error);
        }

        public void Dispose() => folder.Dispose();
    }
}
