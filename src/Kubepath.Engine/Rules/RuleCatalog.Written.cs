// Written by CompiledCatalogTests from rules/KP*.yaml: edit the rule files, then run the test with KUBEPATH_APPROVE=1.
using Kubepath.Model;

namespace Kubepath.Engine.Rules;

public static partial class RuleCatalog
{
    private static RuleDescriptor[] Written() => new[]
    {
        new RuleDescriptor
        {
            Id = "KP1001",
            Title = "internalTrafficPolicy Local does not apply to the Service's external addresses",
            Severity = DiagnosticSeverity.Warning,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1001",
            Message = "internalTrafficPolicy: Local has no effect on traffic from pods to {kind} {address}: pods on {node} reach all {total} endpoints (kube-proxy sends pod traffic for external destinations to {chain})",
            Why = "internalTrafficPolicy only governs the cluster IP: kube-proxy sends cluster-IP traffic to the node's own\nendpoints (KUBE-SVL). Traffic from pods and from the node itself to the Service's LoadBalancer IPs and external\nIPs takes the external path (KUBE-EXT), where kube-proxy treats it as if it had gone out to the load balancer and\nback: it goes to every endpoint in the cluster. Clients that use the external address do not get node-local\nrouting.",
            Fix = "Have in-cluster clients use the Service's DNS name (its cluster IP), or accept that the external address is\nserved cluster-wide and remove internalTrafficPolicy to avoid the false impression.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\n  externalTrafficPolicy: Local\n  internalTrafficPolicy: Local\nstatus:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.10}]\n", 19, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: ClusterIP\n  selector: {app: web}\n  ports: [{port: 80}]\n  internalTrafficPolicy: Local\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1002",
            Title = "externalTrafficPolicy Cluster hides the client's address from the backends",
            Severity = DiagnosticSeverity.Info,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1002",
            Message = "externalTrafficPolicy: Cluster (the default): external clients of {service} reach its endpoints masqueraded, so the backends see {sources} instead of the client's address{required}",
            Why = "With externalTrafficPolicy Cluster, kube-proxy marks every external packet for masquerading (KUBE-EXT's\n\"masquerade traffic for \u2026 external destinations\" rule) because the chosen endpoint may be on another node. The\nbackend then sees the node's address or the CNI interface address, not the client's: access logs, rate limits and\nallow-lists by source address all see the cluster instead.",
            Fix = "Use externalTrafficPolicy Local when the backends need the client's address (then only nodes with a local\nendpoint should receive traffic), or pass the address in the protocol (PROXY protocol, X-Forwarded-For).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: web, image: nginx}]}\n", 5, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: web, image: nginx}]}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1003",
            Title = "externalTrafficPolicy Local drops node-port traffic on nodes without a local endpoint",
            Severity = DiagnosticSeverity.Warning,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1003",
            Message = "externalTrafficPolicy: Local: traffic to {service}'s node port {port} arriving at {nodes} is dropped (no local endpoint there; kube-proxy writes \"{name} has no local endpoints\" -j DROP){certainty}",
            Why = "With externalTrafficPolicy Local, kube-proxy forwards external traffic only to endpoints on the node it arrived\nat. On a node without one it drops the packet (a filter rule in KUBE-EXTERNAL-SERVICES), so clients or load\nbalancers that send to every node's node port see timeouts from some nodes.",
            Fix = "Run an endpoint on every node that receives traffic (a DaemonSet, or at least as many spread replicas as nodes),\nsend external traffic only to nodes that pass the Service's health check node port, or use\nexternalTrafficPolicy Cluster.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n", 16, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1004",
            Title = "loadBalancerSourceRanges does not protect the node port",
            Severity = DiagnosticSeverity.Warning,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1004",
            Message = "loadBalancerSourceRanges ({ranges}) only guards {service}'s load-balancer IP: its node port {nodePort} on every node lets any source reach the same endpoints (kube-proxy's KUBE-NODEPORTS rule jumps to {chain} without a source check)",
            Why = "kube-proxy enforces loadBalancerSourceRanges in the KUBE-FW chain it puts in front of the load-balancer IP only.\nThe Service's node port reaches the same endpoints through KUBE-NODEPORTS with no source check, so a client\noutside the ranges that can reach any node bypasses the restriction.",
            Fix = "Set allocateLoadBalancerNodePorts: false when the load balancer does not need node ports (MetalLB does not), or\nfilter the node ports with a NetworkPolicy or the nodes' firewall.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec:\n  type: LoadBalancer\n  clusterIP: 10.43.0.20\n  selector: {app: admin}\n  ports: [{port: 443, nodePort: 31443}]\n  loadBalancerSourceRanges:\n  - 203.0.113.0/24\nstatus:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.20}]\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: admin-1, labels: {kubernetes.io/service-name: admin}}\naddressType: IPv4\nendpoints: [{addresses: [10.42.0.9]}]\nports: [{name: \"\", port: 443}]\n", 10, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec:\n  type: LoadBalancer\n  clusterIP: 10.43.0.20\n  allocateLoadBalancerNodePorts: false\n  selector: {app: admin}\n  ports: [{port: 443}]\n  loadBalancerSourceRanges:\n  - 203.0.113.0/24\nstatus:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.20}]\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: admin-1, labels: {kubernetes.io/service-name: admin}}\naddressType: IPv4\nendpoints: [{addresses: [10.42.0.9]}]\nports: [{name: \"\", port: 443}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1005",
            Title = "internalTrafficPolicy Local drops clients on nodes without a local endpoint",
            Severity = DiagnosticSeverity.Warning,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1005",
            Message = "internalTrafficPolicy: Local: pods on {nodes} calling {service} at {address} are dropped, not rejected (no local endpoint there; kube-proxy writes \"{name} has no local endpoints\" -j DROP): they hang until their timeout{assumed}",
            Why = "With internalTrafficPolicy Local, kube-proxy sends cluster-IP traffic only to endpoints on the client's own node.\nOn a node without one it installs a DROP rule: clients there get no answer at all (not even a refusal) and wait\nfor their connect timeout.",
            Fix = "Run an endpoint on every node with clients (a DaemonSet, the usual pairing for node-local services), or use\ninternalTrafficPolicy Cluster.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cache}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: cache}}\n  template:\n    metadata: {labels: {app: cache}}\n    spec: {containers: [{name: cache, image: redis}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: cache}\nspec:\n  internalTrafficPolicy: Local\n  selector: {app: cache}\n  ports: [{port: 6379}]\n", 15, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: cache}\nspec:\n  selector: {matchLabels: {app: cache}}\n  template:\n    metadata: {labels: {app: cache}}\n    spec: {containers: [{name: cache, image: redis}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: cache}\nspec:\n  internalTrafficPolicy: Local\n  selector: {app: cache}\n  ports: [{port: 6379}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1006",
            Title = "In-cluster traffic to a LoadBalancer IP never reaches the load balancer",
            Severity = DiagnosticSeverity.Info,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1006",
            Message = "{service}: pods and nodes that connect to LoadBalancer IP {address} never reach the load balancer: kube-proxy on {node} {result}, so they skip {skipped}",
            Why = "kube-proxy programs every LoadBalancer ingress address on every node (KUBE-SERVICES matches it and jumps to\nKUBE-EXT), so a packet a pod or a node sends to that address is translated before it leaves the node. It never\ngoes to the load balancer: the node MetalLB announces the address from is not on the path, externalTrafficPolicy\nLocal does not narrow the endpoints (kube-proxy treats pod traffic for external destinations as cluster traffic),\nand nothing the load balancer does (health checks, filtering, TLS, the PROXY protocol) happens. The only\nexception is an ingress with `ipMode: Proxy`, which the load-balancer implementation sets in the status and for\nwhich kube-proxy programs nothing (Kubernetes 1.30 and later).",
            Fix = "Nothing to fix if in-cluster clients do not depend on the load balancer. Otherwise have them use the Service's\nname (its cluster IP) knowingly, or use a load-balancer implementation that reports `ipMode: Proxy`.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\nstatus:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.10}]\n", 5, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\nstatus:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.10, ipMode: Proxy}]\n", 0, "k3s", "1.30"),
            },
        },
        new RuleDescriptor
        {
            Id = "KP1007",
            Title = "Session affinity is kept per node, and clients enter through several nodes",
            Severity = DiagnosticSeverity.Warning,
            Category = "traffic policy",
            HelpUri = "https://kubepath.io/rules/KP1007",
            Message = "{service}: sessionAffinity ClientIP is remembered by each node on its own, and MetalLB advertises {address} over BGP from {count} nodes ({nodes}); routers spread a client's connections over them (ECMP), so one client reaches different endpoints among {endpoints}",
            Why = "kube-proxy implements ClientIP affinity with the kernel's `recent` match: the KUBE-SEP chain records the client\naddress (`--set`) and the KUBE-SVC chain looks it up (`--rcheck --seconds`). The list lives in each node's\nkernel. With MetalLB in BGP mode every eligible node advertises the address and the routers balance flows over\nthem by hashing each connection's addresses and ports, so the same client lands on different nodes from one\nconnection to the next, and each node makes (and remembers) its own choice of endpoint. Affinity holds per node,\nnot per client.",
            Fix = "Announce the address from one node (an L2Advertisement, or a BGPAdvertisement limited to one node), or keep the\nsession in the application (a shared session store, or a cookie-based affinity in an ingress proxy).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata: {name: tor, namespace: metallb-system}\nspec: {myASN: 64500, peerASN: 64501, peerAddress: 192.0.2.254}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: public, namespace: metallb-system}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec:\n  type: LoadBalancer\n  selector: {app: shop}\n  ports: [{port: 80}]\n  sessionAffinity: ClientIP\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec: {containers: [{name: shop, image: shop}]}\n", 22, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: public, namespace: metallb-system}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec:\n  type: LoadBalancer\n  selector: {app: shop}\n  ports: [{port: 80}]\n  sessionAffinity: ClientIP\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec: {containers: [{name: shop, image: shop}]}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP2001",
            Title = "Service selector matches no pod",
            Severity = DiagnosticSeverity.Warning,
            Category = "endpoints",
            HelpUri = "https://kubepath.io/rules/KP2001",
            Message = "{service}'s selector {selector} matches no pod or pod template of the given manifests in namespace {namespace}{near}: it has no endpoints, and kube-proxy rejects connections to {address} (\"{name} has no endpoints\")",
            Why = "A Service with a selector gets its endpoints from the pods the selector matches in its namespace. With none,\nkube-proxy writes a filter rule that rejects every connection to the cluster IP (and node ports and external\naddresses) with ICMP port unreachable: clients see \"connection refused\" although the Service exists.",
            Fix = "Make the selector match the labels of the pod template (spec.template.metadata.labels) of the workload that\nshould serve, in the Service's namespace.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: frontend}\n  ports: [{port: 80}]\n", 15, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP2002",
            Title = "targetPort matches no container port of the selected pods",
            Severity = DiagnosticSeverity.Warning,
            Category = "ports",
            HelpUri = "https://kubepath.io/rules/KP2002",
            Message = "{service} port {port}: targetPort {target} {problem} in {owner}{note}",
            Why = "The EndpointSlice controller resolves a named targetPort through the pod's container ports, by name and protocol;\na pod without a match is left out of the port's endpoints, so kube-proxy rejects or drops the traffic. A numeric\ntargetPort is used as is, but when the pod template declares its ports and none is that number (or only with\nanother protocol), traffic goes to a port nothing declared, which usually means nothing listens there.",
            Fix = "Point targetPort at the name or number of the container port that serves, with the same protocol.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports: [{name: http, containerPort: 8080}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: 80}\n", 20, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports: [{name: http, containerPort: 8080}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: http}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP2003",
            Title = "Selector spans workloads that serve the target port on different ports",
            Severity = DiagnosticSeverity.Warning,
            Category = "selectors",
            HelpUri = "https://kubepath.io/rules/KP2003",
            Message = "{service} port {port}: the selector matches the pods of {count} workloads, and targetPort {target} resolves to different container ports among them ({resolved}): connections to this one Service port are spread over all of them",
            Why = "The EndpointSlice controller resolves a named targetPort pod by pod, so a selector that matches the pods of\nseveral workloads gives one Service port endpoints on different container ports, and kube-proxy's\nKUBE-SVC chain spreads connections over all of them with equal probability. That is occasionally a deliberate\nmigration; far more often the selector is broader than meant (`app: web` also matching `web-admin`), and a\nshare of the connections lands on a process that speaks something else.",
            Fix = "Narrow the selector with a label only the intended workload carries (e.g. `app.kubernetes.io/component`), or\ngive the named port the same number in every workload that should serve it.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web, role: site}}\n  template:\n    metadata: {labels: {app: web, role: site}}\n    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-admin}\nspec:\n  selector: {matchLabels: {app: web, role: admin}}\n  template:\n    metadata: {labels: {app: web, role: admin}}\n    spec: {containers: [{name: admin, image: admin, ports: [{name: http, containerPort: 9090}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: http}\n", 25, "k3s", null),
                new RuleExample(false, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web, role: site}}\n  template:\n    metadata: {labels: {app: web, role: site}}\n    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-admin}\nspec:\n  selector: {matchLabels: {app: web, role: admin}}\n  template:\n    metadata: {labels: {app: web, role: admin}}\n    spec: {containers: [{name: admin, image: admin, ports: [{name: http, containerPort: 9090}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web, role: site}\n  ports:\n  - {port: 80, targetPort: http}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3001",
            Title = "IPAddressPool is never announced",
            Severity = DiagnosticSeverity.Warning,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3001",
            Message = "IPAddressPool {pool} has no L2Advertisement or BGPAdvertisement: no node announces its addresses{usage}, so they are unreachable from outside the cluster",
            Why = "MetalLB's controller allocates from every IPAddressPool, but its speakers only answer ARP/NDP (layer 2) or\nadvertise routes (BGP) for pools an advertisement covers. An address from an uncovered pool appears in the\nService's status and `kubectl get svc` shows it as the EXTERNAL-IP, yet no packet for it ever reaches a node.",
            Fix = "Add an L2Advertisement or a BGPAdvertisement that names the pool in `ipAddressPools`, selects it with\n`ipAddressPoolSelectors`, or names no pool at all (then it covers every pool).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.10-192.0.2.20]\n", 4, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.10-192.0.2.20]\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  ipAddressPools: [public]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3002",
            Title = "Requested load-balancer address is in no IPAddressPool",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3002",
            Message = "{service} requests {address}, which is in no IPAddressPool ({pools}): MetalLB gives it no address and it stays pending (\"{reason}\")",
            Why = "MetalLB only hands out addresses of its IPAddressPools. A Service that asks for another address through\n`spec.loadBalancerIP` or the `loadBalancerIPs` annotation gets none: its EXTERNAL-IP stays `<pending>` and no\nnode announces anything, while the Service's manifest suggests it is reachable at that address.",
            Fix = "Request an address inside a pool, add the address to a pool's `spec.addresses`, or drop the request and let\nMetalLB pick one.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/28]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerIP: 198.51.100.7\n  ports: [{port: 80}]\n", 15, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/28]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    metallb.universe.tf/loadBalancerIPs: 192.0.2.7\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3003",
            Title = "address-pool annotation names a missing IPAddressPool",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3003",
            Message = "{service} asks for IPAddressPool {pool}, which does not exist (pools: {pools}): MetalLB gives it no address and it stays pending",
            Why = "The `address-pool` annotation makes MetalLB allocate from that pool only. When no pool has that name, MetalLB\nrecords `unknown pool` and the Service gets no address at all; it does not fall back to another pool.",
            Fix = "Name an existing IPAddressPool (as `metadata.name`), or remove the annotation.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/28]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {metallb.universe.tf/address-pool: publc}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 13, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/28]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {metallb.universe.tf/address-pool: public}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3004",
            Title = "IPAddressPools overlap",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3004",
            Message = "{range} in IPAddressPool {pool} overlaps {other} in IPAddressPool {otherPool}: MetalLB rejects the configuration (\"CIDR {range} in pool {pool} overlaps with already defined CIDR {other}\")",
            Why = "MetalLB refuses a configuration in which two pools (or two entries of one pool) share an address: its webhook\ndenies the later pool, and if the pools get in anyway the controller keeps its previous configuration, so new\npools and changes never take effect.",
            Fix = "Make the ranges disjoint, or merge the pools.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: a\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/24]\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: b\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.0.2.128-192.0.2.140\n", 16, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: a\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/25]\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: b\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.0.2.128-192.0.2.140\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3005",
            Title = "IPAddressPool holds addresses already in use",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3005",
            Message = "{range} in IPAddressPool {pool} includes {address}, {owner}: MetalLB may hand it to a Service, and then two hosts answer ARP for it",
            Why = "MetalLB assumes the addresses of its pools are free. When a pool includes a node's address (or another address\nthe profile knows to be in use), MetalLB can allocate it to a Service; in layer 2 mode the announcing node then\nanswers ARP/NDP for an address another host also claims, and traffic goes to whichever answered last.",
            Fix = "Take the address out of the pool (split the range around it), or move the pool to an unused range.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nstatus:\n  addresses: [{type: InternalIP, address: 192.0.2.20}]\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.0/27]\n", 14, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nstatus:\n  addresses: [{type: InternalIP, address: 192.0.2.20}]\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\n  namespace: metallb-system\nspec:\n  addresses: [192.0.2.32/27]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3006",
            Title = "No node may announce the load-balancer address",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3006",
            Message = "{service}'s address {address} is announced by no node: {why}; it is unreachable from outside the cluster{assumed}",
            Why = "MetalLB announces an address only from nodes its advertisements select that run a healthy speaker (not\nNetworkUnavailable, not labelled node.kubernetes.io/exclude-from-external-load-balancers); with\nexternalTrafficPolicy Local, only from those that also run a serving endpoint. When no node is left, nothing\nanswers ARP/NDP or advertises a route: the Service has an EXTERNAL-IP that leads nowhere.",
            Fix = "Let the advertisement's nodeSelectors include nodes where the pods run (or schedule the pods there), or use\nexternalTrafficPolicy Cluster.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Node\nmetadata: {name: edge-1, labels: {role: edge}}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: worker-1, labels: {role: worker}}\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: edge, namespace: metallb-system}\nspec:\n  nodeSelectors: [{matchLabels: {role: edge}}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      nodeSelector: {role: worker}\n      containers: [{name: web, image: nginx}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\n  externalTrafficPolicy: Local\n", 39, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Node\nmetadata: {name: edge-1, labels: {role: edge}}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: worker-1, labels: {role: worker}}\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: edge, namespace: metallb-system}\nspec:\n  nodeSelectors: [{matchLabels: {role: edge}}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      nodeSelector: {role: worker}\n      containers: [{name: web, image: nginx}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\n  externalTrafficPolicy: Cluster\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3007",
            Title = "Layer 2 with externalTrafficPolicy Local sends all external traffic to one node's pods",
            Severity = DiagnosticSeverity.Warning,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3007",
            Message = "externalTrafficPolicy: Local in layer 2 mode: all external traffic to {address} enters at {node}, the node MetalLB elects, and goes to its {local} of the {total} endpoints ({endpoints}); the other {others} get none{assumed}",
            Why = "In layer 2 mode one node answers ARP/NDP for the address, so every external packet arrives at that node. With\nexternalTrafficPolicy Local kube-proxy sends external traffic only to endpoints on the node it arrived at: the\nelected node's pods take all external load, the rest take none, and capacity added elsewhere does not help.",
            Fix = "Use externalTrafficPolicy Cluster (the backends then see a node address instead of the client's), announce with\nBGP so every node with an endpoint receives traffic (ECMP), or run one endpoint per announcing node (a DaemonSet).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: public, namespace: metallb-system}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 6\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80}]\n", 25, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: public, namespace: metallb-system}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 6\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Cluster\n  selector: {app: web}\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3008",
            Title = "Load-balancer address cannot be shared",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3008",
            Message = "{service} cannot get {address}: {reason}; MetalLB gives it no address and it stays pending",
            Why = "MetalLB lets several Services use one address only when all of them carry the same allow-shared-ip key, all use\nexternalTrafficPolicy Cluster (or all Local with the same selector, so the same nodes announce), and no two use\nthe same protocol and port. Otherwise the Service that comes second gets no address at all.",
            Fix = "Give the Services the same allow-shared-ip value and the same traffic policy (and selector for Local), and\ndistinct ports; or let them have separate addresses.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: dns-tcp\n  annotations: {metallb.universe.tf/allow-shared-ip: dns, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}\nspec: {type: LoadBalancer, ports: [{port: 53, protocol: TCP}]}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: dns-udp\n  annotations: {metallb.universe.tf/allow-shared-ip: dns, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}\nspec: {type: LoadBalancer, ports: [{port: 53, protocol: TCP}]}\n", 17, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: dns-tcp\n  annotations: {metallb.universe.tf/allow-shared-ip: dns, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}\nspec: {type: LoadBalancer, ports: [{port: 53, protocol: TCP}]}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: dns-udp\n  annotations: {metallb.universe.tf/allow-shared-ip: dns, metallb.universe.tf/loadBalancerIPs: 192.0.2.5}\nspec: {type: LoadBalancer, ports: [{port: 53, protocol: UDP}]}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3009",
            Title = "spec.loadBalancerIP is deprecated",
            Severity = DiagnosticSeverity.Info,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3009",
            Message = "spec.loadBalancerIP is deprecated (Kubernetes 1.24) and its meaning depends on the implementation; MetalLB {version} reads the {annotation} annotation for the same request",
            Why = "Kubernetes deprecated spec.loadBalancerIP because it cannot express dual-stack addresses and every\nimplementation reads it differently. MetalLB still honours it, but its own annotation is the supported way, and\nit cannot be combined with the field (a Service with both gets no address).",
            Fix = "Move the address to MetalLB's loadBalancerIPs annotation and remove the field.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  loadBalancerIP: 192.0.2.7\n  ports: [{port: 80}]\n", 6, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {metallb.universe.tf/loadBalancerIPs: 192.0.2.7}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3010",
            Title = "MetalLB annotation under a prefix this release ignores",
            Severity = DiagnosticSeverity.Warning,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3010",
            Message = "{key} is ignored by MetalLB {version}: {why}",
            Why = "MetalLB reads its Service annotations (loadBalancerIPs, address-pool, allow-shared-ip) under metallb.universe.tf/\nonly, up to 0.14.8. From 0.14.9 it reads metallb.io/ first and falls back to the old prefix. An annotation under\na prefix the running release does not read changes nothing: the Service gets whatever address MetalLB picks.",
            Fix = "Use the prefix the cluster's MetalLB reads, or set the profile's metallb.version to the release that runs.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {metallb.io/loadBalancerIPs: 192.0.2.7}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 5, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {metallb.universe.tf/loadBalancerIPs: 192.0.2.7}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3011",
            Title = "Aggregated BGP route draws Local traffic to nodes without local pods",
            Severity = DiagnosticSeverity.Warning,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3011",
            Message = "{node} advertises {prefix} (aggregationLength {length}) because it announces {reason}, so routers send it traffic for {address} of {service} too; with externalTrafficPolicy: Local that traffic is dropped there: {service} has no endpoint on {node}",
            Why = "With an aggregationLength shorter than the address, a node advertises the whole prefix as soon as it announces\nany one address inside it. With externalTrafficPolicy Local, kube-proxy on a node without local endpoints drops\nexternal traffic to the Service (KUBE-EXTERNAL-SERVICES \"has no local endpoints\"), so routers that send a\nService's traffic along the aggregate to such a node lose it.",
            Fix = "Advertise host routes (aggregationLength 32, or 128 for IPv6) for pools holding Local Services, or use\nexternalTrafficPolicy Cluster.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: node-b}\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata: {name: tor, namespace: metallb-system}\nspec: {myASN: 64500, peerASN: 64501, peerAddress: 192.0.2.254}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: public, namespace: metallb-system}\nspec: {aggregationLength: 28}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\nspec: {nodeName: node-a, containers: [{name: a, image: nginx}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\nspec: {nodeName: node-b, containers: [{name: b, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: a}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: LoadBalancer, externalTrafficPolicy: Cluster, selector: {app: b}, ports: [{port: 80}]}\n", 22, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: node-b}\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: public, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28]}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata: {name: tor, namespace: metallb-system}\nspec: {myASN: 64500, peerASN: 64501, peerAddress: 192.0.2.254}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: public, namespace: metallb-system}\nspec: {aggregationLength: 32}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\nspec: {nodeName: node-a, containers: [{name: a, image: nginx}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\nspec: {nodeName: node-b, containers: [{name: b, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: a}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: LoadBalancer, externalTrafficPolicy: Cluster, selector: {app: b}, ports: [{port: 80}]}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP3012",
            Title = "MetalLB gives the LoadBalancer Service no address",
            Severity = DiagnosticSeverity.Error,
            Category = "MetalLB",
            HelpUri = "https://kubepath.io/rules/KP3012",
            Message = "MetalLB gives {service} no address (\"{reason}\"): its EXTERNAL-IP stays pending{why}",
            Why = "When MetalLB's controller cannot allocate, it records an AllocationFailed event and leaves the Service's status\nempty: the Service has no external address, nothing is announced, and nothing retries until the configuration or\nthe Service changes.",
            Fix = "Follow MetalLB's reason: free or add addresses (pool exhausted), make a pool auto-assign or name it with the\naddress-pool annotation (no auto-assign pool), widen serviceAllocation (namespaces, serviceSelectors), or fix the\nrequest (one of spec.loadBalancerIP or the loadBalancerIPs annotation, matching the Service's IP family).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: reserved, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28], autoAssign: false}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: shop\n  name: web\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n", 10, "k3s", null),
                new RuleExample(false, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: reserved, namespace: metallb-system}\nspec: {addresses: [192.0.2.0/28], autoAssign: false}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: shop\n  name: web\n  annotations: {metallb.universe.tf/address-pool: reserved}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP4001",
            Title = "nodePort outside the cluster's range or used twice",
            Severity = DiagnosticSeverity.Error,
            Category = "NodePort",
            HelpUri = "https://kubepath.io/rules/KP4001",
            Message = "{service} port {port}: nodePort {nodePort} {problem}",
            Why = "The API server only accepts node ports inside the cluster's NodePort range (30000-32767 unless\n--service-node-port-range says otherwise) and never gives one node port to two Service ports: the apply fails,\nor the second Service is refused, and nothing listens where the manifest says.",
            Fix = "Pick a free node port inside the range, or leave nodePort out and let the API server allocate one.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports:\n  - {port: 80, nodePort: 8080}\n", 7, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports:\n  - {port: 80, nodePort: 30080}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP4002",
            Title = "Service ports the API server refuses",
            Severity = DiagnosticSeverity.Error,
            Category = "NodePort",
            HelpUri = "https://kubepath.io/rules/KP4002",
            Message = "{service}: {problem}",
            Why = "The API server validates a Service's ports: each (port, protocol) pair at most once, and every port named (with\ndistinct names) as soon as there is more than one. A Service that breaks these rules is not created at all, so\nnone of the datapath its manifest describes exists.",
            Fix = "Give every port of a multi-port Service a distinct name, and each (port, protocol) pair once.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80}\n  - {port: 443}\n", 7, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80}\n  - {name: https, port: 443}\n", 0, "k3s", null),
            },
        },
        new RuleDescriptor
        {
            Id = "KP4003",
            Title = "Mixed protocols on a LoadBalancer Service the cluster refuses",
            Severity = DiagnosticSeverity.Error,
            Category = "protocols",
            HelpUri = "https://kubepath.io/rules/KP4003",
            Message = "{service}: a LoadBalancer Service mixes {protocols}; Kubernetes {version} refuses it (\"may not contain more than 1 protocol when type is 'LoadBalancer'\") unless the MixedProtocolLBService feature gate is on",
            Why = "Before Kubernetes 1.24 the API server's Service validation allowed one protocol per LoadBalancer Service\n(MixedProtocolLBService was alpha and off from 1.20, on by default from 1.24, GA and always on from 1.26). On\nsuch a cluster the Service is not created at all, so nothing of its datapath exists. MetalLB itself serves a\nService whose ports mix TCP and UDP.",
            Fix = "Upgrade to Kubernetes 1.24 or later (or turn MixedProtocolLBService on), or split the Service into one Service per\nprotocol and let them share the address (with MetalLB: the same `metallb.io/allow-shared-ip` key on both).",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: LoadBalancer\n  selector: {app: dns}\n  ports:\n  - {name: dns-tcp, port: 53, protocol: TCP}\n  - {name: dns-udp, port: 53, protocol: UDP}\n", 9, "k3s", "1.23"),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: LoadBalancer\n  selector: {app: dns}\n  ports:\n  - {name: dns-tcp, port: 53, protocol: TCP}\n  - {name: dns-udp, port: 53, protocol: UDP}\n", 0, "k3s", "1.24"),
            },
        },
        new RuleDescriptor
        {
            Id = "KP4004",
            Title = "Field has no effect for the Service's type",
            Severity = DiagnosticSeverity.Warning,
            Category = "NodePort",
            HelpUri = "https://kubepath.io/rules/KP4004",
            Message = "{service}: {field} {effect}",
            Why = "Several Service fields only mean something for some types: traffic policies and health-check node ports for\nServices reachable from outside, load-balancer fields for type LoadBalancer, session affinity for Services with a\ncluster IP. Elsewhere kube-proxy ignores them (or the API server refuses them), so the behaviour the field\nsuggests never happens.",
            Fix = "Remove the field, or change the Service's type to one where it applies.",
            Examples = new[]
            {
                new RuleExample(true, "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector: {app: db}\n  sessionAffinity: ClientIP\n  ports: [{port: 5432}]\n", 7, "k3s", null),
                new RuleExample(false, "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  selector: {app: db}\n  sessionAffinity: ClientIP\n  ports: [{port: 5432}]\n", 0, "k3s", null),
            },
        },
    };
}
