using CsCheck;
using Portolan.Kubernetes.Conversion;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Tests.Convert;

/// <summary>The writer's law: what it writes reads back as the same tree, strings staying strings.</summary>
public sealed class YamlWriterTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["az09 :-#'\"\t\n{}[],&*!|>%@`?~.yYnN\\\u00e9\u2028\u0085"], 0, 12];

    [Fact]
    public void Strings_read_back_as_the_same_strings()
    {
        Text.Sample(value =>
        {
            var read = ReadBack(Tree.Map(("key", Tree.String(value))));
            var scalar = Assert.IsType<YScalar>(read["key"]);
            Assert.Equal(value, scalar.Value);
            Assert.False(scalar.IsNull);
            // A string written plain must not read as a number, bool or null under YAML 1.1 or 1.2.
            if (!scalar.Quoted) Assert.DoesNotMatch(@"^([-+.~0-9]|(?i:null|true|false|yes|no|on|off|y|n)$)", value);
        }, iter: 5000);
    }

    [Fact]
    public void Keys_read_back_as_the_same_keys()
    {
        Text.Sample(key =>
        {
            var read = ReadBack(Tree.Map((key, Tree.Int(1))));
            Assert.Equal(key, Assert.Single(read.Entries).Key);
        }, iter: 5000);
    }

    [Fact]
    public void Plain_scalars_stay_plain_so_numbers_and_bools_keep_their_type()
    {
        var source = Read("a: 80\nb: -1\nc: true\nd: ~\ne: \"80\"\nf: web\n");

        Assert.Equal("a: 80\nb: -1\nc: true\nd: ~\ne: \"80\"\nf: web\n", YamlWriter.Write(source));
    }

    [Fact]
    public void Nested_collections_use_two_spaces_and_kubectl_list_style()
    {
        var source = Read("m: {a: [1, [2, 3], {b: c, d: []}], e: {}}\n");

        Assert.Equal("m:\n  a:\n  - 1\n  - - 2\n    - 3\n  - b: c\n    d: []\n  e: {}\n", YamlWriter.Write(source));
    }

    private static YMap ReadBack(YMap tree) => Read(YamlWriter.Write(tree));

    private static YMap Read(string yaml) =>
        Assert.IsType<YMap>(Assert.Single(YamlDocumentReader.Read(new StringReader(yaml), "test")).Root);
}
