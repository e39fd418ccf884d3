using System.Collections.Generic;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// The text handed to the YAML parser: the file's text, plus the few local rewrites that let YamlDotNet accept
/// valid YAML 1.2 it otherwise rejects (see <see cref="YamlRepairs"/>). Every offset the parser reports is
/// mapped back to the file's own text, so positions never drift.
/// </summary>
internal sealed class RepairableText
{
    private readonly List<int> insertedAt = new();
    private string text;

    public RepairableText(string original)
    {
        text = original;
    }

    public string Text => text;

    public bool IsRepaired { get; private set; }

    /// <summary>The offset in the file's text of the character at <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public int ToOriginal(int offset)
    {
        if (!IsRepaired)
        {
            return offset;
        }

        var shift = 0;
        foreach (var position in insertedAt)
        {
            if (position < offset)
            {
                shift++;
            }
        }

        return offset - shift;
    }

    /// <summary>Rewrites characters in place (same length, so no offset moves).</summary>
    public void Replace(int offset, string replacement)
    {
        var chars = text.ToCharArray();
        replacement.CopyTo(0, chars, offset, replacement.Length);
        text = new string(chars);
        IsRepaired = true;
    }

    /// <summary>Inserts one character that the file does not have; offsets after it are mapped back.</summary>
    public void Insert(int offset, char c)
    {
        for (var i = 0; i < insertedAt.Count; i++)
        {
            if (insertedAt[i] >= offset)
            {
                insertedAt[i]++;
            }
        }

        insertedAt.Add(offset);
        text = text.Insert(offset, c.ToString());
        IsRepaired = true;
    }
}
