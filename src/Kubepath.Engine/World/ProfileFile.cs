using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Kubepath.Manifests;
using Kubepath.Model;

namespace Kubepath.Engine.World;

/// <summary>
/// Turns a ClusterProfile file into a profile: the named base (k3s unless given) with every written field replacing
/// the base's. A value that cannot be used is reported at its position and the base's value is kept.
/// </summary>
public static class ProfileFile
{
    public static (ClusterProfile Profile, IReadOnlyList<Diagnostic> Diagnostics) Read(ClusterProfileManifest file)
    {
        var problems = new List<Diagnostic>();
        var profile = BuiltInProfiles.K3s;
        if (file.Base is { } baseName)
        {
            profile = BuiltInProfiles.Find(baseName.Value) ?? Report(problems, baseName, LoadDiagnostics.InvalidEnumValue, "spec.base: \"" + baseName.Value + "\" is not a built-in profile; use one of " + string.Join(", ", BuiltInProfiles.Names), BuiltInProfiles.K3s);
        }

        profile = profile with { Name = file.Name.Length > 0 ? file.Name : profile.Name };
        if (file.ClusterCIDRs.Count > 0)
        {
            profile = profile with { ClusterCidrs = Cidrs(file.ClusterCIDRs, "spec.clusterCIDRs", problems) };
        }

        if (file.ServiceCIDRs.Count > 0)
        {
            profile = profile with { ServiceCidrs = Cidrs(file.ServiceCIDRs, "spec.serviceCIDRs", problems) };
        }

        if (file.NodePortRange is { } range)
        {
            profile = PortRange.TryParse(range.Value, out var parsed)
                ? profile with { NodePortRange = parsed }
                : Report(problems, range, LoadDiagnostics.WrongValueType, "spec.nodePortRange: \"" + range.Value + "\" is not a port range such as 30000-32767", profile);
        }

        if (file.Cni is { } cni)
        {
            profile = Enum(cni, "spec.cni", new[] { ("flannel", Cni.Flannel), ("kindnet", Cni.Kindnet), ("other", Cni.Other) }, problems) is { } value ? profile with { Cni = value } : profile;
        }

        if (file.ExternalClient is { } client)
        {
            profile = Addresses.TryParse(client.Value, out var address)
                ? profile with { ExternalClient = address }
                : Report(problems, client, LoadDiagnostics.WrongValueType, "spec.externalClient: \"" + client.Value + "\" is not an IP address", profile);
        }

        if (file.AssumedNodeCount?.Value is { } count)
        {
            profile = profile with { AssumedNodeCount = Math.Max(1, Math.Min(count, 1000)) };
        }

        if (file.KubeProxy is { } proxy)
        {
            profile = profile with { KubeProxy = KubeProxy(profile.KubeProxy, proxy, problems) };
        }

        if (file.MetalLB is { } metallb)
        {
            var settings = profile.MetalLB;
            if (metallb.Version is { } version)
            {
                settings = System.Version.TryParse(version.Value.TrimStart('v'), out var parsed)
                    ? settings with { Version = parsed }
                    : Report(problems, version, LoadDiagnostics.WrongValueType, "spec.metallb.version: \"" + version.Value + "\" is not a MetalLB release such as 0.14.5", settings);
            }

            profile = profile with
            {
                MetalLB = settings with
                {
                    LoadBalancerClass = metallb.LoadBalancerClass?.Value ?? settings.LoadBalancerClass,
                    SpeakerNodes = metallb.SpeakerNodes?.Select(node => node.Value).ToList() ?? settings.SpeakerNodes,
                    Memberlist = metallb.Memberlist?.Value ?? settings.Memberlist,
                },
            };
        }

        if (file.Nodes.Count > 0)
        {
            profile = profile with { Nodes = file.Nodes.Where(node => node.Name is not null).Select(node => Node(node, problems)).ToList() };
        }

        return (profile, problems);
    }

    private static KubeProxySettings KubeProxy(KubeProxySettings settings, ProfileKubeProxy proxy, List<Diagnostic> problems)
    {
        const string Prefix = "spec.kubeProxy.";
        if (proxy.Mode is { } mode && Enum(mode, Prefix + "mode", new[] { ("iptables", ProxyMode.Iptables), ("ipvs", ProxyMode.Ipvs), ("nftables", ProxyMode.Nftables) }, problems) is { } parsedMode)
        {
            settings = settings with { Mode = parsedMode };
        }

        if (proxy.Version is { } version)
        {
            settings = KubeVersion.TryParse(version.Value, out var parsed)
                ? settings with { Version = parsed }
                : Report(problems, version, LoadDiagnostics.WrongValueType, Prefix + "version: \"" + version.Value + "\" is not a Kubernetes version such as \"1.29\"", settings);
        }

        if (proxy.DetectLocalMode is { } detect && Enum(detect, Prefix + "detectLocalMode", new[]
            {
                ("ClusterCIDR", LocalDetectMode.ClusterCidr), ("NodeCIDR", LocalDetectMode.NodeCidr), ("BridgeInterface", LocalDetectMode.BridgeInterface),
                ("InterfaceNamePrefix", LocalDetectMode.InterfaceNamePrefix), ("None", LocalDetectMode.None),
            }, problems) is { } parsedDetect)
        {
            settings = settings with { DetectLocalMode = parsedDetect };
        }

        if (proxy.IptablesBackend is { } backend && Enum(backend, Prefix + "iptables.backend", new[] { ("legacy", false), ("nft", true) }, problems) is { } nft)
        {
            settings = settings with { IptablesNft = nft };
        }

        if (proxy.IptablesVersion is { } iptablesVersion)
        {
            settings = System.Version.TryParse(iptablesVersion.Value, out var parsed)
                ? settings with { IptablesVersion = parsed }
                : Report(problems, iptablesVersion, LoadDiagnostics.WrongValueType, Prefix + "iptables.version: \"" + iptablesVersion.Value + "\" is not a version such as 1.8.7", settings);
        }

        if (proxy.MasqueradeBit is { } bit && (bit.Value < 0 || bit.Value > 31))
        {
            Report<object?>(problems, bit, LoadDiagnostics.WrongValueType, Prefix + "masqueradeBit: " + bit.Value + " is not a bit number from 0 to 31", null);
        }
        else if (proxy.MasqueradeBit is { } validBit)
        {
            settings = settings with { MasqueradeBit = validBit.Value };
        }

        foreach (var name in new[] { proxy.BridgeInterface, proxy.InterfaceNamePrefix })
        {
            if (name is { Value.Length: 0 })
            {
                Report<object?>(problems, name, LoadDiagnostics.WrongValueType, Prefix + "detectLocal: an interface name cannot be empty (kube-proxy refuses to start)", null);
            }
        }

        return settings with
        {
            BridgeInterface = proxy.BridgeInterface is { Value.Length: > 0 } bridge ? bridge.Value : settings.BridgeInterface,
            InterfaceNamePrefix = proxy.InterfaceNamePrefix is { Value.Length: > 0 } prefix ? prefix.Value : settings.InterfaceNamePrefix,
            MasqueradeAll = proxy.MasqueradeAll?.Value ?? settings.MasqueradeAll,
            NodePortAddresses = proxy.NodePortAddresses is { } addresses ? NodePortAddresses(addresses, problems) : settings.NodePortAddresses,
            LocalhostNodePorts = proxy.LocalhostNodePorts?.Value ?? settings.LocalhostNodePorts,
            RandomFully = proxy.RandomFully?.Value ?? settings.RandomFully,
            ConntrackTcpLiberal = proxy.ConntrackTCPLiberal?.Value ?? settings.ConntrackTcpLiberal,
            NfacctCounters = proxy.NfacctCounters?.Select(counter => counter.Value).ToList() ?? settings.NfacctCounters,
            LargeClusterEndpointsThreshold = proxy.LargeClusterEndpointsThreshold?.Value ?? settings.LargeClusterEndpointsThreshold,
            FeatureGates = proxy.FeatureGates is { } gates ? FeatureGateValues(gates, problems) : settings.FeatureGates,
        };
    }

    private static List<string> NodePortAddresses(IReadOnlyList<Field<string>> entries, List<Diagnostic> problems)
    {
        var result = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Value == "primary" || Cidr.TryParse(entry.Value, out _))
            {
                result.Add(entry.Value);
            }
            else
            {
                Report<object?>(problems, entry, LoadDiagnostics.WrongValueType, "spec.kubeProxy.nodePortAddresses: \"" + entry.Value + "\" is neither a CIDR nor \"primary\"", null);
            }
        }

        return result;
    }

    private static Dictionary<string, bool> FeatureGateValues(Field<StringMap> gates, List<Diagnostic> problems)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var entry in gates.Value)
        {
            if (bool.TryParse(entry.Value.Value, out var enabled))
            {
                result[entry.Key.Value] = enabled;
            }
            else
            {
                Report<object?>(problems, entry.Value, LoadDiagnostics.WrongValueType, "spec.kubeProxy.featureGates." + entry.Key.Value + ": \"" + entry.Value.Value + "\" is not true or false", null);
            }
        }

        return result;
    }

    private static NodeProfile Node(ProfileNode node, List<Diagnostic> problems) => new()
    {
        Name = node.Name!.Value,
        InternalIPs = node.InternalIPs
            .Select(ip => Addresses.TryParse(ip.Value, out var address) ? address : Report<IPAddress?>(problems, ip, LoadDiagnostics.WrongValueType, "internalIPs: \"" + ip.Value + "\" is not an IP address", null))
            .OfType<IPAddress>()
            .ToList(),
        PodCidrs = Cidrs(node.PodCIDRs, "podCIDRs", problems),
        Labels = node.Labels.GroupBy(entry => entry.Key.Value).ToDictionary(group => group.Key, group => group.Last().Value.Value, StringComparer.Ordinal),
        Interfaces = node.Interfaces
            .Select(entry =>
            {
                var address = entry.Address?.Value ?? string.Empty;
                var slash = address.IndexOf('/');
                if (entry.Name is null || slash < 0 || !Addresses.TryParse(address.Substring(0, slash), out var ip) || !Cidr.TryParse(address, out var subnet))
                {
                    return Report<InterfaceAddress?>(problems, entry.Address ?? entry.Name ?? new Field<string>(string.Empty, entry.Span), LoadDiagnostics.WrongValueType,
                        "interfaces: an interface needs a name and an address with its prefix, such as 10.123.123.1/24", null);
                }

                return new InterfaceAddress(entry.Name.Value, ip, subnet);
            })
            .OfType<InterfaceAddress>()
            .ToList(),
    };

    private static List<Cidr> Cidrs(IReadOnlyList<Field<string>> fields, string path, List<Diagnostic> problems) =>
        fields.Select(field => Cidr.TryParse(field.Value, out var cidr) && field.Value.IndexOf('/') > 0
                ? (Cidr?)cidr
                : Report<Cidr?>(problems, field, LoadDiagnostics.WrongValueType, path + ": \"" + field.Value + "\" is not a CIDR such as 10.42.0.0/16", null))
            .OfType<Cidr>()
            .ToList();

    private static T? Enum<T>(Field<string> field, string path, (string Name, T Value)[] choices, List<Diagnostic> problems)
        where T : struct
    {
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, field.Value, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return Report<T?>(problems, field, LoadDiagnostics.InvalidEnumValue, path + ": \"" + field.Value + "\" is not valid; use one of " + string.Join(", ", choices.Select(choice => choice.Name)), null);
    }

    private static T Report<T>(List<Diagnostic> problems, Field<string> field, LoadDiagnosticDescriptor descriptor, string message, T fallback)
    {
        problems.Add(descriptor.At(field.Span, message));
        return fallback;
    }

    private static T Report<T>(List<Diagnostic> problems, Field<int> field, LoadDiagnosticDescriptor descriptor, string message, T fallback)
    {
        problems.Add(descriptor.At(field.Span, message));
        return fallback;
    }
}
