using System;
using Kubepath.Model;

namespace Kubepath.Manifests.Reading;

/// <summary>Readers for the structures many kinds share: metadata, label selectors, pod templates.</summary>
internal static class CommonReaders
{
    public static ObjectMeta Metadata(Node metadata) => !metadata.Exists
        ? ObjectMeta.Empty
        : new ObjectMeta
        {
            Name = metadata.String("name"),
            GenerateName = metadata.String("generateName"),
            Namespace = metadata.String("namespace"),
            Labels = metadata.StringMapOrEmpty("labels"),
            // Annotation values are free text (JSON, scripts, ${...} meant for other tools): no template check.
            Annotations = metadata.StringMapOrEmpty("annotations", checkTemplates: false),
            Span = metadata.Span,
        };

    public static LabelSelector? LabelSelector(Node selector) => !selector.Exists
        ? null
        : new LabelSelector
        {
            MatchLabels = selector.StringMapOrEmpty("matchLabels"),
            MatchExpressions = selector.Mappings("matchExpressions", e => Requirement(e, WireNames.LabelSelectorOperator)),
            Span = selector.Span,
        };

    public static LabelSelectorRequirement Requirement(Node requirement, WireNames<SelectorOperator> operators) => new(
        requirement.String("key") ?? new Field<string>(string.Empty, requirement.Span),
        requirement.Enum("operator", operators),
        requirement.Strings("values"),
        requirement.Span);

    public static System.Collections.Generic.IReadOnlyList<LabelSelector> LabelSelectors(Node parent, string key) =>
        parent.Mappings(key, s => LabelSelector(s)!);

    public static PodTemplate PodTemplate(Node template, Func<SourceSpan> whenAbsent) => new()
    {
        Metadata = Metadata(template.Map("metadata")),
        Spec = PodReaders.PodSpec(template.Map("spec")),
        Span = template.SpanIfExists ?? whenAbsent(),
    };

    public static Condition Condition(Node condition) => new(
        condition.String("type") ?? new Field<string>(string.Empty, condition.Span),
        condition.Enum("status", WireNames.ConditionStatus),
        condition.Span);
}
