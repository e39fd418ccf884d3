using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>
/// The spelling of an enum's values in manifests. API validation is case-sensitive
/// (<c>externalTrafficPolicy: local</c> is rejected), so parsing is exact; <see cref="Suggest"/> finds the
/// value a near miss meant.
/// </summary>
public sealed class WireNames<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] values;

    public WireNames(params (string Name, T Value)[] values)
    {
        this.values = values;
        Choices = string.Join(", ", Names);
        Expected = "one of " + Choices;
    }

    /// <summary>The valid spellings, comma-separated, for messages.</summary>
    public string Choices { get; }

    /// <summary>"one of" the valid spellings, for messages.</summary>
    public string Expected { get; }

    public IEnumerable<string> Names
    {
        get
        {
            foreach (var (name, _) in values)
            {
                yield return name;
            }
        }
    }

    public bool TryParse(string text, out T value)
    {
        foreach (var (name, candidate) in values)
        {
            if (name == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string NameOf(T value)
    {
        foreach (var (name, candidate) in values)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        return value.ToString();
    }

    /// <summary>The valid spelling that differs from <paramref name="text"/> only in case, if any.</summary>
    public string? Suggest(string text)
    {
        foreach (var (name, _) in values)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}

public static class WireNames
{
    public static readonly WireNames<ServiceType> ServiceType = new(
        ("ClusterIP", Model.ServiceType.ClusterIP),
        ("NodePort", Model.ServiceType.NodePort),
        ("LoadBalancer", Model.ServiceType.LoadBalancer),
        ("ExternalName", Model.ServiceType.ExternalName));

    public static readonly WireNames<TrafficPolicy> TrafficPolicy = new(
        ("Cluster", Model.TrafficPolicy.Cluster),
        ("Local", Model.TrafficPolicy.Local));

    public static readonly WireNames<SessionAffinity> SessionAffinity = new(
        ("None", Model.SessionAffinity.None),
        ("ClientIP", Model.SessionAffinity.ClientIP));

    public static readonly WireNames<Protocol> Protocol = new(
        ("TCP", Model.Protocol.Tcp),
        ("UDP", Model.Protocol.Udp),
        ("SCTP", Model.Protocol.Sctp));

    public static readonly WireNames<IPFamily> IPFamily = new(
        ("IPv4", Model.IPFamily.IPv4),
        ("IPv6", Model.IPFamily.IPv6));

    public static readonly WireNames<IPFamilyPolicy> IPFamilyPolicy = new(
        ("SingleStack", Model.IPFamilyPolicy.SingleStack),
        ("PreferDualStack", Model.IPFamilyPolicy.PreferDualStack),
        ("RequireDualStack", Model.IPFamilyPolicy.RequireDualStack));

    public static readonly WireNames<LoadBalancerIPMode> LoadBalancerIPMode = new(
        ("VIP", Model.LoadBalancerIPMode.VIP),
        ("Proxy", Model.LoadBalancerIPMode.Proxy));

    public static readonly WireNames<EndpointAddressType> EndpointAddressType = new(
        ("IPv4", Model.EndpointAddressType.IPv4),
        ("IPv6", Model.EndpointAddressType.IPv6),
        ("FQDN", Model.EndpointAddressType.Fqdn));

    public static readonly WireNames<NodeAddressType> NodeAddressType = new(
        ("Hostname", Model.NodeAddressType.Hostname),
        ("InternalIP", Model.NodeAddressType.InternalIP),
        ("ExternalIP", Model.NodeAddressType.ExternalIP),
        ("InternalDNS", Model.NodeAddressType.InternalDNS),
        ("ExternalDNS", Model.NodeAddressType.ExternalDNS));

    /// <summary>Operators of label selectors (In, NotIn, Exists, DoesNotExist).</summary>
    public static readonly WireNames<SelectorOperator> LabelSelectorOperator = new(
        ("In", SelectorOperator.In),
        ("NotIn", SelectorOperator.NotIn),
        ("Exists", SelectorOperator.Exists),
        ("DoesNotExist", SelectorOperator.DoesNotExist));

    /// <summary>Operators of node selector requirements, which add Gt and Lt.</summary>
    public static readonly WireNames<SelectorOperator> NodeSelectorOperator = new(
        ("In", SelectorOperator.In),
        ("NotIn", SelectorOperator.NotIn),
        ("Exists", SelectorOperator.Exists),
        ("DoesNotExist", SelectorOperator.DoesNotExist),
        ("Gt", SelectorOperator.Gt),
        ("Lt", SelectorOperator.Lt));

    public static readonly WireNames<TolerationOperator> TolerationOperator = new(
        ("Exists", Model.TolerationOperator.Exists),
        ("Equal", Model.TolerationOperator.Equal));

    public static readonly WireNames<TaintEffect> TaintEffect = new(
        ("NoSchedule", Model.TaintEffect.NoSchedule),
        ("PreferNoSchedule", Model.TaintEffect.PreferNoSchedule),
        ("NoExecute", Model.TaintEffect.NoExecute));

    public static readonly WireNames<ConditionStatus> ConditionStatus = new(
        ("True", Model.ConditionStatus.True),
        ("False", Model.ConditionStatus.False),
        ("Unknown", Model.ConditionStatus.Unknown));

    public static readonly WireNames<UnsatisfiableConstraintAction> UnsatisfiableConstraintAction = new(
        ("DoNotSchedule", Model.UnsatisfiableConstraintAction.DoNotSchedule),
        ("ScheduleAnyway", Model.UnsatisfiableConstraintAction.ScheduleAnyway));

    public static readonly WireNames<DynamicAsnMode> DynamicAsnMode = new(
        ("internal", Model.DynamicAsnMode.Internal),
        ("external", Model.DynamicAsnMode.External));
}
