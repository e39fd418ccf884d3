using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>Deployment, StatefulSet, DaemonSet, ReplicaSet and Job: a selector and a pod template.</summary>
internal static class WorkloadReaders
{
    public static Workload Workload(ModelKind kind, Node node, Field<string> apiVersion, Field<string> kindField, ObjectMeta metadata)
    {
        var spec = node.Map("spec");
        var selector = CommonReaders.LabelSelector(spec.Map("selector"));
        var template = CommonReaders.PodTemplate(spec.Map("template"), () => spec.SpanIfExists ?? node.Span);
        return kind switch
        {
            ModelKind.Deployment => new Deployment
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Selector = selector, Template = template, Replicas = spec.Int("replicas"),
            },
            ModelKind.StatefulSet => new StatefulSet
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Selector = selector, Template = template, Replicas = spec.Int("replicas"), ServiceName = spec.String("serviceName"),
            },
            ModelKind.ReplicaSet => new ReplicaSet
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Selector = selector, Template = template, Replicas = spec.Int("replicas"),
            },
            ModelKind.Job => new Job
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Selector = selector, Template = template, Parallelism = spec.Int("parallelism"), Completions = spec.Int("completions"),
            },
            _ => new DaemonSet
            {
                ApiVersion = apiVersion, Kind = kindField, Metadata = metadata, Span = node.Span,
                Selector = selector, Template = template,
            },
        };
    }
}
