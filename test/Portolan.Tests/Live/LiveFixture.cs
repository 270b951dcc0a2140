using Portolan.Tests.Support;

namespace Portolan.Tests.Live;

/// <summary>A fixture API server for the shop scenario, its CA, and a kubeconfig that trusts it.</summary>
public sealed class LiveFixture : IAsyncDisposable
{
    public LiveFixture(string scenario = "shop")
    {
        Server = new FixtureApiServer(scenario, Certificates);
        Kubeconfig = Server.WriteKubeconfig(Directory, Certificates);
    }

    public FixtureCertificates Certificates { get; } = new();

    public TempDirectory Directory { get; } = new();

    public FixtureApiServer Server { get; }

    public string Kubeconfig { get; }

    /// <summary>Serves the shop as a cluster without the admin-tier CRDs installed.</summary>
    public LiveFixture WithoutAdminCrds()
    {
        Server.Hidden.Add("policy.networking.k8s.io/v1alpha1");
        Server.Hidden.Add("policy.networking.k8s.io/v1alpha2");
        return this;
    }

    public static CliRunner.Result Run(params string[] args) => CliRunner.RunWithEnvironment(new Dictionary<string, string>(), "", args);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Certificates.Dispose();
        Directory.Dispose();
    }
}
