using System.Reflection;
using Detector.Testing;

namespace Detector.RuntimeBench;

/// <summary>Pure checks before anything starts: each returns the one-line reason the bench cannot run, or null.</summary>
public static class Preflight
{
    /// <summary>The command that runs the bench as documented.</summary>
    public const string Command = "dotnet run -c Release --project bench/Detector.RuntimeBench";

    /// <summary>KUBEBUILDER_ASSETS must hold kube-apiserver and etcd.</summary>
    public static string? Assets(string? assets) => EnvtestServer.MissingReason(assets) is { } reason
        ? $"needs a real API server: {reason}"
        : null;

    /// <summary>The operator executable must exist; without --operator the bench must be a Release build.</summary>
    public static string? Operator(string path, bool explicitPath, string configuration) => (File.Exists(path), explicitPath, configuration) switch
    {
        (false, true, _) => $"--operator {path} does not exist",
        (_, false, not "Release") => $"the bench is a {configuration} build: run it as `{Command}`, so the operator is measured as shipped (or pass --operator)",
        (false, false, _) => $"{path} does not exist: build it with `{Command}` (or `dotnet build -c Release operator/Detector.Operator`)",
        _ => null,
    };

    /// <summary>The default operator: operator/Detector.Operator built in the bench's own configuration and target framework.</summary>
    /// <param name="repositoryRoot">The folder of Detector.sln.</param>
    /// <param name="benchDirectory">The bench's output folder, …/bin/CONFIGURATION/TFM/.</param>
    public static string DefaultOperator(string repositoryRoot, string benchDirectory)
    {
        var tfm = new DirectoryInfo(benchDirectory.TrimEnd('/'));
        return Path.Combine(repositoryRoot, "operator", "Detector.Operator", "bin", tfm.Parent?.Name ?? "", tfm.Name, "detector");
    }

    /// <summary>The configuration the bench was compiled in (Release or Debug).</summary>
    public static string BuildConfiguration =>
        typeof(Preflight).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";
}
