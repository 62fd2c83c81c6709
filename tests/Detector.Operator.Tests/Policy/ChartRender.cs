using System.Diagnostics;
using System.Text.Json.Nodes;
using Detector.Operator.Policy;
using Detector.Operator.Tests.Charts;
using Detector.Operator.Validation;
using Detector.Testing;

namespace Detector.Operator.Tests.Policy;

/// <summary>Renders the chart with ../shared/tools/chart-render (as `helm template` would) and reads what it produced.</summary>
public static class ChartRender
{
    /// <summary>The test values of the shared policy cases.</summary>
    public static string PolicyValues { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "Detector.Operator.Tests", "Policy", "policy-values.yaml");

    /// <summary>The rendered manifests (no CRDs) of release <c>rel</c> in <c>detector-system</c>; skips without chart-render.</summary>
    public static string Render(params string[] arguments) => RenderRelease("rel", "detector-system", arguments);

    /// <summary>The rendered manifests (no CRDs) of a release in a namespace; skips without chart-render.</summary>
    public static string RenderRelease(string release, string ns, params string[] arguments)
    {
        var tool = SharedData.RequireFile("tools/chart-render");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[release, ChartFiles.Chart, "-n", ns, "--skip-crds", .. arguments]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "chart-render failed: " + stderr);
        return stdout.Result;
    }

    /// <summary>The rendered documents as JSON.</summary>
    public static IReadOnlyList<JsonObject> Documents(string rendered) => [.. YamlDocuments.Parse(rendered).OfType<JsonObject>()];

    /// <summary>The namespace policy the operator would load from the rendered ConfigMap (its policy.yaml); null when it has none.</summary>
    public static NamespacePolicy? Policy(string rendered)
    {
        var configMap = Documents(rendered).Single(d => d["kind"]?.ToString() == "ConfigMap" && d["metadata"]!["name"]!.ToString() == "rel-detector-operator-policy");
        return configMap["data"]?["policy.yaml"] is { } policy ? NamespacePolicy.Parse(policy.ToString()) : null;
    }
}
