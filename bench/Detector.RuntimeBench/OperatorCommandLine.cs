using Detector.Operator.Hosting;

namespace Detector.RuntimeBench;

/// <summary>Where the operator under test talks to.</summary>
/// <param name="Kubeconfig">kubeconfig through the recording proxy.</param>
/// <param name="Namespace">The one watched namespace.</param>
/// <param name="LeaseNamespace">The Lease's namespace.</param>
/// <param name="S3EndpointUrl">s3rver.</param>
/// <param name="SageMakerEndpointUrl">The fake SageMaker.</param>
/// <param name="MonitoringEndpointUrl">The fake SageMaker Metrics and CloudWatch.</param>
/// <param name="Region">The region the fakes sign for.</param>
/// <param name="Home">HOME of the process (the bench's working folder).</param>
public sealed record OperatorTargets(string Kubeconfig, string Namespace, string LeaseNamespace, string S3EndpointUrl,
    string SageMakerEndpointUrl, string MonitoringEndpointUrl, string Region, string Home);

/// <summary>
/// Pure: <c>detector run</c> as the chart starts it (its defaults: leader election on, poll interval 30s, drift
/// interval 5m, 2 workers, JSON logs at Information, metrics served) with one watched namespace, and only the endpoints
/// pointed at the local fakes. Credentials come from the environment, as the SDK's default chain reads them.
/// </summary>
public static class OperatorCommandLine
{
    /// <summary>The arguments after the executable.</summary>
    public static IReadOnlyList<string> Arguments(OperatorTargets t) =>
    [
        "run",
        "--kubeconfig", t.Kubeconfig,
        "--watch-namespaces", t.Namespace,
        "--leader-elect", "true",
        "--lease-namespace", t.LeaseNamespace,
        "--metrics-bind-address", "127.0.0.1:0",
        "--image", "registry.example/detector:bench",
        "--job-service-account", BenchWorld.JobServiceAccount,
        "--aws-region", t.Region,
        "--s3-endpoint-url", t.S3EndpointUrl,
        "--sagemaker-endpoint-url", t.SageMakerEndpointUrl,
        "--sagemaker-metrics-endpoint-url", t.MonitoringEndpointUrl,
        "--cloudwatch-endpoint-url", t.MonitoringEndpointUrl,
        "--log-format", "json",
        "--log-level", "Information",
    ];

    /// <summary>
    /// The whole environment of the process: PATH (and DOTNET_ROOT when set, for the apphost), HOME, the fake AWS
    /// identity, no instance metadata, the runtime settings the chart gives the operator
    /// (<see cref="OperatorRuntimeEnvironment"/>), and over those the caller's <c>DOTNET_</c> variables, so a runtime
    /// knob can be measured by setting it on the bench (an empty value removes a chart setting).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(OperatorTargets t, string? path, string? dotnetRoot,
        IEnumerable<KeyValuePair<string, string>>? callerVariables = null)
    {
        var env = new Dictionary<string, string>(OperatorRuntimeEnvironment.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in callerVariables ?? [])
            if (name.StartsWith("DOTNET_", StringComparison.Ordinal))
                env[name] = value;
        foreach (var name in env.Where(e => e.Value.Length == 0).Select(e => e.Key).ToList())
            env.Remove(name);
        env["PATH"] = path ?? "/usr/local/bin:/usr/bin:/bin";
        env["HOME"] = t.Home;
        env["AWS_ACCESS_KEY_ID"] = BenchWorld.AccessKey;
        env["AWS_SECRET_ACCESS_KEY"] = BenchWorld.SecretKey;
        env["AWS_EC2_METADATA_DISABLED"] = "true";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        if (!string.IsNullOrEmpty(dotnetRoot))
            env["DOTNET_ROOT"] = dotnetRoot;
        return env;
    }
}
