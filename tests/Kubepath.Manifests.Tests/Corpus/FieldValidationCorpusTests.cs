namespace Kubepath.Manifests.Tests.Corpus;

/// <summary>
/// What field validation reports on the real manifests of corpus/k8s is a reviewed list: each entry was read by hand
/// (design-document snippets proposing fields MetalLB never shipped, archived examples with removed fields, the
/// pre-1.20 ipFamily), so a change in it is a reviewed change. KUBEPATH_APPROVE=1 rewrites it.
/// </summary>
public class FieldValidationCorpusTests
{
    [Fact]
    public void Unknown_and_missing_fields_on_real_manifests_are_the_reviewed_ones()
    {
        var corpus = SharedFolder.Require("corpus/k8s");
        if (corpus is null)
        {
            return;
        }

        var set = new ManifestLoader().Load(Directory.GetDirectories(corpus).Where(dir => Path.GetFileName(dir) != "templated").OrderBy(dir => dir, StringComparer.Ordinal));
        var found = set.Diagnostics
            .Where(d => d.Id == LoadDiagnostics.UnknownField.Id || d.Id == LoadDiagnostics.MissingRequiredField.Id)
            .Select(d => Path.GetRelativePath(corpus, d.Span.File).Replace('\\', '/') + ":" + d.Span.Start.Line + ":" + d.Span.Start.Column + " " + d.Id + " " + d.Message)
            .Order(StringComparer.Ordinal)
            .Select(line => line + "\n");
        var text = string.Concat(found);
        var approved = Repository.PathOf("tests/Kubepath.Manifests.Tests/Corpus/Approved/field-validation.txt");
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, text);
        }

        Assert.Equal(File.ReadAllText(approved), text);
    }
}
