using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// Documents Portolan does not analyse are skipped, each with a located note on stderr: other kinds,
/// and documents that are not objects. Empty and comment-only documents are silently fine.
/// </summary>
public sealed class SkippedDocumentTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\n";

    private const string NoPolicies = "note: no policies found in the input: every connection is allowed\n";

    private static CliRunner.Result ListOf(params (string File, string Text)[] files)
    {
        using var dir = new TempDirectory();
        foreach (var (file, text) in files) dir.Write(file, text);
        return CliRunner.RunIn(dir.Path, ["list", .. files.Select(f => f.File)]);
    }

    [Fact]
    public void A_JSON_array_document_is_skipped_with_a_note()
    {
        var result = ListOf(("pod.yaml", Pod), ("array.json", """[{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}}]"""));
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: array.json:1: skipping a document that is a list, not an object\n" + NoPolicies, result.Stderr);
        Assert.DoesNotContain("web", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scalar_document_is_skipped_with_a_note()
    {
        var result = ListOf(("all.yaml", Pod + "---\njust some text\n"));
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: all.yaml:5: skipping a document that is a scalar, not an object\n" + NoPolicies, result.Stderr);
    }

    [Fact]
    public void An_unknown_kind_is_skipped_with_a_note_naming_it()
    {
        var result = ListOf(("all.yaml", Pod + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: b}\n"));
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: all.yaml:5: skipping ConfigMap shop/settings: kind ConfigMap is not analysed\n" + NoPolicies, result.Stderr);
    }

    [Fact]
    public void Services_are_read_and_ignored_without_a_note()
    {
        var result = ListOf(("all.yaml", Pod + "---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {ports: [{port: 80}]}\n"));
        Assert.Equal(0, result.Exit);
        Assert.Equal(NoPolicies, result.Stderr);
    }

    [Fact]
    public void Empty_documents_and_comment_only_files_are_fine()
    {
        var result = ListOf(
            ("a-empty.yaml", ""),
            ("b-comments.yaml", "# nothing here yet\n# still nothing\n"),
            ("c-separators.yaml", "---\n---\n# a comment\n---\n\n---\n" + Pod + "---\n"),
            ("d-null.yaml", "~\n---\nnull\n"));
        Assert.Equal(0, result.Exit);
        Assert.Equal(NoPolicies, result.Stderr);
        Assert.Equal("""
            0.0.0.0-255.255.255.255[External] => shop/api[Pod] : All Connections
            shop/api[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections

            """, result.Stdout);
    }
}
