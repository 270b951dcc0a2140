namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// One allowed pair of a <see cref="CompressedReport"/>, as indexes: into its Sources, its
/// Destinations and its Sets (the distinct connection sets), so writers can reuse what they
/// rendered of each instead of formatting every line anew.
/// </summary>
public readonly record struct ReportPair(int Source, int Destination, int Set);
