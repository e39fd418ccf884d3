namespace Kubepath.Engine.Compile;

/// <summary>
/// A Service port as kube-proxy names it: <c>namespace/name:port-name</c>, or <c>namespace/name</c> for an
/// unnamed port (kube-proxy's <c>ServicePortName.String()</c>). The text appears in rule comments and seeds
/// every chain name.
/// </summary>
public readonly record struct ServicePortName(string Namespace, string Name, string PortName)
{
    public override string ToString() =>
        PortName.Length == 0 ? Namespace + "/" + Name : Namespace + "/" + Name + ":" + PortName;
}
