using System.Globalization;
using System.Text.RegularExpressions;
using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's static cost limits for <c>x-kubernetes-validations</c>: each rule's estimated cost, times how
/// often its node can occur, must stay under 10,000,000, and all rules of a CRD together under 100,000,000. How often
/// a node occurs is the product of its ancestors' maxItems/maxProperties; below an unbounded list or map the server
/// assumes the node repeats as often as it fits in a 3 MiB request. The per-evaluation cost is estimated for the rule
/// forms <see cref="CelRules"/> knows, in cel-go's terms: a string compares at 0.1 per byte of its bound
/// (maxLength × 4 bytes, the longest enum value, or the whole request when unbounded), a list at 0.1 per item.
/// The cardinality part is the server's own arithmetic; the per-evaluation part approximates cel-go's estimator.
/// </summary>
public static partial class CelCost
{
    /// <summary>Largest estimated cost of one rule (apiextensions <c>StaticEstimatedCostLimit</c>).</summary>
    public const ulong RuleLimit = 10_000_000;

    /// <summary>Largest estimated total of a CRD's rules (<c>StaticEstimatedCRDCostLimit</c>).</summary>
    public const ulong CrdLimit = 100_000_000;

    /// <summary>The request size the server bounds unbounded data by (3 MiB).</summary>
    public const long MaxRequestBytes = 3 * 1024 * 1024;

    /// <summary>Accumulates the rule costs of one CRD schema, keeping the four most expensive (≥ 1% of the limit).</summary>
    public sealed class Total
    {
        /// <summary>Sum of all rule costs (saturating).</summary>
        public ulong Sum { get; private set; }

        /// <summary>The up to four most expensive rules, most expensive first.</summary>
        public List<(string Path, ulong Cost)> MostExpensive { get; } = [];

        /// <summary>Adds one rule's cost.</summary>
        public void Observe(string path, ulong cost)
        {
            Sum = ulong.MaxValue - Sum < cost ? ulong.MaxValue : Sum + cost;
            if (cost < CrdLimit / 100) return;
            MostExpensive.Add((path, cost));
            MostExpensive.Sort((a, b) => b.Cost.CompareTo(a.Cost));
            if (MostExpensive.Count > 4) MostExpensive.RemoveAt(4);
        }
    }

    /// <summary>The cardinality of the children of <paramref name="node"/>, given its own (null = unbounded).</summary>
    public static ulong? ChildCardinality(V1JSONSchemaProps node, ulong? cardinality)
    {
        if (cardinality is not { } known) return null;
        ulong? factor = node.Type switch
        {
            "object" when node.AdditionalProperties is not null => node.MaxProperties is { } max ? (ulong)Math.Max(0, max) : null,
            "array" => node.MaxItems is { } max ? (ulong)Math.Max(0, max) : null,
            _ => 1,
        };
        return factor is { } f ? Multiply(known, f) : null;
    }

    /// <summary>The estimated cost of <paramref name="rule"/> on <paramref name="node"/> occurring <paramref name="cardinality"/> times.</summary>
    public static ulong Estimate(string rule, V1JSONSchemaProps node, ulong? cardinality) =>
        Multiply(PerEvaluation(rule.Trim(), node), cardinality ?? (ulong)(MaxRequestBytes / (MinSerializedSize(node) + 1)));

    /// <summary>The server's wording: <c>estimated rule cost exceeds budget by factor of 2.5x (try simplifying ...)</c>.</summary>
    public static string ExceedsMessage(string costName, ulong cost, ulong limit)
    {
        var factor = (double)cost / limit;
        var shown = factor > 100 ? "more than 100x"
            : factor < 1.5 ? factor.ToString("F6", CultureInfo.InvariantCulture) + "x"
            : factor.ToString("F1", CultureInfo.InvariantCulture) + "x";
        return $"{costName} exceeds budget by factor of {shown} (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
    }

    private static ulong PerEvaluation(string rule, V1JSONSchemaProps node)
    {
        if (rule == CelRules.Rules.Immutable) return 2 + Compare(node);
        if (OptionalImmutable().Match(rule) is { Success: true } optional)
            return 9 + (node.Properties?.TryGetValue(optional.Groups[1].Value, out var field) == true ? Compare(field) : 0);
        if (ExactlyOne().Match(rule) is { Success: true } one)
        {
            var count = (ulong)one.Groups[1].Value.Split(',').Length;
            return 10 + 2 * count + 3 * count + 1;
        }
        // Unknown forms are reported by the rule checks; charge nothing here rather than guess.
        return 0;
    }

    // cel-go: comparing two sized values costs 0.1 per element of the smaller bound; objects carry no size.
    private static ulong Compare(V1JSONSchemaProps node) => (ulong)Math.Ceiling(MaxSize(node) * 0.1);

    private static double MaxSize(V1JSONSchemaProps node) => node.Type switch
    {
        "string" when node.Format is "date-time" or "date" or "duration" => 0,
        "string" when node.MaxLength is { } max => Math.Max(0, max) * 4.0,
        "string" when node.EnumProperty is { Count: > 0 } values => values.Max(v => v?.ToString()?.Length ?? 0),
        "string" => MaxRequestBytes - 2,
        "array" when node.MaxItems is { } max => Math.Max(0, max),
        "array" => (MaxRequestBytes - 2) / (MinSerializedSize(SchemaNodes.Items(node)) + 1),
        "object" when node.AdditionalProperties is not null && node.MaxProperties is { } max => Math.Max(0, max),
        "object" when node.AdditionalProperties is not null => (MaxRequestBytes - 2) / (MinSerializedSize(SchemaNodes.AdditionalProperties(node)) + 5),
        _ => node.XKubernetesIntOrString == true ? MaxRequestBytes - 2 : 0,
    };

    // The fewest JSON bytes a value of the node takes: "" for a string, 0 for a number, {} and [] for the rest.
    private static long MinSerializedSize(V1JSONSchemaProps? node) => node?.Type switch
    {
        "integer" or "number" => 1,
        "boolean" => 4,
        "string" when node.Format == "date-time" => 22,
        _ => 2,
    };

    private static ulong Multiply(ulong a, ulong b) => a == 0 ? 0 : ulong.MaxValue / a < b ? ulong.MaxValue : a * b;

    [GeneratedRegex(@"^!has\(oldSelf\.([A-Za-z_][A-Za-z0-9_]*)\) \|\|")]
    private static partial Regex OptionalImmutable();

    [GeneratedRegex(@"^\[(.+)\]\.exists_one\(x, x\)$")]
    private static partial Regex ExactlyOne();
}
