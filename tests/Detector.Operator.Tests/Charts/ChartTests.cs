using System.Text.RegularExpressions;
using Detector.Testing;

namespace Detector.Operator.Tests.Charts;

public sealed partial class ChartTests
{
    [Fact]
    public void ChartCrds_ComparedWithCrdsFolder_AreIdentical()
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "crds");
        var chart = Path.Combine(ChartFiles.Chart, "crds");
        var expected = Directory.GetFiles(source, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Directory.GetFiles(chart, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in expected)
            Assert.True(File.ReadAllText(Path.Combine(source, file!)) == File.ReadAllText(Path.Combine(chart, file!)),
                $"charts/detector-operator/crds/{file} differs from crds/{file}: copy crds/*.yaml into the chart");
    }

    [Theory]
    [InlineData("deployment.yaml")]
    [InlineData("rbac.yaml")]
    [InlineData("serviceaccount.yaml")]
    [InlineData("service.yaml")]
    [InlineData("servicemonitor.yaml")]
    [InlineData("configmap.yaml")]
    [InlineData("_helpers.tpl")]
    public void Template_Actions_AreBalanced(string file)
    {
        // No helm binary here: at least every block action must be closed, and every {{ must have its }}.
        var text = File.ReadAllText(Path.Combine(ChartFiles.Chart, "templates", file));
        Assert.Equal(Regex.Count(text, @"\{\{"), Regex.Count(text, @"\}\}"));
        Assert.Equal(BlockOpen().Count(text), BlockEnd().Count(text));
    }

    [Fact]
    public void Deployment_PassesOnlyFlagsThatDetectorRunKnows()
    {
        var deployment = File.ReadAllText(Path.Combine(ChartFiles.Chart, "templates", "deployment.yaml"));
        var known = Cli.RunCommand.Create().Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var passed = Regex.Matches(deployment, @"^\s*- (--[a-z0-9-]+)\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("--drift-interval", passed);
        Assert.Contains("--memory-trim-interval", passed);
        Assert.Contains("--poll-interval", passed);
        Assert.All(passed, flag => Assert.True(known.Contains(flag), $"the chart passes {flag}, which detector run does not know"));
    }

    [Fact]
    public void Deployment_Container_RunsNonRootReadOnlyWithProbes()
    {
        var values = File.ReadAllText(Path.Combine(ChartFiles.Chart, "values.yaml"));
        var deployment = File.ReadAllText(Path.Combine(ChartFiles.Chart, "templates", "deployment.yaml"));
        Assert.Contains("runAsNonRoot: true", values);
        Assert.Contains("readOnlyRootFilesystem: true", values);
        Assert.Contains("drop: [\"ALL\"]", values);
        Assert.Contains("path: /healthz", deployment);
        Assert.Contains("path: /readyz", deployment);
        Assert.Contains("name: DETECTOR_IMAGE", deployment);
    }

    [Fact]
    public void ServiceAccount_RoleArnValue_BecomesTheIrsaAnnotation()
    {
        var template = File.ReadAllText(Path.Combine(ChartFiles.Chart, "templates", "serviceaccount.yaml"));
        Assert.Contains("eks.amazonaws.com/role-arn: {{ . | quote }}", template);
        Assert.Contains("roleArn:", File.ReadAllText(Path.Combine(ChartFiles.Chart, "values.yaml")));
    }

    [GeneratedRegex(@"\{\{-?\s*(if|range|with|define)\b")]
    private static partial Regex BlockOpen();

    [GeneratedRegex(@"\{\{-?\s*end\b")]
    private static partial Regex BlockEnd();
}
