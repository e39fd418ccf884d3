using Kubepath.Model;
using static Kubepath.Manifests.Tests.Manifest;

namespace Kubepath.Manifests.Tests.Kinds;

public class ClusterObjectTests
{
    [Fact]
    public void A_node_has_addresses_pod_CIDRs_labels_taints_and_conditions()
    {
        var node = Single<Model.Node>("""
            apiVersion: v1
            kind: Node
            metadata:
              name: vm1
              namespace: ignored
              labels:
                node-role.kubernetes.io/control-plane: "true"
                node.kubernetes.io/exclude-from-external-load-balancers: ""
            spec:
              podCIDR: 10.42.0.0/24
              podCIDRs: [10.42.0.0/24]
              taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
            status:
              addresses:
              - {type: InternalIP, address: 10.65.94.238}
              - {type: Hostname, address: vm1}
              conditions:
              - {type: NetworkUnavailable, status: "False"}
              - {type: Ready, status: "True"}
            """);

        Assert.Equal("vm1", node.QualifiedName);
        Assert.Equal(string.Empty, node.Namespace);
        Assert.Equal("true", node.Metadata.Labels["node-role.kubernetes.io/control-plane"]);
        Assert.Equal(string.Empty, node.Metadata.Labels["node.kubernetes.io/exclude-from-external-load-balancers"]);
        Assert.Equal("10.42.0.0/24", node.Spec.PodCIDR!.Value);
        Assert.Equal("10.42.0.0/24", node.Spec.PodCIDRs[0].Value);
        Assert.Equal(TaintEffect.NoSchedule, node.Spec.Taints[0].Effect!.Value);
        Assert.Equal((NodeAddressType.InternalIP, "10.65.94.238"), (node.Status.Addresses[0].Type!.Value, node.Status.Addresses[0].Address!.Value));
        Assert.Equal(ConditionStatus.False, node.Status.Conditions[0].Status!.Value);
    }

    [Fact]
    public void A_namespace_keeps_its_labels_for_namespace_selectors()
    {
        var ns = Single<Namespace>("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n");
        Assert.Equal(("shop", "a"), (ns.QualifiedName, ns.Metadata.Labels["team"]));
    }

    [Fact]
    public void An_endpoint_slice_has_endpoints_with_conditions_nodes_zones_and_hints()
    {
        var slice = Single<EndpointSlice>("""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-abc12
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            endpoints:
            - addresses: [10.42.0.8]
              conditions: {ready: true, serving: true, terminating: false}
              nodeName: vm1
              zone: zone-a
              hints:
                forZones: [{name: zone-a}]
                forNodes: [{name: vm1}]
              targetRef: {kind: Pod, namespace: default, name: web-1}
            - addresses: [10.42.1.2]
              conditions: {ready: false, serving: true, terminating: true}
              nodeName: vm2
            ports:
            - {name: http, port: 80, protocol: TCP, appProtocol: http}
            """);

        Assert.Equal("web", slice.ServiceName);
        Assert.Equal(EndpointAddressType.IPv4, slice.AddressType!.Value);
        var first = slice.Endpoints[0];
        Assert.Equal(("10.42.0.8", true, "vm1", "zone-a"), (first.Addresses[0].Value, first.Ready!.Value, first.NodeName!.Value, first.Zone!.Value));
        Assert.Equal(("zone-a", "vm1"), (first.HintZones[0].Value, first.HintNodes[0].Value));
        Assert.Equal("web-1", first.TargetRef!.Name!.Value);
        Assert.Equal((false, true, true), (slice.Endpoints[1].Ready!.Value, slice.Endpoints[1].Serving!.Value, slice.Endpoints[1].Terminating!.Value));
        Assert.Equal(("http", 80, Protocol.Tcp), (slice.Ports[0].Name!.Value, slice.Ports[0].Port!.Value, slice.Ports[0].Protocol!.Value));
    }

    [Fact]
    public void Kinds_Kubepath_does_not_model_are_kept_as_opaque_objects()
    {
        var set = Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {a: b}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n");
        Assert.Empty(set.Diagnostics);
        Assert.All(set.Objects, o => Assert.IsType<OpaqueObject>(o));
        Assert.Equal(new[] { "default/conf", "r" }, set.Objects.Select(o => o.QualifiedName));
    }
}
