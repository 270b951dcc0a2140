using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

public sealed record NodeInfo(string Name, Labels Labels, ImmutableArray<IPAddress> Addresses, SourceLocation Origin);
