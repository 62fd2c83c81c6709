using System.Diagnostics;
using Detector.Operator.Tests.Charts;
using Detector.Operator.Validation;
using Detector.Testing;

namespace Detector.Operator.Tests.GitOps;

/// <summary>The chart's argocd.healthChecks switch, rendered with ../shared/tools/chart-render.</summary>
public sealed class ArgoChartTests
{
    [SkippableFact]
    public void HealthChecksEnabled_RendersOneArgoCdKeyPerKindWithTheScriptVerbatim()
    {
        var rendered = Render("--set", "argocd.healthChecks.enabled=true", "--set", "argocd.healthChecks.namespace=argocd");

        var configMap = YamlDocuments.Parse(rendered).Single(d => d?["kind"]?.GetValue<string>() == "ConfigMap"
            && d["metadata"]!["name"]!.GetValue<string>().EndsWith("-argocd-health", StringComparison.Ordinal))!;
        Assert.Equal("argocd", configMap["metadata"]!["namespace"]!.GetValue<string>());
        var data = configMap["data"]!.AsObject();
        Assert.Equal(PhaseFixtures.Kinds.Select(k => $"resource.customizations.health.detector.dev_{k.Kind}").Order(StringComparer.Ordinal),
            data.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var kind in PhaseFixtures.Kinds)
            Assert.Equal(File.ReadAllText(ArgoHealthTests.Script(kind.Kind)),
                data[$"resource.customizations.health.detector.dev_{kind.Kind}"]!.GetValue<string>());
    }

    [SkippableFact]
    public void HealthChecksDefault_RendersNoArgoCdConfigMap() =>
        Assert.DoesNotContain("argocd-health", Render());

    private static string Render(params string[] flags)
    {
        var tool = SharedData.RequireFile("tools/chart-render");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[ChartFiles.Chart, "--skip-crds", .. flags])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chart-render failed: {errors}");
        return output.Result;
    }
}
