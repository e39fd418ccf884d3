using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Kubepath.Manifests.Tests.Schema;

/// <summary>
/// schemas/kubernetes-fields.txt, the catalog the loader checks Kubernetes objects against, is generated from the
/// KubernetesClient models (k8s.Models): every field of every type reachable from the kinds Kubepath reads, with its
/// JSON name and type. This test regenerates it and compares; KUBEPATH_APPROVE=1 writes it.
/// </summary>
public class FieldCatalogTests
{
    private static readonly (string ApiVersion, string Kind, Type Model)[] Kinds =
    {
        ("v1", "Service", typeof(k8s.Models.V1Service)),
        ("v1", "Pod", typeof(k8s.Models.V1Pod)),
        ("v1", "Node", typeof(k8s.Models.V1Node)),
        ("v1", "Namespace", typeof(k8s.Models.V1Namespace)),
        ("apps/v1", "Deployment", typeof(k8s.Models.V1Deployment)),
        ("apps/v1", "StatefulSet", typeof(k8s.Models.V1StatefulSet)),
        ("apps/v1", "DaemonSet", typeof(k8s.Models.V1DaemonSet)),
        ("apps/v1", "ReplicaSet", typeof(k8s.Models.V1ReplicaSet)),
        ("batch/v1", "Job", typeof(k8s.Models.V1Job)),
        ("discovery.k8s.io/v1", "EndpointSlice", typeof(k8s.Models.V1EndpointSlice)),
    };

    /// <summary>
    /// Fields the API requires whose model type is a reference type (the models mark only required value types, as
    /// non-nullable). From the Kubernetes OpenAPI definitions' <c>required</c> lists.
    /// </summary>
    private static readonly Dictionary<Type, string[]> RequiredReferenceFields = new()
    {
        [typeof(k8s.Models.V1Container)] = ["name"],
        [typeof(k8s.Models.V1PodSpec)] = ["containers"],
        [typeof(k8s.Models.V1DeploymentSpec)] = ["selector", "template"],
        [typeof(k8s.Models.V1StatefulSetSpec)] = ["selector", "template"],
        [typeof(k8s.Models.V1DaemonSetSpec)] = ["selector", "template"],
        [typeof(k8s.Models.V1ReplicaSetSpec)] = ["selector"],
        [typeof(k8s.Models.V1JobSpec)] = ["template"],
        [typeof(k8s.Models.V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(k8s.Models.V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(k8s.Models.V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(k8s.Models.V1EndpointSlice)] = ["addressType", "endpoints"],
        [typeof(k8s.Models.V1Endpoint)] = ["addresses"],
        [typeof(k8s.Models.V1EnvVar)] = ["name"],
        [typeof(k8s.Models.V1Volume)] = ["name"],
        [typeof(k8s.Models.V1VolumeMount)] = ["name", "mountPath"],
        [typeof(k8s.Models.V1Taint)] = ["key", "effect"],
        [typeof(k8s.Models.V1NodeAddress)] = ["type", "address"],
        [typeof(k8s.Models.V1HTTPGetAction)] = ["port"],
        [typeof(k8s.Models.V1TCPSocketAction)] = ["port"],
        [typeof(k8s.Models.V1KeyToPath)] = ["key", "path"],
        [typeof(k8s.Models.V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(k8s.Models.V1WeightedPodAffinityTerm)] = ["podAffinityTerm"],
        [typeof(k8s.Models.V1PreferredSchedulingTerm)] = ["preference"],
        [typeof(k8s.Models.V1TopologySpreadConstraint)] = ["topologyKey", "whenUnsatisfiable"],
        [typeof(k8s.Models.V1PersistentVolumeClaimVolumeSource)] = ["claimName"],
        [typeof(k8s.Models.V1HostPathVolumeSource)] = ["path"],
        [typeof(k8s.Models.V1ObjectFieldSelector)] = ["fieldPath"],
        [typeof(k8s.Models.V1ResourceFieldSelector)] = ["resource"],
        [typeof(k8s.Models.V1ConfigMapKeySelector)] = ["key"],
        [typeof(k8s.Models.V1SecretKeySelector)] = ["key"],
    };

    [Fact]
    public void The_checked_in_catalog_is_what_the_KubernetesClient_models_give()
    {
        var generated = Generate();
        var path = Repository.PathOf("schemas/kubernetes-fields.txt");
        if (Environment.GetEnvironmentVariable("KUBEPATH_APPROVE") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void The_settings_file_catalog_has_the_fields_of_its_JSON_schema()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.PathOf("schemas/config.schema.json")));
        var catalog = new Kubepath.Manifests.Reading.FieldCatalog();
        catalog.Add(File.ReadAllText(Repository.PathOf("schemas/kubepath-fields.txt")));
        var root = catalog.RootOf("kubepath.io/v1alpha1", "Config")!;
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), root.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            properties.GetProperty("clientIPRequired").GetProperty("items").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            catalog.Type("KubepathServiceSelector")!.Fields.Keys.Order(StringComparer.Ordinal));
    }

    private static string Generate()
    {
        var version = typeof(k8s.Models.V1Service).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var text = new StringBuilder();
        text.Append("# Kubernetes field catalog: generated from KubernetesClient ").Append(version)
            .Append(" (k8s.Models) by tests/Kubepath.Manifests.Tests/Schema/FieldCatalogTests.cs; do not edit.\n");
        text.Append("# Grammar: see src/Kubepath.Manifests/Reading/FieldCatalog.cs.\n");
        foreach (var (apiVersion, kind, model) in Kinds)
        {
            text.Append("kind ").Append(apiVersion).Append(' ').Append(kind).Append(' ').Append(model.Name).Append('\n');
        }

        var done = new HashSet<Type>();
        var pending = new Queue<Type>(Kinds.Select(k => k.Model));
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!done.Add(type))
            {
                continue;
            }

            var body = new StringBuilder("type ").Append(type.Name).Append('\n');
            RequiredReferenceFields.TryGetValue(type, out var requiredReferences);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => JsonName(p), StringComparer.Ordinal))
            {
                if (JsonName(property) is not { } name)
                {
                    continue;
                }

                var required = (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) || (requiredReferences?.Contains(name) ?? false);
                body.Append("  ").Append(name).Append(' ').Append(FieldType(property.PropertyType, pending)).Append(required ? " required" : string.Empty).Append('\n');
            }

            types[type.Name] = body.ToString();
        }

        foreach (var (type, fields) in RequiredReferenceFields)
        {
            Assert.True(done.Contains(type), type.Name + " is not reachable from the kinds");
            Assert.All(fields, field => Assert.Contains(type.GetProperties(), p => JsonName(p) == field));
        }

        foreach (var body in types.Values)
        {
            text.Append(body);
        }

        return text.ToString();
    }

    private static string? JsonName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;

    private static string FieldType(Type type, Queue<Type> pending)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(byte[]))
        {
            return "string";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "integer";
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return "number";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(k8s.Models.IntOrString))
        {
            return "int-or-string";
        }

        if (type == typeof(k8s.Models.ResourceQuantity))
        {
            return "quantity";
        }

        if (type == typeof(object) || type.Name == "JsonElement")
        {
            return "any";
        }

        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return "map<" + FieldType(dictionary.GetGenericArguments()[1], pending) + ">";
        }

        var list = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>));
        if (list is not null)
        {
            return "[" + FieldType(list.GetGenericArguments()[0], pending) + "]";
        }

        if (type.Namespace == "k8s.Models" && type.IsClass)
        {
            pending.Enqueue(type);
            return type.Name;
        }

        throw new InvalidOperationException("No catalog type for " + type.FullName);
    }
}
