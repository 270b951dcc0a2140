namespace Portolan.Nftables;

/// <summary>Input the compiler cannot use (a bad --pod-ips line, an unknown pod, an address held twice); the message names where.</summary>
public sealed class NftablesInputException : Exception
{
    public NftablesInputException(string message) : base(message)
    {
    }

    public NftablesInputException()
    {
    }

    public NftablesInputException(string message, Exception inner) : base(message, inner)
    {
    }
}
