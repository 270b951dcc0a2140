using System.Net;
using Portolan.Server.Admission;

namespace Portolan.Server.Hosting;

/// <summary>How `portolan serve` listens and answers.</summary>
public sealed record ServeOptions(
    IPEndPoint Listen,
    string CertificatePath,
    string KeyPath,
    FailurePolicy FailurePolicy = FailurePolicy.Closed,
    int WarningLimit = ExposureWarnings.DefaultLimit)
{
    public static readonly IPEndPoint DefaultListen = new(IPAddress.Loopback, 8443);
}
