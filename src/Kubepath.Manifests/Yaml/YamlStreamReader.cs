using System;
using System.Collections.Generic;
using System.IO;
using Kubepath.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// Reads a YAML stream into documents of <see cref="YamlTree"/>s in one pass: the block style manifests are written in
/// through <see cref="BlockYamlReader"/>, the rest through YamlDotNet's parser events.
/// A syntax error ends only its own document: reading resumes at the next <c>---</c> line. Hostile input is
/// bounded by <see cref="LoadLimits"/>.
/// </summary>
internal sealed class YamlStreamReader
{
    private const int MaxRepairsPerDocument = 16;

    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly SourceLines lines;
    private readonly LoadLimits limits;
    private readonly bool recordQuotedScalars;
    private readonly List<Diagnostic> diagnostics;
    private readonly Action<YamlDocument> onDocument;
    private readonly RepairableText source;
    private readonly bool hasTabs;

    /// <summary>Below this many characters, handing events between threads costs more than it saves.</summary>
    private const int MinReadAheadLength = 16 * 1024;

    public YamlStreamReader(
        SourceLines lines,
        string text,
        LoadLimits limits,
        bool recordQuotedScalars,
        List<Diagnostic> diagnostics,
        Action<YamlDocument> onDocument)
    {
        this.lines = lines;
        this.limits = limits;
        this.recordQuotedScalars = recordQuotedScalars;
        this.diagnostics = diagnostics;
        this.onDocument = onDocument;
        source = new RepairableText(text);

        // The tab rules can only be broken by a file that has a tab; repairs never add one.
        hasTabs = text.IndexOf('\t') >= 0;
    }

    /// <summary>
    /// Given the failing document's start, the error's offset and the document's quoted scalars so far, reports
    /// what explains a syntax error better (an unrendered template) and returns true, or returns false.
    /// </summary>
    public Func<int, int, IReadOnlyList<(int Start, int End)>, bool>? ExplainSyntaxError { get; init; }

    /// <summary>Run YamlDotNet's parser on a second thread, ahead of the trees (<see cref="ReadAheadParser"/>).</summary>
    public bool ParseAhead { get; init; }

    public void Read()
    {
        var segmentStart = 0;
        if (!hasTabs)
        {
            // The block style manifests are written in is read without YamlDotNet (BlockYamlReader). From the first document
            // outside it (at its ---), YamlDotNet reads the rest: nothing is read twice.
            var block = new Segment(this, 0, 0);
            if (BlockYamlReader.TryRead(source.Text, block, out var stopped, out segmentStart))
            {
                if (stopped is not { } violation)
                {
                    return;
                }

                segmentStart = Unreadable(block, violation.Offset, violation.Message, 0);
            }
        }

        var repairs = 0;
        var alreadyEmitted = 0;
        while (segmentStart >= 0)
        {
            var segment = new Segment(this, segmentStart, alreadyEmitted);
            var error = segment.Parse();
            if (error is null)
            {
                return;
            }

            var (offset, message, repairable) = error.Value;
            if (repairable && repairs < MaxRepairsPerDocument && YamlRepairs.TryRepair(source, offset, message) is { } repair)
            {
                var original = source.ToOriginal(offset);
                diagnostics.Add(LoadDiagnostics.YamlReaderDifference.At(lines.Span(original, original, FieldPath.Root), repair));

                // Re-read from the failing document when it starts with its own ---: the ones before it are done.
                var restart = segment.ExplicitDocumentStart;
                if (restart > segmentStart)
                {
                    segmentStart = restart;
                    alreadyEmitted = 0;
                    repairs = 1;
                }
                else
                {
                    alreadyEmitted = segment.Emitted;
                    repairs++;
                }

                continue;
            }

            segmentStart = Unreadable(segment, offset, message, segmentStart);
            alreadyEmitted = 0;
            repairs = 0;
        }
    }

    /// <summary>
    /// Reports an error the text cannot be read past (at <paramref name="offset"/>, in the text being parsed) and returns
    /// where reading resumes: the next document, or -1.
    /// </summary>
    private int Unreadable(Segment segment, int offset, string message, int segmentStart)
    {
        // What the failing document found before the error (a duplicate key, an alias to nothing) still stands.
        var original = source.ToOriginal(offset);
        diagnostics.AddRange(segment.PendingDiagnostics);
        if (ExplainSyntaxError is null || !ExplainSyntaxError(segment.CurrentDocumentStart, original, segment.QuotedScalars))
        {
            diagnostics.Add(LoadDiagnostics.YamlSyntax.At(lines.Span(original, original, FieldPath.Root), message));
        }

        return NextDocumentMarker(source.Text, offset, segmentStart);
    }

    /// <summary>
    /// Where reading resumes after an error at <paramref name="offset"/>: the first line that begins a document
    /// (<c>---</c>) after the current segment's start, the error's own line included (an unclosed bracket is
    /// reported at the next document's <c>---</c>).
    /// </summary>
    private static int NextDocumentMarker(string text, int offset, int segmentStart)
    {
        var lineStart = Math.Min(offset, text.Length);
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }

        while (true)
        {
            if (lineStart > segmentStart
                && string.CompareOrdinal(text, lineStart, "---", 0, 3) == 0
                && (lineStart + 3 >= text.Length || text[lineStart + 3] is ' ' or '\t' or '\n' or '\r'))
            {
                return lineStart;
            }

            var newline = text.IndexOfAny(LineBreaks, lineStart);
            if (newline < 0)
            {
                return -1;
            }

            lineStart = newline + 1;
            if (text[newline] == '\r' && lineStart < text.Length && text[lineStart] == '\n')
            {
                lineStart++;
            }
        }
    }

    /// <summary>
    /// The document trees built from one run of a reader (the block-style reader, or YamlDotNet's parser from a document
    /// boundary until the end of the text or the first error).
    /// </summary>
    private sealed class Segment : IYamlEvents
    {
        private readonly YamlStreamReader reader;
        private readonly int start;
        private readonly int skip;
        private readonly string text;
        private readonly YamlTree tree = new();
        private readonly Dictionary<string, int> anchors = new(StringComparer.Ordinal);
        private Frame[] frames = new Frame[32];
        private int depth;
        private readonly List<Diagnostic> documentDiagnostics = new();
        private static readonly List<(int Start, int End)> NoQuotedScalars = new();

        private List<(int Start, int End)> quoted = NoQuotedScalars;
        private readonly bool hasTabs;
        private int root = YamlTree.None;
        private int documentStart;
        private int lastDocumentEnd;
        private long aliasWeight;
        private int lastEventEnd;
        private bool abandoned;

        public Segment(YamlStreamReader reader, int start, int skip)
        {
            this.reader = reader;
            this.start = start;
            this.skip = skip;
            text = reader.source.Text;
            hasTabs = reader.hasTabs;
            documentStart = reader.source.ToOriginal(start);
        }

        /// <summary>Documents completed in this run (including the ones skipped because an earlier run emitted them).</summary>
        public int Emitted { get; private set; }

        /// <summary>Where the document being read starts, in the file's text.</summary>
        public int CurrentDocumentStart => documentStart;

        /// <summary>Where the document being read starts with its own <c>---</c>, in the parsed text; -1 when implicit.</summary>
        public int ExplicitDocumentStart { get; private set; } = -1;

        /// <summary>The quoted scalars of the document being read, when recorded.</summary>
        public IReadOnlyList<(int Start, int End)> QuotedScalars => quoted;

        /// <summary>Diagnostics of the document being read, not yet reported.</summary>
        public IReadOnlyList<Diagnostic> PendingDiagnostics => documentDiagnostics;

        public (int Offset, string Message, bool Repairable)? Parse()
        {
            lastEventEnd = start;
            lastDocumentEnd = start;

            var scanned = new Parser(start == 0 ? new StringReader(text) : new Text.OffsetReader(text, start));
            using var ahead = reader.ParseAhead && text.Length - start >= MinReadAheadLength && Environment.ProcessorCount > 1 ? new ReadAheadParser(scanned) : null;
            var parser = (IParser?)ahead ?? scanned;
            try
            {
                while (parser.MoveNext())
                {
                    lastEventEnd = start + (int)parser.Current!.End.Index;
                    var violation = YamlDotNetEvents.Dispatch(parser.Current!, start, this);
                    if (violation is not null)
                    {
                        return (violation.Value.Offset, violation.Value.Message, false);
                    }
                }

                return null;
            }
            catch (YamlException e)
            {
                return (start + (int)Math.Min(e.Start.Index, text.Length - start), Describe(e), true);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException or OverflowException)
            {
                // The parser's own invariants broke on malformed input: report where reading stopped, never crash.
                return (lastEventEnd, $"the YAML cannot be read past this point ({e.GetType().Name} in the YAML parser)", false);
            }
        }

        private static string Describe(YamlException e)
        {
            var message = e.Message;
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(", StringComparison.Ordinal) && close > 0)
            {
                message = message.Substring(close + 3);
            }

            return message.Replace("  ", " ").Trim();
        }

        private int Original(int workOffset) => reader.source.ToOriginal(workOffset);

        /// <summary>Past the node limit, the rest of the document is dropped: true when this node is not to be kept.</summary>
        private bool Dropped(int start)
        {
            if (tree.Count >= reader.limits.MaxDocumentNodes && !abandoned)
            {
                Abandon(Original(start), $"the document has more than {reader.limits.MaxDocumentNodes:N0} nodes; it is skipped");
            }

            return abandoned;
        }

        public (int Offset, string Message)? DocumentStart(bool isImplicit, int start, int end)
        {
            documentStart = Original(start);
            ExplicitDocumentStart = isImplicit ? -1 : start;
            root = YamlTree.None;
            aliasWeight = 0;
            abandoned = false;
            anchors.Clear();
            depth = 0;
            tree.Clear();
            documentDiagnostics.Clear();
            quoted = reader.recordQuotedScalars ? new List<(int, int)>() : NoQuotedScalars;
            return isImplicit ? null : YamlSpecChecks.VersionDirective(text, lastDocumentEnd, end);
        }

        public void DocumentEnd(int end)
        {
            lastDocumentEnd = end;
            EndDocument(Original(end));
        }

        public (int Offset, string Message)? Scalar(string value, ScalarStyle style, int start, int end, bool multiLine, string? tag, string? anchor)
        {
            if (Dropped(start))
            {
                return null;
            }

            var node = tree.AddScalar(value, style, Original(start), Original(end), Specific(tag));
            if (reader.recordQuotedScalars && !tree.IsPlain(node))
            {
                quoted.Add((tree.Start(node), tree.End(node)));
            }

            // The tab rules can only be broken by a file that has a tab.
            var violation = hasTabs && multiLine && InBlockContext && style is not (ScalarStyle.Literal or ScalarStyle.Folded)
                ? YamlSpecChecks.TabIndentedContinuation(text, start, end, BlockIndent)
                : null;
            Remember(anchor, node);
            Add(node);
            return violation;
        }

        public (int Offset, string Message)? CollectionStart(YamlNodeKind kind, bool flow, int start, int column, string? tag, string? anchor)
        {
            if (Dropped(start))
            {
                return null;
            }

            if (depth >= reader.limits.MaxDepth)
            {
                Abandon(Original(start), $"collections are nested more than {reader.limits.MaxDepth} levels deep; the document is skipped");
                return null;
            }

            var node = tree.AddCollection(kind, Original(start), Specific(tag));
            // An anchor or tag puts the event's start on "&a" or "!!map", not on the first key: the indentation is
            // then learned from the first child.
            var decorated = anchor is not null || tag is not null;
            var violation = flow || !hasTabs || decorated ? null : YamlSpecChecks.TabBeforeCompactCollection(text, start);
            var blockIndent = flow ? BlockIndent : decorated ? IndentFromFirstChild : column;
            if (depth == frames.Length)
            {
                Array.Resize(ref frames, frames.Length * 2);
            }

            frames[depth++] = new Frame(node, blockIndent, hasTabs && flow && InBlockContext ? start : -1, flowDepth: flow ? FlowDepth + 1 : FlowDepth);
            Remember(anchor, node);
            return violation;
        }

        public (int Offset, string Message)? CollectionEnd(int end)
        {
            if (abandoned)
            {
                return null;
            }

            var frame = frames[--depth];
            frames[depth] = default;
            var node = frame.Node;
            tree.Complete(node, Original(end));
            if (frame.Key != YamlTree.None)
            {
                // A key without a value can only be seen at the end of a malformed mapping; keep it with a null value.
                AddEntry(ref frame, frame.Key, tree.AddScalar(string.Empty, ScalarStyle.Plain, tree.End(node), tree.End(node), null));
            }

            Add(node);
            return frame.FlowStart >= 0 ? YamlSpecChecks.TabIndentedContinuation(text, frame.FlowStart, end, BlockIndent) : null;
        }

        public void Alias(string name, int start, int end)
        {
            if (Dropped(start))
            {
                return;
            }

            var at = Original(start);
            if (!anchors.TryGetValue(name, out var target))
            {
                Fail(at, $"alias *{name} refers to no anchor defined before it");
                return;
            }

            if (!tree.IsComplete(target))
            {
                Abandon(at, $"alias *{name} refers to a node that contains it; Kubernetes cannot read recursive YAML");
                return;
            }

            aliasWeight += tree.Weight(target);
            if (aliasWeight > reader.limits.MaxAliasExpansion)
            {
                Abandon(at, $"aliases expand this document past {reader.limits.MaxAliasExpansion:N0} nodes (an alias bomb?); the document is skipped");
                return;
            }

            Add(tree.AddAlias(target, at, Original(end)));
        }

        private const int IndentFromFirstChild = -2;

        private bool InBlockContext => depth > 0 && FlowDepth == 0;

        private int FlowDepth => depth == 0 ? 0 : frames[depth - 1].FlowDepth;

        private int BlockIndent => depth == 0 ? -1 : frames[depth - 1].BlockIndent;

        private void Remember(string? anchor, int node)
        {
            if (anchor is not null)
            {
                anchors[anchor] = node;
            }
        }

        private void Add(int node)
        {
            if (depth == 0)
            {
                root = node;
                return;
            }

            ref var parent = ref frames[depth - 1];
            if (parent.BlockIndent == IndentFromFirstChild)
            {
                parent.BlockIndent = reader.lines.At(tree.Start(node)).Column - 1;
            }

            if (tree.Kind(parent.Node) == YamlNodeKind.Sequence)
            {
                tree.AppendChild(parent.Node, node);
            }
            else if (parent.Key == YamlTree.None)
            {
                parent.Key = node;
            }
            else
            {
                AddEntry(ref parent, parent.Key, node);
                parent.Key = YamlTree.None;
            }
        }

        private void AddEntry(ref Frame frame, int key, int value)
        {
            if (tree.Kind(key) == YamlNodeKind.Scalar && !tree.IsMergeKey(key))
            {
                var name = tree.Value(key);
                var first = FirstKey(ref frame, name, key);
                if (first != YamlTree.None)
                {
                    var line = reader.lines.At(tree.Start(first)).Line;
                    documentDiagnostics.Add(LoadDiagnostics.DuplicateKey.At(
                        Span(tree.Start(key), tree.End(key)),
                        $"duplicate key '{name}' (first defined at line {line}); kubectl rejects a manifest with a repeated key, the later value is ignored here"));
                    return;
                }
            }

            if (tree.IsMergeKey(key))
            {
                tree.MarkMerges(frame.Node);
                if (!MergesMappings(tree.Deref(value)))
                {
                    // go-yaml v2 (decode.go, merge): "map merge requires map or sequence of maps as the value".
                    documentDiagnostics.Add(LoadDiagnostics.WrongValueType.At(
                        Span(tree.Start(value), tree.End(value)),
                        "a merge key (<<) needs a mapping or a list of mappings; kubectl rejects anything else"));
                }
            }

            tree.AppendChild(frame.Node, key);
            tree.AppendChild(frame.Node, value);
        }

        private bool MergesMappings(int value)
        {
            if (tree.Kind(value) == YamlNodeKind.Mapping)
            {
                return true;
            }

            if (tree.Kind(value) != YamlNodeKind.Sequence)
            {
                return false;
            }

            for (var item = tree.FirstChild(value); item != YamlTree.None; item = tree.Next(item))
            {
                if (tree.Kind(tree.Deref(item)) != YamlNodeKind.Mapping)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The earlier key of the same text in the mapping, if any, or remembers <paramref name="key"/> as the first:
        /// a scan for small mappings, a set once a mapping grows large (a ConfigMap's data, a CRD's schema).
        /// </summary>
        private int FirstKey(ref Frame frame, string name, int key)
        {
            if (frame.Keys is null)
            {
                for (var k = tree.FirstChild(frame.Node); k != YamlTree.None && tree.Next(k) != YamlTree.None; k = tree.Next(tree.Next(k)))
                {
                    if (tree.Kind(k) == YamlNodeKind.Scalar && tree.Value(k) == name)
                    {
                        return k;
                    }
                }

                if (tree.ChildCount(frame.Node) < 32)
                {
                    return YamlTree.None;
                }

                frame.Keys = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var k = tree.FirstChild(frame.Node); k != YamlTree.None && tree.Next(k) != YamlTree.None; k = tree.Next(tree.Next(k)))
                {
                    if (tree.Kind(k) == YamlNodeKind.Scalar && !frame.Keys.ContainsKey(tree.Value(k)))
                    {
                        frame.Keys.Add(tree.Value(k), k);
                    }
                }
            }
            else if (frame.Keys.TryGetValue(name, out var seen))
            {
                return seen;
            }

            frame.Keys.Add(name, key);
            return YamlTree.None;
        }

        private void EndDocument(int end)
        {
            var index = Emitted++;
            if (index < skip)
            {
                return;
            }

            reader.diagnostics.AddRange(documentDiagnostics);
            if (!abandoned)
            {
                reader.onDocument(new YamlDocument(tree, root, documentStart, end, quoted));
            }
        }

        private void Abandon(int offset, string message) => Abandon(LoadDiagnostics.InputLimit.At(Span(offset, offset), message));

        private void Fail(int offset, string message) => Abandon(LoadDiagnostics.YamlSyntax.At(Span(offset, offset), message));

        /// <summary>Drops the rest of the document; its diagnostics are reported when the document ends.</summary>
        private void Abandon(Diagnostic diagnostic)
        {
            documentDiagnostics.Add(diagnostic);
            abandoned = true;
            depth = 0;
        }

        private SourceSpan Span(int start, int end) => reader.lines.Span(start, end, FieldPath.Root);

        /// <summary>A tag that names a type; the non-specific <c>!</c> and <c>?</c> name none.</summary>
        private static string? Specific(string? tag) => tag is null or "!" or "?" ? null : tag;

        private struct Frame
        {
            public Frame(int node, int blockIndent, int flowStart, int flowDepth)
            {
                Node = node;
                BlockIndent = blockIndent;
                FlowStart = flowStart;
                FlowDepth = flowDepth;
                Key = YamlTree.None;
                Keys = null;
            }

            public int Node { get; }

            /// <summary>The column (0-based) of the innermost block collection this frame is in.</summary>
            public int BlockIndent { get; set; }

            /// <summary>Where an outermost flow collection inside block context starts; -1 otherwise.</summary>
            public int FlowStart { get; }

            /// <summary>How many flow collections enclose this frame, itself included.</summary>
            public int FlowDepth { get; }

            /// <summary>The key read in this mapping whose value has not come yet.</summary>
            public int Key { get; set; }

            /// <summary>The keys of a large mapping, for finding a repeated key without rescanning.</summary>
            public Dictionary<string, int>? Keys { get; set; }
        }
    }
}
