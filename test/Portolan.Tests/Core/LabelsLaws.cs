using Portolan.Core.Selectors;

namespace Portolan.Tests.Core;

/// <summary>Labels against a plain sorted dictionary: lookups, With, equality and hashing agree on random maps.</summary>
public sealed class LabelsLaws
{
    private static readonly string[] Keys = ["a", "app", "app.kubernetes.io/name", "b", "env", "k8s-app", "team", "tier", "x", "y", "z", "zz"];

    private static SortedDictionary<string, string> RandomMap(Random random)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var count = random.Next(Keys.Length + 1);
        for (int i = 0; i < count; i++) map[Keys[random.Next(Keys.Length)]] = $"v{random.Next(3)}";
        return map;
    }

    [Fact]
    public void Labels_behave_as_a_sorted_string_map()
    {
        var random = new Random(7);
        for (int round = 0; round < 2000; round++)
        {
            var reference = RandomMap(random);
            // Pairs in a shuffled order, some repeated with the same value: order and repeats do not matter.
            var pairs = reference.Concat(reference.Take(random.Next(3))).OrderBy(_ => random.Next()).ToList();
            var labels = Labels.From(pairs);
            Assert.Equal(reference.Count, labels.Count);
            Assert.Equal(reference, labels.Map);
            Assert.Equal(string.Join(",", reference.Select(kv => $"{kv.Key}={kv.Value}")), labels.ToString());
            foreach (var key in Keys.Append("missing"))
            {
                var found = reference.TryGetValue(key, out var expected);
                Assert.Equal(found, labels.TryGetValue(key, out var actual));
                if (found) Assert.Equal(expected, actual);
                Assert.Equal(reference.ContainsKey(key), labels.ContainsKey(key));
            }
            var (newKey, newValue) = (Keys[random.Next(Keys.Length)], $"v{random.Next(3)}");
            var extended = new SortedDictionary<string, string>(reference, StringComparer.Ordinal) { [newKey] = newValue };
            Assert.Equal(extended, labels.With(newKey, newValue).Map);
            Assert.Equal(Labels.From(extended), labels.With(newKey, newValue));

            var other = RandomMap(random);
            var same = reference.SequenceEqual(other);
            Assert.Equal(same, labels.Equals(Labels.From(other)));
            if (same) Assert.Equal(labels.GetHashCode(), Labels.From(other).GetHashCode());
        }
    }

    [Fact]
    public void A_key_given_twice_with_different_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Labels.From([new("app", "a"), new("app", "b")]));
        Assert.Equal(1, Labels.From([new("app", "a"), new("app", "a")]).Count);
    }
}
