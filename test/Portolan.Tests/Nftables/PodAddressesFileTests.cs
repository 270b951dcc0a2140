using System.Net;
using Portolan.Nftables;

namespace Portolan.Tests.Nftables;

/// <summary>The --pod-ips format: "namespace/pod: ip[,ip]" lines; every error names file and line.</summary>
public sealed class PodAddressesFileTests
{
    [Fact]
    public void Lines_comments_blank_lines_and_both_families_are_read()
    {
        var parsed = PodAddressesFile.Parse("# lab addresses\n\nshop/web: 10.0.0.1, fd00::1\r\ndata/db:10.0.0.2\n  kube-system/dns : ::ffff:10.0.0.3\n", "ips.txt");
        Assert.Equal(["data/db", "kube-system/dns", "shop/web"], parsed.ByPod.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([IPAddress.Parse("10.0.0.1"), IPAddress.Parse("fd00::1")], parsed.ByPod["shop/web"]);
        Assert.Equal([IPAddress.Parse("10.0.0.3")], parsed.ByPod["kube-system/dns"]);
        Assert.Equal("ips.txt:5", parsed.OriginOf("kube-system/dns"));
    }

    [Theory]
    [InlineData("shop/web 10.0.0.1", "ips.txt:2: \"shop/web 10.0.0.1\" is not \"namespace/pod: ip[,ip]\"")]
    [InlineData("web: 10.0.0.1", "ips.txt:2: \"web\" is not namespace/pod")]
    [InlineData("a/b/c: 10.0.0.1", "ips.txt:2: \"a/b/c\" is not namespace/pod")]
    [InlineData("shop/web: 10.0.0.256", "ips.txt:2: shop/web: \"10.0.0.256\" is not an IP address")]
    [InlineData("shop/web:", "ips.txt:2: shop/web: \"\" is not an IP address")]
    [InlineData("shop/web: 10.0.0.1, 10.0.0.1", "ips.txt:2: shop/web: 10.0.0.1 is given twice")]
    [InlineData("shop/api: 10.0.0.9", "ips.txt:2: shop/api is given twice (first at ips.txt:1)")]
    public void Errors_name_the_file_and_line(string line, string message)
    {
        var error = Assert.Throws<NftablesInputException>(() => PodAddressesFile.Parse($"shop/api: 10.0.0.5\n{line}\n", "ips.txt"));
        Assert.Equal(message, error.Message);
    }
}
