using System.Security.Cryptography;
using System.Text;

namespace Kubepath.Engine.World;

/// <summary>
/// SHA-256 of UTF-8 text, as kube-proxy names chains, MetalLB elects announcers and Kubepath places placeholders: one
/// hasher per thread, as creating one costs more than hashing a short text (netstandard2.0 has no one-shot HashData).
/// </summary>
internal static class Sha256Text
{
    [System.ThreadStatic]
    private static SHA256? hasher;

    public static byte[] Of(string text) => (hasher ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text));
}
