using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// Chooses a tuning job's hyperparameters for its n-th child (pure, deterministic): Grid walks the cartesian product
/// of the categorical values in order; the other strategies draw from the ranges with a generator seeded by the
/// tuning job's name, its RandomSeed and n (scaling honoured: Logarithmic draws uniformly in log space).
/// </summary>
public static class TuningSampler
{
    /// <summary>How many children a Grid search has: the product of the categorical value counts.</summary>
    public static int GridSize(JsonObject? ranges) =>
        Ranges(ranges, "CategoricalParameterRanges").Aggregate(1, (n, r) => n * ((JsonArray)r["Values"]!).Count);

    /// <summary>The tuned hyperparameters of child <paramref name="index"/> (0-based).</summary>
    public static JsonObject Sample(JsonObject? ranges, string strategy, string tuningJobName, long? randomSeed, int index)
    {
        var tuned = new JsonObject();
        if (strategy == "Grid")
        {
            var rest = index;
            foreach (var range in Ranges(ranges, "CategoricalParameterRanges").Reverse())
            {
                var values = (JsonArray)range["Values"]!;
                tuned[Name(range)] = values[rest % values.Count]!.GetValue<string>();
                rest /= values.Count;
            }
            return Ordered(tuned);
        }
        var random = new Random(Seed(tuningJobName, randomSeed, index));
        foreach (var range in Ranges(ranges, "ContinuousParameterRanges"))
            tuned[Name(range)] = Draw(range, random).ToString("R", CultureInfo.InvariantCulture);
        foreach (var range in Ranges(ranges, "IntegerParameterRanges"))
        {
            var (min, max) = (Number(range, "MinValue"), Number(range, "MaxValue"));
            // Draw in [min, max + 1) and floor, so both ends are as likely as any other value.
            var drawn = Draw(new RangeSpec(min, max + 1, range["ScalingType"]?.GetValue<string>()), random);
            var value = Math.Clamp((long)Math.Floor(drawn), (long)min, (long)max);
            tuned[Name(range)] = value.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var range in Ranges(ranges, "CategoricalParameterRanges"))
        {
            var values = (JsonArray)range["Values"]!;
            tuned[Name(range)] = values[random.Next(values.Count)]!.GetValue<string>();
        }
        return Ordered(tuned);
    }

    private static double Draw(JsonObject range, Random random) =>
        Draw(new RangeSpec(Number(range, "MinValue"), Number(range, "MaxValue"), range["ScalingType"]?.GetValue<string>()), random);

    private static double Draw(RangeSpec range, Random random)
    {
        var u = random.NextDouble();
        return range.Scaling == "Logarithmic" && range.Min > 0
            ? Math.Exp(Math.Log(range.Min) + u * (Math.Log(range.Max) - Math.Log(range.Min)))
            : range.Min + u * (range.Max - range.Min);
    }

    private static double Number(JsonObject range, string member) =>
        double.Parse(range[member]!.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Name(JsonObject range) => range["Name"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Ranges(JsonObject? ranges, string kind) =>
        (ranges?[kind] as JsonArray ?? []).Select(r => (JsonObject)r!);

    private static JsonObject Ordered(JsonObject tuned) =>
        new(tuned.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static int Seed(string name, long? randomSeed, int index) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}/{randomSeed}/{index}")), 0);

    private sealed record RangeSpec(double Min, double Max, string? Scaling);
}
