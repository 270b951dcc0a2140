using Portolan.Core.Sets;

namespace Portolan.Core.Model;

public sealed record ContainerPort(string? Name, int Number, Protocol Protocol);
