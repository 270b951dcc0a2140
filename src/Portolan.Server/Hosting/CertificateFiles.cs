using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portolan.Server.Hosting;

/// <summary>
/// The serving certificate from PEM files, reloaded when either file changes (cert-manager and
/// kubelet rotate mounted Secrets in place), checked at most every few seconds on a TLS handshake.
/// </summary>
public sealed class CertificateFiles
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    private readonly string _certPath;
    private readonly string _keyPath;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private (DateTime Cert, DateTime Key) _stamps;
    private long _nextCheck;

    public CertificateFiles(string certPath, string keyPath)
    {
        _certPath = certPath;
        _keyPath = keyPath;
        _stamps = Stamps();
        _current = Load(certPath, keyPath);
        _nextCheck = Environment.TickCount64 + (long)CheckEvery.TotalMilliseconds;
    }

    public X509Certificate2 Current
    {
        get
        {
            if (Environment.TickCount64 < Volatile.Read(ref _nextCheck)) return _current;
            lock (_gate)
            {
                _nextCheck = Environment.TickCount64 + (long)CheckEvery.TotalMilliseconds;
                try
                {
                    var stamps = Stamps();
                    if (stamps != _stamps)
                    {
                        _current = Load(_certPath, _keyPath);
                        _stamps = stamps;
                    }
                }
                catch (CertificateException)
                {
                    // Half-written rotation: keep serving the old certificate and retry at the next check.
                }
                return _current;
            }
        }
    }

    private (DateTime, DateTime) Stamps() => (File.GetLastWriteTimeUtc(_certPath), File.GetLastWriteTimeUtc(_keyPath));

    /// <summary>Loads a PEM certificate (chain) and its PEM private key, or explains which file is wrong.</summary>
    public static X509Certificate2 Load(string certPath, string keyPath)
    {
        Readable(certPath, "--tls-cert");
        Readable(keyPath, "--tls-key");
        try
        {
            var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            if (!pem.HasPrivateKey) throw new CertificateException($"{keyPath}: the key does not belong to the certificate in {certPath}");
            return pem;
        }
        catch (CryptographicException e)
        {
            throw new CertificateException($"{certPath} / {keyPath}: not a usable PEM certificate and private key ({e.Message.TrimEnd('.')}); "
                + "expected -----BEGIN CERTIFICATE----- in --tls-cert and -----BEGIN PRIVATE KEY----- (or RSA/EC PRIVATE KEY) in --tls-key", e);
        }
        catch (ArgumentException e)
        {
            throw new CertificateException($"{certPath} / {keyPath}: {e.Message}", e);
        }
    }

    private static void Readable(string path, string option)
    {
        try
        {
            using var stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new CertificateException($"{option} {path}: cannot read the file ({problem})", e);
        }
    }
}
