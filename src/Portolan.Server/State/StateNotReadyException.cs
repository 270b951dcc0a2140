namespace Portolan.Server.State;

/// <summary>A review arrived before the state was loaded; the failure policy decides the answer.</summary>
public sealed class StateNotReadyException() : Exception("the cluster state is not loaded yet");
