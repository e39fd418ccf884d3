using System;
using System.Text;

namespace Kubepath.Manifests.Text;

/// <summary>
/// Decodes a file's bytes as YAML allows (UTF-8, or UTF-16/32 announced by a byte order mark), refusing binary
/// files and invalid UTF-8 with the position of the first bad byte rather than guessing.
/// </summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public readonly struct Result
    {
        public Result(string? text, string? problem, string readablePrefix)
        {
            Text = text;
            Problem = problem;
            ReadablePrefix = readablePrefix;
        }

        /// <summary>The decoded text without its byte order mark, or null when the bytes are not text.</summary>
        public string? Text { get; }

        public string? Problem { get; }

        /// <summary>The text before the first unreadable byte, which places the problem.</summary>
        public string ReadablePrefix { get; }
    }

    public static Result Decode(byte[] bytes)
    {
        if (StartsWith(bytes, 0x00, 0x00, 0xFE, 0xFF))
        {
            return Strict(bytes, 4, new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32");
        }

        if (StartsWith(bytes, 0xFF, 0xFE, 0x00, 0x00))
        {
            return Strict(bytes, 4, new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32");
        }

        if (StartsWith(bytes, 0xFE, 0xFF))
        {
            return Strict(bytes, 2, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16");
        }

        if (StartsWith(bytes, 0xFF, 0xFE))
        {
            return Strict(bytes, 2, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16");
        }

        var start = StartsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        var bad = FirstInvalidUtf8(bytes, start);
        if (bad >= 0)
        {
            var what = bytes[bad] == 0 ? "a NUL byte: this looks like a binary file" : $"byte 0x{bytes[bad]:X2} is not valid UTF-8";
            return new Result(null, $"cannot read the file as text: {what}", StrictUtf8.GetString(bytes, start, bad - start));
        }

        var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        return new Result(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text, null, string.Empty);
    }

    private static Result Strict(byte[] bytes, int bom, Encoding encoding, string name)
    {
        try
        {
            return new Result(encoding.GetString(bytes, bom, bytes.Length - bom), null, string.Empty);
        }
        catch (DecoderFallbackException)
        {
            return new Result(null, $"cannot read the file as {name} text: it contains invalid code units", string.Empty);
        }
    }

    /// <summary>The index of the first byte that is not part of well-formed UTF-8 (or is NUL), or -1.</summary>
    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var i = start;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == 0)
            {
                return i;
            }

            if (b < 0x80)
            {
                i++;
                continue;
            }

            int need;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                need = 1;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                need = 2;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                need = 3;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + need >= bytes.Length)
            {
                return i;
            }

            var code = b & (0x3F >> need);
            for (var k = 1; k <= need; k++)
            {
                var next = bytes[i + k];
                if ((next & 0xC0) != 0x80)
                {
                    return i;
                }

                code = (code << 6) | (next & 0x3F);
            }

            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                return i;
            }

            i += need + 1;
        }

        return -1;
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
