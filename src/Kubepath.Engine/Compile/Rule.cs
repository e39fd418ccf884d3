using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kubepath.Engine.World;
using Kubepath.Model;

namespace Kubepath.Engine.Compile;

public enum Table
{
    Filter,
    Nat,
}

/// <summary>
/// One <c>-A</c> line: the chain, the arguments in the order kube-proxy writes them, and the target (none for a rule
/// that only counts, like the end of a KUBE-FW chain). Both renderings and the evaluator read this one structure.
/// </summary>
public sealed record Rule(string Chain, IReadOnlyList<RuleArg> Args, RuleTarget? Target);

/// <summary>A match, as kube-proxy writes it (<see cref="AppendRestore"/>) and as iptables-save prints it back.</summary>
public abstract record RuleArg
{
    /// <summary>Where iptables-save puts it: the IP header fields first (-s, -d, -i, -o, -p), then matches in order.</summary>
    internal virtual int HeaderOrder => -1;

    internal abstract void AppendRestore(StringBuilder text);

    /// <summary>The match as iptables-save prints it; header fields and protocol-module options are placed by the renderer.</summary>
    internal abstract void AppendSave(StringBuilder text, Rule rule);

    private protected static void Negation(StringBuilder text, bool negated)
    {
        if (negated)
        {
            text.Append(" !");
        }
    }
}

/// <summary><c>-s</c> / <c>-d</c>: written as kube-proxy got it (<c>10.43.0.1</c>), saved as a prefix (<c>10.43.0.1/32</c>).</summary>
public sealed record AddressArg(bool IsSource, string Text, bool Negated) : RuleArg
{
    private System.Runtime.CompilerServices.StrongBox<Cidr>? cidr;

    /// <summary>The prefix the text stands for, parsed when first needed (the compiler writes many of these).</summary>
    public Cidr Cidr => (cidr ??= new System.Runtime.CompilerServices.StrongBox<Cidr>(Cidr.Parse(Text))).Value;

    public bool Equals(AddressArg? other) =>
        other is not null && IsSource == other.IsSource && Text == other.Text && Negated == other.Negated;

    public override int GetHashCode() => (IsSource, Text, Negated).GetHashCode();

    internal override int HeaderOrder => IsSource ? 0 : 1;

    internal override void AppendRestore(StringBuilder text)
    {
        Negation(text, Negated);
        text.Append(IsSource ? " -s " : " -d ").Append(Text);
    }

    /// <summary>print_ip: a zero-length prefix that is not negated matches everything and is not printed.</summary>
    internal override void AppendSave(StringBuilder text, Rule rule)
    {
        if (Cidr.PrefixLength == 0 && !Negated)
        {
            return;
        }

        Negation(text, Negated);
        text.Append(IsSource ? " -s " : " -d ").Append(Cidr);
    }
}

/// <summary><c>-i</c>: the interface a packet came in on (<c>veth+</c> matches a prefix).</summary>
public sealed record InInterfaceArg(string Name, bool Negated) : RuleArg
{
    internal override int HeaderOrder => 2;

    internal override void AppendRestore(StringBuilder text)
    {
        Negation(text, Negated);
        text.Append(" -i ").Append(Name);
    }

    internal override void AppendSave(StringBuilder text, Rule rule) => AppendRestore(text);
}

/// <summary><c>-p tcp</c>.</summary>
public sealed record ProtocolArg(Protocol Protocol) : RuleArg
{
    internal override int HeaderOrder => 4;

    internal override void AppendRestore(StringBuilder text) => text.Append(" -p ").Append(ChainNames.ProtocolText(Protocol));

    internal override void AppendSave(StringBuilder text, Rule rule) => AppendRestore(text);
}

/// <summary><c>-m tcp</c> (or udp, sctp): the protocol's match module, which owns <c>--dport</c>.</summary>
public sealed record ProtocolModuleArg(Protocol Protocol) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" -m ").Append(ChainNames.ProtocolText(Protocol));

    internal override void AppendSave(StringBuilder text, Rule rule)
    {
        AppendRestore(text);
        foreach (var arg in rule.Args)
        {
            if (arg is PortArg port)
            {
                text.Append(" --dport ").Append(port.Port.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}

/// <summary><c>--dport 80</c>: an option of the protocol module, printed with it by iptables-save.</summary>
public sealed record PortArg(int Port) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" --dport ").Append(Port.ToString(CultureInfo.InvariantCulture));

    internal override void AppendSave(StringBuilder text, Rule rule)
    {
    }
}

/// <summary>
/// <c>-m comment --comment</c>. kube-proxy quotes most comments itself (<c>`"%s cluster IP"`</c>) but writes a bare
/// service port name unquoted; iptables-save quotes any text with characters outside <c>[A-Za-z0-9_-]</c>.
/// </summary>
public sealed record CommentArg(string Text, bool QuotedByKubeProxy) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) =>
        text.Append(" -m comment --comment ").Append(QuotedByKubeProxy ? "\"" + Text + "\"" : Text);

    internal override void AppendSave(StringBuilder text, Rule rule) => text.Append(" -m comment --comment").Append(SaveString(Text));

    /// <summary>xtables_save_string: bare when only <c>[A-Za-z0-9_-]</c>, else double-quoted with <c>"</c>, <c>\</c> and <c>'</c> escaped.</summary>
    internal static string SaveString(string value)
    {
        var bare = value.Length > 0;
        foreach (var c in value)
        {
            bare &= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-';
        }

        if (bare)
        {
            return " " + value;
        }

        var quoted = new StringBuilder(" \"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\'')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }
}

/// <summary><c>-m addrtype --src-type LOCAL</c> / <c>--dst-type LOCAL</c>.</summary>
public sealed record AddrTypeLocalArg(bool Source) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) => text.Append(Source ? " -m addrtype --src-type LOCAL" : " -m addrtype --dst-type LOCAL");

    internal override void AppendSave(StringBuilder text, Rule rule) => AppendRestore(text);
}

/// <summary><c>-m statistic --mode random --probability p</c>, p as kube-proxy writes it (<c>%0.10f</c>).</summary>
public sealed record StatisticArg(string Probability) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" -m statistic --mode random --probability ").Append(Probability);

    internal override void AppendSave(StringBuilder text, Rule rule) =>
        text.Append(" -m statistic --mode random --probability ").Append(Compile.Probability.SaveText(Probability));

    public double Value => double.Parse(Probability, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>-m recent</c> for ClientIP session affinity: <c>--set</c> in the endpoint chain, <c>--rcheck --seconds N --reap</c>
/// in the service chain. iptables-save prints libxt_recent's fixed option order with the default mask and side.
/// </summary>
public sealed record RecentArg(string Name, bool Set, int Seconds, bool IPv6) : RuleArg
{
    internal override void AppendRestore(StringBuilder text)
    {
        text.Append(" -m recent --name ").Append(Name);
        text.Append(Set ? " --set" : " --rcheck --seconds " + Seconds.ToString(CultureInfo.InvariantCulture) + " --reap");
    }

    internal override void AppendSave(StringBuilder text, Rule rule)
    {
        text.Append(Set ? " -m recent --set" : " -m recent --rcheck --seconds " + Seconds.ToString(CultureInfo.InvariantCulture) + " --reap");
        text.Append(" --name ").Append(Name);
        text.Append(IPv6 ? " --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" : " --mask 255.255.255.255").Append(" --rsource");
    }
}

/// <summary><c>-m mark --mark m/m</c>, kube-proxy's masquerade mark (written <c>%#08x</c>, saved as plain hex).</summary>
public sealed record MarkArg(uint Mark, bool Negated) : RuleArg
{
    internal override void AppendRestore(StringBuilder text)
    {
        text.Append(" -m mark");
        Negation(text, Negated);
        text.Append(" --mark ").Append(Marks.Restore(Mark)).Append('/').Append(Marks.Restore(Mark));
    }

    internal override void AppendSave(StringBuilder text, Rule rule)
    {
        text.Append(" -m mark");
        Negation(text, Negated);
        text.Append(" --mark ").Append(Marks.Save(Mark)).Append('/').Append(Marks.Save(Mark));
    }
}

/// <summary><c>-m conntrack --ctstate ...</c>.</summary>
public sealed record ConntrackArg(string States, bool Negated) : RuleArg
{
    /// <summary>The states listed, split once (the evaluator asks for every packet).</summary>
    public IReadOnlyList<string> StateList { get; } = States.Split(',');

    // Equal by what kube-proxy writes, not by the split list (a new array each time).
    public bool Equals(ConntrackArg? other) => other is not null && States == other.States && Negated == other.Negated;

    public override int GetHashCode() => (States, Negated).GetHashCode();

    internal override void AppendRestore(StringBuilder text)
    {
        text.Append(" -m conntrack");
        Negation(text, Negated);
        text.Append(" --ctstate ").Append(States);
    }

    internal override void AppendSave(StringBuilder text, Rule rule) => AppendRestore(text);
}

/// <summary><c>-m nfacct --nfacct-name</c>: counts packets in a named accounting object; always matches.</summary>
public sealed record NfacctArg(string Name) : RuleArg
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" -m nfacct --nfacct-name ").Append(Name);

    internal override void AppendSave(StringBuilder text, Rule rule) => text.Append(" -m nfacct --nfacct-name  ").Append(Name);
}

/// <summary>What a matching rule does.</summary>
public abstract record RuleTarget
{
    internal abstract void AppendRestore(StringBuilder text);

    internal virtual void AppendSave(StringBuilder text) => AppendRestore(text);
}

/// <summary><c>-j CHAIN</c>: continue in a user chain, and come back when it ends or RETURNs.</summary>
public sealed record JumpTarget(string Chain) : RuleTarget
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" -j ").Append(Chain);
}

public enum Verdict
{
    Accept,
    Drop,
    Return,
}

public sealed record VerdictTarget(Verdict Verdict) : RuleTarget
{
    internal override void AppendRestore(StringBuilder text) => text.Append(Verdict switch
    {
        Verdict.Accept => " -j ACCEPT",
        Verdict.Drop => " -j DROP",
        _ => " -j RETURN",
    });
}

/// <summary><c>-j REJECT</c>: iptables-save names the default ICMP type it sends.</summary>
public sealed record RejectTarget(bool IPv6) : RuleTarget
{
    internal override void AppendRestore(StringBuilder text) => text.Append(" -j REJECT");

    internal override void AppendSave(StringBuilder text) =>
        text.Append(IPv6 ? " -j REJECT --reject-with icmp6-port-unreachable" : " -j REJECT --reject-with icmp-port-unreachable");
}

/// <summary><c>-j MARK --or-mark</c> / <c>--xor-mark</c>; iptables-save prints both as <c>--set-xmark value/mask</c>.</summary>
public sealed record MarkTarget(uint Mark, bool Xor) : RuleTarget
{
    internal override void AppendRestore(StringBuilder text) =>
        text.Append(Xor ? " -j MARK --xor-mark " : " -j MARK --or-mark ").Append(Marks.Restore(Mark));

    internal override void AppendSave(StringBuilder text) =>
        text.Append(" -j MARK --set-xmark ").Append(Marks.Save(Mark)).Append('/').Append(Xor ? "0x0" : Marks.Save(Mark));
}

public sealed record MasqueradeTarget(bool RandomFully) : RuleTarget
{
    internal override void AppendRestore(StringBuilder text) => text.Append(RandomFully ? " -j MASQUERADE --random-fully" : " -j MASQUERADE");
}

/// <summary><c>-j DNAT --to-destination ip:port</c>.</summary>
public sealed record DnatTarget(string Address, int Port) : RuleTarget
{
    private System.Net.IPAddress? ip;

    public string Destination => Addresses.JoinHostPort(Address, Port);

    /// <summary>The address, parsed once (the evaluator asks for every packet).</summary>
    public System.Net.IPAddress IP => ip ??= Addresses.Parse(Address);

    public bool Equals(DnatTarget? other) => other is not null && Address == other.Address && Port == other.Port;

    public override int GetHashCode() => (Address, Port).GetHashCode();

    internal override void AppendRestore(StringBuilder text) => text.Append(" -j DNAT --to-destination ").Append(Destination);
}

/// <summary>The masquerade mark's two spellings.</summary>
internal static class Marks
{
    /// <summary>Go's <c>fmt.Sprintf("%#08x", 1&lt;&lt;bit)</c>: eight zero-padded digits after 0x (0x00004000).</summary>
    public static string Restore(uint mark) => "0x" + mark.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>libxt_mark prints <c>0x%x</c> (0x4000).</summary>
    public static string Save(uint mark) => "0x" + mark.ToString("x", CultureInfo.InvariantCulture);
}
