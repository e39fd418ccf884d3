using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kubepath.Manifests.Reading;
using Kubepath.Manifests.Text;
using Kubepath.Manifests.Yaml;
using Kubepath.Model;

namespace Kubepath.Manifests;

/// <summary>
/// Loads Kubernetes and MetalLB manifests from files, folders (recursively: <c>.yaml</c>, <c>.yml</c>,
/// <c>.json</c>) and standard input (<c>-</c>) into a <see cref="ManifestSet"/>. Never throws on bad input:
/// every problem is a KP9xxx diagnostic with its position, and everything else still loads.
/// </summary>
public sealed class ManifestLoader
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    private static readonly string[] ManifestExtensions = { ".yaml", ".yml", ".json" };

    /// <summary>Kubepath's settings files: found in the folders it reads, never read as manifests.</summary>
    public static readonly string[] ConfigFileNames = { ".kubepath.yaml", ".kubepath.yml" };

    private readonly LoadLimits limits;
    private readonly Func<Stream> openStandardInput;
    private readonly Func<string, bool> excluded;
    private readonly bool checkFields;

    /// <param name="limits">Bounds on hostile input.</param>
    /// <param name="openStandardInput">Where <c>-</c> reads from.</param>
    /// <param name="excluded">Files and folders (by path as given) to leave out when walking a folder; paths named
    /// explicitly are always read.</param>
    /// <param name="checkFields">Check objects against the API's fields (KP9015, KP9016); off for a cluster's own output
    /// (a state file), which the API server wrote and a newer API may extend.</param>
    public ManifestLoader(LoadLimits? limits = null, Func<Stream>? openStandardInput = null, Func<string, bool>? excluded = null, bool checkFields = true)
    {
        this.limits = limits ?? LoadLimits.Default;
        this.openStandardInput = openStandardInput ?? Console.OpenStandardInput;
        this.excluded = excluded ?? (_ => false);
        this.checkFields = checkFields;
    }

    /// <summary>
    /// Read files on every core, and a lone large file that YamlDotNet reads with its parser a step ahead on a second
    /// thread (<see cref="Yaml.ReadAheadParser"/>): what a command line run wants. An analyzer leaves it off: it reads each
    /// object on the thread its host gives the action that finds it (<see cref="Read(ManifestJsonWriter)"/>).
    /// </summary>
    public bool UseEveryCore { get; init; }

    public ManifestSet Load(params string[] paths) => Load((IEnumerable<string>)paths);

    public ManifestSet Load(IEnumerable<string> paths)
    {
        var inputs = new List<Input>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths)
        {
            Collect(path, inputs, diagnostics);
        }

        // Files are independent until the world is built. Read on every core, a file that YamlDotNet reads (one outside the
        // block style, BlockYamlReader) is parsed on its reader's thread: YamlDotNet's parser takes a process-wide lock for
        // every scalar (string.IsInterned), so more threads would only wait for each other.
        var results = UseEveryCore && inputs.Count > 1 && Environment.ProcessorCount > 1
            ? EveryCore.Map(inputs.Count, i => inputs[i].Load(this, parseAhead: false))
            : inputs.Select(input => input.Load(this, parseAhead: UseEveryCore)).ToArray();

        return Combine(results, diagnostics);
    }

    /// <summary>Loads one file's text (what an editor or a test has in memory).</summary>
    public ManifestSet LoadText(string path, string text) => Combine(new[] { LoadDecoded(DisplayPath(path), text, UseEveryCore) }, new List<Diagnostic>());

    /// <summary>
    /// Reads the manifests written with a <see cref="ManifestJsonWriter"/> into objects (from its trees, not parsing the text
    /// again), to be loaded with the others later: an analyzer reads each object it finds on its own, side by side on
    /// every core. Safe to call from several threads at once, each with its own writer.
    /// </summary>
    public WrittenFile Read(ManifestJsonWriter writer) => new(LoadWritten(writer));

    /// <summary>
    /// Loads manifests read from a <see cref="ManifestJsonWriter"/>, then files' texts, as one set: what an analyzer has,
    /// objects read from C# and YAML among the additional files.
    /// </summary>
    public ManifestSet LoadTexts(IEnumerable<WrittenFile> written, IEnumerable<(string Path, string Text)> files) =>
        Combine(written.Select(file => file.Result).Concat(files.Select(file => LoadDecoded(DisplayPath(file.Path), file.Text, parseAhead: false))).ToList(), new List<Diagnostic>());

    /// <summary>Loads one file's bytes, decoding them as YAML allows.</summary>
    public ManifestSet LoadBytes(string path, byte[] bytes) => Combine(new[] { LoadFile(DisplayPath(path), bytes, UseEveryCore) }, new List<Diagnostic>());

    private void Collect(string path, List<Input> inputs, List<Diagnostic> diagnostics)
    {
        if (path == StandardInput)
        {
            // Standard input can be read once: a second "-" adds nothing.
            if (!inputs.Any(input => input.Path is null))
            {
                inputs.Add(new Input("<stdin>", null));
            }

            return;
        }

        try
        {
            if (Directory.Exists(path))
            {
                var files = new List<string>();
                CollectDirectory(path, 0, files, diagnostics);
                files.Sort(StringComparer.Ordinal);
                inputs.AddRange(files.Select(f => new Input(f, f)));
            }
            else if (File.Exists(path))
            {
                inputs.Add(new Input(DisplayPath(path), path));
            }
            else
            {
                diagnostics.Add(LoadDiagnostics.PathNotFound.At(SourceSpan.StartOf(DisplayPath(path)), $"no such file or folder: {path}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(LoadDiagnostics.PathNotFound.At(SourceSpan.StartOf(DisplayPath(path)), $"cannot read {path}: {e.Message}"));
        }
    }

    private void CollectDirectory(string directory, int depth, List<string> files, List<Diagnostic> diagnostics)
    {
        if (depth > limits.MaxDirectoryDepth)
        {
            diagnostics.Add(LoadDiagnostics.InputLimit.At(SourceSpan.StartOf(DisplayPath(directory)), $"folders nest more than {limits.MaxDirectoryDepth} levels below the input; deeper ones are not read"));
            return;
        }

        List<string> subfolders;
        try
        {
            files.AddRange(Directory.EnumerateFiles(directory)
                .Where(file => ManifestExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !ConfigFileNames.Contains(Path.GetFileName(file)))
                .Select(DisplayPath)
                .Where(file => !excluded(file)));

            // Hidden folders (.git, .github) hold no manifests; linked folders could loop.
            subfolders = Directory.EnumerateDirectories(directory)
                .Where(sub => !Path.GetFileName(sub).StartsWith(".", StringComparison.Ordinal) && (new DirectoryInfo(sub).Attributes & FileAttributes.ReparsePoint) == 0)
                .Where(sub => !excluded(DisplayPath(sub)))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // One unreadable folder costs only itself.
            diagnostics.Add(LoadDiagnostics.PathNotFound.At(SourceSpan.StartOf(DisplayPath(directory)), $"cannot read the folder {DisplayPath(directory)}: {e.Message}"));
            return;
        }

        foreach (var sub in subfolders)
        {
            CollectDirectory(sub, depth + 1, files, diagnostics);
        }
    }

    private FileResult LoadFile(string displayPath, byte[] bytes, bool parseAhead)
    {
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return TooLarge(displayPath, bytes.LongLength);
        }

        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            // The text before the bad byte is readable: it places the diagnostic.
            var prefix = new SourceLines(displayPath, decoded.ReadablePrefix);
            return FileResult.Failed(LoadDiagnostics.UnreadableFile.At(prefix.Span(decoded.ReadablePrefix.Length, decoded.ReadablePrefix.Length, FieldPath.Root), decoded.Problem!));
        }

        return LoadDecoded(displayPath, decoded.Text, parseAhead);
    }

    private FileResult TooLarge(string displayPath, long length) => FileResult.Failed(LoadDiagnostics.InputLimit.At(
        SourceSpan.StartOf(displayPath),
        $"the file is {length:N0} bytes, over the {limits.MaxFileBytes:N0}-byte limit; it is not read"));

    private FileResult LoadDecoded(string displayPath, string text, bool parseAhead)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var lines = new SourceLines(displayPath, text);
        var diagnostics = new List<Diagnostic>();
        var objects = new List<ManifestObject>();
        var hasMarkers = Templates.MayContainMarkers(text);
        var context = Context(lines, text, hasMarkers, diagnostics);
        var templatesReported = new HashSet<int>();

        void ReportTemplate(int offset)
        {
            if (templatesReported.Add(offset))
            {
                diagnostics.Add(LoadDiagnostics.UnrenderedTemplate.At(
                    lines.Span(offset, Math.Min(text.Length, offset + 2), FieldPath.Root),
                    "this is an unrendered template (Helm/Go or Jinja markers in the YAML structure); render it first (helm template, kustomize build) and lint the output"));
            }
        }

        var reader = new YamlStreamReader(lines, text, limits, hasMarkers, diagnostics, document =>
        {
            if (hasMarkers)
            {
                var marker = Templates.FirstMarker(text, document.Start, document.End, document.QuotedScalars);
                if (marker >= 0)
                {
                    ReportTemplate(marker);
                    return;
                }
            }

            Read(context, document, objects);
        })
        {
            ParseAhead = parseAhead,

            // A template usually breaks the YAML: say that rather than report the parse error it causes, when a
            // marker stands in the failing document's structure before the error.
            ExplainSyntaxError = (documentStart, offset, quoted) =>
            {
                if (!hasMarkers)
                {
                    return false;
                }

                var errorLine = lines.At(offset).Line;
                var end = errorLine < lines.LineCount ? lines.LineStart(errorLine + 1) : text.Length;
                var marker = Templates.FirstMarker(text, Math.Min(documentStart, end), end, quoted);
                if (marker < 0)
                {
                    return false;
                }

                ReportTemplate(marker);
                return true;
            },
        };
        reader.Read();
        return new FileResult(new SourceFile(lines, text), objects, diagnostics);
    }

    private FileResult LoadWritten(ManifestJsonWriter writer)
    {
        var displayPath = DisplayPath(writer.Path);
        var text = writer.Text;
        var lines = new SourceLines(displayPath, text);
        var diagnostics = new List<Diagnostic>();
        var objects = new List<ManifestObject>();
        var context = Context(lines, text, Templates.MayContainMarkers(text), diagnostics, writer.ReadPaths);
        var documents = writer.Documents;
        for (var i = 0; i < documents.Count; i++)
        {
            Read(context, documents[i], objects);
        }

        return new FileResult(new SourceFile(lines, text), objects, diagnostics);
    }

    private ReadContext Context(SourceLines lines, string text, bool hasMarkers, List<Diagnostic> diagnostics, FieldPaths? paths = null) =>
        new(lines, diagnostics, hasMarkers || text.IndexOf("${", StringComparison.Ordinal) >= 0, checkFields, paths);

    private static void Read(ReadContext context, YamlDocument document, List<ManifestObject> objects)
    {
        if (document.Root == YamlTree.None)
        {
            return;
        }

        try
        {
            ObjectReader.Read(context, document, objects);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a reader costs its document, never the run.
            context.Diagnostics.Add(LoadDiagnostics.InternalError.At(
                context.Lines.Span(document.Start, document.Start, FieldPath.Root),
                $"Kubepath failed to read this document ({e.GetType().Name}: {e.Message}); this is a bug, please report it with the document"));
        }
    }

    private static ManifestSet Combine(IReadOnlyList<FileResult> results, List<Diagnostic> diagnostics)
    {
        var files = new List<SourceFile>();
        var objects = new List<ManifestObject>();
        foreach (var result in results)
        {
            if (result.File is not null)
            {
                files.Add(result.File);
            }

            objects.AddRange(result.Objects);
            if (result.Diagnostics.Count > 0)
            {
                diagnostics.AddRange(result.Diagnostics
                    .Select((d, i) => (d, i))
                    .OrderBy(x => x.d.Span.Start.Line).ThenBy(x => x.d.Span.Start.Column).ThenBy(x => x.i)
                    .Select(x => x.d));
            }
        }

        var patches = PatchFiles(files, objects);
        diagnostics.RemoveAll(d => d.Id == LoadDiagnostics.MissingRequiredField.Id && patches.Contains(d.Span.File));

        // kustomize merges a patch into the object it names: when that object is among the inputs, the patch is neither
        // a second definition of it nor an object of its own in the cluster. Kubepath reads the base as written.
        var bases = new HashSet<(string, string, string, string?)>(objects.Where(obj => !patches.Contains(obj.Span.File)).Select(DuplicateObjects.Identity));
        for (var i = 0; i < objects.Count; i++)
        {
            if (patches.Contains(objects[i].Span.File) && bases.Contains(DuplicateObjects.Identity(objects[i])))
            {
                objects[i] = objects[i] with { IsMergedPatch = true };
            }
        }

        diagnostics.AddRange(DuplicateObjects.Find(objects.Where(obj => !obj.IsMergedPatch).ToList()));
        return new ManifestSet(files, objects, diagnostics);
    }

    /// <summary>
    /// Files of partial objects, which kustomize merges into whole ones and so are not checked for required fields:
    /// those a Kustomization among the inputs applies as patches, and those named as patches (<c>*patch*.yaml</c>).
    /// </summary>
    private static HashSet<string> PatchFiles(List<SourceFile> files, List<ManifestObject> objects)
    {
        var named = files.Select(f => f.Path).Where(path => Path.GetFileName(path).IndexOf("patch", StringComparison.OrdinalIgnoreCase) >= 0);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kustomization in objects.OfType<KustomizationManifest>())
        {
            var folder = Path.GetDirectoryName(kustomization.Span.File) ?? string.Empty;
            foreach (var patch in kustomization.PatchPaths)
            {
                listed.Add(FullPath(Path.Combine(folder, patch.Value)));
            }
        }

        // Making every path absolute costs an exception per path on hosts that refuse "csharp:..." (an analyzer's objects):
        // only when a kustomization lists patches.
        return new HashSet<string>(listed.Count == 0 ? named : named.Concat(files.Select(f => f.Path).Where(path => listed.Contains(FullPath(path)))), StringComparer.Ordinal);
    }

    /// <summary>A path made absolute and normal (<c>./</c> and <c>../</c> resolved), to compare paths written differently.</summary>
    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>
    /// Paths as the user wrote them, with forward slashes on every platform and no leading <c>./</c>: how findings name
    /// their files, so what a caller keys by path must be keyed this way too.
    /// </summary>
    public static string DisplayPath(string path)
    {
        var display = path.Replace('\\', '/');
        while (display.StartsWith("./", StringComparison.Ordinal))
        {
            display = display.Substring(2);
        }

        return display;
    }

    internal sealed record FileResult(SourceFile? File, IReadOnlyList<ManifestObject> Objects, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public static FileResult Failed(Diagnostic diagnostic) => new(null, Array.Empty<ManifestObject>(), new[] { diagnostic });
    }

    private sealed record Input(string DisplayPath, string? Path)
    {
        public FileResult Load(ManifestLoader loader, bool parseAhead)
        {
            try
            {
                return LoadOrThrow(loader, parseAhead);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
            {
                return FileResult.Failed(LoadDiagnostics.InternalError.At(
                    SourceSpan.StartOf(DisplayPath),
                    $"Kubepath failed to read {DisplayPath} ({e.GetType().Name}: {e.Message}); this is a bug, please report it with the file"));
            }
        }

        private FileResult LoadOrThrow(ManifestLoader loader, bool parseAhead)
        {
            try
            {
                if (Path is not null && new FileInfo(Path).Length is var length && length > loader.limits.MaxFileBytes)
                {
                    return loader.TooLarge(DisplayPath, length);
                }

                return loader.LoadFile(DisplayPath, Path is null ? ReadAll(loader.openStandardInput(), loader.limits.MaxFileBytes + 1) : File.ReadAllBytes(Path), parseAhead);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return FileResult.Failed(LoadDiagnostics.PathNotFound.At(SourceSpan.StartOf(DisplayPath), $"cannot read {DisplayPath}: {e.Message}"));
            }
        }

        /// <summary>Reads at most <paramref name="limit"/> bytes: one more than the size limit is enough to refuse the input.</summary>
        private static byte[] ReadAll(Stream stream, long limit)
        {
            using (stream)
            using (var memory = new MemoryStream())
            {
                var buffer = new byte[81920];
                int read;
                while (memory.Length < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - memory.Length))) > 0)
                {
                    memory.Write(buffer, 0, read);
                }

                return memory.ToArray();
            }
        }
    }
}
