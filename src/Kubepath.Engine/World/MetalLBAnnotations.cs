using System;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// MetalLB's Service annotations as a release reads them: before 0.14.9 only <c>metallb.universe.tf/</c>; from
/// 0.14.9 <c>metallb.io/</c> when the key is present (even empty), else the old prefix (controller/service.go
/// <c>valueForAnnotation</c>).
/// </summary>
public static class MetalLBAnnotations
{
    public const string CurrentPrefix = "metallb.io/";
    public const string OldPrefix = "metallb.universe.tf/";

    public static bool ReadsCurrentPrefix(Version release) => release >= new Version(0, 14, 9);

    /// <summary>The annotation entry MetalLB reads for <paramref name="name"/> (<c>loadBalancerIPs</c>, <c>address-pool</c>, <c>allow-shared-ip</c>).</summary>
    public static MapEntry? Find(Service service, string name, Version release)
    {
        var annotations = service.Metadata.Annotations;
        if (ReadsCurrentPrefix(release) && annotations.Find(CurrentPrefix + name) is { } current)
        {
            return current;
        }

        return annotations.Find(OldPrefix + name);
    }
}
