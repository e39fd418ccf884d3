using System;
using System.Text;
using YamlDotNet.Core;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// Reads the block style manifests are written in (mappings and lists by indentation, one-line plain and quoted
/// scalars, comments, <c>---</c> between documents, empty <c>[]</c> and <c>{}</c>) into the same events, at the same
/// offsets, as YamlDotNet's parser reads them, without its event objects and the process-wide lock its scalars take
/// (<c>string.IsInterned</c>): several times faster, and files can be read on every core.
/// Lines end with LF or CRLF. At the first thing outside that style (a tab, a lone CR, an anchor, alias, tag,
/// directive, block or multi-line scalar, a flow collection with content, anything malformed) it gives up, and the
/// caller reads the rest with YamlDotNet, from that document's <c>---</c>. tests/Kubepath.Manifests.Tests/Yaml/BlockYamlReaderTests.cs checks that wherever it reads a
/// text, it reads it exactly as YamlDotNet does, and that the documents it passes on before giving up are YamlDotNet's.
/// </summary>
internal sealed class BlockYamlReader
{
    /// <summary>Deeper than this, YamlDotNet reads the text (and its limits apply); the reader's recursion stays shallow.</summary>
    private const int MaxDepth = 100;

    /// <summary>YAML limits a simple key to 1024 characters; keys near that (with a margin) are left to YamlDotNet.</summary>
    private const int MaxKeyLength = 1000;

    private const int PoolSize = 1024;
    private const int PooledLength = 40;

    private readonly string text;
    private readonly IYamlEvents events;
    private readonly string?[] pool = new string?[PoolSize];
    private int lineStart;
    private int depth;

    /// <summary>Where the text not yet passed on starts: 0, then the <c>---</c> after each document passed on.</summary>
    private int unread;

    private BlockYamlReader(string text, IYamlEvents events)
    {
        this.text = text;
        this.events = events;
    }

    /// <summary>
    /// Passes the text's events to <paramref name="events"/> and returns true, with the rule a handler found broken if one
    /// stopped the reading; or returns false where the text leaves the block style, with <paramref name="resumeAt"/> where
    /// the document it could not read starts (its <c>---</c>, or 0 for the first): the documents before it have been
    /// passed on, and YamlDotNet reads on from there.
    /// </summary>
    public static bool TryRead(string text, IYamlEvents events, out (int Offset, string Message)? violation, out int resumeAt)
    {
        violation = null;
        var reader = new BlockYamlReader(text, events);
        try
        {
            reader.Stream();
            resumeAt = text.Length;
            return true;
        }
        catch (NotBlockStyle)
        {
            resumeAt = reader.unread;
            return false;
        }
        catch (Stopped stopped)
        {
            violation = stopped.Violation;
            resumeAt = text.Length;
            return true;
        }
    }

    private void Stream()
    {
        var at = NextToken(0);
        while (at < text.Length)
        {
            int root;
            if (IsDocumentStart(at))
            {
                Check(events.DocumentStart(isImplicit: false, at, at + 3));
                var next = NextToken(EndOfLine(at + 3));

                // An empty document before the next ---: YamlDotNet gives it an empty scalar at the end of that ---.
                if (next < text.Length && IsDocumentStart(next))
                {
                    Check(events.Scalar(string.Empty, ScalarStyle.Plain, next + 3, next + 3, false, null, null));
                    events.DocumentEnd(next);
                    at = unread = next;
                    continue;
                }

                root = next == text.Length ? throw new NotBlockStyle() : next;
            }
            else
            {
                Check(events.DocumentStart(isImplicit: true, at, at));
                root = at;
            }

            at = IsEntry(root) ? Sequence(root, indentless: false) : Mapping(root);
            if (at < text.Length && !IsDocumentStart(at))
            {
                throw new NotBlockStyle();
            }

            events.DocumentEnd(at);
            unread = at;
        }
    }

    /// <summary>A block mapping whose first key is at <paramref name="at"/>; returns where the next token after it is.</summary>
    private int Mapping(int at)
    {
        var indent = Column(at);
        Enter();
        Check(events.CollectionStart(YamlNodeKind.Mapping, false, at, indent, null, null));
        while (true)
        {
            var colon = Key(at) ?? throw new NotBlockStyle();
            at = Value(colon, indent);
            if (at == text.Length || IsDocumentStart(at) || Column(at) < indent)
            {
                break;
            }

            if (Column(at) > indent || IsEntry(at))
            {
                throw new NotBlockStyle();
            }
        }

        Check(events.CollectionEnd(at));
        depth--;
        return at;
    }

    /// <summary>
    /// A block sequence whose first <c>-</c> is at <paramref name="at"/>; <paramref name="indentless"/> when it is a
    /// mapping's value at the mapping's own indentation. Returns where the next token after it is.
    /// </summary>
    private int Sequence(int at, bool indentless)
    {
        var indent = Column(at);
        Enter();
        Check(events.CollectionStart(YamlNodeKind.Sequence, false, at, indent, null, null));
        while (true)
        {
            at = Item(at + 1, indent);
            if (at == text.Length || IsDocumentStart(at) || Column(at) < indent)
            {
                break;
            }

            if (Column(at) > indent || (!IsEntry(at) && !indentless))
            {
                throw new NotBlockStyle();
            }

            if (!IsEntry(at))
            {
                break;
            }
        }

        Check(events.CollectionEnd(at));
        depth--;
        return at;
    }

    /// <summary>A sequence's item, after its <c>-</c>; returns where the next token after it is.</summary>
    private int Item(int afterDash, int indent)
    {
        var at = SkipSpaces(afterDash);
        if (at == text.Length || text[at] == '#' || IsBreak(at))
        {
            return NodeBelow(afterDash, indent);
        }

        if (IsEntry(at))
        {
            throw new NotBlockStyle();
        }

        // "- key: value" starts a mapping at the key's column.
        return IsKey(at) ? Mapping(at) : InlineScalar(at);
    }

    /// <summary>
    /// Reads a key at <paramref name="at"/> and passes it on; returns the offset of its colon, or null when no key is there.
    /// </summary>
    private int? Key(int at)
    {
        var end = KeyEnd(at);
        if (end < 0)
        {
            return null;
        }

        var (value, style) = ScalarAt(at, end);
        Check(events.Scalar(value, style, at, end, false, null, null));
        return end;
    }

    /// <summary>A mapping value after the colon at <paramref name="colon"/>; returns where the next token after it is.</summary>
    private int Value(int colon, int indent)
    {
        var at = SkipSpaces(colon + 1);
        if (at == text.Length || text[at] == '#' || IsBreak(at))
        {
            var below = NextToken(EndOfLine(colon + 1));

            // A list at the key's own indentation is the key's value (an "indentless" sequence).
            if (below < text.Length && Column(below) == indent && IsEntry(below) && !IsDocumentStart(below))
            {
                return Sequence(below, indentless: true);
            }

            return NodeBelow(colon + 1, indent, below);
        }

        return InlineScalar(at);
    }

    /// <summary>
    /// The node that starts on a later line, more indented than <paramref name="indent"/>, or an empty scalar at
    /// <paramref name="emptyAt"/> when there is none. Returns where the next token after it is.
    /// </summary>
    private int NodeBelow(int emptyAt, int indent, int? below = null)
    {
        var at = below ?? NextToken(EndOfLine(emptyAt));
        if (at < text.Length && !IsDocumentStart(at) && Column(at) > indent)
        {
            return IsEntry(at) ? Sequence(at, indentless: false) : IsKey(at) ? Mapping(at) : throw new NotBlockStyle();
        }

        Check(events.Scalar(string.Empty, ScalarStyle.Plain, emptyAt, emptyAt, false, null, null));
        return at;
    }

    /// <summary>A scalar (or an empty <c>[]</c>, <c>{}</c>) that ends its line; returns where the next token after it is.</summary>
    private int InlineScalar(int at)
    {
        if (text[at] is '[' or '{')
        {
            if (at + 1 >= text.Length || text[at + 1] != (text[at] == '[' ? ']' : '}'))
            {
                throw new NotBlockStyle();
            }

            Enter();
            Check(events.CollectionStart(text[at] == '[' ? YamlNodeKind.Sequence : YamlNodeKind.Mapping, true, at, Column(at), null, null));
            Check(events.CollectionEnd(at + 1));
            depth--;
            return NextToken(EndOfLine(at + 2));
        }

        var end = ScalarEnd(at);
        var (value, style) = ScalarAt(at, end);
        if (end < text.Length && text[end] == ':')
        {
            // "a: b: c", "- a: b: c": a mapping cannot start on its key's line.
            throw new NotBlockStyle();
        }

        Check(events.Scalar(value, style, at, end, false, null, null));
        return NextToken(EndOfLine(end));
    }

    /// <summary>Whether a scalar at <paramref name="at"/> is followed by a colon that makes it a key.</summary>
    private bool IsKey(int at) => KeyEnd(at) >= 0;

    /// <summary>Where the key at <paramref name="at"/> ends (at its colon), or -1 when no key is there.</summary>
    private int KeyEnd(int at)
    {
        if (text[at] is '[' or '{')
        {
            return -1;
        }

        var end = ScalarEnd(at);
        return end - at <= MaxKeyLength && end < text.Length && text[end] == ':' && EndsToken(end + 1) ? end : -1;
    }

    /// <summary>Where the one-line scalar at <paramref name="at"/> ends (a plain one before trailing spaces).</summary>
    private int ScalarEnd(int at) => text[at] switch
    {
        '\'' or '"' => QuotedEnd(at),
        _ => PlainEnd(at),
    };

    /// <summary>The value and style of the scalar from <paramref name="at"/> to <paramref name="end"/> (<see cref="ScalarEnd"/>).</summary>
    private (string Value, ScalarStyle Style) ScalarAt(int at, int end) => text[at] switch
    {
        '\'' => (Unquote(at + 1, end - 1, single: true), ScalarStyle.SingleQuoted),
        '"' => (Unquote(at + 1, end - 1, single: false), ScalarStyle.DoubleQuoted),
        _ => (Pooled(at, end - at), ScalarStyle.Plain),
    };

    /// <summary>
    /// The end of a one-line plain scalar: before a <c>": "</c>, a <c>" #"</c> comment or the line's end, trailing spaces
    /// left out. YAML 1.2 (7.3.3): it cannot start with an indicator, except <c>-</c>, <c>?</c>, <c>:</c> before a
    /// non-space.
    /// </summary>
    private int PlainEnd(int at)
    {
        var first = text[at];
        if (first is ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`'
            || (first is '-' or '?' or ':' && EndsToken(at + 1)))
        {
            throw new NotBlockStyle();
        }

        var end = at;
        var i = at;
        var aliasLikeWord = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsBreak(i) || (c == ':' && EndsToken(i + 1)))
            {
                // YamlDotNet's scanner reads a word that starts with '*' as an alias's text, where ": " ends the scalar
                // only if a key is required there ("- x *y: z" is one scalar to it): left to YamlDotNet.
                if (c == ':' && aliasLikeWord)
                {
                    throw new NotBlockStyle();
                }

                break;
            }

            if (c == ' ')
            {
                var next = SkipSpaces(i);
                if (next == text.Length || text[next] == '#' || IsBreak(next))
                {
                    break;
                }

                aliasLikeWord = text[next] == '*';

                i = next;
                continue;
            }

            RequirePrintable(c);
            end = ++i;
        }

        // "a : b" (space before the colon) is valid YAML but rare: left to YamlDotNet.
        if (i < text.Length && text[i] == ':' && i != end)
        {
            throw new NotBlockStyle();
        }

        return end;
    }

    /// <summary>The end of a quoted scalar that closes on its own line (after the closing quote).</summary>
    private int QuotedEnd(int at)
    {
        var quote = text[at];
        for (var i = at + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }

            if (c == '\\' && quote == '"')
            {
                i++;
                if (i == text.Length || text[i] is not ('"' or '\\' or '/' or 'n' or 't'))
                {
                    throw new NotBlockStyle();
                }

                continue;
            }

            if (c == '\n')
            {
                throw new NotBlockStyle();
            }

            RequirePrintable(c);
        }

        throw new NotBlockStyle();
    }

    private string Unquote(int start, int end, bool single)
    {
        var escape = single ? '\'' : '\\';
        var first = text.IndexOf(escape, start, end - start);
        if (first < 0)
        {
            return Pooled(start, end - start);
        }

        var value = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            if (text[i] == escape)
            {
                i++;
                value.Append(single ? '\'' : text[i] switch { 'n' => '\n', 't' => '\t', var c => c });
                continue;
            }

            value.Append(text[i]);
        }

        return value.ToString();
    }

    /// <summary>
    /// Characters YamlDotNet reads as themselves inside a scalar. Others (controls, NEL and the Unicode line and paragraph
    /// separators, which YAML 1.1 breaks lines at, the no-break space, a byte order mark, surrogates) are left to YamlDotNet.
    /// </summary>
    private static void RequirePrintable(char c)
    {
        if (c is (>= ' ' and <= '~') or (>= '\u00A1' and <= '\uD7FF' and not '\u2028' and not '\u2029') or (>= '\uE000' and <= '\uFFFD' and not '\uFEFF'))
        {
            return;
        }

        throw new NotBlockStyle();
    }

    /// <summary>After a token: spaces, a comment, then the line's end. Returns where the next line starts.</summary>
    private int EndOfLine(int at)
    {
        var i = SkipSpaces(at);
        if (i < text.Length && text[i] == '#')
        {
            // A comment needs white space before it: "a"#b is not one.
            if (i == at)
            {
                throw new NotBlockStyle();
            }

            i = SkipComment(i);
        }

        if (i == text.Length)
        {
            return i;
        }

        if (!IsBreak(i))
        {
            throw new NotBlockStyle();
        }

        lineStart = AfterBreak(i);
        return lineStart;
    }

    /// <summary>From the start of a line: the next token, past blank lines and comment lines; the text's length at its end.</summary>
    private int NextToken(int at)
    {
        var i = at;
        while (true)
        {
            i = SkipSpaces(i);
            if (i < text.Length && text[i] == '#')
            {
                i = SkipComment(i);
            }

            if (i == text.Length)
            {
                return i;
            }

            if (!IsBreak(i))
            {
                // Directives, the document end marker and lone CRs are left to YamlDotNet.
                if (text[i] is '\r' || (i == lineStart && (text[i] == '%' || IsMarker(i, '.'))))
                {
                    throw new NotBlockStyle();
                }

                return i;
            }

            i = lineStart = AfterBreak(i);
        }
    }

    private int SkipSpaces(int at)
    {
        var i = at;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private int SkipComment(int at)
    {
        var i = at;
        while (i < text.Length && !IsBreak(i))
        {
            if (text[i] is '\r' or '\u0085' or '\u2028' or '\u2029' or (< ' ' and not '\t'))
            {
                throw new NotBlockStyle();
            }

            i++;
        }

        return i;
    }

    /// <summary>A line break: LF or CRLF.</summary>
    private bool IsBreak(int at) => text[at] == '\n' || (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n');

    private int AfterBreak(int at) => at + (text[at] == '\r' ? 2 : 1);

    /// <summary>Whether <paramref name="at"/> is past a token: a space, a line break or the end of the text.</summary>
    private bool EndsToken(int at) => at == text.Length || text[at] == ' ' || IsBreak(at);

    private int Column(int at) => at - lineStart;

    private bool IsEntry(int at) => text[at] == '-' && EndsToken(at + 1);

    private bool IsDocumentStart(int at) => at == lineStart && IsMarker(at, '-');

    /// <summary><c>---</c> or <c>...</c> followed by a space, a line break or the end of the text.</summary>
    private bool IsMarker(int at, char c) =>
        at + 3 <= text.Length && text[at] == c && text[at + 1] == c && text[at + 2] == c && (at + 3 == text.Length || text[at + 3] is ' ' or '\n' or '\r');

    private void Enter()
    {
        if (++depth > MaxDepth)
        {
            throw new NotBlockStyle();
        }
    }

    private static void Check((int Offset, string Message)? violation)
    {
        if (violation is not null)
        {
            throw new Stopped(violation.Value);
        }
    }

    /// <summary>The text of a short scalar, shared with the earlier ones of the same text: keys repeat in every object.</summary>
    private string Pooled(int start, int length)
    {
        if (length > PooledLength)
        {
            return text.Substring(start, length);
        }

        var hash = (uint)length;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619;
        }

        ref var slot = ref pool[hash % PoolSize];
        if (slot is { } pooled && pooled.Length == length && string.CompareOrdinal(pooled, 0, text, start, length) == 0)
        {
            return pooled;
        }

        slot = text.Substring(start, length);
        return slot;
    }

    /// <summary>The text leaves the block style this reader knows.</summary>
    private sealed class NotBlockStyle : Exception
    {
    }

    /// <summary>A handler found a rule broken; reading ends there.</summary>
    private sealed class Stopped : Exception
    {
        public Stopped((int Offset, string Message) violation) => Violation = violation;

        public (int Offset, string Message) Violation { get; }
    }
}
