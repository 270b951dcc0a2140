using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// Runs a kubeconfig exec plugin (client.authentication.k8s.io ExecCredential) for a bearer
/// token, and keeps the token until its expirationTimestamp. Client certificates from plugins are
/// not supported.
/// </summary>
public sealed class ExecCredentialPlugin(ExecCredentialCommand command, Uri server) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset? _expires;

    public async Task<string> TokenAsync(CancellationToken cancel)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            if (_token is null || (_expires is { } expires && expires <= DateTimeOffset.UtcNow.AddSeconds(10))) (_token, _expires) = await RunAsync(cancel);
            return _token;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<(string Token, DateTimeOffset? Expires)> RunAsync(CancellationToken cancel)
    {
        // A command with a path separator is relative to the kubeconfig; a bare name is looked up on PATH.
        var file = command.Command.Contains('/', StringComparison.Ordinal) ? Path.Combine(command.BaseDirectory, command.Command) : command.Command;
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in command.Env) start.Environment[name] = value;
        start.Environment["KUBERNETES_EXEC_INFO"] = new JsonObject
        {
            ["apiVersion"] = command.ApiVersion,
            ["kind"] = "ExecCredential",
            ["spec"] = new JsonObject { ["interactive"] = false, ["cluster"] = new JsonObject { ["server"] = server.ToString() } },
        }.ToJsonString();
        string output, error;
        int exit;
        try
        {
            using var process = Process.Start(start) ?? throw new LiveException($"exec credential plugin {command.Command} did not start");
            var outputTask = process.StandardOutput.ReadToEndAsync(cancel);
            var errorTask = process.StandardError.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            (output, error, exit) = (await outputTask, await errorTask, process.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LiveException($"exec credential plugin {command.Command} cannot be run: {e.Message}", e);
        }
        if (exit != 0) throw new LiveException($"exec credential plugin {command.Command} failed (exit {exit}): {error.Trim()}");
        try
        {
            var status = JsonNode.Parse(output)?["status"] as JsonObject;
            var token = status?["token"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token)) throw new LiveException($"exec credential plugin {command.Command} returned no status.token (client certificates from plugins are not supported)");
            var expires = status?["expirationTimestamp"]?.GetValue<string>() is { } text
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : (DateTimeOffset?)null;
            return (token, expires);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new LiveException($"exec credential plugin {command.Command} printed something that is not an ExecCredential: {e.Message}", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
