namespace Kubepath.Model;

/// <summary>An object that runs pods from a template: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job.</summary>
public abstract record Workload : ManifestObject
{
    public LabelSelector? Selector { get; init; }

    public required PodTemplate Template { get; init; }
}

public sealed record Deployment : Workload
{
    /// <summary>Defaults to 1 when absent.</summary>
    public Field<int>? Replicas { get; init; }
}

public sealed record ReplicaSet : Workload
{
    public Field<int>? Replicas { get; init; }
}

public sealed record StatefulSet : Workload
{
    public Field<int>? Replicas { get; init; }

    public Field<string>? ServiceName { get; init; }
}

/// <summary>One pod on every node its template can be scheduled on.</summary>
public sealed record DaemonSet : Workload;

public sealed record Job : Workload
{
    public Field<int>? Parallelism { get; init; }

    public Field<int>? Completions { get; init; }
}
