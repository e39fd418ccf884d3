using System;
using System.Collections.Generic;
using System.IO;
using Kubepath.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// Reads a YAML stream into documents of <see cref="YamlNode"/>s in one pass over YamlDotNet's parser events.
/// A syntax error ends only its own document: reading resumes at the next <c>---</c> line. Hostile input is
/// bounded by <see cref="LoadLimits"/>.
/// </summary>
internal sealed class YamlStreamReader
{
    private const int MaxRepairs = 16;

    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly string file;
    private readonly Text.LineMap lines;
    private readonly LoadLimits limits;
    private readonly bool recordQuotedScalars;
    private readonly List<Diagnostic> diagnostics;
    private readonly Action<YamlDocument> onDocument;
    private readonly RepairableText source;

    public YamlStreamReader(
        string file,
        string text,
        Text.LineMap lines,
        LoadLimits limits,
        bool recordQuotedScalars,
        List<Diagnostic> diagnostics,
        Action<YamlDocument> onDocument)
    {
        this.file = file;
        this.lines = lines;
        this.limits = limits;
        this.recordQuotedScalars = recordQuotedScalars;
        this.diagnostics = diagnostics;
        this.onDocument = onDocument;
        source = new RepairableText(text);
    }

    /// <summary>Reports a syntax error unless the caller explains it better (an unrendered template).</summary>
    public Func<int, bool>? ExplainSyntaxError { get; init; }

    public void Read()
    {
        var segmentStart = 0;
        var repairs = 0;
        var alreadyEmitted = 0;
        while (true)
        {
            var segment = new Segment(this, segmentStart, alreadyEmitted);
            var error = segment.Parse();
            if (error is null)
            {
                return;
            }

            var (offset, message, repairable) = error.Value;
            if (repairable && repairs < MaxRepairs && YamlRepairs.TryRepair(source, offset, message))
            {
                repairs++;
                alreadyEmitted = segment.Emitted;
                continue;
            }

            var original = source.ToOriginal(offset);
            if (ExplainSyntaxError is null || !ExplainSyntaxError(original))
            {
                var position = lines.At(original);
                diagnostics.Add(LoadDiagnostics.YamlSyntax.At(
                    new SourceSpan(file, position, position, FieldPath.Root),
                    message));
            }

            segmentStart = NextDocumentMarker(source.Text, offset);
            alreadyEmitted = 0;
            if (segmentStart < 0)
            {
                return;
            }
        }
    }

    /// <summary>The start of the first line after <paramref name="offset"/> that begins a document (<c>---</c>).</summary>
    private static int NextDocumentMarker(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (true)
        {
            var newline = text.IndexOfAny(LineBreaks, i);
            if (newline < 0)
            {
                return -1;
            }

            var lineStart = newline + 1;
            if (text[newline] == '\r' && lineStart < text.Length && text[lineStart] == '\n')
            {
                lineStart++;
            }

            if (string.CompareOrdinal(text, lineStart, "---", 0, 3) == 0
                && (lineStart + 3 >= text.Length || text[lineStart + 3] is ' ' or '\t' or '\n' or '\r'))
            {
                return lineStart;
            }

            i = lineStart;
        }
    }

    /// <summary>One run of the parser from a document boundary until the end of the text or the first error.</summary>
    private sealed class Segment
    {
        private readonly YamlStreamReader reader;
        private readonly int start;
        private readonly int skip;
        private readonly string text;
        private readonly List<Frame> stack = new();
        private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
        private readonly List<Diagnostic> documentDiagnostics = new();
        private static readonly List<(int Start, int End)> NoQuotedScalars = new();

        private List<(int Start, int End)> quoted = NoQuotedScalars;
        private YamlNode? root;
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
        }

        /// <summary>Documents completed in this run (including the ones skipped because an earlier run emitted them).</summary>
        public int Emitted { get; private set; }

        private string File => reader.file;

        public (int Offset, string Message, bool Repairable)? Parse()
        {
            var input = start == 0 ? text : text.Substring(start);
            lastEventEnd = start;
            lastDocumentEnd = start;
            var parser = new Parser(new StringReader(input));
            try
            {
                while (parser.MoveNext())
                {
                    lastEventEnd = WorkOffset(parser.Current!.End);
                    var violation = OnEvent(parser.Current!);
                    if (violation is not null)
                    {
                        return (violation.Value.Offset, violation.Value.Message, false);
                    }
                }

                return null;
            }
            catch (YamlException e)
            {
                return (start + (int)Math.Min(e.Start.Index, input.Length), Describe(e), true);
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

        private int Offset(Mark mark) => reader.source.ToOriginal(start + (int)mark.Index);

        private int WorkOffset(Mark mark) => start + (int)mark.Index;

        private (int Offset, string Message)? OnEvent(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart documentStartEvent:
                    documentStart = Offset(e.Start);
                    root = null;
                    aliasWeight = 0;
                    abandoned = false;
                    anchors.Clear();
                    stack.Clear();
                    documentDiagnostics.Clear();
                    quoted = reader.recordQuotedScalars ? new List<(int, int)>() : NoQuotedScalars;
                    return documentStartEvent.IsImplicit ? null : YamlSpecChecks.VersionDirective(text, lastDocumentEnd, WorkOffset(e.End));
                case DocumentEnd:
                    lastDocumentEnd = WorkOffset(e.End);
                    EndDocument(Offset(e.End));
                    return null;
                case StreamStart:
                case StreamEnd:
                    return null;
            }

            if (abandoned)
            {
                return null;
            }

            switch (e)
            {
                case Scalar scalar:
                    return OnScalar(scalar);
                case MappingStart mapping:
                    return OnCollectionStart(new YamlMapping(Offset(e.Start), TagOf(mapping), mapping.Style == MappingStyle.Flow), mapping, mapping.Style == MappingStyle.Flow);
                case SequenceStart sequence:
                    return OnCollectionStart(new YamlSequence(Offset(e.Start), TagOf(sequence)), sequence, sequence.Style == SequenceStyle.Flow);
                case MappingEnd:
                case SequenceEnd:
                    return OnCollectionEnd(e);
                case AnchorAlias alias:
                    OnAlias(alias);
                    return null;
                default:
                    return null;
            }
        }

        private (int Offset, string Message)? OnScalar(Scalar scalar)
        {
            var node = new YamlScalar(scalar.Value, scalar.Style, Offset(scalar.Start), Offset(scalar.End), TagOf(scalar));
            if (reader.recordQuotedScalars && !node.IsPlain)
            {
                quoted.Add((node.Start, node.End));
            }

            var violation = scalar.Start.Line != scalar.End.Line && InBlockContext && scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded)
                ? YamlSpecChecks.TabIndentedContinuation(text, WorkOffset(scalar.Start), WorkOffset(scalar.End), BlockIndent)
                : null;
            Remember(scalar, node);
            Add(node);
            return violation;
        }

        private (int Offset, string Message)? OnCollectionStart(YamlCollection node, NodeEvent e, bool flow)
        {
            if (stack.Count >= reader.limits.MaxDepth)
            {
                Abandon(node.Start, $"collections are nested more than {reader.limits.MaxDepth} levels deep; the document is skipped");
                return null;
            }

            var violation = flow ? null : YamlSpecChecks.TabBeforeCompactCollection(text, WorkOffset(e.Start));
            var blockIndent = flow ? BlockIndent : ColumnOf(WorkOffset(e.Start));
            stack.Add(new Frame(node, flow, blockIndent, flow && InBlockContext ? WorkOffset(e.Start) : -1));
            Remember(e, node);
            return violation;
        }

        private (int Offset, string Message)? OnCollectionEnd(ParsingEvent e)
        {
            var frame = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            var node = frame.Node;
            node.Complete(Math.Max(node.Start, Offset(e.End)));
            if (frame.Key is not null)
            {
                // A key without a value can only be seen at the end of a malformed mapping; keep it with a null value.
                AddEntry((YamlMapping)node, frame.Key, new YamlScalar(string.Empty, ScalarStyle.Plain, node.End, node.End, null));
            }

            Add(node);
            return frame.FlowStart >= 0 ? YamlSpecChecks.TabIndentedContinuation(text, frame.FlowStart, WorkOffset(e.End), BlockIndent) : null;
        }

        private void OnAlias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            var at = Offset(alias.Start);
            if (!anchors.TryGetValue(name, out var target))
            {
                Fail(at, $"alias *{name} refers to no anchor defined before it");
                return;
            }

            if (!target.IsComplete)
            {
                Abandon(at, $"alias *{name} refers to a node that contains it; Kubernetes cannot read recursive YAML");
                return;
            }

            aliasWeight += target.Weight;
            if (aliasWeight > reader.limits.MaxAliasExpansion)
            {
                Abandon(at, $"aliases expand this document past {reader.limits.MaxAliasExpansion:N0} nodes (an alias bomb?); the document is skipped");
                return;
            }

            Add(target);
        }

        private bool InBlockContext
        {
            get
            {
                foreach (var frame in stack)
                {
                    if (frame.Flow)
                    {
                        return false;
                    }
                }

                return stack.Count > 0;
            }
        }

        private int BlockIndent => stack.Count == 0 ? -1 : stack[stack.Count - 1].BlockIndent;

        private int ColumnOf(int workOffset)
        {
            var i = workOffset;
            while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r')
            {
                i--;
            }

            return workOffset - i;
        }

        private void Remember(NodeEvent e, YamlNode node)
        {
            if (!e.Anchor.IsEmpty)
            {
                anchors[e.Anchor.Value] = node;
            }
        }

        private void Add(YamlNode node)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            var parent = stack[stack.Count - 1];
            parent.Node.AddWeight(node.Weight);
            switch (parent.Node)
            {
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlMapping mapping when parent.Key is null:
                    parent.Key = node;
                    break;
                case YamlMapping mapping:
                    AddEntry(mapping, parent.Key, node);
                    parent.Key = null;
                    break;
            }
        }

        private void AddEntry(YamlMapping mapping, YamlNode key, YamlNode value)
        {
            if (key is YamlScalar scalar && scalar.IsPlain && scalar.Tag is null && scalar.Value == "<<")
            {
                // YAML 1.1 merge key, which Kubernetes' YAML reader (go-yaml v2) honours.
                mapping.Merged ??= new List<YamlMapping>();
                if (value is YamlMapping merged)
                {
                    mapping.Merged.Add(merged);
                }
                else if (value is YamlSequence list)
                {
                    foreach (var item in list.Items)
                    {
                        if (item is YamlMapping each)
                        {
                            mapping.Merged.Add(each);
                        }
                    }
                }

                return;
            }

            if (key is YamlScalar keyScalar)
            {
                foreach (var existing in mapping.Entries)
                {
                    if (existing.Key is YamlScalar other && other.Value == keyScalar.Value)
                    {
                        var first = reader.lines.At(other.Start);
                        documentDiagnostics.Add(LoadDiagnostics.DuplicateKey.At(
                            Span(keyScalar),
                            $"duplicate key '{keyScalar.Value}' (first defined at line {first.Line}); kubectl rejects a manifest with a repeated key, the later value is ignored here"));
                        return;
                    }
                }
            }

            mapping.Entries.Add(new YamlEntry(key, value));
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
                reader.onDocument(new YamlDocument(root, documentStart, end, quoted));
            }
        }

        private void Abandon(int offset, string message) => Abandon(LoadDiagnostics.InputLimit.At(Span(offset), message));

        private void Fail(int offset, string message) => Abandon(LoadDiagnostics.YamlSyntax.At(Span(offset), message));

        /// <summary>Drops the rest of the document; its diagnostics are reported when the document ends.</summary>
        private void Abandon(Diagnostic diagnostic)
        {
            documentDiagnostics.Add(diagnostic);
            abandoned = true;
            stack.Clear();
        }

        private SourceSpan Span(YamlNode node) =>
            new(File, reader.lines.At(node.Start), reader.lines.At(node.End), FieldPath.Root);

        private SourceSpan Span(int offset)
        {
            var position = reader.lines.At(offset);
            return new SourceSpan(File, position, position, FieldPath.Root);
        }

        private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty || e.Tag.IsNonSpecific ? null : e.Tag.Value;

        private sealed class Frame
        {
            public Frame(YamlCollection node, bool flow, int blockIndent, int flowStart)
            {
                Node = node;
                Flow = flow;
                BlockIndent = blockIndent;
                FlowStart = flowStart;
            }

            public YamlCollection Node { get; }

            public bool Flow { get; }

            /// <summary>The column (0-based) of the innermost block collection this frame is in.</summary>
            public int BlockIndent { get; }

            /// <summary>Where an outermost flow collection inside block context starts; -1 otherwise.</summary>
            public int FlowStart { get; }

            public YamlNode? Key { get; set; }
        }
    }
}
