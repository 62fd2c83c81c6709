using System.Diagnostics;

namespace Detector.Operator.Tests.Admission;

/// <summary>Runs kubectl against one kubeconfig, as an administrator (or a user) would at a terminal.</summary>
/// <param name="Kubeconfig">The kubeconfig path.</param>
public sealed record Kubectl(string Kubeconfig)
{
    /// <summary>The exit code and both outputs of <c>kubectl ARGS</c> with <paramref name="stdin"/> as input.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--kubeconfig", Kubeconfig, .. arguments]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>As <see cref="RunAsync"/>, failing the test with kubectl's message when it fails.</summary>
    public async Task<string> MustAsync(string? stdin, params string[] arguments)
    {
        var (code, stdout, stderr) = await RunAsync(stdin, arguments);
        Assert.True(code == 0, $"kubectl {string.Join(' ', arguments)} failed: {stderr}");
        return stdout;
    }

    /// <summary>True when kubectl is on PATH.</summary>
    public static bool Available() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "kubectl")));
}
