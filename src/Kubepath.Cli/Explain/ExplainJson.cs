using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Kubepath.Engine.Simulate;
using Kubepath.Engine.World;

namespace Kubepath.Cli.Explain;

/// <summary>The JSON form of <c>explain</c>, described by schemas/explain.schema.json.</summary>
internal static class ExplainJson
{
    public static string Render(ClusterWorld world, IReadOnlyList<ServiceFlows> services)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("profile", world.Profile.Name);
            json.WriteString("kubeProxyVersion", world.Profile.KubeProxy.Version.ToString());
            json.WriteStartArray("services");
            foreach (var service in services)
            {
                WriteService(json, service);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteService(Utf8JsonWriter json, ServiceFlows service)
    {
        json.WriteStartObject();
        json.WriteString("namespace", service.Service.Namespace);
        json.WriteString("name", service.Service.Name);
        json.WriteString("type", service.Service.Type.ToString());
        json.WriteString("endpointSource", service.Service.EndpointSource.ToString());
        if (service.Service.Allocation is { } allocation)
        {
            json.WriteStartObject("allocation");
            WriteStrings(json, "addresses", allocation.Addresses.Select(ip => ip.ToString()));
            WriteOptional(json, "pool", allocation.Pool);
            WriteStrings(json, "possiblePools", allocation.PossiblePools);
            WriteOptional(json, "failure", allocation.Failure);
            WriteOptional(json, "ignored", allocation.Ignored);
            json.WriteBoolean("observed", allocation.Observed);
            json.WriteEndObject();
        }

        json.WriteStartArray("ports");
        foreach (var port in service.Ports)
        {
            json.WriteStartObject();
            json.WriteString("name", port.Port.Name);
            json.WriteString("protocol", port.Port.Protocol.ToString().ToUpperInvariant());
            json.WriteNumber("port", port.Port.Port);
            json.WriteNumber("nodePort", port.Port.NodePort);
            json.WriteStartArray("entries");
            foreach (var entry in port.Entries)
            {
                json.WriteStartObject();
                json.WriteString("kind", entry.Entry.Kind.ToString());
                json.WriteString("address", entry.Entry.Address.ToString());
                json.WriteNumber("port", entry.Entry.Port);
                if (entry.Entry.Node is not null)
                {
                    json.WriteString("node", entry.Entry.Node);
                }

                if (entry.Announcement is { } announcement)
                {
                    WriteAnnouncement(json, announcement);
                }

                json.WriteStartArray("flows");
                foreach (var flow in entry.Origins)
                {
                    WriteFlow(json, flow);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAnnouncement(Utf8JsonWriter json, Announcement announcement)
    {
        json.WriteStartObject("announcement");
        WriteOptional(json, "pool", announcement.Pool);
        WriteStrings(json, "layer2Candidates", announcement.Layer2Candidates);
        WriteOptional(json, "layer2Announcer", announcement.Layer2Announcer);
        WriteStrings(json, "layer2Interfaces", announcement.Layer2Interfaces);
        WriteStrings(json, "bgpAdvertisers", announcement.BgpAdvertisers);
        json.WriteStartArray("routes");
        foreach (var route in announcement.Routes)
        {
            json.WriteStartObject();
            json.WriteString("node", route.Node);
            json.WriteString("peer", route.Peer);
            json.WriteString("prefix", route.Prefix);
            json.WriteNumber("localPref", route.LocalPref);
            WriteStrings(json, "communities", route.Communities);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "entryNodes", announcement.EntryNodes);
        WriteOptional(json, "notAnnounced", announcement.NotAnnounced);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteFlow(Utf8JsonWriter json, OriginFlows flow)
    {
        json.WriteStartObject();
        json.WriteStartObject("origin");
        json.WriteString("kind", flow.Origin.Kind.ToString());
        json.WriteString("node", flow.Origin.Node);
        json.WriteString("source", flow.Origin.Source.ToString());
        json.WriteBoolean("sourceAssumed", flow.Origin.SourceAssumed);
        json.WriteEndObject();
        json.WriteStartArray("outcomes");
        foreach (var outcome in flow.Outcomes)
        {
            json.WriteStartObject();
            json.WriteString("verdict", outcome.Verdict.ToString());
            json.WriteNumber("probability", System.Math.Round(outcome.Probability, 12));
            if (outcome.Endpoint is not null)
            {
                json.WriteString("endpoint", outcome.Endpoint);
            }

            if (outcome.EndpointNode is not null)
            {
                json.WriteString("endpointNode", outcome.EndpointNode);
            }

            json.WriteBoolean("masqueraded", outcome.Masqueraded);
            json.WriteString("sourceSeen", outcome.SourceSeen.ToString());
            if (outcome.SourceInterface is not null)
            {
                json.WriteString("sourceInterface", outcome.SourceInterface);
            }

            json.WriteStartArray("path");
            foreach (var step in outcome.Path)
            {
                json.WriteStringValue(step);
            }

            json.WriteEndArray();
            if (outcome.DecidedBy is not null)
            {
                json.WriteString("decidedBy", outcome.DecidedBy);
            }

            json.WriteBoolean("affinityFirstConnection", outcome.AffinityFirstConnection);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("assumed");
        foreach (var assumption in flow.Assumed.OrderBy(text => text, System.StringComparer.Ordinal))
        {
            json.WriteStringValue(assumption);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
