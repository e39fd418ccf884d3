using System.Text;

namespace Kubepath.Engine.Compile;

/// <summary>
/// A Service port as kube-proxy names it: <c>namespace/name:port-name</c>, or <c>namespace/name</c> for an
/// unnamed port (kube-proxy's <c>ServicePortName.String()</c>). The text appears in rule comments and seeds
/// every chain name.
/// </summary>
public readonly record struct ServicePortName(string Namespace, string Name, string PortName)
{
    public override string ToString() => AppendTo(new StringBuilder(Namespace.Length + Name.Length + PortName.Length + 2)).ToString();

    /// <summary>Appends the name to <paramref name="text"/>, for texts that begin with it (a chain name's hash input).</summary>
    public StringBuilder AppendTo(StringBuilder text)
    {
        text.Append(Namespace).Append('/').Append(Name);
        return PortName.Length == 0 ? text : text.Append(':').Append(PortName);
    }
}
