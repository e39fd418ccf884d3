using System;
using System.IO;

namespace Kubepath.Manifests.Text;

/// <summary>
/// Reads a string from an offset without copying it, so resuming after a syntax error near the end of a large
/// file costs nothing however many times it happens.
/// </summary>
internal sealed class OffsetReader : TextReader
{
    private readonly string text;
    private int position;

    public OffsetReader(string text, int offset)
    {
        this.text = text;
        position = offset;
    }

    public override int Peek() => position < text.Length ? text[position] : -1;

    public override int Read() => position < text.Length ? text[position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, text.Length - position);
        if (n <= 0)
        {
            return 0;
        }

        text.CopyTo(position, buffer, index, n);
        position += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var rest = text.Substring(position);
        position = text.Length;
        return rest;
    }
}
