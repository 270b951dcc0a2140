using System.Globalization;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// What only the whole input can decide: the name each converted object gets, and whether the
/// BANP can take Baseline priority 0. ANPs keep their names, and an ANP whose name an existing
/// ClusterNetworkPolicy already has is refused (renaming a user's name would break whatever refers
/// to it). The BANP's name carries nothing (v1alpha1 forces "default"), so when "default" is taken
/// it becomes "default-baseline" (then "default-baseline-2", …), with a note.
/// </summary>
public sealed class ConversionPlan
{
    public const string BaselineName = "default";
    public const string BaselineRename = "default-baseline";

    /// <summary>
    /// The BANP becomes the Baseline CNP with priority 0: v1alpha1 orders it before every Baseline
    /// CNP (semantics §4.5, the loader gives it priority -1), and 0 is the lowest v1alpha2 priority.
    /// </summary>
    public const int BaselinePriority = 0;

    private ConversionPlan(string? baselineName) => BaselineCnpName = baselineName;

    /// <summary>The name the BANP's ClusterNetworkPolicy gets; null when the input has no BANP.</summary>
    public string? BaselineCnpName { get; }

    public string NameFor(AdminObject admin) => admin.Kind == AdminObject.Banp ? BaselineCnpName! : admin.Name;

    public static ConversionPlan For(IEnumerable<SourceDocument> documents, Action<string> note)
    {
        var objects = documents.Where(d => d.Root is YMap).SelectMany(d => AdminObject.In((YMap)d.Root!, d.File)).ToList();
        var cnps = objects.Where(o => o.Kind == AdminObject.Cnp).ToList();
        foreach (var anp in objects.Where(o => o.Kind == AdminObject.Anp))
        {
            if (cnps.FirstOrDefault(c => c.Name == anp.Name) is { } existing)
                throw Refuse(anp, $"{existing.Display} already exists at {Where(existing)}; rename one of them");
        }
        var banp = objects.FirstOrDefault(o => o.Kind == AdminObject.Banp);
        if (banp is null) return new ConversionPlan(null);
        if (cnps.FirstOrDefault(IsBaselineAtPriorityZero) is { } first)
            throw Refuse(banp, $"it becomes the Baseline ClusterNetworkPolicy with priority {BaselinePriority}, to stay before every other "
                + $"Baseline policy, but {first.Display} ({Where(first)}) already has Baseline priority {BaselinePriority}; give that one a higher priority first");
        var taken = objects.Where(o => o.Kind is AdminObject.Cnp or AdminObject.Anp).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var name = BaselineName;
        for (var n = 1; taken.Contains(name); n++) name = n == 1 ? BaselineRename : $"{BaselineRename}-{n}";
        if (name != BaselineName)
        {
            var holder = objects.First(o => o.Kind is AdminObject.Cnp or AdminObject.Anp && o.Name == BaselineName);
            note($"{Where(banp)}: {banp.Display}: converted to ClusterNetworkPolicy {name}, since {holder.Display} ({Where(holder)}) is or becomes ClusterNetworkPolicy {BaselineName}");
        }
        return new ConversionPlan(name);
    }

    private static bool IsBaselineAtPriorityZero(AdminObject cnp) =>
        Tree.Field(cnp.Root, "spec") is YMap spec
        && Tree.Field(spec, "tier") is YScalar { Value: "Baseline" }
        && Tree.Field(spec, "priority") is YScalar { Quoted: false } p
        && int.TryParse(p.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority)
        && priority == BaselinePriority;

    private static string Where(AdminObject o) => $"{o.File}:{o.Root.Line}";

    private static ManifestException Refuse(AdminObject o, string problem) => Refusal.At(new Node(o.File, o.Display), o.Root, "", problem);
}
