namespace Portolan.Nftables.Ruleset;

/// <summary>What a matching rule does (nft(8), VERDICT STATEMENT).</summary>
public abstract record NftVerdict
{
    public static NftVerdict Accept { get; } = new Simple("accept");

    public static NftVerdict Drop { get; } = new Simple("drop");

    public static NftVerdict Return { get; } = new Simple("return");

    public static NftVerdict Jump(string chain) => new ToChain("jump", chain);

    public static NftVerdict Goto(string chain) => new ToChain("goto", chain);

    public sealed record Simple(string Keyword) : NftVerdict
    {
        public override string ToString() => Keyword;
    }

    public sealed record ToChain(string Keyword, string Chain) : NftVerdict
    {
        public override string ToString() => $"{Keyword} {Chain}";
    }

    /// <summary><c>reject with tcp reset</c> (TCP only) or a plain <c>reject</c> (ICMP port unreachable).</summary>
    public sealed record Reject(bool TcpReset) : NftVerdict
    {
        public override string ToString() => TcpReset ? "reject with tcp reset" : "reject";
    }
}
