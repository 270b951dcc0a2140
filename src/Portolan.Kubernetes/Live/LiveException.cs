namespace Portolan.Kubernetes.Live;

/// <summary>
/// The cluster could not be read: unreachable, refused, forbidden, or a bad kubeconfig. The message
/// names the server, resource and verb; the CLI prints it and exits 3.
/// </summary>
public sealed class LiveException : Exception
{
    public LiveException(string message)
        : base(message)
    {
    }

    public LiveException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public LiveException()
    {
    }
}
