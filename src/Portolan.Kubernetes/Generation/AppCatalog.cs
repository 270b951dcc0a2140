namespace Portolan.Kubernetes.Generation;

/// <summary>The applications a generated namespace runs, with their tier and named container ports.</summary>
public static class AppCatalog
{
    public sealed record Port(string Name, int Number, string Protocol);

    public sealed record App(string Name, string Tier, Port[] Ports);

    public static IReadOnlyList<App> All { get; } =
    [
        new("frontend", "web", [new("http", 8080, "TCP"), new("metrics", 9090, "TCP")]),
        new("api", "backend", [new("http", 8080, "TCP"), new("grpc", 50051, "TCP"), new("metrics", 9090, "TCP")]),
        new("worker", "backend", [new("metrics", 9090, "TCP")]),
        new("cache", "data", [new("redis", 6379, "TCP"), new("metrics", 9121, "TCP")]),
        new("db", "data", [new("postgres", 5432, "TCP"), new("metrics", 9187, "TCP")]),
        new("queue", "data", [new("amqp", 5672, "TCP"), new("metrics", 9419, "TCP")]),
        new("auth", "backend", [new("http", 8443, "TCP"), new("metrics", 9090, "TCP")]),
        new("search", "backend", [new("http", 9200, "TCP"), new("transport", 9300, "TCP")]),
        new("billing", "backend", [new("http", 8080, "TCP"), new("diameter", 3868, "SCTP")]),
        new("stream", "backend", [new("rtp", 5004, "UDP"), new("http", 8080, "TCP")]),
        new("gateway", "web", [new("https", 443, "TCP"), new("http", 8080, "TCP")]),
        new("scheduler", "backend", [new("metrics", 9090, "TCP")]),
    ];
}
