namespace Portolan.Server.State;

/// <summary>
/// Where the stored objects come from: a manifest directory now, a list+watch of the live cluster
/// later. A source loads the state (<see cref="PolicyState.Replace"/>) and may keep it current until
/// cancelled; an exception before the first load stops the server.
/// </summary>
public interface IStateSource
{
    /// <summary>For logs and /readyz: "3 paths", "cluster https://...".</summary>
    string Description { get; }

    Task RunAsync(PolicyState state, CancellationToken cancellation);
}
