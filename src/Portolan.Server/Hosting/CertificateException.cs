namespace Portolan.Server.Hosting;

/// <summary>The TLS certificate or key cannot be used; the message names the file and the problem.</summary>
public sealed class CertificateException(string message, Exception? inner = null) : Exception(message, inner);
