using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>One part of a set element: a value, an inclusive range, or an address prefix.</summary>
public abstract record NftValue
{
    /// <summary>An address or protocol name, written as is.</summary>
    public sealed record Text(string Value) : NftValue
    {
        public override string ToString() => Value;
    }

    public sealed record Number(int Value) : NftValue
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Range(NftValue From, NftValue To) : NftValue
    {
        public override string ToString() => $"{From}-{To}";
    }

    public sealed record Prefix(string Address, int Length) : NftValue
    {
        public override string ToString() => $"{Address}/{Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}

/// <summary>A set element: one value, or a concatenation (<c>10.0.0.1 . tcp . 80</c>).</summary>
public sealed record NftElement(ImmutableArray<NftValue> Parts)
{
    public override string ToString() => string.Join(" . ", Parts);
}
