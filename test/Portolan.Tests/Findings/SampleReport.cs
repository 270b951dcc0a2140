using Portolan.Core.Model;
using Portolan.Output.Findings;

namespace Portolan.Tests.Findings;

/// <summary>A small report with what the formats must handle: unsorted findings, details, no location, stdin, an absolute path.</summary>
public static class SampleReport
{
    public static readonly string BaseDirectory = Path.Combine(Path.GetTempPath(), "portolan-base");

    public static FindingReport Create() => new("lint",
    [
        new("rule-a", "RuleA", FindingSeverity.Warning, "Something is too broad.", "A long explanation of rule a.", "Narrow it."),
        new("rule-b", "RuleB", FindingSeverity.Error, "Something is broken.", "A long explanation of rule b.", "Mend it."),
        new("rule-c", "RuleC", FindingSeverity.Info, "Nothing to see.", "Rule c finds nothing here.", "Nothing to do."),
    ],
    [
        new("rule-b", FindingSeverity.Error, "ingress rule 2 is broken", "NetworkPolicy shop/web", new SourceLocation("manifests/policies.yaml", 20), []),
        new("rule-a", FindingSeverity.Warning, "ingress rule 1 is too broad <&>", "NetworkPolicy shop/web", new SourceLocation("manifests/policies.yaml", 12),
            ["blast radius: 2 pods x 1 port (TCP 8080)", "pods: shop/web[Deployment]"]),
        new("rule-a", FindingSeverity.Info, "downgraded for this object", "Namespace data", null, []),
        new("rule-a", FindingSeverity.Warning, "read from stdin", "NetworkPolicy data/db", new SourceLocation("<stdin>", 3), []),
        new("rule-b", FindingSeverity.Error, "absolute path", "NetworkPolicy data/cache", new SourceLocation(Path.Combine(BaseDirectory, "dir with space", "p.yaml"), 7), []),
    ]);
}
