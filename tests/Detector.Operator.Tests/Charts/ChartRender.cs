using System.Diagnostics;
using Detector.Testing;

namespace Detector.Operator.Tests.Charts;

/// <summary>
/// Renders charts/detector-operator with ../shared/tools/chart-render (what <c>helm template</c> prints) and applies
/// manifests with kubectl. Skips (or fails in CI) when the tool is missing, as <see cref="SharedData"/> does.
/// </summary>
public static class ChartRender
{
    /// <summary>
    /// Renders the chart as release <paramref name="release"/> in <paramref name="ns"/> with a values file's text and
    /// <c>--set</c> arguments, without the CRDs (installed by the envtest fixture). Returns (exit code, stdout, stderr).
    /// </summary>
    public static (int Code, string Output, string Error) Render(string release, string ns, string? valuesYaml, params string[] sets)
    {
        var tool = SharedData.RequireFile("tools/chart-render");
        var args = new List<string> { release, ChartFiles.Chart, "-n", ns, "--skip-crds", "--kube-version", "1.33" };
        string? valuesFile = null;
        if (valuesYaml is not null)
        {
            valuesFile = Path.Combine(Path.GetTempPath(), $"chart-values-{Guid.NewGuid():N}.yaml");
            File.WriteAllText(valuesFile, valuesYaml);
            args.AddRange(["-f", valuesFile]);
        }
        foreach (var set in sets)
            args.AddRange(["--set", set]);
        try
        {
            return Run(tool, args, stdin: null);
        }
        finally
        {
            if (valuesFile is not null)
                File.Delete(valuesFile);
        }
    }

    /// <summary>Renders and asserts success; returns the manifests.</summary>
    public static string RenderOk(string release, string ns, string? valuesYaml, params string[] sets)
    {
        var (code, output, error) = Render(release, ns, valuesYaml, sets);
        Assert.True(code == 0, $"chart-render failed ({code}): {error}");
        return output;
    }

    /// <summary>
    /// <c>kubectl apply --server-side</c> of <paramref name="manifests"/> (with <c>--dry-run=server</c> when
    /// <paramref name="dryRun"/>): the server validates and admits every object. Returns (exit code, stdout, stderr).
    /// </summary>
    public static (int Code, string Output, string Error) Apply(string kubeconfig, string manifests, bool dryRun, string fieldManager = "detector-tests")
    {
        List<string> args = ["--kubeconfig", kubeconfig, "apply", "--server-side", "--field-manager", fieldManager, "-f", "-"];
        if (dryRun)
            args.Add("--dry-run=server");
        return Run("kubectl", args, manifests);
    }

    /// <summary>Runs a tool with a deadline of a minute, feeding <paramref name="stdin"/>.</summary>
    public static (int Code, string Output, string Error) Run(string tool, IEnumerable<string> args, string? stdin)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} took more than a minute");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
