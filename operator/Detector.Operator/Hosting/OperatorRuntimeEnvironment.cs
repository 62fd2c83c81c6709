namespace Detector.Operator.Hosting;

/// <summary>
/// The .NET runtime settings the chart gives the operator process (its Deployment's env, values <c>runtimeEnv</c>),
/// for a small resident set over a long idle life. Environment variables, because these two have no
/// runtimeconfig.json equivalent that the runtime reads (gen0) or would also reach the Dataset Jobs, which run the same
/// image and binary and want tiered, PGO-optimised loops (tiering).
/// </summary>
/// <remarks>
/// Measured with <c>bench/Detector.RuntimeBench</c> (300 Datasets + 300 TrainingRuns, docs/benchmarks.md):
/// <list type="bullet">
/// <item><c>DOTNET_TieredCompilation=0</c>: each method is compiled once, optimised, instead of a quick version and
/// later a second one; about 20 MiB less JIT code and stubs, and less CPU during a bulk apply.</item>
/// <item><c>DOTNET_GCgen0size=0x200000</c>: a 2 MiB gen0 budget instead of one sized from the CPU cache (about 20 MiB
/// with a 32 MiB L3), about 12 MiB less at idle; a collection of a few live MiB costs well under a millisecond.</item>
/// </list>
/// </remarks>
public static class OperatorRuntimeEnvironment
{
    /// <summary>The variables and their values, as the chart's <c>runtimeEnv</c> default sets them.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredCompilation"] = "0",
        ["DOTNET_GCgen0size"] = "0x200000",
    };
}
