using System.Reflection;

namespace Detector.Operator.Hosting;

/// <summary>
/// The image of this build, the default of <c>--image</c>: <see cref="Repository"/> tagged with the assembly's
/// informational version (the csproj's <c>Version</c>, which the chart's <c>appVersion</c> matches; a test keeps them
/// equal). The dataset Jobs run the operator's own image, so a local <c>detector run</c> creates Jobs that run the
/// released image of the same version.
/// </summary>
public static class OperatorImage
{
    /// <summary>Where released images are published (the chart's default <c>image.repository</c>).</summary>
    public const string Repository = "ghcr.io/detector-dev/detector";

    /// <summary>This build's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+3f2a…</c>).</summary>
    public static string Version { get; } = VersionOf(typeof(OperatorImage).Assembly);

    /// <summary><c>ghcr.io/detector-dev/detector:&lt;version&gt;</c>.</summary>
    public static string Default => $"{Repository}:{Version}";

    /// <summary>Pure: the informational version without its <c>+metadata</c> suffix.</summary>
    public static string StripMetadata(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informationalVersion : informationalVersion[..plus];
    }

    private static string VersionOf(Assembly assembly) =>
        StripMetadata(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
