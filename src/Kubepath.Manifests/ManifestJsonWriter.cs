using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kubepath.Manifests.Reading;
using Kubepath.Manifests.Yaml;
using YamlDotNet.Core;

namespace Kubepath.Manifests;

/// <summary>
/// Writes manifests that a caller holds as structures (the analyzer's objects read from C#) as JSON text, one document
/// per object, and builds their document trees while it writes: node for node, with the values, styles and offsets
/// YAML's reader gives for that text. <see cref="ManifestLoader.Read(ManifestJsonWriter)"/>
/// reads the trees without parsing the text again; the text still places every finding. Keys are written in the order
/// given and must be unique within an object. Two things differ from the reader, on purpose: a document starts at its
/// value, not at the <c>---</c> before it (which stands for nothing a caller wrote), and a key longer than the reader
/// accepts (1,024 characters, longer than any the API allows) is still read.
/// </summary>
public sealed class ManifestJsonWriter
{
    // Quoted scalars are recorded for the template-marker search, which a written file never needs: its every string is quoted.
    private static readonly (int Start, int End)[] NoQuotedScalars = Array.Empty<(int, int)>();

    private readonly StringBuilder text = new();
    private readonly List<YamlDocument> documents = new();
    private readonly List<Open> open = new();
    // Every tree this writer has made: after a restart, its documents reuse them in turn.
    private readonly List<YamlTree> trees = new();
    private YamlTree? tree;
    private int root = YamlTree.None;
    private int documentStart;

    public ManifestJsonWriter(string path) => Path = path;

    /// <summary>
    /// The field paths of the objects read from this writer, shared by the files it writes in turn as a file's objects share
    /// theirs (every Service has spec.ports[0].port). Used by one reader at a time, as the writer is: nothing to lock.
    /// </summary>
    internal FieldPaths ReadPaths { get; } = new();

    /// <summary>The file the text stands for in findings.</summary>
    public string Path { get; private set; }

    /// <summary>
    /// Where the next character goes: what a caller records around a value to map findings back to its own sources. The
    /// <c>", "</c> before an entry is written with the entry, so a range taken around it starts on that separator.
    /// </summary>
    public int Position => text.Length;

    internal string Text => text.ToString();

    /// <summary>The documents written; all of them must be ended.</summary>
    internal IReadOnlyList<YamlDocument> Documents => tree is null ? documents : throw new InvalidOperationException("a document is still open: end it before loading");

    /// <summary>
    /// Starts another file, empty, with the memory of this one (its text's buffer, its documents' trees): what was written
    /// must have been read first. An analyzer writes thousands of small files, one per object.
    /// </summary>
    public void Restart(string path)
    {
        Path = path;
        text.Clear();
        documents.Clear();
        open.Clear();
        tree = null;
        root = YamlTree.None;
    }

    /// <summary>Starts a document: <c>---</c> on a line of its own separates it from the one before.</summary>
    public void BeginDocument()
    {
        if (tree is not null)
        {
            throw new InvalidOperationException("the previous document is not ended");
        }

        if (text.Length > 0)
        {
            text.Append("\n---\n");
        }

        if (documents.Count < trees.Count)
        {
            tree = trees[documents.Count];
            tree.Clear();
        }
        else
        {
            trees.Add(tree = new YamlTree(capacity: 64));
        }

        root = YamlTree.None;
        documentStart = text.Length;
    }

    public void EndDocument()
    {
        if (tree is null || open.Count > 0 || root == YamlTree.None)
        {
            throw new InvalidOperationException("a document ends after its one value is complete");
        }

        documents.Add(new YamlDocument(tree, root, documentStart, text.Length, NoQuotedScalars));
        tree = null;
    }

    public void BeginObject() => BeginCollection(YamlNodeKind.Mapping, '{');

    public void EndObject() => EndCollection(YamlNodeKind.Mapping, '}');

    public void BeginArray() => BeginCollection(YamlNodeKind.Sequence, '[');

    public void EndArray() => EndCollection(YamlNodeKind.Sequence, ']');

    /// <summary>The next field's name, in an object, before its value.</summary>
    public void Key(string name)
    {
        if (open.Count == 0 || open[open.Count - 1] is not { Kind: YamlNodeKind.Mapping, Key: YamlTree.None } mapping)
        {
            throw new InvalidOperationException("a key goes in an object, before a value");
        }

        for (var key = Tree.FirstChild(mapping.Node); key != YamlTree.None; key = Tree.Next(Tree.Next(key)))
        {
            if (Tree.Value(key) == name)
            {
                throw new InvalidOperationException("the key \"" + name + "\" is already in this object");
            }
        }

        Separate();
        open[open.Count - 1] = mapping with { Key = Quoted(name) };
        text.Append(": ");
    }

    /// <summary>A string: always double-quoted, so that YAML reads it as a string too.</summary>
    public void String(string value)
    {
        BeforeValue();
        Add(Quoted(value));
    }

    public void Boolean(bool value) => Plain(value ? "true" : "false");

    public void Number(long value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    public void Number(double value) => Plain(value.ToString("R", CultureInfo.InvariantCulture));

    public void Number(float value) => Plain(value.ToString("R", CultureInfo.InvariantCulture));

    private YamlTree Tree => tree ?? throw new InvalidOperationException("a value goes in a document: begin one first");

    private void Plain(string literal)
    {
        BeforeValue();
        var start = text.Length;
        text.Append(literal);
        Add(Tree.AddScalar(literal, ScalarStyle.Plain, start, text.Length, null));
    }

    private int Quoted(string value)
    {
        var start = text.Length;
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                // YAML breaks lines at NEL and the Unicode line and paragraph separators too, even between quotes.
                case < ' ' or '\u0085' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
        return Tree.AddScalar(value, ScalarStyle.DoubleQuoted, start, text.Length, null);
    }

    private void BeginCollection(YamlNodeKind kind, char bracket)
    {
        BeforeValue();
        var node = Tree.AddCollection(kind, text.Length, null);
        text.Append(bracket);
        open.Add(new Open(node, kind, YamlTree.None));
    }

    private void EndCollection(YamlNodeKind kind, char bracket)
    {
        if (open.Count == 0 || open[open.Count - 1] is not { Key: YamlTree.None } top || top.Kind != kind)
        {
            throw new InvalidOperationException("no " + (kind == YamlNodeKind.Mapping ? "object" : "array") + " to end here");
        }

        open.RemoveAt(open.Count - 1);
        // YamlDotNet ends a flow collection at its closing bracket, not after it.
        Tree.Complete(top.Node, text.Length);
        text.Append(bracket);
        Add(top.Node);
    }

    /// <summary>", " before every entry of a collection but its first (a value follows its key's ": " directly).</summary>
    private void Separate()
    {
        if (open.Count > 0 && open[open.Count - 1] is { Key: YamlTree.None } top && Tree.ChildCount(top.Node) > 0)
        {
            text.Append(", ");
        }
    }

    /// <summary>Refuses a value where none can go, before anything is written; else separates it from the one before.</summary>
    private void BeforeValue()
    {
        _ = Tree;
        if (open.Count == 0 ? root != YamlTree.None : open[open.Count - 1] is { Kind: YamlNodeKind.Mapping, Key: YamlTree.None })
        {
            throw new InvalidOperationException(open.Count == 0 ? "a document holds one value" : "a value in an object needs a key before it");
        }

        Separate();
    }

    /// <summary>A complete value: the document's root, an array's item or the value of the key before it.</summary>
    private void Add(int node)
    {
        if (open.Count == 0)
        {
            root = node;
            return;
        }

        var top = open[open.Count - 1];
        if (top.Kind == YamlNodeKind.Sequence)
        {
            Tree.AppendChild(top.Node, node);
        }
        else
        {
            Tree.AppendChild(top.Node, top.Key);
            Tree.AppendChild(top.Node, node);
            open[open.Count - 1] = top with { Key = YamlTree.None };
        }
    }

    private readonly record struct Open(int Node, YamlNodeKind Kind, int Key);
}
