using System.Numerics;

namespace Portolan.Core.Sets;

/// <summary>A closed interval [Start, End] over an integer type.</summary>
public readonly record struct Interval<T>(T Start, T End)
    where T : IBinaryInteger<T>
{
    public bool Contains(T value) => value >= Start && value <= End;
}
