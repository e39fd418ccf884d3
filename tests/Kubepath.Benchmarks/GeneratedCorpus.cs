using System.Globalization;
using System.Text;

namespace Kubepath.Benchmarks;

/// <summary>
/// A deterministic corpus of realistic manifests: <c>services</c> Services and as many Deployments, written
/// <c>objectsPerFile</c> to a file, as a team's manifest folder would hold them.
/// </summary>
public static class GeneratedCorpus
{
    public static IReadOnlyList<(string Path, string Text)> Files(int services, int objectsPerFile)
    {
        var files = new List<(string, string)>();
        var text = new StringBuilder();
        var inFile = 0;
        for (var i = 0; i < services; i++)
        {
            AppendDeployment(text, i);
            AppendService(text, i);
            inFile += 2;
            if (inFile >= objectsPerFile)
            {
                files.Add(($"generated/{files.Count:D4}.yaml", text.ToString()));
                text.Clear();
                inFile = 0;
            }
        }

        if (text.Length > 0)
        {
            files.Add(($"generated/{files.Count:D4}.yaml", text.ToString()));
        }

        return files;
    }

    private static void AppendDeployment(StringBuilder text, int i)
    {
        var name = Name(i);
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              namespace: team-{i % 20}
              labels:
                app.kubernetes.io/name: {name}
                app.kubernetes.io/part-of: shop
            spec:
              replicas: {1 + (i % 5)}
              selector:
                matchLabels:
                  app.kubernetes.io/name: {name}
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: {name}
                    tier: {(i % 2 == 0 ? "front" : "back")}
                spec:
                  nodeSelector:
                    kubernetes.io/os: linux
                  containers:
                  - name: app
                    image: registry.example.com/{name}:1.{i % 10}.0
                    ports:
                    - name: http
                      containerPort: 8080
                    - name: metrics
                      containerPort: 9090
                    readinessProbe:
                      httpGet:
                        path: /healthz
                        port: http
                      periodSeconds: 5
                    resources:
                      requests:
                        cpu: 100m
                        memory: 128Mi

            """);
    }

    private static void AppendService(StringBuilder text, int i)
    {
        var name = Name(i);
        var type = (i % 10) switch { 0 => "LoadBalancer", 1 or 2 => "NodePort", _ => "ClusterIP" };
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              namespace: team-{i % 20}
              annotations:
                kubepath.io/owner: team-{i % 20}
            spec:
              type: {type}
              selector:
                app.kubernetes.io/name: {name}
              ports:
              - name: http
                protocol: TCP
                port: 80
                targetPort: http
              - name: metrics
                port: 9090
                targetPort: 9090
              externalTrafficPolicy: {(type == "ClusterIP" ? "Cluster" : i % 3 == 0 ? "Local" : "Cluster")}

            """);
    }

    private static string Name(int i) => "svc-" + i.ToString("D5", CultureInfo.InvariantCulture);
}
