using System;
using System.Collections.Generic;
using System.Linq;

namespace Kubepath.Engine.Rules;

/// <summary>
/// The rule catalogue: every <c>rules/KPnnnn.yaml</c>, compiled into the engine as C# (<c>RuleCatalog.Written.cs</c>,
/// written from the rule files by <c>CompiledCatalogTests</c>), so the engine, the CLI, SARIF and the analyzer read one
/// source, and loading it parses nothing: every compiler that loads the analyzer reads its descriptors, whether or not the
/// project has anything to analyse (parsing the files took a fresh compiler about 100 ms).
/// </summary>
public static partial class RuleCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleDescriptor>> Entries = new(() => Written().ToDictionary(rule => rule.Id, StringComparer.Ordinal));

    public static IReadOnlyCollection<RuleDescriptor> All => Entries.Value.Values.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();

    public static RuleDescriptor? Find(string id) => Entries.Value.TryGetValue(id, out var rule) ? rule : null;

    public static RuleDescriptor Get(string id) =>
        Entries.Value.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException("No rules/" + id + ".yaml in the catalogue.");
}
