using System.Text.Json.Nodes;
using Detector.Operator.Validation;
using Detector.Testing;

namespace Detector.Operator.Tests.Charts;

/// <summary>Locations and parsed pieces of charts/detector-operator.</summary>
public static class ChartFiles
{
    /// <summary>The chart folder.</summary>
    public static string Chart { get; } = Path.Combine(SharedData.RepositoryRoot, "charts", "detector-operator");

    /// <summary>One RBAC rule flattened to (apiGroup, resource, verb) triples.</summary>
    public static IReadOnlyList<(string Group, string Resource, string Verb)> Permissions(string rulesFile)
    {
        var text = File.ReadAllText(Path.Combine(Chart, "files", rulesFile));
        var rules = YamlDocuments.Parse(text).Single()!.AsArray();
        return
        [
            .. from rule in rules.Select(r => r!.AsObject())
               from g in Strings(rule, "apiGroups")
               from r in Strings(rule, "resources")
               from v in Strings(rule, "verbs")
               select (g, r, v),
        ];
    }

    private static IEnumerable<string> Strings(JsonObject rule, string key) =>
        rule[key]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
}
