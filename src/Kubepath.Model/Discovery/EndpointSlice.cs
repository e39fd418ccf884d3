using System;
using System.Collections.Generic;

namespace Kubepath.Model;

/// <summary>A <c>discovery.k8s.io/v1</c> EndpointSlice: the endpoints kube-proxy programs for a Service.</summary>
public sealed record EndpointSlice : ManifestObject
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public Field<EndpointAddressType>? AddressType { get; init; }

    public IReadOnlyList<Endpoint> Endpoints { get; init; } = Array.Empty<Endpoint>();

    public IReadOnlyList<EndpointPort> Ports { get; init; } = Array.Empty<EndpointPort>();

    /// <summary>The Service this slice belongs to, from its <c>kubernetes.io/service-name</c> label.</summary>
    public string? ServiceName => Metadata.Labels[ServiceNameLabel];
}

public sealed record Endpoint
{
    public IReadOnlyList<Field<string>> Addresses { get; init; } = Array.Empty<Field<string>>();

    /// <summary>Absent means ready (the API's documented default for a nil <c>ready</c>).</summary>
    public Field<bool>? Ready { get; init; }

    public Field<bool>? Serving { get; init; }

    public Field<bool>? Terminating { get; init; }

    public Field<string>? Hostname { get; init; }

    public Field<string>? NodeName { get; init; }

    public Field<string>? Zone { get; init; }

    public IReadOnlyList<Field<string>> HintZones { get; init; } = Array.Empty<Field<string>>();

    public IReadOnlyList<Field<string>> HintNodes { get; init; } = Array.Empty<Field<string>>();

    public ObjectReference? TargetRef { get; init; }

    public required SourceSpan Span { get; init; }
}

public sealed record EndpointPort(Field<string>? Name, Field<int>? Port, Field<Protocol>? Protocol, Field<string>? AppProtocol, SourceSpan Span);

public sealed record ObjectReference(Field<string>? Kind, Field<string>? Namespace, Field<string>? Name, SourceSpan Span);
