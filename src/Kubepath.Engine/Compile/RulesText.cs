using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Kubepath.Engine.Compile;

/// <summary>The two renderings of a node's rules.</summary>
public enum Rendering
{
    /// <summary>What <c>iptables-save</c> prints on the node.</summary>
    Save,

    /// <summary>What kube-proxy feeds to <c>iptables-restore</c>.</summary>
    Restore,
}

/// <summary>Prints rules as kube-proxy writes them and as iptables-save prints them back.</summary>
public static class RulesText
{
    /// <summary>kube-proxy's restore line: the arguments in the order it wrote them.</summary>
    public static string Restore(Rule rule)
    {
        var text = new StringBuilder("-A ").Append(rule.Chain);
        foreach (var arg in rule.Args)
        {
            arg.AppendRestore(text);
        }

        rule.Target?.AppendRestore(text);
        return text.ToString();
    }

    /// <summary>
    /// iptables-save's line (print_rule): -s, -d, -i, -p first, then the matches in the order written, then the target.
    /// iptables-nft-save before 1.8.8 ends a rule without a target with a space.
    /// </summary>
    public static string Save(Rule rule, IptablesFlavour flavour)
    {
        var text = new StringBuilder("-A ").Append(rule.Chain);
        foreach (var arg in rule.Args.Where(arg => arg.HeaderOrder >= 0).OrderBy(arg => arg.HeaderOrder))
        {
            arg.AppendSave(text, rule);
        }

        foreach (var arg in rule.Args.Where(arg => arg.HeaderOrder < 0))
        {
            arg.AppendSave(text, rule);
        }

        if (rule.Target is null)
        {
            return flavour.TrailingSpaceWithoutTarget ? text.Append(' ').ToString() : text.ToString();
        }

        rule.Target.AppendSave(text);
        return text.ToString();
    }

    /// <summary>The whole input of kube-proxy's <c>iptables-restore --noflush --counters</c> for the chosen tables.</summary>
    public static string RestoreInput(NodeRules rules, IReadOnlyList<Table> tables)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { Table.Filter, Table.Nat }.Where(tables.Contains))
        {
            var rulesOfTable = rules.TableOf(table);
            text.Append('*').Append(rulesOfTable.Name).Append('\n');
            foreach (var chain in rulesOfTable.Chains)
            {
                text.Append(':').Append(chain).Append(" - [0:0]\n");
            }

            foreach (var rule in rulesOfTable.Rules)
            {
                text.Append(Restore(rule)).Append('\n');
            }

            text.Append("COMMIT\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// What <c>iptables-save</c> prints for the chosen tables, kube-proxy's part only: built-in chains first, then user
    /// chains sorted by name (libiptc and iptables-nft both sort them), each chain's rules in order.
    /// </summary>
    public static string SaveOutput(NodeRules rules, IReadOnlyList<Table> tables, IptablesFlavour flavour)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { Table.Filter, Table.Nat }.Where(tables.Contains))
        {
            var index = rules.Index(table);
            var builtIn = NodeRules.BuiltInChains(table);
            var user = index.ChainNames.Where(name => !builtIn.Contains(name)).OrderBy(name => name, StringComparer.Ordinal).ToList();
            text.Append('*').Append(rules.TableOf(table).Name).Append('\n');
            foreach (var chain in builtIn)
            {
                text.Append(':').Append(chain).Append(" ACCEPT [0:0]\n");
            }

            foreach (var chain in user)
            {
                text.Append(':').Append(chain).Append(" - [0:0]\n");
            }

            foreach (var chain in builtIn.Concat(user))
            {
                foreach (var rule in index.RulesOf(chain))
                {
                    text.Append(Save(rule, flavour)).Append('\n');
                }
            }

            text.Append("COMMIT\n");
        }

        return text.ToString();
    }
}

/// <summary>The node's iptables build, where it changes what iptables-save prints.</summary>
public sealed record IptablesFlavour(bool TrailingSpaceWithoutTarget)
{
    public static readonly IptablesFlavour Plain = new(false);
}
