using static Portolan.Tests.Cli.Manifests;

namespace Portolan.Tests.Cli;

/// <summary>ipBlocks the API server would reject: a bad CIDR, or an except that is not a strict subset (semantics §3.6).</summary>
public sealed class IPBlockValidationTests
{
    private const string Web = "NetworkPolicy shop/web";

    private static string From(string ipBlock) => NetworkPolicy($"""
          podSelector: {"{}"}
          ingress:
            - from:
                - ipBlock:
        {ipBlock}
        """);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.300/8")]
    [InlineData("not-a-cidr")]
    [InlineData("2001:db8::/129")]
    public void A_bad_cidr_is_rejected(string cidr) => InvalidInput.Rejects(From($"""
                    cidr: {cidr}  # <-
        """), Web, $"spec.ingress[0].from[0].ipBlock.cidr: \"{cidr}\" is not a valid CIDR");

    [Fact]
    public void A_missing_cidr_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {except: [10.0.0.0/16]}  # <-
        """), Web, "ipBlock.cidr: is required");

    [Fact]
    public void An_except_equal_to_the_cidr_is_rejected() => InvalidInput.Rejects(From("""
                    cidr: 10.0.0.0/8
                    except:
                      - 10.1.0.0/16
                      - 10.0.0.0/8  # <-
        """), Web, "ipBlock.except[1]: \"10.0.0.0/8\" must be a strict subset of cidr 10.0.0.0/8");

    [Fact]
    public void An_except_outside_the_cidr_is_rejected() => InvalidInput.Rejects(From("""
                    cidr: 10.0.0.0/8
                    except: [192.168.0.0/16]  # <-
        """), Web, "\"192.168.0.0/16\" must be a strict subset of cidr 10.0.0.0/8");

    [Fact]
    public void An_except_wider_than_the_cidr_is_rejected() => InvalidInput.Rejects(From("""
                    cidr: 10.1.0.0/16
                    except: [10.0.0.0/8]  # <-
        """), Web, "must be a strict subset of cidr 10.1.0.0/16");

    [Fact]
    public void An_except_of_the_other_address_family_is_rejected() => InvalidInput.Rejects(From("""
                    cidr: 0.0.0.0/0
                    except: ["::/1"]  # <-
        """), Web, "must be a strict subset of cidr 0.0.0.0/0");

    [Fact]
    public void A_malformed_except_is_rejected() => InvalidInput.Rejects(From("""
                    cidr: 10.0.0.0/8
                    except: [10.0.0/24]  # <-
        """), Web, "ipBlock.except[0]: \"10.0.0/24\" is not a valid CIDR");
}
